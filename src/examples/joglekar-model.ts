import path from 'node:path';
import { ParameterError } from '../core/errors.js';
import { sectionInput } from '../inputs/section-input.js';
import { readMatFile } from '../io/node.js';

/**
 * Joglekar et al. (2018) multi-area threshold-linear model, exactly as seed 003 writes it
 * (time in seconds, Euler steps, E updated before I within a step, E and I floored at 10 and 35
 * inside the rectifier, background currents that make (10, 35) Hz the steady state). Written
 * as a plain loop: 29 areas and a dense 29x29 long-range matrix per step.
 */
export interface JoglekarData {
  readonly n: number;
  /** Hierarchy values normalised by their maximum. */
  readonly hier: Float64Array;
  /** FLN, row-major: fln[i * n + j] = strength from area j to area i. */
  readonly fln: Float64Array;
  readonly areas: readonly string[];
}

export function loadJoglekar(dataDir: string): JoglekarData {
  const mat = readMatFile(path.join(dataDir, 'joglekar2018', 'subgraphData.mat'));
  const hierVals = mat.matrix('hierVals').data;
  const max = hierVals.reduce((a, b) => Math.max(a, b), -Infinity);
  const fln = mat.matrix('flnMat');
  return { n: fln.rows, hier: hierVals.map((h) => h / max), fln: fln.data, areas: mat.strings('areaList') };
}

export interface JoglekarParams {
  muEE: number;
  omegaEI?: number;
  /** V1 pulse amplitude (Hz); the pulse lasts 0.25 s from t = 2 s, in a 10 s run. */
  amplitude: number;
  /** Drop feedback projections (keep the lower triangle of FLN, as bm.tril), Fig. 2C right. */
  feedforwardOnly?: boolean;
  dt?: number;
}

/** Runs the seed's 10 s protocol; returns E rates, steps x areas (row-major). */
export function simulateJoglekar(data: JoglekarData, p: JoglekarParams): { re: Float64Array; steps: number; dt: number } {
  const { n, hier } = data;
  const dt = p.dt ?? 2e-4;
  const [eta, betaE, betaI, tauE, tauI, omegaEE, omegaIE, omegaII, muIE] = [0.68, 0.066, 0.351, 2e-2, 1e-2, 24.3, 12.2, 12.5, 25.3];
  const omegaEI = p.omegaEI ?? 19.7;
  if (!(p.muEE > 0)) throw new ParameterError(`Joglekar muEE must be > 0, got ${p.muEE}`);
  const fln = p.feedforwardOnly ? data.fln.map((v, k) => (k % n <= Math.floor(k / n) ? v : 0)) : data.fln;
  const wEEintra = Float64Array.from(hier, (h) => betaE * omegaEE * (1 + eta * h));
  const wIEintra = Float64Array.from(hier, (h) => betaI * omegaIE * (1 + eta * h));
  const wEI = -betaE * omegaEI;
  const wII = -betaI * omegaII;
  const wEEinter = fln.map((v, k) => v * betaE * p.muEE * (1 + eta * hier[Math.floor(k / n)]));
  const wIEinter = fln.map((v, k) => v * betaI * muIE * (1 + eta * hier[Math.floor(k / n)]));
  // background currents: -A * (10, 35), A the linearised system's matrix
  const [ssE, ssI] = [10, 35];
  const bgE = new Float64Array(n);
  const bgI = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = (-1 + wEEintra[i]) * ssE + wEI * ssI;
    let inh = wIEintra[i] * ssE + (-1 + wII) * ssI;
    for (let j = 0; j < n; j++) {
      e += wEEinter[i * n + j] * ssE;
      inh += wIEinter[i * n + j] * ssE;
    }
    bgE[i] = -e;
    bgI[i] = -inh;
  }
  const { current: pulse } = sectionInput([0, p.amplitude, 0], [2, 0.25, 7.75], dt);
  const steps = pulse.length;
  const re = new Float64Array(n).fill(ssE);
  const ri = new Float64Array(n).fill(ssI);
  const out = new Float64Array(steps * n);
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < n; i++) {
      let ie = wEEintra[i] * re[i] + wEI * ri[i] + bgE[i] + (i === 0 ? pulse[s] : 0);
      for (let j = 0; j < n; j++) ie += wEEinter[i * n + j] * re[j];
      out[s * n + i] = Math.max(re[i] + ((-re[i] + Math.max(ie, 10)) / tauE) * dt, 0);
    }
    re.set(out.subarray(s * n, (s + 1) * n));
    for (let i = 0; i < n; i++) {
      let ii = wIEintra[i] * re[i] + wII * ri[i] + bgI[i];
      for (let j = 0; j < n; j++) ii += wIEinter[i * n + j] * re[j];
      ri[i] = Math.max(ri[i] + ((-ri[i] + Math.max(ii, 35)) / tauI) * dt, 0);
    }
  }
  return { re: out, steps, dt };
}

/** Largest rise of area `area`'s rate over t in [1.75, 5) s above its value at 1.75 s (seed 003). */
export function peakRise(result: { re: Float64Array; dt: number; steps: number }, n: number, area: number, window: readonly [number, number] = [1.75, 5]): number {
  const [a, b] = window.map((t) => Math.round(t / result.dt));
  const base = result.re[a * n + area];
  let peak = -Infinity;
  for (let s = a; s < Math.min(b, result.steps); s++) peak = Math.max(peak, result.re[s * n + area] - base);
  return peak;
}
