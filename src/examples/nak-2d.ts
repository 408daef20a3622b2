import { Bifurcation2D, isStable, PhasePlane2D } from '../analysis/index.js';
import { evaluateAt } from '../analysis/vector-system.js';
import { defineModel } from '../core/model.js';
import { bifurcationPanels } from '../plot/analysis-bifurcation.js';
import { phasePlaneSpec } from '../plot/analysis-phase-plane.js';
import { analysisResult, equals, figure, holds, near } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SEED = 'seed 001, [2D] NaK model analysis';

/** The I_Na,p + I_K model (Izhikevich 2007, ch. 4) with the seed's low-threshold parameters. */
const NAK = defineModel(
  'INa,p+IK',
  {
    equations: {
      V: '(-g_L * (V - E_L) - g_Na * (V - E_Na) / (1 + exp((Vm_half - V) / k_m)) - g_K * n * (V - E_K) + Iext) / C',
      n: '(1 / (1 + exp((Vn_half - V) / k_n)) - n) / tau',
    },
  },
  ['C', 'E_L', 'g_L', 'g_Na', 'g_K', 'E_K', 'E_Na', 'Vm_half', 'k_m', 'Vn_half', 'k_n', 'tau', 'Iext'],
);
const PARAMS = { C: 1, E_L: -78, g_L: 8, g_Na: 20, g_K: 10, E_K: -90, E_Na: 60, Vm_half: -20, k_m: 15, Vn_half: -45, k_n: 5, tau: 1, Iext: 0 };
/** The seed's printed fixed point at Iext = 50. */
const SEED_POINT = { n: 0.210529358619151, V: -51.60868761096133 };

/**
 * Seed 001's NaK analysis: the phase plane at Iext = 50 (one fixed point, an unstable focus,
 * and trajectories that settle on the limit cycle) and Bifurcation2D over Iext in [0, 50]
 * with limit cycles by simulation. The seed printed 325 fixed points from 15,000 candidates
 * (30 per Iext value); Neurodyn refines every grid cell both nullclines cross and finds one
 * fixed point at each of the 500 values, so BrainPy's selection lost 175 of them.
 */
