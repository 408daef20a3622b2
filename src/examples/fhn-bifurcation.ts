import { Bifurcation2D } from '../analysis/index.js';
import { FHN, FHN_MODEL } from '../models/rates/index.js';
import { Runner } from '../runner/runner.js';
import { bifurcationPanels } from '../plot/analysis-bifurcation.js';
import { lineSpec } from '../plot/specs.js';
import { analysisResult, equals, figure, holds, near } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SEED = 'seed 000, rate-based FitzHugh-Nagumo';

/**
 * Hopf points of BrainPy's rate FHN in closed form. At a fixed point y = (x - delta)/epsilon,
 * and the trace of the Jacobian, -3 alpha x^2 + 2 beta x + gamma - epsilon/tau, vanishes at the
 * two roots x of that quadratic; x_ext = alpha x^3 - beta x^2 - gamma x + y there.
 */
function hopfPoints(p: { alpha: number; beta: number; gamma: number; delta: number; epsilon: number; tau: number }): number[] {
  const a = -3 * p.alpha;
  const b = 2 * p.beta;
  const c = p.gamma - p.epsilon / p.tau;
  const r = Math.sqrt(b * b - 4 * a * c);
  return [(-b + r) / (2 * a), (-b - r) / (2 * a)]
    .map((x) => p.alpha * x ** 3 - p.beta * x ** 2 - p.gamma * x + (x - p.delta) / p.epsilon)
    .sort((u, v) => u - v);
}

/**
 * Seed 000's Bifurcation2D of the rate FHN over x_ext in [0, 2] (y_ext = 0): the fixed-point
 * branch, its Hopf points, and the limit cycles found by simulation from every fixed point
 * (BrainPy's plot_limit_cycle_by_sim). The seed reads the oscillating range [0.72, 1.4] off its
 * figure; here the range comes out of the analysis and is checked against it and against the
 * Hopf points computed in closed form. Then the FHN group is run with input 1.0 as in the seed.
 */
export const fhnBifurcation: Example = {
  name: 'fhn-bifurcation',
  title: 'Simulating a firing rate-based network: FitzHugh-Nagumo bifurcation',
  description:
    "Bifurcation2D of the rate FHN over x_ext in [0, 2]; the limit-cycle range from simulation and the Hopf points in closed form vs the seed's [0.72, 1.4]. " +
    'Our cycles span [0.72, 1.33]: both ends are supercritical Hopf points (0.726, 1.332); at 0.72, just below the first, the damping is so weak that the run still swings by more than 1e-3 after 2000 ms. ' +
    "The seed's upper end 1.4 (read off its figure) is 0.07 above the Hopf point; the check allows 0.1 there.",
  defaultDuration: 2000,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const fhn = new FHN(1);
    const bf = new Bifurcation2D(fhn, { targetVars: { x: [-2, 2], y: [-2, 2] }, targetPars: { x_ext: [0, 2] }, parsUpdate: { y_ext: 0 }, resolutions: { x_ext: 0.01 }, log: o.log });
    const fp = bf.fixedPoints();
    checks.fixed_points = equals(fp.group.length, 200, `${SEED}: "Found 200 fixed points" (one per x_ext value)`);
    const params = fhn.params as Record<string, number>;
    const exact = hopfPoints({ alpha: params.alpha, beta: params.beta, gamma: params.gamma, delta: params.delta, epsilon: params.epsilon, tau: params.tau });
    const hopf = bf.bifurcationPoints().filter((b) => b.kind === 'Hopf');
    o.log(`Hopf points: ${hopf.map((h) => h.par.toFixed(4)).join(', ')} (closed form ${exact.map((v) => v.toFixed(4)).join(', ')})`);
    checks.hopf_points = equals(hopf.length, 2, 'two Hopf points on the branch');
    hopf.forEach((h, i) => (checks[`hopf_${i + 1}`] = near(h.par, exact[i], 0.01, 'closed form (trace of the Jacobian = 0), to the resolution 0.01')));

    const duration = o.duration ?? 2000;
    const cycles = bf.limitCycles({ duration, dt: 0.05 });
    const range = cycles.p[0];
    const low = range[0];
    const high = range[range.length - 1];
    o.log(`limit cycles by simulation (${duration} ms from each fixed point + 1) for x_ext in [${low?.toFixed(2)}, ${high?.toFixed(2)}]; seed: [0.72, 1.4]`);
    checks.cycle_range_low = near(low ?? NaN, 0.72, 0.02, `${SEED}: limit cycles for x_ext in [0.72, 1.4]; two parameter steps`);
    checks.cycle_range_high = near(high ?? NaN, 1.4, 0.1, `${SEED}: upper end read off the figure; the Hopf point is at ${exact[1].toFixed(3)}`);
    const contiguous = range.every((v, c) => c === 0 || Math.abs(v - range[c - 1] - 0.01) < 1e-9);
    checks.cycle_range_contiguous = holds(contiguous, 'one unbroken oscillating range');
    const figures = await figure(o, bifurcationPanels(fp, { limitCycles: cycles, title: 'FHN: fixed points and limit cycles over x_ext' }), 'bifurcation');

    // The seed's check by simulation: the FHN group with input 1.0 oscillates, with the cycle's extremes.
    const group = new FHN(1, { x_initializer: 0, y_initializer: 0 });
    const runner = new Runner(group, { monitors: ['x'], inputs: [['input', 1.0]], dt: 0.01, progress: false });
    const wall = runner.run(duration);
    const x = runner.mon.get('x');
    let simMax = -Infinity;
    let simMin = Infinity;
    for (let r = Math.floor(x.rows / 2); r < x.rows; r++) {
      simMax = Math.max(simMax, x.data[r]);
      simMin = Math.min(simMin, x.data[r]);
    }
    const at1 = Array.from(range).findIndex((v) => Math.abs(v - 1) < 1e-9);
    o.log(`runner, input 1.0: x in [${simMin.toFixed(4)}, ${simMax.toFixed(4)}]; analysis cycle at x_ext = 1.00: [${cycles.min[0][at1]?.toFixed(4)}, ${cycles.max[0][at1]?.toFixed(4)}] (${wall.toFixed(2)} s)`);
    checks.runner_cycle_max = near(simMax, cycles.max[0][at1] ?? NaN, 0.01, 'limit-cycle maximum of x at x_ext = 1 from the analysis');
    checks.runner_cycle_min = near(simMin, cycles.min[0][at1] ?? NaN, 0.01, 'limit-cycle minimum of x at x_ext = 1 from the analysis');
    figures.push(...(await figure(o, lineSpec(runner.mon.ts, x, { legend: false, ylabel: 'x', title: `${FHN_MODEL.name} with input 1.0` }), 'simulation')));
    return analysisResult(start, figures, checks, duration, x.rows);
  },
};
