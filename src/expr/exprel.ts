import { bin, call, div, type Expr, mapChildren, num } from './ast.js';

/**
 * exprel(x) = (exp(x) - 1) / x, and 1 at x = 0: Brian2's function for the removable singularity
 * of Hodgkin-Huxley rate functions, a (V - V0) / (1 - exp(-(V - V0) / k)) = a k / exprel(-(V - V0) / k).
 * Written as the singular quotient, such a rate is 0 / 0 = NaN where V is exactly V0, which in
 * float32 (a grid of 4e-6 mV near -50 mV) happens in large networks.
 */
export function exprel(x: number): number {
  return x === 0 ? 1 : Math.expm1(x) / x;
}

/**
 * Kernels compute exprel(u) as where(u == 0, 1, expm1(u) / u), from functions every backend
 * (and every SIMD loop) already has, with the same values as exprel() above.
 */
export function expandExprel(expr: Expr): Expr {
  const e = mapChildren(expr, expandExprel);
  if (e.kind !== 'call' || e.fn !== 'exprel') return e;
  const [u] = e.args;
  return call('where', bin('==', u, num(0)), num(1), div(call('expm1', u), u));
}
