import type { Matrix2D } from '../core/matrix.js';
import type { GroupSummary } from './example.js';

/** Number of spikes in a monitor's 0/1 matrix. */
export function spikeTotal(spikes: Matrix2D): number {
  let n = 0;
  for (let k = 0; k < spikes.data.length; k++) n += spikes.data[k];
  return n;
}

/** Size, spike count and mean rate (Hz) of a monitored group over `duration` ms. */
export function summarize(spikes: Matrix2D, duration: number): GroupSummary {
  const spikes_ = spikeTotal(spikes);
  return { size: spikes.cols, spikes: spikes_, rate_hz: spikes_ / spikes.cols / (duration / 1000) };
}

/** Mean rate (Hz) of the rows [from, to) of a spike matrix (steps of dt ms). */
export function rateBetween(spikes: Matrix2D, from: number, to: number, dt: number): number {
  let n = 0;
  for (let k = from * spikes.cols; k < to * spikes.cols; k++) n += spikes.data[k];
  return n / spikes.cols / (((to - from) * dt) / 1000);
}

/**
 * Mean over neurons (with at least 3 spikes) of the coefficient of variation of their
 * interspike intervals: about 1 for Poisson-like irregular firing, 0 for a clock.
 */
export function meanIsiCV(spikes: Matrix2D): number {
  let total = 0;
  let neurons = 0;
  for (let c = 0; c < spikes.cols; c++) {
    const times: number[] = [];
    for (let r = 0; r < spikes.rows; r++) if (spikes.data[r * spikes.cols + c]) times.push(r);
    if (times.length < 3) continue;
    const isi = times.slice(1).map((t, k) => t - times[k]);
    const mean = isi.reduce((a, b) => a + b, 0) / isi.length;
    const sd = Math.sqrt(isi.reduce((a, b) => a + (b - mean) ** 2, 0) / isi.length);
    total += sd / mean;
    neurons++;
  }
  return neurons === 0 ? NaN : total / neurons;
}
