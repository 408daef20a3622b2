import { getDt } from '../core/context.js';
import { ParameterError, requirePositive } from '../core/errors.js';

/** Shared checks of the input builders: dt, durations and times turned into step counts. */

export function checkedDt(dt: number | undefined, who: string): number {
  return requirePositive(dt ?? getDt(), `${who} dt (ms)`);
}

/**
 * Number of whole steps in `ms` milliseconds. Rounded rather than truncated (BrainPy uses
 * int()), so that 0.3 / 0.1 = 2.9999999999999996 still gives 3 steps.
 */
export function stepsIn(ms: number, dt: number, what: string): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new ParameterError(`${what} must be a finite time >= 0 ms, got ${ms}`);
  return Math.round(ms / dt);
}

/** The step range [start, end) of a window [t_start, t_end) inside a current of `total` steps. */
export function windowSteps(tStart: number, tEnd: number, total: number, dt: number, who: string): [number, number] {
  const start = stepsIn(tStart, dt, `${who} t_start`);
  const end = stepsIn(tEnd, dt, `${who} t_end`);
  if (end < start) throw new ParameterError(`${who}: t_end (${tEnd} ms) is before t_start (${tStart} ms)`);
  if (end > total) throw new ParameterError(`${who}: t_end (${tEnd} ms) is after the end of the input (${total * dt} ms)`);
  return [start, end];
}
