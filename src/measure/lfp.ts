import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { streamFor } from '../core/random.js';
import { lowerBound } from '../core/sorted.js';

export type LFPLocation = 'soma layer' | 'deep layer' | 'superficial layer' | 'surface layer';

export interface UnitaryLFPOptions {
  /** 'exc' or 'inh'. Default 'exc'. */
  spike_type?: 'exc' | 'inh';
  /** Size of the square the neurons are scattered on (mm). Default 0.2 x 0.2. */
  xmax?: number;
  ymax?: number;
  /** Axonal velocity (mm/s). Default 200. */
  va?: number;
  /** Space constant of the amplitude decay (mm). Default 0.2. */
  lambda_?: number;
  /** Width (ms) of the inhibitory and excitatory kernels. Defaults 2.1 and 3.15. */
  sig_i?: number;
  sig_e?: number;
  location?: LFPLocation;
  seed?: number;
}

/** uLFP amplitudes (exc, inh) at the electrode, by recording depth (Telenczuk et al. 2020). */
const AMPLITUDES: Record<LFPLocation, [number, number]> = {
  'soma layer': [0.48, 3],
  'deep layer': [-0.16, -0.2],
  'superficial layer': [0.24, -1.2],
  'surface layer': [-0.08, 0.3],
};

/** Kernel contributions beyond this many standard deviations (exp(-32) ~ 1e-14) are dropped. */
const KERNEL_REACH = 8;

/**
 * Kernel-based unitary LFP (Telenczuk, Telenczuk & Destexhe 2020), as BrainPy's
 * `measure.unitary_LFP`: the neurons are scattered uniformly (seeded) on an xmax x ymax mm
 * square with the electrode at its centre; a spike of a neuron at distance d adds a Gaussian
 * A exp(-d / lambda_) exp(-(t - t_s - delay)^2 / (2 sig^2)) with delay = 10.4 + d / va.
 *
 * Kept from BrainPy: d / va is mm over mm/s, i.e. seconds, added to milliseconds, so the
 * distance-dependent part of the delay is 1000 times smaller than the paper's. Differs from
 * BrainPy only in cost: each spike is summed over +-8 sigma around its peak instead of over the
 * whole recording (the difference is below 1e-13 of the kernel amplitude).
 */
export function unitaryLFP(times: ArrayLike<number>, spikes: Matrix2D, options: UnitaryLFPOptions = {}): Float64Array {
  if (times.length !== spikes.rows) throw new ParameterError(`unitaryLFP: ${times.length} times but the spike matrix has ${spikes.rows} rows`);
  const steps: number[] = [];
  const indices: number[] = [];
  for (let r = 0; r < spikes.rows; r++) {
    for (let k = 0; k < spikes.cols; k++) {
      if (spikes.data[r * spikes.cols + k]) {
        steps.push(r);
        indices.push(k);
      }
    }
  }
  return unitaryLFPFromEvents(times, { steps, indices, num: spikes.cols }, options);
}

/** Spikes as events: spike n is neuron indices[n] at row steps[n] of `times`; `num` neurons in all. */
export interface SpikeEvents {
  readonly steps: ArrayLike<number>;
  readonly indices: ArrayLike<number>;
  readonly num: number;
}

/** unitaryLFP from a list of spike events, for recordings too large for a dense spike matrix. */
export function unitaryLFPFromEvents(times: ArrayLike<number>, events: SpikeEvents, options: UnitaryLFPOptions = {}): Float64Array {
  const { spike_type = 'exc', xmax = 0.2, ymax = 0.2, va = 200, lambda_ = 0.2, sig_i = 2.1, sig_e = 2.1 * 1.5, location = 'soma layer', seed } = options;
  if (spike_type !== 'exc' && spike_type !== 'inh') throw new ParameterError(`unitaryLFP: spike_type must be 'exc' or 'inh', got '${spike_type as string}'`);
  if (!(location in AMPLITUDES)) throw new ParameterError(`unitaryLFP: location must be one of ${Object.keys(AMPLITUDES).join(', ')}, got '${location}'`);
  if (events.steps.length !== events.indices.length) throw new ParameterError(`unitaryLFP: ${events.steps.length} spike steps but ${events.indices.length} indices`);
  const rng = streamFor(seed);
  const n = events.num;
  const amplitude = new Float64Array(n);
  const delay = new Float64Array(n);
  const [ampE, ampI] = AMPLITUDES[location];
  for (let k = 0; k < n; k++) {
    const x = rng.random() * xmax - xmax / 2;
    const y = rng.random() * ymax - ymax / 2;
    const d = Math.hypot(x, y);
    amplitude[k] = Math.exp(-d / lambda_) * (spike_type === 'exc' ? ampE : ampI);
    delay[k] = 10.4 + d / va;
  }
  const sigma = spike_type === 'exc' ? sig_e : sig_i;
  const twoSigma2 = 2 * sigma * sigma;
  const lfp = new Float64Array(times.length);
  const reach = KERNEL_REACH * sigma;
  for (let e = 0; e < events.steps.length; e++) {
    const k = events.indices[e];
    if (!(k >= 0 && k < n)) throw new ParameterError(`unitaryLFP: spike ${e} names neuron ${k}, outside 0..${n - 1}`);
    const peak = times[events.steps[e]] + delay[k];
    for (let from = lowerBound(times, peak - reach); from < times.length && times[from] <= peak + reach; from++) {
      lfp[from] += amplitude[k] * Math.exp(-((times[from] - peak) ** 2) / twoSigma2);
    }
  }
  return lfp;
}
