import { Bifurcation2D, type FixedPoints, isStable, PhasePlane2D } from '../analysis/index.js';
import { integrate } from '../analysis/trajectory.js';
import { evaluateAt } from '../analysis/vector-system.js';
import { defineModel } from '../core/model.js';
import { WILSON_COWAN_MODEL, WilsonCowanModel } from '../models/rates/index.js';
import { bifurcationSpec } from '../plot/analysis-bifurcation.js';
import { phasePlaneSpec } from '../plot/analysis-phase-plane.js';
import { stackSpecs } from '../plot/specs.js';
import { analysisResult, equals, figure, holds, near } from './analysis-helpers.js';
import type { Check, Example, ExampleOptions } from './example.js';

const SEED_001 = 'seed 001, [2D] Wilson-Cowan model';
const SEED_000 = 'seed 000, Wilson-Cowan Bifurcation2D';

const F = (u: string, a: string, theta: string) => `(1 / (1 + exp(-${a} * (${u} - ${theta}))) - 1 / (1 + exp(${a} * ${theta})))`;

/** Seed 001's own WilsonCowanModel class (e, i), with its parameters. */
const SEED_001_MODEL = defineModel(
  'WilsonCowan (seed 001)',
  {
    equations: {
      e: `(-e + (1 - r * e) * ${F('(wEE * e - wEI * i + Iext)', 'E_a', 'E_theta')}) / E_tau`,
      i: `(-i + (1 - r * i) * ${F('(wIE * e - wII * i)', 'I_a', 'I_theta')}) / I_tau`,
    },
  },
  ['wEE', 'wEI', 'wIE', 'wII', 'r', 'E_tau', 'E_a', 'E_theta', 'I_tau', 'I_a', 'I_theta', 'Iext'],
);
const SEED_001_PARAMS = { wEE: 12, wEI: 4, wIE: 13, wII: 11, r: 1, E_tau: 1, E_a: 1.2, E_theta: 2.8, I_tau: 1, I_a: 1, I_theta: 4, Iext: 0 };
/** Its printed fixed points (e, i) and classes; BrainPy calls a saddle "saddle node". */
const SEED_001_POINTS = [
  { e: -1.6868322611378924e-7, i: -3.4570638908889285e-8, stability: 'stable node' },
  { e: 0.17803581298567323, i: 0.06279970624572738, stability: 'saddle' },
  { e: 0.46246485137398247, i: 0.24336408752379407, stability: 'stable node' },
];

/**
 * BrainPy's rates.WilsonCowanModel as it was when seed 000 ran (BrainPy 2.2/2.3): dx reused the
 * name x for the total input u = wEE x - wIE y + x_ext, so it read (-u + (1 - r u) F(u)) / E_tau.
 * Later BrainPy (and Neurodyn's WilsonCowanModel) use the activity x there.
 */
const SEED_ERA_MODEL = defineModel(
  'WilsonCowanModel (BrainPy 2.2 dx)',
  {
    equations: {
      x: `(-(wEE * x - wIE * y + x_ext) + (1 - r * (wEE * x - wIE * y + x_ext)) * ${F('(wEE * x - wIE * y + x_ext)', 'E_a', 'E_theta')}) / E_tau`,
      y: `(-y + (1 - r * y) * ${F('(wEI * x - wII * y + y_ext)', 'I_a', 'I_theta')}) / I_tau`,
    },
  },
  WILSON_COWAN_MODEL.params,
);

const perValue = (fp: FixedPoints) => {
  const counts = new Map<number, number>();
  for (const g of fp.group) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
};

/** Distinct end states of runs from the seed's two initial conditions at x_ext = -0.5 (its simulation). */
function endStates(bf: Bifurcation2D): number {
  const run = integrate(bf.setup.system, [Float64Array.of(-0.2, 1), Float64Array.of(0, 1)], [Float64Array.of(-0.5, -0.5)], { duration: 100, dt: 0.01 });
  const last = run.ts.length - 1;
  const a = run.traces.map((t) => t[last * 2]);
  const b = run.traces.map((t) => t[last * 2 + 1]);
  return Math.hypot(a[0] - b[0], a[1] - b[1]) > 1e-3 ? 2 : 1;
}

async function bifurcation(o: ExampleOptions, label: string, source: ConstructorParameters<typeof Bifurcation2D>[0], checks: Record<string, Check>, file: string) {
  o.log(`${label}:`);
  const bf = new Bifurcation2D(source, {
    targetVars: { x: [-0.2, 1], y: [-0.2, 1] },
    targetPars: { x_ext: [-2, 2] },
    parsUpdate: { y_ext: 0 },
    resolutions: { x_ext: 0.01, x: 0.01, y: 0.01 },
    log: o.log,
  });
  const fp = bf.fixedPoints();
  const counts = perValue(fp);
  const s = bf.setup.parAxes[0].findIndex((v) => Math.abs(v + 0.5) < 1e-9);
  const stableAt = fp.stability.filter((st, m) => fp.group[m] === s && isStable(st)).length;
  const ends = endStates(bf);
  o.log(`\tx_ext values with 3 fixed points: ${[...counts.values()].filter((n) => n === 3).length}; folds at ${bf.bifurcationPoints().filter((b) => b.kind === 'saddle-node').map((b) => b.par.toFixed(3)).join(', ')}`);
  o.log(`\tat x_ext = -0.5: ${stableAt} stable fixed point(s); runs from the seed's two initial states end in ${ends} state(s)`);
  checks[`${file}_stable_vs_simulation`] = equals(ends, stableAt, `stable fixed points at x_ext = -0.5 from the analysis (${label})`);
  return { fp, figure: bifurcationSpec(fp, { title: label, height: 200 }) };
}

