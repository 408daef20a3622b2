import { ParameterError } from '../core/errors.js';
import { columns, type VectorSystem } from './vector-system.js';

/**
 * Trajectories of a compiled system from many initial points at once, by classical RK4 with
 * one vectorised evaluation of the field per stage. `traces[i]` holds variable i row by row:
 * traces[i][r * count + k] is trajectory k at recorded step r (every `every` steps, from t=0).
 */
export interface Trajectories {
  readonly ts: Float64Array;
  readonly count: number;
  readonly traces: Float64Array[];
}

export interface IntegrateOptions {
  duration: number;
  /** Step in ms (default 0.01). */
  dt?: number;
  /** Record every this many steps (default: about 2000 rows in all). */
  every?: number;
  /** Called after every step with the current points (x[i][k]); for statistics over a run without recording it. */
  observe?: (step: number, x: readonly Float64Array[]) => void;
}

export function integrate(system: VectorSystem, x0: readonly Float64Array[], p: readonly Float64Array[], options: IntegrateOptions): Trajectories {
  const d = system.vars.length;
  const count = x0[0]?.length ?? 0;
  const dt = options.dt ?? 0.01;
  if (!(options.duration > 0) || !(dt > 0)) throw new ParameterError(`trajectory duration and dt must be positive, got ${options.duration} and ${dt}`);
  const steps = Math.round(options.duration / dt);
  const every = Math.max(1, options.every ?? Math.ceil(steps / 2000));
  const rows = Math.floor(steps / every) + 1;
  const traces = columns(d, rows * count);
  const ts = Float64Array.from({ length: rows }, (_, r) => r * every * dt);
  const x = x0.map((c) => Float64Array.from(c));
  const stage = columns(d, count);
  const k = Array.from({ length: 4 }, () => columns(d, count));
  const record = (r: number) => x.forEach((xi, i) => traces[i].set(xi, r * count));
  record(0);
  const weights = [0.5, 0.5, 1];
  for (let step = 1; step <= steps; step++) {
    system.derivatives(count, x, p, k[0]);
    for (let s = 1; s < 4; s++) {
      const h = weights[s - 1] * dt;
      for (let i = 0; i < d; i++) for (let m = 0; m < count; m++) stage[i][m] = x[i][m] + h * k[s - 1][i][m];
      system.derivatives(count, stage, p, k[s]);
    }
    for (let i = 0; i < d; i++) {
      for (let m = 0; m < count; m++) x[i][m] += (dt / 6) * (k[0][i][m] + 2 * k[1][i][m] + 2 * k[2][i][m] + k[3][i][m]);
    }
    if (step % every === 0) record(step / every);
    options.observe?.(step, x);
  }
  return { ts, count, traces };
}

/** One trajectory's values of variable i, in time order. */
export function traceOf(t: Trajectories, i: number, k: number): Float64Array {
  return Float64Array.from(t.ts, (_, r) => t.traces[i][r * t.count + k]);
}
