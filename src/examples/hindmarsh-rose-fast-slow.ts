import { FastSlow2D, PhasePlane2D } from '../analysis/index.js';
import type { Trajectories } from '../analysis/trajectory.js';
import { bifurcationSpec } from '../plot/analysis-bifurcation.js';
import { phasePlaneSpec } from '../plot/analysis-phase-plane.js';
import { stackSpecs } from '../plot/specs.js';
import { analysisResult, equals, figure, holds } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SEED = 'seed 001, [3D] Hindmarsh Rose Model';

const EQUATIONS = { x: 'y - a * x**3 + b * x * x - z + Isyn', y: 'c - d * x * x - y', z: 'r * (s * (x - x_r) - z)' };
const PARS = { a: 1, b: 2.5, c: 1, d: 5, s: 4, x_r: -1.6, r: 0.001, Isyn: 1.5 };

/** The seed's printed fixed points of the fast subsystem at z = 0, 0.3, ..., 2.4: [x, y, class]. */
const SEED_PHASE_PLANES: readonly (readonly [number, number, string][])[] = [
  [[0.862288349294799, -2.7177058646654935, 'unstable focus']],
  [[-1.872654283356628, -16.5341715842593, 'stable node'], [-1.4420391946597404, -9.397382585390593, 'saddle'], [0.8146858103927409, -2.318565022506274, 'unstable focus']],
  [[-2.0462132406600912, -19.934943131130087, 'stable node'], [-1.2168555131297534, -6.40368673337723, 'saddle'], [0.7630687306850773, -1.911369548008847, 'unstable focus']],
  [[-2.1556926349477843, -22.235053679257277, 'stable node'], [-1.05070800710585, -4.519936589150076, 'saddle'], [0.7064006730222961, -1.4950094398974472, 'unstable focus']],
  [[-2.2411861683124883, -24.1145772063309, 'stable node'], [-0.901932179236277, -3.067408474244581, 'saddle'], [0.6431188901157783, -1.0680095250383574, 'unstable focus']],
  [[-2.3130990884027134, -25.75213708580098, 'stable node'], [-0.7575691876779478, -1.8695551041910168, 'saddle'], [0.5706681801629564, -0.6283107114652488, 'unstable focus']],
  [[-2.3760052650455847, -27.227005096799942, 'stable node'], [-0.6083084538224832, -0.8501958918559419, 'saddle'], [0.48431473687387644, -0.17280300724589612, 'unstable focus']],
  [[-2.4323928622096647, -28.582675180900974, 'stable node'], [-0.4407309093835196, 0.028781414591295275, 'saddle'], [0.37312367222430437, 0.30389369711344255, 'unstable focus']],
  [[-2.4837904744530963, -29.84607557713767, 'stable node'], [-0.20892015454771234, 0.7817619225980599, 'saddle'], [0.19271039914787816, 0.8143135053948518, 'stable focus']],
];

/**
 * Fixed points of the fast subsystem counted independently: y = c - d x^2 turns dx/dt = 0 into
 * the cubic -a x^3 + (b - d) x^2 + c + Isyn - z = 0, whose roots are bracketed on a fine x grid.
 */
const cubic = (x: number, z: number) => -PARS.a * x ** 3 + (PARS.b - PARS.d) * x * x + PARS.c + PARS.Isyn - z;

function countByCubic(zs: Float64Array, yMin = -20, yMax = 3): number {
  const g = cubic;
  const steps = 100_000;
  let n = 0;
  for (const z of zs) {
    for (let k = 0; k < steps; k++) {
      const x0 = -3 + (5 * k) / steps;
      const x1 = -3 + (5 * (k + 1)) / steps;
      const g0 = g(x0, z);
      const g1 = g(x1, z);
      // A root on a node counts once (in the interval it starts); otherwise a sign change.
      if (!(g0 === 0 || g0 * g1 < 0)) continue;
      const x = g0 === 0 ? x0 : x0 - (g0 * (x1 - x0)) / (g1 - g0);
      const y = PARS.c - PARS.d * x * x;
      if (y >= yMin && y <= yMax) n++;
    }
  }
  return n;
}

/** Rows of a trajectory between two times, as a new Trajectories of one run. */
function window(t: Trajectories, from: number, to: number): Trajectories {
  const rows = Array.from(t.ts.keys()).filter((r) => t.ts[r] >= from && t.ts[r] <= to);
  return { ts: Float64Array.from(rows, (r) => t.ts[r]), count: 1, traces: t.traces.map((tr) => Float64Array.from(rows, (r) => tr[r * t.count])) };
}

/**
 * Seed 001's Hindmarsh-Rose analysis: FastSlow2D of the fast (x, y) subsystem against the slow z
 * in [-0.5, 3] with the bursting trajectory overlaid, and the fast phase plane at nine values of z
 * (the seed prints every fixed point there: checked). The seed's phase planes search y in
 * [-20, 3] as well, yet print stable nodes down to y = -29.8: their auxiliary y(x) solution is not
 * bounded by the y range; here every y in the printed points is searched ([-32, 3]).
 */
