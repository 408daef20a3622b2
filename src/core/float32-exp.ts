import { add, bin, call, type Expr, mapChildren, mul, num, sub, sym } from '../expr/ast.js';
import { POW2 } from '../expr/functions.js';
import type { KernelPlan, KernelStatement } from './kernel-ir.js';

/**
 * exp and expm1 under float32 arithmetic, written out in the plan's own operations, so that every
 * backend computes them with the same float32 operations (the float32 rewrite, float32-plan.ts,
 * rounds each one) and the four-lane loop runs them as f32x4 instructions instead of calling
 * float64 code on each half. This is Cephes' expf (S. L. Moshier): x = k ln2 + r with |r| <= ln2/2
 * (ln2 in two parts, the first with few bits so that k times it is exact), exp(r) by a degree-7
 * polynomial for exp(r) - 1, then 2^k as two exact scalings (2^k1 2^k2, each a normal float32),
 * so the result is rounded once, also where it is subnormal; expm1(x) is 2^k (exp(r) - 1) +
 * (2^k - 1), which cancels nothing (exp(x) - 1 for k >= 24). Measured against Math.exp and
 * Math.expm1 in test/float32-arithmetic.test.ts: within 1 and 1.6 ulp of the exact values.
 * Arguments are clipped to [-104, 89], where exp is 0 and infinite in float32; NaN stays NaN.
 * Hoisting a call out of where() or `and` computes it on both paths: it has no side effects.
 */

const LN2_HIGH = 0.693359375;
const LN2_LOW = -2.12194440e-4;
const EXP_POLYNOMIAL = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];

/** Replaces every exp() and expm1() outside wide statements by locals computed just before the statement. */
export function expandFloat32Exp(plan: KernelPlan): KernelPlan {
  let counter = 0;
  const block = (statements: readonly KernelStatement[]): KernelStatement[] =>
    statements.flatMap((s): KernelStatement[] => {
      if (s.kind === 'if') {
        const before: KernelStatement[] = [];
        const condition = hoist(s.condition, before);
        return [...before, { kind: 'if', condition, then: block(s.then) }];
      }
      if ((s.kind !== 'let' && s.kind !== 'set' && s.kind !== 'store') || ('wide' in s && s.wide)) return [s];
      const before: KernelStatement[] = [];
      const value = hoist(s.value, before);
      return [...before, { ...s, value }];
    });
  /** `e` with its exp/expm1 calls (innermost first) replaced by locals whose lets go to `before`. */
  const hoist = (e: Expr, before: KernelStatement[]): Expr => {
    const inner = mapChildren(e, (child) => hoist(child, before));
    if (inner.kind !== 'call' || (inner.fn !== 'exp' && inner.fn !== 'expm1')) return inner;
    const prefix = `f32${inner.fn}${counter++}$`;
    const computed = expLets(prefix, inner.args[0], inner.fn);
    before.push(...computed);
    return sym((computed[computed.length - 1] as { local: string }).local);
  };
  return { ...plan, body: block(plan.body) };
}

const horner = (x: Expr, coefficients: readonly number[]): Expr => coefficients.slice(1).reduce((acc, c) => add(mul(acc, x), num(c)), num(coefficients[0]) as Expr);
const lets = (prefix: string, definitions: readonly [string, Expr][]): KernelStatement[] =>
  definitions.map(([name, value]) => ({ kind: 'let', local: `${prefix}${name}`, value }));

/** The lets of exp(x) or expm1(x), the last one holding the result. */
function expLets(prefix: string, x: Expr, fn: 'exp' | 'expm1'): KernelStatement[] {
  const v = (name: string) => sym(`${prefix}${name}`);
  const reduction: [string, Expr][] = [
    ['x', call('clip', x, num(-104), num(89))],
    ['k', call('floor', add(mul(v('x'), num(Math.LOG2E)), num(0.5)))],
    ['r', sub(sub(v('x'), mul(v('k'), num(LN2_HIGH))), mul(v('k'), num(LN2_LOW)))],
    // exp(r) - 1
    ['q', add(mul(horner(v('r'), EXP_POLYNOMIAL), mul(v('r'), v('r'))), v('r'))],
    ['k1', call('floor', mul(v('k'), num(0.5)))],
    ['s1', call(POW2, v('k1'))],
    ['s2', call(POW2, sub(v('k'), v('k1')))],
  ];
  const exp: [string, Expr] = ['exp', mul(mul(add(v('q'), num(1)), v('s1')), v('s2'))];
  if (fn === 'exp') return lets(prefix, [...reduction, exp]);
  return lets(prefix, [
    ...reduction,
    exp,
    ['s', mul(v('s1'), v('s2'))],
    // 2^k (exp(r) - 1) + (2^k - 1): no cancellation, and exactly exp(r) - 1 where k = 0; from
    // k = 24 on, subtracting 1 from exp moves it by at most half an ulp (and 2^k may overflow).
    ['expm1', call('where', bin('<', v('k'), num(24)), add(mul(v('s'), v('q')), sub(v('s'), num(1))), sub(v('exp'), num(1)))],
  ]);
}
