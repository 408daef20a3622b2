import { type Expr, mapChildren, mul } from './ast.js';

/** The largest integer exponent written out as products. */
const MAX_EXPANDED = 4;

/**
 * Writes x ** 2, x ** 3 and x ** 4 as products: (x*x), (x*x)*x and (x*x)*(x*x). HH-type models
 * raise gating variables to these powers every step, and a pow call costs about 100 ns in V8 on
 * this machine (against under 1 ns for a product), the largest single cost of an HH step.
 * The product can differ from pow in the last bit (pow rounds once, the products two or three
 * times, at most about 7e-16 relative), as in JAX, whose integer_pow squares and multiplies the
 * same way. Signed zeros, infinities and NaN come out as pow gives them (test/integer-powers.test.ts).
 */
export function expandIntegerPowers(expr: Expr): Expr {
  const e = mapChildren(expr, expandIntegerPowers);
  if (e.kind !== 'binary' || e.op !== '**') return e;
  const { left, right } = e;
  if (right.kind !== 'num' || !Number.isInteger(right.value) || right.value < 2 || right.value > MAX_EXPANDED) return e;
  const square = mul(left, left);
  return right.value === 2 ? square : right.value === 3 ? mul(square, left) : mul(square, square);
}