export const hindmarshRoseFastSlow: Example = {
  name: 'hindmarsh-rose-fast-slow',
  title: '[3D] Hindmarsh Rose Model: fast-slow analysis',
  description:
    "FastSlow2D of Hindmarsh-Rose (fast x, y; slow z) with the bursting trajectory, and the fast phase planes at z = 0..2.4 whose fixed points are compared with the seed's 25 printed points. " +
    'The fast subsystem has 574 fixed points inside x in [-3, 2], y in [-20, 3] over the 350 z values (checked against the reduced cubic); the seed printed 789: ' +
    'BrainPy solves y from dy/dt = 0 without bounding it, and without the y bound there are 813 roots, of which it found 789.',
  defaultDuration: 1700,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const duration = o.duration ?? 1700;
    const fs = new FastSlow2D(EQUATIONS, { fastVars: { x: [-3, 2], y: [-20, 3] }, slowVars: { z: [-0.5, 3] }, parsUpdate: PARS, resolutions: { z: 0.01 }, log: o.log });
    const fp = fs.fixedPoints();
    const traj = fs.trajectory({ x: [1], y: [1], z: [1] }, { duration, dt: 0.01 });
    const shown = window(traj, Math.min(360, duration), Math.min(1680, duration));
    const figures = await figure(o, bifurcationSpec(fp, { variable: 'x', trajectory: shown, trajectoryParIndex: 2, title: 'Hindmarsh-Rose: fast subsystem against z, with the trajectory' }), 'fast-slow');

    const zs = SEED_PHASE_PLANES.map((_, k) => k * 0.3);
    const planes = [];
    let worst = 0;
    let classesAgree = true;
    let counts = true;
    for (const [k, z] of zs.entries()) {
      const pp = new PhasePlane2D(EQUATIONS, { targetVars: { x: [-3, 2], y: [-32, 3] }, parsUpdate: { ...PARS, z }, resolutions: { x: 0.01, y: 0.01 } });
      const found = pp.fixedPoints();
      const seed = SEED_PHASE_PLANES[k];
      counts &&= found.length === seed.length;
      for (const [x, y, s] of seed) {
        const match = found.reduce((best, p) => (Math.abs(p.values.x - x) < Math.abs(best.values.x - x) ? p : best), found[0]);
        worst = Math.max(worst, Math.abs(match.values.x - x), Math.abs(match.values.y - y) / 10);
        classesAgree &&= match.stability === s;
      }
      o.log(`z=${z.toFixed(2)}: ${found.map((p) => `x=${p.values.x.toFixed(6)}, y=${p.values.y.toFixed(6)} (${p.stability})`).join('; ')}`);
      if (k % 4 === 0) {
        const trajectory = pp.trajectory({ x: [found[found.length - 1].values.x + 0.1], y: [found[found.length - 1].values.x + 0.1] }, { duration: 500, dt: 0.01 });
        planes.push(phasePlaneSpec({ vars: ['x', 'y'], box: [[-3, 2], [-32, 3]], field: pp.vectorField(), nullclines: pp.nullclines(), fixedPoints: found, trajectories: window(trajectory, 400, 500) }, { title: `z = ${z.toFixed(2)}`, height: 260 }));
      }
    }
    checks.phase_plane_counts = holds(counts, `${SEED}: 1 fixed point at z = 0, 3 at z = 0.3 .. 2.4`);
    // The seed's points come from BrainPy's optimiser: they solve the reduced cubic only to a few 1e-6.
    const seedResidual = Math.max(...SEED_PHASE_PLANES.flatMap((points, k) => points.map(([x]) => Math.abs(cubic(x, zs[k])))));
    o.log(`largest difference from the seed's points: ${worst.toExponential(2)}; the seed's points leave a cubic residual up to ${seedResidual.toExponential(2)}`);
    checks.phase_plane_points = { value: worst, expected: `< 1e-5 (largest |x| and |y|/10 difference from the seed's 25 printed points, which solve the cubic to ${seedResidual.toExponential(1)})`, pass: worst < 1e-5 };
    checks.phase_plane_classes = holds(classesAgree, `${SEED}: unstable focus, stable node, saddle ("saddle node"), stable focus at z = 2.4`);
    const zMax = Math.max(...traj.traces[2]);
    const zMin = Math.min(...traj.traces[2].subarray(Math.floor(traj.traces[2].length / 4)));
    o.log(`trajectory: z oscillates in [${zMin.toFixed(3)}, ${zMax.toFixed(3)}] after the first quarter (bursting)`);
    const expected = countByCubic(fs.setup.parAxes[0]);
    const unbounded = countByCubic(fs.setup.parAxes[0], -Infinity, Infinity);
    o.log(`fast-subsystem fixed points: ${fp.group.length}; roots of the reduced cubic inside the box: ${expected}, for any y: ${unbounded}; seed: 789`);
    checks.fast_slow_count = equals(fp.group.length, expected, 'real roots of -x^3 - 2.5x^2 + 2.5 - z (y = 1 - 5x^2) inside x in [-3, 2], y in [-20, 3], over the 350 z values');
    figures.push(...(await figure(o, { ...stackSpecs(planes), resolve: { scale: { color: 'independent' } } }, 'phase-planes')));
    return analysisResult(start, figures, checks, duration);
  },
};
