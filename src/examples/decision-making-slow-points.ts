import { PhasePlane2D, SlowPointFinder } from '../analysis/index.js';
import { RandomStream } from '../core/random.js';
import { phasePlaneSpec } from '../plot/analysis-phase-plane.js';
import { spectrumSpec } from '../plot/analysis-spectrum.js';
import { analysisResult, equals, figure, holds, near } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SEED = 'seed 001, [2D] Decision Making Model with SlowPointFinder';

/** The reduced Wong-Wang model's parameters as the seed sets them (time in seconds). */
const P = { gamma: 0.641, tau: 0.06, a: 270, b: 108, d: 0.154, JE: 0.3725, JI: -0.1137, JAext: 0.00117, mu: 20, coh: 0.5, Ib1: 0.3297, Ib2: 0.3297 };

/** The seed's f_cell: ds/dt for s = [s1, s2], a plain function as SlowPointFinder takes it. */
function cell(s: Float64Array): number[] {
  const rate = (I: number) => (P.a * I - P.b) / (1 - Math.exp(-P.d * (P.a * I - P.b)));
  const I1 = P.JE * s[0] + P.JI * s[1] + P.Ib1 + P.JAext * P.mu * (1 + P.coh);
  const I2 = P.JE * s[1] + P.JI * s[0] + P.Ib2 + P.JAext * P.mu * (1 - P.coh);
  return [-s[0] / P.tau + (1 - s[0]) * P.gamma * rate(I1), -s[1] / P.tau + (1 - s[1]) * P.gamma * rate(I2)];
}

/** The same equations as a model description, for the phase plane. */
const rateOf = (I: string) => `((a * ${I} - b) / (1 - exp(-d * (a * ${I} - b))))`;
const EQUATIONS = {
  s1: `-s1 / tau + (1 - s1) * gamma * ${rateOf('(JE * s1 + JI * s2 + Ib1 + JAext * mu * (1 + coh))')}`,
  s2: `-s2 / tau + (1 - s2) * gamma * ${rateOf('(JE * s2 + JI * s1 + Ib2 + JAext * mu * (1 - coh))')}`,
};

/** The seed's printed fixed points, in the order it prints them. */
const SEED_POINTS = [
  [0.70045189, 0.00486431],
  [0.01394651, 0.65738904],
  [0.28276323, 0.40635171],
];

/**
 * Seed 001's SlowPointFinder on the reduced Wong-Wang decision model: 1000 uniform random
 * candidates in [0, 1)^2, losses filtered at 1e-5, duplicates merged at 0.025, Jacobians at the
 * three fixed points. The same model as equations gives the phase plane, whose fixed points
 * (found by the grid search) must be the same three.
 */
export const decisionMakingSlowPoints: Example = {
  name: 'decision-making-slow-points',
  title: '[2D] Decision Making Model with SlowPointFinder',
  description: "Fixed points of the reduced Wong-Wang model from 1000 random candidates (two decision attractors and a saddle) vs the seed's printed points; Jacobian spectra; phase plane.",
  defaultDuration: 0,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const rng = new RandomStream(o.seed);
    const candidates = Array.from({ length: 1000 }, () => [rng.random(), rng.random()]);
    const finder = new SlowPointFinder(cell, { dim: 2, fType: 'continuous', log: o.log });
    finder.findFixedPoints(candidates);
    finder.filterLoss(1e-5);
    finder.keepUnique(0.025);
    const fps = finder.fixedPoints;
    o.log(`fixed_points: ${fps.map((p) => `[${Array.from(p, (v) => v.toFixed(8)).join(' ')}]`).join(' ')}`);
    o.log(`losses: ${Array.from(finder.losses, (v) => v.toExponential(3)).join(' ')}`);
    checks.fixed_points = equals(fps.length, 3, `${SEED}: "Kept 3/957 unique fixed points"`);
    SEED_POINTS.forEach((seed, k) => {
      const match = fps.reduce((best, p) => (Math.hypot(p[0] - seed[0], p[1] - seed[1]) < Math.hypot(best[0] - seed[0], best[1] - seed[1]) ? p : best), fps[0]);
      checks[`fp${k + 1}_s1`] = near(match?.[0] ?? NaN, seed[0], 1e-7, `${SEED} (printed to 8 digits)`);
      checks[`fp${k + 1}_s2`] = near(match?.[1] ?? NaN, seed[1], 1e-7, `${SEED} (printed to 8 digits)`);
    });
    const { eigenvalues, stability } = finder.spectra();
    stability.forEach((s, k) => o.log(`FP ${k + 1}: ${s}; eigenvalues ${eigenvalues[k].map((e) => e.re.toFixed(3)).join(', ')}`));
    checks.two_attractors_one_saddle = holds(
      stability.filter((s) => s === 'stable node').length === 2 && stability.filter((s) => s === 'saddle').length === 1,
      'two stable nodes (the choices) and a saddle between them',
    );
    const figures = await figure(o, spectrumSpec(eigenvalues, { title: 'Jacobian eigenvalues at the fixed points' }), 'jacobian-spectra');

    const pp = new PhasePlane2D(EQUATIONS, { targetVars: { s1: [0, 1], s2: [0, 1] }, parsUpdate: P, resolutions: 0.002, log: o.log });
    const planePoints = pp.fixedPoints();
    const worst = Math.max(...planePoints.map((q) => Math.min(...fps.map((p) => Math.hypot(p[0] - q.values.s1, p[1] - q.values.s2)))));
    checks.phase_plane_agrees = { value: worst, expected: `3 points within 1e-9 of SlowPointFinder's (grid search + Newton on the equations; found ${planePoints.length})`, pass: planePoints.length === 3 && worst < 1e-9 };
    const spec = phasePlaneSpec(
      { vars: ['s1', 's2'], box: [[0, 1], [0, 1]], field: pp.vectorField(), nullclines: pp.nullclines(), fixedPoints: planePoints },
      { title: 'Reduced Wong-Wang model (coherence 0.5, μ = 20)' },
    );
    figures.push(...(await figure(o, spec, 'phase-plane')));
    return analysisResult(start, figures, checks);
  },
};
