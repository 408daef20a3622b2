import { add, div, type Expr, mul, neg, num, sub, symbolsOf } from './ast.js';
import { simplify } from './simplify.js';

/**
 * Split f into A*x + B where A does not contain x, the way Brian2's exponential_euler does: terms
 * proportional to x (after distributing products and quotients by x-free factors) go into A,
 * everything else, including terms nonlinear in x such as exp(x) or x**2, into B.
 */
export function linearPart(f: Expr, x: string): { a: Expr; b: Expr } {
  const { a, b } = split(f, x);
  return { a: simplify(a), b: simplify(b) };
}

function split(e: Expr, x: string): { a: Expr; b: Expr } {
  if (!symbolsOf(e).has(x)) return { a: num(0), b: e };
  if (e.kind === 'sym') return { a: num(1), b: num(0) };
  if (e.kind === 'unary' && e.op === '-') {
    const inner = split(e.arg, x);
    return { a: neg(inner.a), b: neg(inner.b) };
  }
  if (e.kind === 'binary') {
    const { op, left, right } = e;
    if (op === '+' || op === '-') {
      const l = split(left, x);
      const r = split(right, x);
      return op === '+' ? { a: add(l.a, r.a), b: add(l.b, r.b) } : { a: sub(l.a, r.a), b: sub(l.b, r.b) };
    }
    const leftFree = !symbolsOf(left).has(x);
    const rightFree = !symbolsOf(right).has(x);
    if (op === '*' && (leftFree || rightFree)) {
      const [factor, other] = leftFree ? [left, right] : [right, left];
      const inner = split(other, x);
      return { a: mul(factor, inner.a), b: mul(factor, inner.b) };
    }
    if (op === '/' && rightFree) {
      const inner = split(left, x);
      return { a: div(inner.a, right), b: div(inner.b, right) };
    }
  }
  return { a: num(0), b: e };
}
