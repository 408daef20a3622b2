import { getDt } from '../core/context.js';
import { requirePositive } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';

/**
 * Population firing rate in Hz (times in ms), as BrainPy's `measure.firing_rate`: the mean spike
 * count per step over neurons, convolved in 'same' mode with a box of
 * `windowLength(width, dt) = int(width / 2 / dt) * 2 + 1` samples, each weighing 1000 / width.
 * `spikes` has one row per time step and one column per neuron.
 *
 * Like BrainPy, the box spans width + dt ms while weighing 1000 / width, so a steady rate reads
 * higher by a factor (width + dt) / width. Unlike numpy's 'same' mode, the result always has one
 * value per time step, also when the window is longer than the recording.
 */
export function firingRate(spikes: Matrix2D, width: number, dt = getDt()): Float64Array {
  requirePositive(width, 'firingRate width (ms)');
  requirePositive(dt, 'firingRate dt (ms)');
  const counts = spikeCounts(spikes);
  const steps = spikes.rows;
  const half = (windowLength(width, dt) - 1) / 2;
  // Population mean per step (count / neurons) times the box weight 1000 / width.
  const weight = spikes.cols === 0 ? 0 : 1000 / width / spikes.cols;

  // Prefix sums make every window sum O(1), so the cost is O(steps), not O(steps * window).
  // They run over integer counts, which stay exact, so silent stretches give exactly 0 Hz.
  const prefix = new Float64Array(steps + 1);
  for (let t = 0; t < steps; t++) prefix[t + 1] = prefix[t] + counts[t];
  const rate = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    const lo = Math.max(0, t - half);
    const hi = Math.min(steps, t + half + 1);
    rate[t] = (prefix[hi] - prefix[lo]) * weight;
  }
  return rate;
}

/** Number of samples in `firingRate`'s box window: int(width / 2 / dt) * 2 + 1 (always odd). */
export function windowLength(width: number, dt = getDt()): number {
  return Math.trunc(width / 2 / dt) * 2 + 1;
}

/** Average firing rate in Hz over all neurons and the whole recording (rows * dt ms). */
export function meanRate(spikes: Matrix2D, dt = getDt()): number {
  requirePositive(dt, 'meanRate dt (ms)');
  if (spikes.rows === 0 || spikes.cols === 0) return 0;
  let total = 0;
  for (let k = 0; k < spikes.rows * spikes.cols; k++) total += spikes.data[k];
  return (total / spikes.cols / (spikes.rows * dt)) * 1000;
}

/** Sum over neurons of each time step's row (the spike count when spikes are 0/1). */
function spikeCounts(spikes: Matrix2D): Float64Array {
  const { data, rows, cols } = spikes;
  const counts = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    let sum = 0;
    for (let c = t * cols; c < (t + 1) * cols; c++) sum += data[c];
    counts[t] = sum;
  }
  return counts;
}
