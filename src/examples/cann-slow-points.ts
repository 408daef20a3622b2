import { SlowPointFinder } from '../analysis/index.js';
import { spectrumSpec } from '../plot/analysis-spectrum.js';
import { lineSpec } from '../plot/specs.js';
import { analysisResult, equals, figure, near } from './analysis-helpers.js';
import type { Check, Example } from './example.js';

const SEED = 'seed 001, Continuous-attractor Neural Network';

/**
 * Seed 001's CANN1D(num=512, k=0.1, A=30, a=0.5), J0 = 4, tau = 1, on the ring [-pi, pi). The seed
 * places neurons with linspace(-pi, pi, 512), so two neurons sit at the same point of the ring
 * (-pi and pi): that breaks the translation symmetry, and a run of this analysis with it found the
 * bumps pinned at ±pi (leading eigenvalue -0.018 instead of 0). Here the neurons are evenly spaced
 * around the ring, as the model intends.
 */
const N = 512;
const K = 0.1;
const A = 30;
const WIDTH = 0.5;
const J0 = 4;
const TAU = 1;
const RANGE = 2 * Math.PI;
const X = Float64Array.from({ length: N }, (_, i) => -Math.PI + (RANGE * i) / N);

/** Signed distance on the ring, as the seed's dist(). */
function dist(d: number): number {
  const m = ((d % RANGE) + RANGE) % RANGE;
  return m > 0.5 * RANGE ? m - RANGE : m;
}

const W = (() => {
  const w = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) w[i * N + j] = (J0 * Math.exp(-0.5 * (dist(X[i] - X[j]) / WIDTH) ** 2)) / (Math.sqrt(2 * Math.PI) * WIDTH);
  }
  return w;
})();

/** The normalisation D = 1 + k sum u^2 and the recurrent drive W u^2 (so that W r = Wu2 / D). */
function recurrent(u: Float64Array): { D: number; wu2: Float64Array } {
  let sum = 0;
  for (let j = 0; j < N; j++) sum += u[j] * u[j];
  const wu2 = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += W[i * N + j] * u[j] * u[j];
    wu2[i] = s;
  }
  return { D: 1 + K * sum, wu2 };
}

/** du/dt = (-u + W r) / tau with r = u^2 / (1 + k sum u^2), without external input. */
function f(u: Float64Array): Float64Array {
  const { D, wu2 } = recurrent(u);
  return Float64Array.from(u, (ui, i) => (-ui + wu2[i] / D) / TAU);
}

/** Exact Jacobian: dr_j/du_m = 2 u_j delta_jm / D - 2 k u_j^2 u_m / D^2. */
function jacobian(u: Float64Array): Float64Array {
  const { D, wu2 } = recurrent(u);
  const jac = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let m = 0; m < N; m++) jac[i * N + m] = ((2 * W[i * N + m] * u[m]) / D - (2 * K * wu2[i] * u[m]) / (D * D)) / TAU;
    jac[i * N + i] -= 1 / TAU;
  }
  return jac;
}

const stimulus = (pos: number) => Float64Array.from(X, (x) => A * Math.exp(-0.25 * (dist(x - pos) / WIDTH) ** 2));

/**
 * Bump height of the continuum model: u(x) = u0 exp(-x^2 / 4a^2) solves the fixed-point
 * equation when sqrt(2) (1 + k rho sqrt(2 pi) a u0^2) = rho J0 u0 (rho = N / 2pi); the stable
 * bump is the larger root.
 */
function continuumHeight(): number {
  const rho = N / RANGE;
  const a2 = Math.SQRT2 * K * rho * Math.sqrt(2 * Math.PI) * WIDTH;
  return (rho * J0 + Math.sqrt((rho * J0) ** 2 - 4 * a2 * Math.SQRT2)) / (2 * a2);
}

