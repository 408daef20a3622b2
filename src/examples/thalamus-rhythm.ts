import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { powerSpectrum } from '../measure/lfp-spectral.js';

/** Bin width (ms) of the pooled population spike counts the rhythm is measured from. */
const BIN_MS = 1;

/**
 * Spike counts of several populations pooled into bins of 1 ms, from row `fromRow` on. Each
 * matrix has one row per step of dt and one column per neuron.
 */
export function pooledCounts(spikes: readonly Matrix2D[], dt: number, fromRow: number): Float64Array {
  const per = Math.round(BIN_MS / dt);
  if (per < 1 || Math.abs(per * dt - BIN_MS) > 1e-9) throw new ParameterError(`pooledCounts: dt = ${dt} ms does not divide the ${BIN_MS} ms bin`);
  const rows = spikes[0]?.rows ?? 0;
  const counts = new Float64Array(Math.floor(Math.max(0, rows - fromRow) / per));
  for (const m of spikes) {
    if (m.rows !== rows) throw new ParameterError('pooledCounts: the spike matrices differ in length');
    for (let b = 0; b < counts.length; b++) {
      for (let k = (fromRow + b * per) * m.cols, end = (fromRow + (b + 1) * per) * m.cols; k < end; k++) counts[b] += m.data[k];
    }
  }
  return counts;
}

export interface Rhythm {
  /**
   * 1000 / the lag (ms) of the highest autocorrelation of the counts after its first zero
   * crossing (up to 1.5 s): how often the population pattern repeats.
   */
  repeat_hz: number;
  /**
   * Frequency (Hz) of the largest power of the counts between 0.5 and 100 Hz, as an LFP spectrum
   * would show. A train of short population bursts has nearly equal power at its harmonics, and
   * alternating volleys of two groups put power at twice the cells' rate, so this peak may sit at
   * twice the repeat rate (test/thalamus.test.ts shows it on a clean 4 Hz clock).
   */
  peak_hz: number;
  /** The autocorrelation at that lag: near 0 for unpatterned spikes, 1 for a perfect clock. */
  rhythmicity: number;
}

/** Width (ms) of the box the counts are smoothed with before the autocorrelation (spike noise would mask it). */
const SMOOTH_MS = 5;
const MAX_LAG_MS = 1500;

/** The dominant rhythm of pooled 1 ms spike counts. */
export function rhythmOf(counts: Float64Array): Rhythm {
  const { freqs, power } = powerSpectrum(counts, BIN_MS, 100);
  let best = -1;
  for (let k = 0; k < freqs.length; k++) if (freqs[k] >= 0.5 && (best < 0 || power[k] > power[best])) best = k;
  const ac = autocorrelation(boxSmooth(counts, SMOOTH_MS / BIN_MS), Math.min(MAX_LAG_MS / BIN_MS, counts.length - 1));
  const zero = ac.findIndex((v) => v < 0);
  let lag = -1;
  for (let k = Math.max(zero, 1); zero > 0 && k < ac.length; k++) if (lag < 0 || ac[k] > ac[lag]) lag = k;
  return {
    peak_hz: best < 0 || power[best] === 0 ? NaN : freqs[best],
    repeat_hz: lag < 0 ? NaN : 1000 / (lag * BIN_MS),
    rhythmicity: lag < 0 ? 0 : ac[lag],
  };
}

function boxSmooth(x: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(x.length - 1, i + half); k++, n++) sum += x[k];
    out[i] = sum / n;
  }
  return out;
}

/** Normalised autocorrelation of the mean-removed signal for lags 0..maxLag (NaN-free: a flat signal gives 0s). */
function autocorrelation(x: Float64Array, maxLag: number): Float64Array {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const y = x.map((v) => v - mean);
  const ac = new Float64Array(Math.max(0, maxLag) + 1);
  for (let lag = 0; lag < ac.length; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < y.length; i++) sum += y[i] * y[i + lag];
    ac[lag] = sum;
  }
  const zero = ac[0];
  return zero > 0 ? ac.map((v) => v / zero) : ac.fill(0);
}

/** A spike starts a burst when the cell was silent for this long before it (ms). */
const BURST_GAP_MS = 30;

/**
 * How often single cells burst: for each cell with at least 3 burst onsets (spikes after >= 30 ms
 * of silence), the median interval between onsets; returns 1000 / the median over cells (Hz).
 */
export function cellBurstHz(spikes: Matrix2D, dt: number): number {
  const gap = BURST_GAP_MS / dt;
  const medians: number[] = [];
  for (let c = 0; c < spikes.cols; c++) {
    const onsets: number[] = [];
    let prev = -Infinity;
    for (let r = 0; r < spikes.rows; r++) {
      if (!spikes.data[r * spikes.cols + c]) continue;
      if (r - prev >= gap) onsets.push(r);
      prev = r;
    }
    if (onsets.length >= 3) medians.push(median(onsets.slice(1).map((r, k) => (r - onsets[k]) * dt)));
  }
  return medians.length === 0 ? NaN : 1000 / median(medians);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Share of spikes that belong to a burst: spikes less than `maxIsi` ms from the previous or next
 * spike of the same neuron.
 */
export function burstFraction(spikes: Matrix2D, dt: number, maxIsi = 10): number {
  const gap = Math.round(maxIsi / dt);
  let total = 0;
  let inBurst = 0;
  for (let c = 0; c < spikes.cols; c++) {
    let prev = -Infinity;
    let prevCounted = false;
    for (let r = 0; r < spikes.rows; r++) {
      if (!spikes.data[r * spikes.cols + c]) continue;
      total++;
      const close = r - prev <= gap;
      if (close) inBurst += prevCounted ? 1 : 2;
      prevCounted = close;
      prev = r;
    }
  }
  return total === 0 ? 0 : inBurst / total;
}
