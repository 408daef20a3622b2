import { exprel } from './exprel.js';

/**
 * The whitelist of functions an equation may call, with the JavaScript each becomes and the
 * number of arguments it takes. Nothing outside this table can be called from a model.
 */
export interface MathFunction {
  readonly arity: number;
  /** JavaScript for the call, given the already-emitted argument code. */
  readonly js: (args: string[]) => string;
  /** Numeric value, for constant folding. */
  readonly evaluate: (...args: number[]) => number;
  /**
   * Draws random numbers: never folded, differentiated as a constant, and emitted as a call on
   * the kernel's seeded stream, which generated code receives as the parameter `RNG`.
   */
  readonly random?: boolean;
}

/** The internal power of two of float32 exp (core/float32-exp.ts). */
export const POW2 = '$pow2';

/** Name of the generated-code parameter holding the seeded stream that rand()/randn() draw from. */
export const RANDOM_STREAM_PARAMETER = 'RNG';

const noFolding = (): number => {
  throw new Error('internal: a random function cannot be folded');
};

const unary = (fn: (x: number) => number, name: string): MathFunction => ({
  arity: 1,
  js: ([x]) => `Math.${name}(${x})`,
  evaluate: fn,
});

export const MATH_FUNCTIONS: Readonly<Record<string, MathFunction>> = Object.freeze({
  exp: unary(Math.exp, 'exp'),
  expm1: unary(Math.expm1, 'expm1'),
  log: unary(Math.log, 'log'),
  log1p: unary(Math.log1p, 'log1p'),
  sqrt: unary(Math.sqrt, 'sqrt'),
  sin: unary(Math.sin, 'sin'),
  cos: unary(Math.cos, 'cos'),
  tan: unary(Math.tan, 'tan'),
  sinh: unary(Math.sinh, 'sinh'),
  cosh: unary(Math.cosh, 'cosh'),
  tanh: unary(Math.tanh, 'tanh'),
  abs: unary(Math.abs, 'abs'),
  floor: unary(Math.floor, 'floor'),
  ceil: unary(Math.ceil, 'ceil'),
  sign: unary(Math.sign, 'sign'),
  /** (exp(x) - 1) / x, 1 at 0 (expr/exprel.ts); its argument is evaluated once. */
  exprel: { arity: 1, js: ([x]) => `(($x) => ($x === 0 ? 1 : Math.expm1($x) / $x))(${x})`, evaluate: exprel },
  /** 2^n for an integer-valued n in [-126, 127] (core/float32-exp.ts; kernels build its bits, '$' keeps it out of equations). */
  [POW2]: { arity: 1, js: ([n]) => `Math.pow(2, ${n})`, evaluate: (n) => 2 ** n },
  /** The nearest float32 (Math.fround): float32 arithmetic (core/arithmetic.ts) rounds every operation with it. */
  fround: unary(Math.fround, 'fround'),
  min: { arity: 2, js: ([a, b]) => `Math.min(${a}, ${b})`, evaluate: Math.min },
  max: { arity: 2, js: ([a, b]) => `Math.max(${a}, ${b})`, evaluate: Math.max },
  clip: {
    arity: 3,
    js: ([x, lo, hi]) => `Math.min(Math.max(${x}, ${lo}), ${hi})`,
    evaluate: (x, lo, hi) => Math.min(Math.max(x, lo), hi),
  },
  int: { arity: 1, js: ([x]) => `Math.trunc(${x})`, evaluate: Math.trunc },
  rand: { arity: 0, js: () => `${RANDOM_STREAM_PARAMETER}.random()`, evaluate: noFolding, random: true },
  randn: { arity: 0, js: () => `${RANDOM_STREAM_PARAMETER}.normal()`, evaluate: noFolding, random: true },
  where: {
    arity: 3,
    js: ([c, a, b]) => `((${c}) ? (${a}) : (${b}))`,
    evaluate: (c, a, b) => (c ? a : b),
  },
});

export function isMathFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(MATH_FUNCTIONS, name);
}