/**
 * Seed 001's CANN slow points, corrected. The seed's update passed t where dt belongs, so the
 * finder saw a step of length 0: every candidate "converged" with loss 0 and all 1257 were kept.
 * Here the vector field itself is used: stimulus-shaped candidates relax by damped Newton (exact
 * 512 x 512 Jacobian) to bumps at their own positions, a ring of fixed points whose Jacobian has
 * one eigenvalue at 0 (motion along the ring) and the rest negative.
 */
export const cannSlowPoints: Example = {
  name: 'cann-slow-points',
  title: 'Continuous-attractor Neural Network: fixed points',
  description:
    "CANN (512 neurons) fixed points from stimulus-shaped candidates: a ring of bumps with one zero eigenvalue. The seed's all-zero losses come from its update passing t as dt, and its linspace puts two neurons at ±pi; this is the corrected analysis (8 candidates instead of 1257, for time: each Newton step solves a 512 x 512 system).",
  defaultDuration: 0,
  async run(o) {
    const start = performance.now();
    const checks: Record<string, Check> = {};
    const positions = Array.from({ length: 8 }, (_, k) => -Math.PI + (k + 0.5) * (RANGE / 8));
    const finder = new SlowPointFinder(f, { dim: N, jacobian, log: o.log });
    finder.findFixedPoints(positions.map(stimulus), { method: 'newton', tolerance: 1e-28 });
    finder.filterLoss(1e-20);
    finder.keepUnique(0.025);
    const fps = finder.fixedPoints;
    checks.all_converge = equals(fps.length, positions.length, `every candidate reaches its own bump (${SEED} kept all 1257 only because its step had length 0)`);
    const peaks = fps.map((u) => Math.max(...u));
    const centre = (u: Float64Array) => X[u.indexOf(Math.max(...u))];
    const drift = Math.max(...fps.map((u, k) => Math.abs(dist(centre(u) - positions[k]))));
    o.log(`bump peaks ${Math.min(...peaks).toFixed(4)}..${Math.max(...peaks).toFixed(4)}; continuum theory ${continuumHeight().toFixed(4)}; largest drift of a centre ${drift.toFixed(4)} rad`);
    checks.bump_height = near(peaks[Math.floor(peaks.length / 2)] ?? NaN, continuumHeight(), 0.01 * continuumHeight(), 'continuum bump height, to 1 % (512 neurons)');
    checks.bumps_stay = { value: drift, expected: `< ${(RANGE / N).toFixed(4)} rad (one neuron): each bump sits where its stimulus was`, pass: drift < RANGE / N };
    const shown = [0, 2, 4, 6].filter((k) => k < fps.length);
    const { eigenvalues } = finder.spectra(shown.map((k) => fps[k]));
    const leading = eigenvalues.map((values) => [...values].sort((p, q) => q.re - p.re));
    leading.forEach((v, i) => o.log(`FP ${shown[i]}: eigenvalues ${v.slice(0, 3).map((e) => e.re.toExponential(3)).join(', ')}, ...`));
    const zeroMode = Math.max(...leading.map((v) => Math.abs(v[0].re)));
    const secondMax = Math.max(...leading.map((v) => v[1].re));
    checks.neutral_mode = { value: zeroMode, expected: '< 1e-6: one eigenvalue at 0 (translation along the ring)', pass: zeroMode < 1e-6 };
    checks.other_modes_stable = { value: secondMax, expected: '< 0: every other direction attracts', pass: secondMax < 0 };
    const figures = await figure(o, spectrumSpec(eigenvalues, { labels: shown.map((k) => `FP ${k}`), title: 'CANN: Jacobian eigenvalues at four bumps' }), 'jacobian-spectra');
    const profiles = { rows: N, cols: shown.length, data: Float64Array.from({ length: N * shown.length }, (_, q) => fps[shown[q % shown.length]][Math.floor(q / shown.length)]) };
    figures.push(...(await figure(o, lineSpec(X, profiles, { legend: 'FP', xlabel: 'x (rad)', ylabel: 'u', title: 'CANN fixed points' }), 'fixed-points')));
    return analysisResult(start, figures, checks);
  },
};
