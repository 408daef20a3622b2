import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { checkedDt, stepsIn } from './steps.js';

/** One section's value: a number for every neuron, or one value per neuron. */
export type SectionValue = number | ArrayLike<number>;

/**
 * A piecewise-constant current (BrainPy's section_input): `values[k]` for `durations[k]` ms, one
 * entry per step, for use as an 'iter' input, and the total duration (BrainPy's
 * `return_length=True`). With scalar values the current is a Float64Array; when some section
 * gives one value per neuron it is a steps x neurons matrix (scalars fill the whole row).
 */
export function sectionInput(values: readonly number[], durations: readonly number[], dt?: number): { current: Float64Array; duration: number };
export function sectionInput(values: readonly SectionValue[], durations: readonly number[], dt?: number): { current: Float64Array | Matrix2D<Float64Array>; duration: number };
export function sectionInput(values: readonly SectionValue[], durations: readonly number[], dt?: number): { current: Float64Array | Matrix2D<Float64Array>; duration: number } {
  if (values.length !== durations.length) {
    throw new ParameterError(`sectionInput: ${values.length} values but ${durations.length} durations`);
  }
  const step = checkedDt(dt, 'sectionInput');
  const steps = durations.map((d, k) => stepsIn(d, step, `sectionInput duration ${k}`));
  const widths = new Set(values.filter((v): v is ArrayLike<number> => typeof v !== 'number').map((v) => v.length));
  if (widths.size > 1) throw new ParameterError(`sectionInput: vector sections have different lengths (${[...widths].join(', ')})`);
  const cols = widths.size === 1 ? [...widths][0] : 0;
  const rows = steps.reduce((a, b) => a + b, 0);
  const data = new Float64Array(rows * Math.max(cols, 1));
  let at = 0;
  steps.forEach((n, k) => {
    const value = values[k];
    if (typeof value === 'number') {
      data.fill(value, at * Math.max(cols, 1), (at + n) * Math.max(cols, 1));
    } else {
      for (let r = at; r < at + n; r++) data.set(value, r * cols);
    }
    at += n;
  });
  const duration = durations.reduce((a, b) => a + b, 0);
  return { current: cols === 0 ? data : { data, rows, cols }, duration };
}

/**
 * A constant current. `constantInput(value, duration, dt)` gives one section as a Float64Array;
 * BrainPy's form `constantInput([[value, duration], ...], dt)` gives the current and the total
 * duration, like sectionInput.
 */
export function constantInput(value: number, duration: number, dt?: number): Float64Array;
export function constantInput(pairs: readonly (readonly [SectionValue, number])[], dt?: number): ReturnType<typeof sectionInput>;
export function constantInput(
  first: number | readonly (readonly [SectionValue, number])[],
  second?: number,
  third?: number,
): Float64Array | ReturnType<typeof sectionInput> {
  if (typeof first === 'number') {
    if (second === undefined) throw new ParameterError('constantInput(value, duration, dt?) needs a duration');
    return sectionInput([first], [second], third).current;
  }
  return sectionInput(first.map(([v]) => v), first.map(([, d]) => d), second);
}
