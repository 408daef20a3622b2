import { type Expr, mapChildren, mul, num } from './ast.js';

/**
 * Writes x / c, for a constant c, as x * (1 / c), and a negated numerator's sign into the
 * constant: (-x) / c as x * (-1 / c). A division costs several times a multiplication (on the
 * machines measured here it bounds the SIMD LIF kernel), and folded parameters put one in nearly
 * every model (dV/dt = (-V + ...) / tau). This is the reciprocal arithmetic of C compilers'
 * -ffast-math, which Brian2 compiles with by default: the product can differ from the quotient in
 * the last bit (at most 1 ulp, since 1 / c is rounded once and the product once more), except
 * that it is exact when c is a power of two. It is used only in 'fast' math mode (core/math-mode.ts).
 */
export function reciprocalDivisions(expr: Expr): Expr {
  const e = mapChildren(expr, reciprocalDivisions);
  if (e.kind !== 'binary' || e.op !== '/' || e.right.kind !== 'num' || e.right.value === 0 || !Number.isFinite(e.right.value)) return e;
  const { left, right } = e;
  if (left.kind === 'unary' && left.op === '-') return mul(left.arg, num(-1 / right.value));
  return mul(left, num(1 / right.value));
}
