import type { Expr } from '../expr/ast.js';
import { RANDOM_STREAM_PARAMETER } from '../expr/functions.js';
import type { FloatArray, NumericArray } from './matrix.js';

/**
 * A group kernel as data, between the model and the code: compileGroupKernel builds a KernelPlan
 * from the model's AST, and each backend turns the plan into code (kernel-js.ts: JavaScript,
 * src/wasm/: WebAssembly). Both backends do the same floating-point operations in the same order,
 * so they give the same numbers.
 *
 * The kernel runs `body` once per element k in [start, n). Expressions are the model AST, whose
 * symbols are the plan's locals (declared by an earlier statement) and the kernel parameter `t`
 * (the time at the start of the step, ms). Every number is a float64 (float32 arithmetic is a
 * rewrite of the plan that rounds each result, core/float32-plan.ts); comparisons and `not` give
 * booleans, `and` and `or` give their deciding operand (JavaScript's `&&` and `||`), and a boolean
 * used as a number is 0 or 1 (JavaScript's rules: a number used as a condition is true when it is
 * neither 0 nor NaN).
 */

/** Element types of the arrays a kernel reads and writes. */
export type ArrayType = 'f64' | 'f32' | 'u8' | 'i32';

/** The plan element type of a typed array. */
export function arrayTypeOf(a: NumericArray): ArrayType {
  return a instanceof Float64Array ? 'f64' : a instanceof Float32Array ? 'f32' : a instanceof Uint8Array ? 'u8' : 'i32';
}

export interface KernelArray {
  /** The name the group knows the array by (a state, an input, `spike`, ...). */
  readonly name: string;
  readonly type: ArrayType;
}

export type KernelStatement =
  /** `local = arrays[array][k]`, from a float array (f32 values are widened to float64). */
  | { readonly kind: 'load'; readonly local: string; readonly array: number }
  /**
   * Declares `local = value`. With `round32`, the value is rounded to float32 (Math.fround), as a
   * float32 array would store it. `wide` keeps the value in float64 under float32 arithmetic
   * (core/float32-plan.ts): the refractory clock.
   */
  | { readonly kind: 'let'; readonly local: string; readonly value: Expr; readonly round32?: boolean; readonly wide?: boolean }
  /** Assigns a new value to a local declared earlier (same type). */
  | { readonly kind: 'set'; readonly local: string; readonly value: Expr; readonly round32?: boolean }
  /** `arrays[array][k] = value`: rounded to float32 for f32 arrays, a boolean stored as 0/1 for u8 flags. */
  | { readonly kind: 'store'; readonly array: number; readonly value: Expr; readonly wide?: boolean }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: readonly KernelStatement[] }
  /**
   * If the float local is NaN or infinite, the kernel stops and returns -(1 + k * statesPerElement + state):
   * the arrays then still hold element k's last finite values.
   */
  | { readonly kind: 'failIfNotFinite'; readonly local: string; readonly state: number }
  /** Element k spiked: `arrays[flags][k] = 1` and k is appended to the spike list `arrays[list]`. */
  | { readonly kind: 'spike'; readonly flags: number; readonly list: number };

export interface KernelPlan {
  readonly arrays: readonly KernelArray[];
  /**
   * Before the loop: the spike flags are 1 exactly at the previous step's spike list (its first
   * `previousCount` entries); they are cleared through it.
   */
  readonly clearSpikes?: { readonly flags: number; readonly list: number };
  /** The number of states per element, for the failure code of failIfNotFinite. */
  readonly statesPerElement: number;
  readonly body: readonly KernelStatement[];
}

/**
 * A compiled kernel. It runs the plan over elements [start, n) (start 0 by default, so threads
 * can share a group) and returns the number of spikes, or -(1 + k * S + s) when state s (of S)
 * of element k became NaN or infinite. `previousCount` is the length of the previous step's spike
 * list, whose spike flags are cleared. `rng` is what rand() and randn() draw from.
 */
export type GroupKernel = (
  n: number,
  t: number,
  arrays: readonly (FloatArray | Uint8Array | Int32Array)[],
  rng?: KernelRandom,
  previousCount?: number,
  start?: number,
) => number;

/** The parameter names of every generated JavaScript group kernel, in GroupKernel's order. */
export const GROUP_KERNEL_PARAMETERS = ['n', 't', 'A', RANDOM_STREAM_PARAMETER, 'previousCount', 'start'];

/** What rand() and randn() in a model draw from (a RandomStream). */
export interface KernelRandom {
  random(): number;
  normal(): number;
}
