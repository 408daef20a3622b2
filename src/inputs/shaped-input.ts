import { ParameterError } from '../core/errors.js';
import { checkedDt, stepsIn, windowSteps } from './steps.js';

/** Deterministic shaped currents (BrainPy's ramp_input, spike_input, sinusoidal_input, square_input). */

export interface WindowOptions {
  /** Start of the shaped part (ms, default 0); the current is 0 before it. */
  t_start?: number;
  /** End of the shaped part (ms, default: the duration); the current is 0 after it. */
  t_end?: number;
  dt?: number;
}

/**
 * A current rising (or falling) linearly from `c_start` to `c_end` over [t_start, t_end), zero
 * elsewhere; as in BrainPy, the last ramp step holds exactly `c_end`.
 */
export function rampInput(c_start: number, c_end: number, duration: number, { t_start = 0, t_end = duration, dt }: WindowOptions = {}): Float64Array {
  const step = checkedDt(dt, 'rampInput');
  const current = new Float64Array(stepsIn(duration, step, 'rampInput duration'));
  const [p1, p2] = windowSteps(t_start, t_end, current.length, step, 'rampInput');
  const n = p2 - p1;
  for (let k = 0; k < n; k++) current[p1 + k] = n === 1 ? c_start : c_start + ((c_end - c_start) * k) / (n - 1);
  return current;
}

/**
 * Rectangular pulses: at each time in `sp_times` (ms) the current is `sp_sizes` for `sp_lens`
 * ms (either a number for all pulses or one per pulse); later pulses overwrite earlier ones.
 */
export function spikeInput(
  sp_times: readonly number[],
  sp_lens: number | readonly number[],
  sp_sizes: number | readonly number[],
  duration: number,
  dt?: number,
): Float64Array {
  const step = checkedDt(dt, 'spikeInput');
  const perPulse = (x: number | readonly number[], what: string): readonly number[] => {
    if (typeof x === 'number') return sp_times.map(() => x);
    if (x.length !== sp_times.length) throw new ParameterError(`spikeInput: ${x.length} ${what} for ${sp_times.length} spike times`);
    return x;
  };
  const lens = perPulse(sp_lens, 'sp_lens');
  const sizes = perPulse(sp_sizes, 'sp_sizes');
  const current = new Float64Array(stepsIn(duration, step, 'spikeInput duration'));
  sp_times.forEach((time, k) => {
    const at = stepsIn(time, step, `spikeInput sp_times[${k}]`);
    current.fill(sizes[k], at, Math.min(at + stepsIn(lens[k], step, `spikeInput sp_lens[${k}]`), current.length));
  });
  return current;
}

export interface PeriodicOptions extends WindowOptions {
  /** Shift up by the amplitude so the current is never negative (default false). */
  bias?: boolean;
}

function periodic(shape: (phase: number) => number, who: string, amplitude: number, frequency: number, duration: number, options: PeriodicOptions): Float64Array {
  const { t_start = 0, t_end = duration, dt, bias = false } = options;
  const step = checkedDt(dt, who);
  const current = new Float64Array(stepsIn(duration, step, `${who} duration`));
  const [start, end] = windowSteps(t_start, t_end, current.length, step, who);
  for (let k = 0; k < end - start; k++) {
    // frequency in Hz, time in ms; the phase restarts at t_start
    const phase = 2 * Math.PI * k * step * (frequency / 1000);
    current[start + k] = amplitude * shape(phase) + (bias ? amplitude : 0);
  }
  return current;
}

/** amplitude * sin(2 pi f t) over [t_start, t_end), f in Hz, t in ms from t_start. */
export function sinusoidalInput(amplitude: number, frequency: number, duration: number, options: PeriodicOptions = {}): Float64Array {
  return periodic(Math.sin, 'sinusoidalInput', amplitude, frequency, duration, options);
}

/** A square wave of the same period: +amplitude for the first half of each cycle, -amplitude for the second. */
export function squareInput(amplitude: number, frequency: number, duration: number, options: PeriodicOptions = {}): Float64Array {
  return periodic((phase) => (phase % (2 * Math.PI) < Math.PI ? 1 : -1), 'squareInput', amplitude, frequency, duration, options);
}
