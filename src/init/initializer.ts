import { ParameterError } from '../core/errors.js';
import { type DType, type FloatArray, floatArray } from '../core/matrix.js';

/** Fills a parameter or state array (BrainPy's `brainpy.init` initialisers). */
export interface Initializer {
  fill(out: FloatArray): void;
  /** A readable summary with the parameters, e.g. `Normal(mean=0, scale=1)`. */
  describe(): string;
}

/** What a model accepts for a per-neuron value: a constant, one value per neuron, or an initialiser. */
export type InitValue = number | ArrayLike<number> | Initializer;

/**
 * A new array of `size` values from `value`. `what` names the parameter in error messages,
 * e.g. `'LIF V_rest'`.
 */
export function initialize(value: InitValue, size: number, dtype: DType, what: string): FloatArray {
  const out = floatArray(dtype, size);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new ParameterError(`${what} must be a number, got NaN`);
    out.fill(value);
  } else if (isArrayLike(value)) {
    if (value.length !== size) {
      throw new ParameterError(`${what} has ${value.length} values but the group has ${size} neurons`);
    }
    for (let i = 0; i < size; i++) out[i] = value[i];
  } else {
    value.fill(out);
  }
  return out;
}

// Checked before the Initializer case because typed arrays have a `fill` method too.
function isArrayLike(value: ArrayLike<number> | Initializer): value is ArrayLike<number> {
  return typeof (value as ArrayLike<number>).length === 'number';
}
