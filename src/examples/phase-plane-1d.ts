import { Bifurcation1D, PhasePlane1D } from '../analysis/index.js';
import { bifurcationSpec, codimension2Spec } from '../plot/analysis-bifurcation.js';
import { phaseLineSpec } from '../plot/analysis-phase-plane.js';
import { analysisResult, equals, figure, holds, near } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SOURCE = 'seed 001, [1D] Simple systems';

/**
 * Seed 001's one-dimensional systems: the phase line of dx/dt = x^3 - x + Iext at Iext = 0, its
 * codimension-1 bifurcation over Iext (saddle-node points at ±2/(3√3)), and the codimension-2
 * system dx/dt = mu + lambda x - x^3, whose cusp 27 mu^2 = 4 lambda^3 bounds the region of
 * three fixed points.
 */
export const phasePlane1D: Example = {
  name: 'phase-plane-1d',
  title: '[1D] Simple systems',
  description: 'Phase line, saddle-node bifurcation and cusp of 1-D polynomial systems; fixed points x = ±1 (unstable) and 0 (stable) as the seed prints.',
  defaultDuration: 0,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const cubic = { x: 'x**3 - x + Iext' };
    const pp = new PhasePlane1D(cubic, { targetVars: { x: [-10, 10] }, parsUpdate: { Iext: 0 }, log: o.log });
    const field = pp.vectorField();
    const fps = pp.fixedPoints();
    checks.fixed_points = equals(fps.length, 3, SOURCE);
    const seed = [[-1, 'unstable point'], [0, 'stable point'], [1, 'unstable point']] as const;
    seed.forEach(([x, s], i) => {
      const found = fps[i];
      checks[`x${i + 1}`] = near(found?.values.x ?? NaN, x, 1e-8, `${SOURCE}: ${s}`);
      checks[`x${i + 1}_stability`] = holds(found?.stability === s, `${s} (${SOURCE})`);
    });
    const figures = await figure(o, phaseLineSpec(field, fps, { title: 'dx/dt = x³ - x' }), 'phase-line');

    const codim1 = new Bifurcation1D(cubic, { targetVars: { x: [-2, 2] }, targetPars: { Iext: [-0.5, 0.5] }, resolutions: { Iext: 0.001 }, log: o.log });
    const folds = codim1.bifurcationPoints().filter((b) => b.kind === 'saddle-node');
    const exact = 2 / (3 * Math.sqrt(3));
    o.log(`saddle-node points at Iext = ${folds.map((b) => `(${b.between.join(', ')})`).join(' and ')}; exact ±${exact.toFixed(6)}`);
    checks.saddle_nodes = equals(folds.length, 2, 'two folds of x^3 - x + I');
    folds.forEach((b, i) => (checks[`saddle_node_${i + 1}`] = near(b.par, (i === 0 ? -1 : 1) * exact, 0.001, 'analytic ±2/(3√3), to the resolution 0.001')));
    figures.push(...(await figure(o, bifurcationSpec(codim1.fixedPoints(), { title: 'Codimension 1: dx/dt = x³ - x + Iext' }), 'bifurcation-codim1')));

    const codim2 = new Bifurcation1D({ x: 'mu + lambda_ * x - x**3' }, {
      targetVars: { x: [-3, 3] },
      targetPars: { lambda_: [-1, 4], mu: [-4, 4] },
      resolutions: { lambda_: 0.1, mu: 0.1 },
      log: o.log,
    });
    const fp2 = codim2.fixedPoints();
    const [lambdas, mus] = codim2.setup.parAxes;
    const counts = new Int32Array(lambdas.length * mus.length);
    for (const g of fp2.group) counts[g]++;
    // Away from the cusp curve (where two roots merge) the count is 3 inside 27 mu^2 < 4 lambda^3, else 1.
    let wrong = 0;
    let compared = 0;
    counts.forEach((n, s) => {
      const l = lambdas[Math.floor(s / mus.length)];
      const m = mus[s % mus.length];
      const margin = 4 * l ** 3 - 27 * m ** 2;
      if (Math.abs(margin) < 1) return;
      compared++;
      if (n !== (margin > 0 ? 3 : 1)) wrong++;
    });
    o.log(`codimension 2: ${fp2.group.length} fixed points over ${counts.length} (lambda, mu) pairs; ${wrong}/${compared} counts differ from the cusp rule`);
    checks.cusp_counts = equals(wrong, 0, `count 3 inside 27 mu^2 < 4 lambda^3, 1 outside, on ${compared} pairs away from the cusp`);
    figures.push(...(await figure(o, codimension2Spec(fp2, codim2.setup.parAxes, { title: 'Fixed points of μ + λx - x³' }), 'bifurcation-codim2')));
    return analysisResult(start, figures, checks);
  },
};
