import { Op } from './binary.js';
import { exprel } from '../expr/exprel.js';
import { POW2 } from '../expr/functions.js';

/**
 * How each function of the expression whitelist (expr/functions.ts) becomes WebAssembly, chosen
 * so that every result is bit-identical to the JavaScript backend's Math call:
 * - `native`: one f64 instruction whose IEEE 754 result equals Math's for every input, including
 *   NaN, infinities and -0 (sqrt is correctly rounded in both; min/max propagate NaN and order
 *   -0 below +0 like Math.min/Math.max; floor/ceil/trunc keep the sign of zero);
 * - `import`: the very Math function, imported from JavaScript (V8's transcendental functions
 *   are its own implementations, which WebAssembly has no instruction for);
 * - `special`: compiled by the kernel emitter itself (sign, clip, where, fround, the random functions).
 */
export type WasmMath =
  | { readonly kind: 'native'; readonly arity: 1 | 2; readonly op: number }
  | { readonly kind: 'import'; readonly arity: 1 | 2; readonly fn: (...args: number[]) => number }
  | { readonly kind: 'special' };

export const WASM_MATH: Readonly<Record<string, WasmMath>> = Object.freeze({
  sqrt: { kind: 'native', arity: 1, op: Op.f64_sqrt },
  abs: { kind: 'native', arity: 1, op: Op.f64_abs },
  floor: { kind: 'native', arity: 1, op: Op.f64_floor },
  ceil: { kind: 'native', arity: 1, op: Op.f64_ceil },
  int: { kind: 'native', arity: 1, op: Op.f64_trunc },
  min: { kind: 'native', arity: 2, op: Op.f64_min },
  max: { kind: 'native', arity: 2, op: Op.f64_max },
  exp: { kind: 'import', arity: 1, fn: Math.exp },
  expm1: { kind: 'import', arity: 1, fn: Math.expm1 },
  exprel: { kind: 'import', arity: 1, fn: exprel },
  log: { kind: 'import', arity: 1, fn: Math.log },
  log1p: { kind: 'import', arity: 1, fn: Math.log1p },
  sin: { kind: 'import', arity: 1, fn: Math.sin },
  cos: { kind: 'import', arity: 1, fn: Math.cos },
  tan: { kind: 'import', arity: 1, fn: Math.tan },
  sinh: { kind: 'import', arity: 1, fn: Math.sinh },
  cosh: { kind: 'import', arity: 1, fn: Math.cosh },
  tanh: { kind: 'import', arity: 1, fn: Math.tanh },
  sign: { kind: 'special' },
  clip: { kind: 'special' },
  where: { kind: 'special' },
  fround: { kind: 'special' },
  [POW2]: { kind: 'special' },
  rand: { kind: 'special' },
  randn: { kind: 'special' },
});

/** The import that implements `a ** b` (JavaScript's exponentiation is Math.pow). */
export const POW_IMPORT = { name: 'pow', fn: Math.pow } as const;
