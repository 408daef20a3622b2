import { Op, Simd, V128 } from './binary.js';
import { emitBothLanesByCall, emitPowerOfTwo, emitReduction, fromHighWord, type LaneExpContext } from './lane-exp.js';

/**
 * expm1 on the two float64 lanes of a v128: fdlibm's algorithm (s_expm1.c, which is V8's
 * Math.expm1) with the same float64 operations per lane, so the same bits. As in lane-exp.ts the
 * general argument reduction stands in for fdlibm's k = +-1 case and, with k = 0, for its small
 * case (then hi = x, lo = 0, x - x = 0 = c). fdlibm then returns one of six expressions depending
 * on k; both lanes compute all six and keep theirs, unless k = 0 in both (then only the first is
 * computed: slow kinetics such as NMDA's stay there). Pairs with a lane outside the main path
 * (|x| >= 56 ln2, infinite or NaN, or |x| < 2^-54) call Math.expm1 for both lanes.
 */

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** High words of |x|: 56 ln2, below which the result is not -1 or huge; 2^-54, below which it is x. */
const LARGE = 0x4043687a;
const TINY = 0x3c900000;

/** Replaces the two lanes on the stack by their expm1. */
export function emitLaneExpm1(context: LaneExpContext): void {
  const { code: w, constant, temporary, mathFunction: mathExpm1 } = context;
  const [x, ax, k, hi, lo, r, c, hfx, hxs, e, e2, powK, powMinusK] = Array.from({ length: 13 }, temporary);
  const get = (i: number) => w.byte(Op.local_get).u32(i);
  const set = (i: number) => w.byte(Op.local_set).u32(i);
  const f64 = (op: number) => w.simd(op);
  /** Pushes the mask of lanes where k == value. */
  const kIs = (value: number) => {
    get(k);
    constant(value);
    f64(Simd.f64x2_eq);
  };

  set(x);
  get(x).simd(Simd.f64x2_abs);
  set(ax);
  get(ax);
  constant(fromHighWord(LARGE));
  f64(Simd.f64x2_lt);
  f64(Simd.v128_not);
  get(ax);
  constant(fromHighWord(TINY));
  f64(Simd.f64x2_lt);
  f64(Simd.v128_or);
  f64(Simd.v128_any_true);
  w.byte(Op.if).byte(V128);
  emitBothLanesByCall(w, x, mathExpm1);
  w.byte(Op.else);

  // x = k ln2 + r; c = (hi - r) - lo, the rounding error of r (0 when k = 0).
  emitReduction(context, x, ax, { k, hi, lo, r });
  get(hi);
  get(r);
  f64(Simd.f64x2_sub);
  get(lo);
  f64(Simd.f64x2_sub);
  set(c);

  // hfx = 0.5*r; hxs = r*hfx; r1 = 1 + hxs*(Q1 + hxs*(Q2 + hxs*(Q3 + hxs*(Q4 + hxs*Q5))))
  constant(0.5);
  get(r);
  f64(Simd.f64x2_mul);
  set(hfx);
  get(r);
  get(hfx);
  f64(Simd.f64x2_mul);
  set(hxs);
  constant(1);
  get(hxs);
  constant(Q1);
  get(hxs);
  constant(Q2);
  get(hxs);
  constant(Q3);
  get(hxs);
  constant(Q4);
  get(hxs);
  constant(Q5);
  for (let i = 0; i < 5; i++) w.simd(Simd.f64x2_mul).simd(Simd.f64x2_add);
  // r1 is on the stack: t = 3 - r1*hfx; e = hxs*((r1 - t)/(6 - r*t))
  const r1 = temporary();
  const t = temporary();
  set(r1);
  constant(3);
  get(r1);
  get(hfx);
  f64(Simd.f64x2_mul);
  f64(Simd.f64x2_sub);
  set(t);
  get(hxs);
  get(r1);
  get(t);
  f64(Simd.f64x2_sub);
  constant(6);
  get(r);
  get(t);
  f64(Simd.f64x2_mul);
  f64(Simd.f64x2_sub);
  f64(Simd.f64x2_div);
  f64(Simd.f64x2_mul);
  set(e);
  // k = 0 in both lanes (|x| <= 0.5 ln2, as for slow synaptic kinetics): only the first result.
  const kZero = temporary();
  kIs(0);
  set(kZero);
  get(kZero);
  f64(Simd.i64x2_all_true);
  /** Pushes fdlibm's result for k = 0: r - (r*e - hxs). */
  const firstResult = () => {
    get(r);
    get(r);
    get(e);
    f64(Simd.f64x2_mul);
    get(hxs);
    f64(Simd.f64x2_sub);
    f64(Simd.f64x2_sub);
  };
  w.byte(Op.if).byte(V128);
  firstResult();
  w.byte(Op.else);
  // e2 = (r*(e - c) - c) - hxs, for k != 0
  get(r);
  get(e);
  get(c);
  f64(Simd.f64x2_sub);
  f64(Simd.f64x2_mul);
  get(c);
  f64(Simd.f64x2_sub);
  get(hxs);
  f64(Simd.f64x2_sub);
  set(e2);
  emitPowerOfTwo(w, k);
  set(powK);
  emitPowerOfTwo(w, k, true);
  set(powMinusK);

  // The six results, kept lane by lane from the last case (20 <= k <= 56) back to the first (k = 0).
  const result = temporary();
  /** Keeps the value on the stack where `mask` pushes a set lane. */
  const keepWhere = (mask: () => void) => {
    get(result);
    mask();
    f64(Simd.v128_bitselect);
    set(result);
  };
  // 20 <= k <= 56: ((r - (e2 + 2^-k)) + 1) * 2^k
  get(r);
  get(e2);
  get(powMinusK);
  f64(Simd.f64x2_add);
  f64(Simd.f64x2_sub);
  constant(1);
  f64(Simd.f64x2_add);
  get(powK);
  f64(Simd.f64x2_mul);
  set(result);
  /** Pushes (a - (e2 - r)) * 2^k, where `a` pushes a. */
  const scaledBy2k = (a: () => void) => {
    a();
    get(e2);
    get(r);
    f64(Simd.f64x2_sub);
    f64(Simd.f64x2_sub);
    get(powK);
    f64(Simd.f64x2_mul);
  };
  // 2 <= k < 20: ((1 - 2^-k) - (e2 - r)) * 2^k
  scaledBy2k(() => {
    constant(1);
    get(powMinusK);
    f64(Simd.f64x2_sub);
  });
  keepWhere(() => {
    get(k);
    constant(20);
    f64(Simd.f64x2_lt);
  });
  // k <= -2: (1 - (e2 - r)) * 2^k - 1
  scaledBy2k(() => constant(1));
  constant(1);
  f64(Simd.f64x2_sub);
  keepWhere(() => {
    get(k);
    constant(-2);
    f64(Simd.f64x2_le);
  });
  // k = 1: r < -0.25 ? -2 * (e2 - (r + 0.5)) : 1 + 2 * (r - e2)
  constant(-2);
  get(e2);
  get(r);
  constant(0.5);
  f64(Simd.f64x2_add);
  f64(Simd.f64x2_sub);
  f64(Simd.f64x2_mul);
  constant(1);
  constant(2);
  get(r);
  get(e2);
  f64(Simd.f64x2_sub);
  f64(Simd.f64x2_mul);
  f64(Simd.f64x2_add);
  get(r);
  constant(-0.25);
  f64(Simd.f64x2_lt);
  f64(Simd.v128_bitselect);
  keepWhere(() => kIs(1));
  // k = -1: 0.5 * (r - e2) - 0.5
  constant(0.5);
  get(r);
  get(e2);
  f64(Simd.f64x2_sub);
  f64(Simd.f64x2_mul);
  constant(0.5);
  f64(Simd.f64x2_sub);
  keepWhere(() => kIs(-1));
  firstResult();
  keepWhere(() => get(kZero));
  get(result);
  w.byte(Op.end);
  w.byte(Op.end);
}