/**
 * Seed 001's Wilson-Cowan phase plane (three fixed points, printed to 16 digits) and seed 000's
 * Bifurcation2D of rates.WilsonCowanModel over x_ext in [-2, 2] (it found 579 fixed points from
 * 40,000 candidates). With today's equation the model has one fixed point per x_ext value (400);
 * the seed ran BrainPy 2.2, whose dx used the total input in place of x, and with that equation
 * the analysis finds 580: one fixed point per value and three between the two folds.
 */
export const wilsonCowanAnalysis: Example = {
  name: 'wilson-cowan-analysis',
  title: '[2D] Wilson-Cowan model: phase plane and bifurcation',
  description:
    "Phase plane of seed 001's Wilson-Cowan class (3 fixed points vs its printed values) and seed 000's Bifurcation2D over x_ext: 400 fixed points with the current equation, " +
    "580 with BrainPy 2.2's equation (dx used the total input in place of x), vs the seed's 579 (a fold cell counted differently).",
  defaultDuration: 10,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const pp = new PhasePlane2D({ model: SEED_001_MODEL, params: SEED_001_PARAMS }, { targetVars: { e: [-0.2, 1], i: [-0.2, 1] }, resolutions: 0.001, log: o.log });
    const field = pp.vectorField();
    const nullclines = pp.nullclines();
    const fps = pp.fixedPoints();
    checks.fixed_points = equals(fps.length, 3, `${SEED_001}: "Found 3 fixed points."`);
    SEED_001_POINTS.forEach((seed, k) => {
      const found = fps[k];
      // The seed's points come from an optimiser: their speed |f| is up to 1.4e-6 (ours: ~1e-17),
      // which moves the saddle by ~1.5e-6; they are compared to 1e-5.
      const source = `${SEED_001}; its points have residual speed up to 1.4e-6`;
      checks[`fp${k + 1}_e`] = near(found?.values.e ?? NaN, seed.e, 1e-5, source);
      checks[`fp${k + 1}_i`] = near(found?.values.i ?? NaN, seed.i, 1e-5, source);
      const speed = found ? Math.max(...evaluateAt(pp.setup.system, [found.values.e, found.values.i]).f.map(Math.abs)) : NaN;
      checks[`fp${k + 1}_speed`] = { value: speed, expected: '< 1e-12 (a root to rounding)', pass: speed < 1e-12 };
      checks[`fp${k + 1}_stability`] = holds(found?.stability === seed.stability, `${seed.stability} (${SEED_001}${seed.stability === 'saddle' ? ', printed "saddle node"' : ''})`);
    });
    const duration = o.duration ?? 10;
    const trajectories = pp.trajectory({ e: [-0.1, 0.4], i: [0.5, 0.6] }, { duration, dt: 0.01 });
    const figures = await figure(
      o,
      phasePlaneSpec({ vars: ['e', 'i'], box: [[-0.2, 1], [-0.2, 1]], field, nullclines, fixedPoints: fps, trajectories }, { title: 'Wilson-Cowan phase plane (seed 001)' }),
      'phase-plane',
    );

    const wc = new WilsonCowanModel(1, { wEE: 16, wIE: 15, wEI: 12, wII: 3, E_a: 1.5, I_a: 1.5, E_theta: 3, I_theta: 3 });
    const current = await bifurcation(o, 'WilsonCowanModel (current equation)', wc, checks, 'current');
    const seedEra = await bifurcation(o, 'WilsonCowanModel (BrainPy 2.2 equation)', { model: SEED_ERA_MODEL, params: wc.params }, checks, 'seed_era');
    o.log(`fixed points over x_ext in [-2, 2): current equation ${current.fp.group.length}, BrainPy 2.2 equation ${seedEra.fp.group.length}; seed 000: 579`);
    checks.current_one_per_value = holds([...perValue(current.fp).values()].every((n) => n === 1) && perValue(current.fp).size === 400, 'one fixed point at each of the 400 x_ext values (current equation)');
    // Each fold adds two points per parameter step; a count differing by one fold cell at each of the two folds is within 4.
    checks.seed_era_count = near(seedEra.fp.group.length, 579, 4, `${SEED_000}: "Found 579 fixed points", up to one parameter step at each of the two folds`);
    // The two panels have different stability classes: give each its own colour scale.
    const stacked = { ...stackSpecs([current.figure, seedEra.figure]), resolve: { scale: { color: 'independent' } } };
    figures.push(...(await figure(o, stacked, 'bifurcation')));
    return analysisResult(start, figures, checks, duration);
  },
};
