import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { streamFor } from '../core/random.js';
import { checkedDt, stepsIn, windowSteps } from './steps.js';
import type { WindowOptions } from './shaped-input.js';

/** Random currents (BrainPy's wiener_process and ou_process), steps x n, from seeded streams. */

export interface NoiseOptions extends WindowOptions {
  /** Number of independent processes (columns), default 1. */
  n?: number;
  /** Own seed; without it the stream is drawn from the global stream (see seed()). */
  seed?: number;
}

function shape(duration: number, options: NoiseOptions, who: string) {
  const { n = 1, t_start = 0, t_end = duration } = options;
  if (!Number.isInteger(n) || n < 1) throw new ParameterError(`${who}: n must be a positive integer, got ${n}`);
  const dt = checkedDt(options.dt, who);
  const rows = stepsIn(duration, dt, `${who} duration`);
  const [start, end] = windowSteps(t_start, t_end, rows, dt, who);
  return { n, dt, rows, start, end, stream: streamFor(options.seed) };
}

/** Increments dW ~ N(0, dt) of n Wiener processes inside [t_start, t_end), zero elsewhere. */
export function wienerProcess(duration: number, options: NoiseOptions = {}): Matrix2D<Float64Array> {
  const { n, dt, rows, start, end, stream } = shape(duration, options, 'wienerProcess');
  const data = new Float64Array(rows * n);
  const scale = Math.sqrt(dt);
  for (let i = start * n; i < end * n; i++) data[i] = stream.normal() * scale;
  return { data, rows, cols: n };
}

/**
 * n Ornstein-Uhlenbeck processes dX = (mean - X)/tau dt + sigma dW (Euler-Maruyama), started at
 * `mean` at t_start, zero outside [t_start, t_end). BrainPy's ou_process draws its increments
 * from a uniform distribution; here they are Gaussian, as the equation says.
 */
export function ouProcess(mean: number, sigma: number, tau: number, duration: number, options: NoiseOptions = {}): Matrix2D<Float64Array> {
  if (!(tau > 0)) throw new ParameterError(`ouProcess: tau must be > 0 ms, got ${tau}`);
  if (!(sigma >= 0)) throw new ParameterError(`ouProcess: sigma must be >= 0, got ${sigma}`);
  const { n, dt, rows, start, end, stream } = shape(duration, options, 'ouProcess');
  const data = new Float64Array(rows * n);
  const x = new Float64Array(n).fill(mean);
  const noise = sigma * Math.sqrt(dt);
  for (let r = start; r < end; r++) {
    for (let j = 0; j < n; j++) {
      x[j] += (dt * (mean - x[j])) / tau + noise * stream.normal();
      data[r * n + j] = x[j];
    }
  }
  return { data, rows, cols: n };
}
