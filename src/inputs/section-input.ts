import { getDt } from '../core/context.js';
import { ParameterError, requirePositive } from '../core/errors.js';

/**
 * A piecewise-constant current (BrainPy's section_input): `values[k]` for `durations[k]` ms, one
 * entry per step, for use as an 'iter' input. Also returns the total duration.
 */
export function sectionInput(values: readonly number[], durations: readonly number[], dt = getDt()): { current: Float64Array; duration: number } {
  if (values.length !== durations.length) {
    throw new ParameterError(`sectionInput: ${values.length} values but ${durations.length} durations`);
  }
  requirePositive(dt, 'sectionInput dt (ms)');
  const steps = durations.map((d, k) => {
    if (!(d >= 0)) throw new ParameterError(`sectionInput: duration ${k} must be >= 0 ms, got ${d}`);
    return Math.round(d / dt);
  });
  const current = new Float64Array(steps.reduce((a, b) => a + b, 0));
  let at = 0;
  steps.forEach((n, k) => {
    current.fill(values[k], at, at + n);
    at += n;
  });
  return { current, duration: durations.reduce((a, b) => a + b, 0) };
}

/** A constant current of `value` for `duration` ms (BrainPy's constant_input with one section). */
export function constantInput(value: number, duration: number, dt = getDt()): Float64Array {
  return sectionInput([value], [duration], dt).current;
}
