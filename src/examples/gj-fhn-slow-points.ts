import { SlowPointFinder } from '../analysis/index.js';
import { RandomStream } from '../core/random.js';
import { spectrumSpec } from '../plot/analysis-spectrum.js';
import { solveInPlace } from '../analysis/linear-solve.js';
import { analysisResult, equals, figure, near } from './analysis-helpers.js';
import type { Check, Example, ExampleOptions } from './example.js';

const SEED = 'seed 001, Gap junction-coupled FitzHugh-Nagumo Model';
const A = 0.7;
const B = 0.8;
const TAU = 12.5;

/**
 * num FHN neurons coupled all-to-all by gap junctions of weight gjw, as the seed's GJCoupledFHN:
 * dV_j = V_j - V_j^3/3 - w_j + Iext_j + gjw sum_i (V_i - V_j), dw_j = (V_j + a - b w_j) / tau.
 * The state is [V_0..V_{n-1}, w_0..w_{n-1}]; the Jacobian is exact.
 */
function network(num: number, gjw: number, Iext: readonly number[]) {
  const f = (x: Float64Array) => {
    let sum = 0;
    for (let j = 0; j < num; j++) sum += x[j];
    const out = new Float64Array(2 * num);
    for (let j = 0; j < num; j++) {
      const V = x[j];
      const w = x[num + j];
      out[j] = V - (V * V * V) / 3 - w + Iext[j] + gjw * (sum - num * V);
      out[num + j] = (V + A - B * w) / TAU;
    }
    return out;
  };
  const jacobian = (x: Float64Array) => {
    const d = 2 * num;
    const j = new Float64Array(d * d);
    for (let r = 0; r < num; r++) {
      for (let c = 0; c < num; c++) j[r * d + c] = gjw;
      j[r * d + r] += 1 - x[r] * x[r] - num * gjw;
      j[r * d + num + r] = -1;
      j[(num + r) * d + r] = 1 / TAU;
      j[(num + r) * d + num + r] = -B / TAU;
    }
    return j;
  };
  return { f, jacobian };
}

interface Case {
  num: number;
  Iext: number[];
  seedV: number[];
  seedW: number[];
  seedLoss: number;
}

const CASES: Case[] = [
  { num: 2, Iext: [0, 0.6], seedV: [-1.1731516, -0.73801606], seedW: [-0.59144118, -0.04753834], seedLoss: 6.8918834e-15 },
  { num: 2, Iext: [0, 0.1], seedV: [-1.19613916, -1.14106972], seedW: [-0.62017396, -0.55133715], seedLoss: 2.01213341e-24 },
  { num: 4, Iext: [0, 0, 0, 0.6], seedV: [-1.17905465, -1.19006061, -1.17904012, -0.81757202], seedW: [-0.59764936, -0.58889147, -0.59766085, -0.14496394], seedLoss: 5.78896779e-9 },
];

/** Length (max norm) of the Newton step J^-1 f at a point: how far it is from the root it approximates. */
function newtonStep(f: (x: Float64Array) => Float64Array, jacobian: (x: Float64Array) => Float64Array, x: Float64Array): number {
  const d = x.length;
  const rhs = f(x);
  return solveInPlace(jacobian(x), rhs, d) ? Math.max(...rhs.map(Math.abs)) : Infinity;
}

function analyse(o: ExampleOptions, c: Case, rng: RandomStream, checks: Record<string, Check>, label: string) {
  const { f, jacobian } = network(c.num, 0.1, c.Iext);
  const finder = new SlowPointFinder(f, { dim: 2 * c.num, jacobian, log: o.log });
  const candidates = Array.from({ length: 1000 }, () => Array.from({ length: 2 * c.num }, () => 2 * rng.normal()));
  finder.findFixedPoints(candidates);
  finder.filterLoss(1e-8);
  finder.keepUnique(0.025);
  const fp = finder.fixedPoints[0];
  checks[`${label}_unique`] = equals(finder.fixedPoints.length, 1, `${SEED}: "Kept 1/... unique fixed points"`);
  if (!fp) return undefined;
  const V = Array.from(fp.subarray(0, c.num));
  const w = Array.from(fp.subarray(c.num));
  o.log(`${2 * c.num}-D, Iext = [${c.Iext.join(', ')}]: V = [${V.map((v) => v.toFixed(8)).join(', ')}], w = [${w.map((v) => v.toFixed(8)).join(', ')}], loss ${finder.losses[0].toExponential(2)}`);
  // The seed's points come from Adam with a finite loss; their distance to the true root is about
  // one Newton step from them. Ours must lie within twice that (plus the 8-digit printing).
  const seedPoint = Float64Array.from([...c.seedV, ...c.seedW]);
  const step = newtonStep(f, jacobian, seedPoint);
  const distance = Math.max(...Array.from(fp, (v, i) => Math.abs(v - seedPoint[i])));
  o.log(`\tdistance to the seed's point ${distance.toExponential(2)}; Newton step from the seed's point ${step.toExponential(2)} (its loss ${c.seedLoss})`);
  checks[`${label}_vs_seed`] = { value: distance, expected: `<= 2 x ${step.toExponential(2)} + 1e-8: one Newton step from the seed's point (${SEED}, loss ${c.seedLoss})`, pass: distance <= 2 * step + 1e-8 };
  const line = Math.max(...V.map((v, j) => Math.abs(w[j] - (v + A) / B)));
  checks[`${label}_w_line`] = near(line, 0, 1e-8, 'w = (V + 0.7)/0.8 at every fixed point');
  const { eigenvalues, stability } = finder.spectra();
  o.log(`\t${stability[0]}; largest real part ${Math.max(...eigenvalues[0].map((e) => e.re)).toFixed(4)}`);
  return eigenvalues[0];
}

/**
 * Seed 001's slow-point analysis of gap-junction-coupled FHN neurons (4-D and 8-D) with
 * SlowPointFinder on a function: 1000 normal(0, 2) candidates, losses filtered at 1e-8,
 * duplicates merged at 0.025, Jacobian spectra.
 */
export const gjFhnSlowPoints: Example = {
  name: 'gj-fhn-slow-points',
  title: 'Gap junction-coupled FitzHugh-Nagumo Model: slow points',
  description:
    "Fixed points of 2 and 4 gap-junction-coupled FHN neurons (4-D, 8-D) from 1000 candidates vs the seed's printed points (within one Newton step of them: the seed's optimiser stopped early, most visibly in 8-D where neurons 0-2 should be equal); w = (V + 0.7)/0.8; Jacobian spectra.",
  defaultDuration: 0,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const rng = new RandomStream(o.seed);
    const spectra = CASES.map((c, k) => analyse(o, c, rng, checks, `case${k + 1}`));
    const labels = CASES.map((c) => `${2 * c.num}-D, Iext = [${c.Iext.join(', ')}]`);
    const shown = spectra.map((s, k) => ({ s, label: labels[k] })).filter((x) => x.s !== undefined);
    const figures = await figure(o, spectrumSpec(shown.map((x) => x.s ?? []), { labels: shown.map((x) => x.label), title: 'Jacobian eigenvalues at the fixed points' }), 'jacobian-spectra');
    return analysisResult(start, figures, checks);
  },
};
