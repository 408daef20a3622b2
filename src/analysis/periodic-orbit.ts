import { ParameterError } from '../core/errors.js';
import { integrate, traceOf } from './trajectory.js';
import type { VectorSystem } from './vector-system.js';

/** One closed orbit reached from an initial point: its period and one turn of it. */
export interface PeriodicOrbit {
  /** Index of the initial point it was reached from. */
  readonly start: number;
  readonly period: number;
  /** Time of each sample of the turn, from its first upward section crossing. */
  readonly ts: Float64Array;
  /** states[i]: variable i over one turn (first and last samples bracket the section). */
  readonly states: Float64Array[];
}

export interface PeriodicOrbitOptions {
  /** Simulated time per start (ms). */
  duration: number;
  dt?: number;
  /** Fraction of the run dropped as transient before looking for the cycle (default 0.5, as BrainPy). */
  transient?: number;
  /**
   * Relative tolerance (default 1e-3): the first variable must span more than this times its
   * magnitude scale, and successive periods and successive turns' maxima must agree to it.
   */
  tolerance?: number;
}

/** Times at which a trace crosses `level` upwards, by linear interpolation between samples. */
function upwardCrossings(trace: Float64Array, from: number, level: number, dt: number): { times: number[]; rows: number[] } {
  const times: number[] = [];
  const rows: number[] = [];
  for (let r = from + 1; r < trace.length; r++) {
    if (trace[r - 1] < level && trace[r] >= level) {
      times.push((r - 1 + (level - trace[r - 1]) / (trace[r] - trace[r - 1])) * dt);
      rows.push(r);
    }
  }
  return { times, rows };
}

function extent(trace: Float64Array, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = from; r < to; r++) {
    if (trace[r] < lo) lo = trace[r];
    if (trace[r] > hi) hi = trace[r];
  }
  return [lo, hi];
}

/**
 * BrainPy's plot_limit_cycle_by_sim: every start is simulated (all at once) and, after the
 * transient, the first variable's upward crossings of its mid-range level serve as a Poincaré
 * section. A start has reached a limit cycle when the oscillation is not negligible and its last
 * two periods and last two turns' maxima agree to the tolerance; a decaying spiral (focus) or a
 * run that converges to a fixed point fails these tests and yields no orbit.
 */
export function periodicOrbits(system: VectorSystem, starts: readonly Float64Array[], options: PeriodicOrbitOptions): PeriodicOrbit[] {
  const { duration, dt = 0.01, transient = 0.5, tolerance = 1e-3 } = options;
  if (!(transient >= 0 && transient < 1)) throw new ParameterError(`limit-cycle transient must be a fraction in [0, 1), got ${transient}`);
  if (!(tolerance > 0)) throw new ParameterError(`limit-cycle tolerance must be positive, got ${tolerance}`);
  const run = integrate(system, starts, [], { duration, dt, every: 1 });
  const from = Math.floor(transient * (run.ts.length - 1));
  const orbits: PeriodicOrbit[] = [];
  for (let k = 0; k < run.count; k++) {
    const traces = system.vars.map((_, i) => traceOf(run, i, k));
    const [lo, hi] = extent(traces[0], from, traces[0].length);
    const scale = Math.max(1, Math.abs(lo), Math.abs(hi));
    if (!(hi - lo > tolerance * scale)) continue;
    const { times, rows } = upwardCrossings(traces[0], from, (lo + hi) / 2, dt);
    if (times.length < 3) continue;
    const n = times.length;
    const period = times[n - 1] - times[n - 2];
    const before = times[n - 2] - times[n - 3];
    if (Math.abs(period - before) > tolerance * period) continue;
    const peakNow = extent(traces[0], rows[n - 2], rows[n - 1])[1];
    const peakBefore = extent(traces[0], rows[n - 3], rows[n - 2])[1];
    if (Math.abs(peakNow - peakBefore) > tolerance * (hi - lo)) continue;
    const turn = [rows[n - 2] - 1, rows[n - 1] + 1] as const;
    orbits.push({ start: k, period, ts: run.ts.slice(...turn), states: traces.map((tr) => tr.slice(...turn)) });
  }
  return orbits;
}
