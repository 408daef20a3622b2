import { type ByteWriter, Op, Simd, V128 } from './binary.js';
import { EXP } from './inline-exp.js';

/**
 * exp on the two float64 lanes of a v128: inline-exp.ts's fdlibm algorithm (V8's Math.exp) with
 * the same float64 operations per lane, so the same bits. fdlibm picks one of three argument
 * reductions by the size of |x|; its general one gives the other two's numbers (see below), so
 * both lanes take it, without a branch. fdlibm's comparisons of the high word of |x| with
 * a bound are comparisons of |x| with the float64 whose high word is that bound. Pairs with a
 * lane outside the main path (see inline-exp.ts) call Math.exp for both lanes.
 */

/** What the emitter needs from the loop around it. */
export interface LaneExpContext {
  readonly code: ByteWriter;
  /** Pushes a two-lane constant. */
  readonly constant: (value: number) => void;
  /** A new v128 local. */
  readonly temporary: () => number;
  /** The function index of the imported Math function (Math.exp, Math.expm1) for the pairs off the main path. */
  readonly mathFunction: number;
}

/** The float64 whose high word is `high` and low word 0: |x| < it exactly when highWord(|x|) < high. */
export const fromHighWord = (high: number): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  return view.getFloat64(0);
};

/** Pushes Math's function `fn` (an import) of both lanes of the v128 local `x`: the pairs off the main path. */
export function emitBothLanesByCall(w: ByteWriter, x: number, fn: number): void {
  w.byte(Op.local_get).u32(x).simd(Simd.f64x2_extract_lane).byte(0).byte(Op.call).u32(fn).simd(Simd.f64x2_splat);
  w.byte(Op.local_get).u32(x).simd(Simd.f64x2_extract_lane).byte(1).byte(Op.call).u32(fn).simd(Simd.f64x2_replace_lane).byte(1);
}

/**
 * fdlibm's argument reduction of exp and expm1, x = k ln2 + r with r = hi - lo, into the given
 * v128 locals (`ax` holds |x|): k = trunc(invln2 * x + halF[sign]), or 0 where the high word of
 * |x| is at most that of 0.5 ln2; hi = x - k * ln2HI; lo = k * ln2LO. fdlibm has two more cases,
 * which this computes exactly as they do: for |x| < 1.5 ln2 it takes k = +-1, hi = x - ln2HI[sign],
 * lo = ln2LO[sign], and the trunc is exactly +-1 there (the case's bounds keep invln2 * |x| + 0.5
 * within (1, 2)), +-1 times ln2HI or ln2LO being exact; for small |x| it takes r = x, and k = 0
 * gives hi = x, lo = 0, r = x.
 */
export function emitReduction(context: LaneExpContext, x: number, ax: number, into: { k: number; hi: number; lo: number; r: number }): void {
  const { code: w, constant } = context;
  const get = (i: number) => w.byte(Op.local_get).u32(i);
  const set = (i: number) => w.byte(Op.local_set).u32(i);
  constant(0);
  constant(EXP.INV_LN2);
  get(x).simd(Simd.f64x2_mul);
  constant(-0.5);
  constant(0.5);
  get(x);
  constant(0);
  w.simd(Simd.f64x2_lt).simd(Simd.v128_bitselect);
  w.simd(Simd.f64x2_add).simd(Simd.f64x2_trunc);
  get(ax);
  constant(fromHighWord(EXP.HALF_LN2 + 1));
  w.simd(Simd.f64x2_lt).simd(Simd.v128_bitselect);
  set(into.k);
  get(x);
  get(into.k);
  constant(EXP.LN2_HI);
  w.simd(Simd.f64x2_mul).simd(Simd.f64x2_sub);
  set(into.hi);
  get(into.k);
  constant(EXP.LN2_LO);
  w.simd(Simd.f64x2_mul);
  set(into.lo);
  get(into.hi);
  get(into.lo).simd(Simd.f64x2_sub);
  set(into.r);
}

/** Pushes 2^k per lane for the v128 local `k` of integral values (negated first with `negate`), built in the exponent field 1023 + k. */
export function emitPowerOfTwo(w: ByteWriter, k: number, negate = false): void {
  w.byte(Op.local_get).u32(k);
  if (negate) w.simd(Simd.f64x2_neg);
  w.simd(Simd.i32x4_trunc_sat_f64x2_s_zero).simd(Simd.i64x2_extend_low_i32x4_s);
  w.byte(Op.i64_const).i32(1023).simd(Simd.i64x2_splat).simd(Simd.i64x2_add);
  w.byte(Op.i32_const).i32(52).simd(Simd.i64x2_shl);
}

/** Replaces the two lanes on the stack by their exp. */
export function emitLaneExp(context: LaneExpContext): void {
  const { code: w, constant, temporary, mathFunction: mathExp } = context;
  const [x, ax, t, hi, lo, k, r, c, q] = Array.from({ length: 9 }, temporary);
  const get = (i: number) => w.byte(Op.local_get).u32(i);
  const set = (i: number) => w.byte(Op.local_set).u32(i);

  set(x);
  get(x).simd(Simd.f64x2_abs);
  set(ax);
  // Outside the main path: |x| >= 708 (or NaN), |x| < 2^-28, or x = 1 (V8 answers Math.E).
  get(ax);
  constant(fromHighWord(EXP.LIMIT));
  w.simd(Simd.f64x2_lt).simd(Simd.v128_not);
  get(ax);
  constant(fromHighWord(EXP.TINY));
  w.simd(Simd.f64x2_lt).simd(Simd.v128_or);
  get(x);
  constant(1);
  w.simd(Simd.f64x2_eq).simd(Simd.v128_or).simd(Simd.v128_any_true);
  w.byte(Op.if).byte(V128);
  emitBothLanesByCall(w, x, mathExp);
  w.byte(Op.else);

  // In fdlibm's small case, 1 - ((r*c)/(c - 2) - r) below is what k = 0 gives too: lo - q is -q
  // (or a zero, -x either way after subtracting hi = x) and 2^k = 1.
  emitReduction(context, x, ax, { k, hi, lo, r });

  // t = r*r; c = r - t*(P1 + t*(P2 + t*(P3 + t*(P4 + t*P5))))
  get(r);
  get(r).simd(Simd.f64x2_mul);
  set(t);
  get(r);
  get(t);
  constant(EXP.P1);
  get(t);
  constant(EXP.P2);
  get(t);
  constant(EXP.P3);
  get(t);
  constant(EXP.P4);
  get(t);
  constant(EXP.P5);
  for (let i = 0; i < 4; i++) w.simd(Simd.f64x2_mul).simd(Simd.f64x2_add);
  w.simd(Simd.f64x2_mul).simd(Simd.f64x2_sub);
  set(c);
  // q = (r*c)/(2 - c); fdlibm's (r*c)/(c - 2) is -q exactly (IEEE rounding is symmetric).
  get(r);
  get(c).simd(Simd.f64x2_mul);
  constant(2);
  get(c).simd(Simd.f64x2_sub).simd(Simd.f64x2_div);
  set(q);
  // (1 - ((lo - q) - hi)) * 2^k
  constant(1);
  get(lo);
  get(q).simd(Simd.f64x2_sub);
  get(hi).simd(Simd.f64x2_sub).simd(Simd.f64x2_sub);
  emitPowerOfTwo(w, k);
  w.simd(Simd.f64x2_mul);
  w.byte(Op.end);
}