export const nak2D: Example = {
  name: 'nak-2d',
  title: '[2D] NaK model analysis',
  description:
    'I_Na,p + I_K (low threshold): phase plane at Iext = 50 (one unstable focus, as the seed prints, and the limit cycle both trajectories reach, with its period) and the bifurcation over Iext in [0, 50] with limit cycles by simulation; ' +
    "fixed-point count reported against the seed's 325 (BrainPy kept 30 candidates per value and lost some; here every value has its fixed point).",
  defaultDuration: 100,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const duration = o.duration ?? 100;
    const pp = new PhasePlane2D({ model: NAK, params: PARAMS }, { targetVars: { n: [0, 1], V: [-90, 20] }, parsUpdate: { Iext: 50 }, resolutions: { n: 0.01, V: 0.1 }, log: o.log });
    const nullclines = pp.nullclines();
    const field = pp.vectorField();
    const fps = pp.fixedPoints();
    checks.fixed_points = equals(fps.length, 1, `${SEED}: "Found 1 fixed points."`);
    const fp = fps[0];
    checks.fp_n = near(fp?.values.n ?? NaN, SEED_POINT.n, 1e-6, SEED);
    checks.fp_V = near(fp?.values.V ?? NaN, SEED_POINT.V, 1e-5, SEED);
    checks.fp_stability = holds(fp?.stability === 'unstable focus', `unstable focus (${SEED})`);
    const speed = fp ? Math.max(...evaluateAt(pp.setup.system, [fp.values.n, fp.values.V]).f.map(Math.abs)) : NaN;
    checks.fp_speed = { value: speed, expected: '< 1e-9 (a root to rounding; dV/dt is of order 1e3 here)', pass: speed < 1e-9 };
    const starts = { n: [0.2, 0.4], V: [-10, -80] };
    const trajectories = pp.trajectory(starts, { duration, dt: 0.005 });
    // The only fixed point is unstable, so both starts must settle on one limit cycle (Poincaré-Bendixson).
    const orbits = pp.limitCycles(starts, { duration, dt: 0.005 });
    const periods = orbits.map((c) => c.period);
    o.log(`limit cycle at Iext = 50: period ${periods.map((T) => T.toFixed(4)).join(' and ')} ms from the two starts`);
    checks.phase_plane_cycle = holds(orbits.length === 2 && Math.abs(periods[0] - periods[1]) < 1e-3 * periods[0], 'both starts reach the same limit cycle (periods agree to 1e-3)');
    const figures = await figure(
      o,
      phasePlaneSpec({ vars: ['n', 'V'], box: [[0, 1], [-90, 20]], field, nullclines, fixedPoints: fps, trajectories, limitCycles: orbits }, { title: 'INa,p+IK at Iext = 50' }),
      'phase-plane',
    );

    const bf = new Bifurcation2D({ model: NAK, params: PARAMS }, { targetVars: { V: [-90, 20], n: [0, 1] }, targetPars: { Iext: [0, 50] }, resolutions: { Iext: 0.1, V: 0.5, n: 0.01 }, log: o.log });
    const all = bf.fixedPoints();
    o.log(`fixed points over Iext in [0, 50): ${all.group.length} (seed: 325 from 15,000 candidates)`);
    checks.bifurcation_one_per_value = equals(all.group.length, bf.setup.parAxes[0].length, 'one fixed point at each Iext value (the seed found 325 of 500)');
    const points = bf.bifurcationPoints();
    o.log(`bifurcations: ${points.map((b) => `${b.kind} at Iext ≈ ${b.par.toFixed(2)}`).join('; ') || 'none'}`);
    // The seed simulates 100 ms; then damped oscillations below the Hopf point (down to Iext = 9.4)
    // still swing by more than the tolerance. 1000 ms separates them from real cycles.
    const cycles = bf.limitCycles({ duration: 1000, dt: 0.02 });
    const withCycle = new Set(Array.from(cycles.p[0], (v) => Math.round(v * 10)));
    // A bounded planar flow whose only fixed point is unstable must have a limit cycle (Poincaré-Bendixson).
    const unstableOnly = Array.from(all.p[0]).filter((_, m) => !isStable(all.stability[m]));
    const missing = unstableOnly.filter((v) => !withCycle.has(Math.round(v * 10)));
    o.log(`limit cycles by simulation for ${cycles.p[0].length} Iext values, from ${cycles.p[0][0]?.toFixed(1)} to ${cycles.p[0][cycles.p[0].length - 1]?.toFixed(1)}`);
    const hopf = points.find((b) => b.kind === 'Hopf');
    // The Hopf point is supercritical (runs of 4000 ms at Iext = 14.2 and 14.4 decay to rest), but
    // damping vanishes there, so runs of 1000 ms still swing by > 1e-3 a few tenths below it.
    const onset = cycles.p[0][0] ?? NaN;
    const hopfPar = hopf?.par ?? NaN;
    checks.cycle_onset = {
      value: onset,
      expected: `in [${(hopfPar - 0.5).toFixed(2)}, ${hopfPar.toFixed(2)}]: at the Hopf point, or up to 0.5 below it where damped oscillations outlast a 1000 ms run`,
      pass: onset <= hopfPar && onset >= hopfPar - 0.5,
    };
    checks.cycles_where_unstable = equals(missing.length, 0, `a limit cycle at each of the ${unstableOnly.length} Iext values whose only fixed point is unstable (Poincaré-Bendixson)`);
    figures.push(...(await figure(o, bifurcationPanels(all, { limitCycles: cycles, title: 'INa,p+IK: bifurcation over Iext' }), 'bifurcation')));
    return analysisResult(start, figures, checks, duration);
  },
};
