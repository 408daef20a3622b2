import { choiceChecker } from './choice.js';

/**
 * The floating-point type generated kernels compute in:
 * - 'float64' (the default): every operation in IEEE 754 double precision;
 * - 'float32': every operation, constant and function result of a model's equations is rounded
 *   to IEEE 754 single precision, as in BrainPy's (JAX's) default float32 or C code on `float`
 *   variables. The time t a model reads is rounded too; only the refractory clock (t minus the
 *   last spike time) stays in float64, because a float32 t loses the 1e-7 ms slack of
 *   `t - t_last <= tau_ref` within the first second. WebAssembly kernels then run four neurons
 *   per SIMD instruction instead of two. Every backend and thread count gives the same bits;
 *   the difference from 'float64' is bounded in test/float32-arithmetic.test.ts.
 * Kernels read the setting when they are compiled (when a network is first run), so set it
 * before. Pair it with setDType('float32'), which stores states in float32 (float64 arrays work,
 * but cost memory bandwidth and keep the kernel off the four-lane loop).
 */
export type Arithmetic = 'float64' | 'float32';

const ARITHMETICS: readonly Arithmetic[] = ['float64', 'float32'];
let arithmetic: Arithmetic = 'float64';

const checkArithmetic = choiceChecker(ARITHMETICS, 'arithmetic');

export function getArithmetic(): Arithmetic {
  return arithmetic;
}

export function setArithmetic(value: Arithmetic): void {
  arithmetic = checkArithmetic(value, 'setArithmetic');
}
