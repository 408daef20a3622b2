import { type ByteWriter, Op, Simd, V128 } from './binary.js';
import { EXP } from './inline-exp.js';

/**
 * exp on the two float64 lanes of a v128: inline-exp.ts's fdlibm algorithm (V8's Math.exp) with
 * the same float64 operations per lane, so the same bits. fdlibm picks one of three argument
 * reductions by the size of |x|; here both lanes compute all three and keep theirs (bitselect),
 * which costs a few operations but no branch. fdlibm's comparisons of the high word of |x| with
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
  /** The function index of the imported Math.exp. */
  readonly mathExp: number;
}

/** The float64 whose high word is `high` and low word 0: |x| < it exactly when highWord(|x|) < high. */
const fromHighWord = (high: number): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  return view.getFloat64(0);
};

/** Replaces the two lanes on the stack by their exp. */
export function emitLaneExp(context: LaneExpContext): void {
  const { code: w, constant, temporary, mathExp } = context;
  const [x, ax, sign, isA, isB, t, hi, lo, k, r, c, q] = Array.from({ length: 12 }, temporary);
  const get = (i: number) => w.byte(Op.local_get).u32(i);
  const set = (i: number) => w.byte(Op.local_set).u32(i);
  /** Pushes a where the sign of x is clear, b where it is set. */
  const bySign = (a: number, b: number) => {
    constant(b);
    constant(a);
    get(sign).simd(Simd.v128_bitselect);
  };

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
  get(x).simd(Simd.f64x2_extract_lane).byte(0).byte(Op.call).u32(mathExp).simd(Simd.f64x2_splat);
  get(x).simd(Simd.f64x2_extract_lane).byte(1).byte(Op.call).u32(mathExp).simd(Simd.f64x2_replace_lane).byte(1);
  w.byte(Op.else);

  get(x);
  constant(0);
  w.simd(Simd.f64x2_lt);
  set(sign);
  // Case A, |x| <= 0.5 ln2: r = x, k = 0. Case B, |x| < 1.5 ln2: k = +-1. Case C: k = (int)(x / ln2 +- 0.5).
  get(ax);
  constant(fromHighWord(EXP.HALF_LN2 + 1));
  w.simd(Simd.f64x2_lt);
  set(isA);
  get(ax);
  constant(fromHighWord(EXP.ONE_AND_HALF_LN2));
  w.simd(Simd.f64x2_lt);
  set(isB);
  // Case C: t = trunc(invln2 * x + halF[sign]); hi = x - t * ln2HI; lo = t * ln2LO
  constant(EXP.INV_LN2);
  get(x).simd(Simd.f64x2_mul);
  bySign(0.5, -0.5);
  w.simd(Simd.f64x2_add).simd(Simd.f64x2_trunc);
  set(t);
  // hi: case B x - ln2HI[sign], case C x - t * ln2HI
  get(x);
  bySign(EXP.LN2_HI, -EXP.LN2_HI);
  w.simd(Simd.f64x2_sub);
  get(x);
  get(t);
  constant(EXP.LN2_HI);
  w.simd(Simd.f64x2_mul).simd(Simd.f64x2_sub);
  get(isB).simd(Simd.v128_bitselect);
  set(hi);
  // lo: case B ln2LO[sign], case C t * ln2LO
  bySign(EXP.LN2_LO, -EXP.LN2_LO);
  get(t);
  constant(EXP.LN2_LO);
  w.simd(Simd.f64x2_mul);
  get(isB).simd(Simd.v128_bitselect);
  set(lo);
  // k: case B 1 - 2 sign, case C t (case A's k is never read)
  bySign(1, -1);
  get(t);
  get(isB).simd(Simd.v128_bitselect);
  set(k);
  // r = x in case A, hi - lo otherwise
  get(x);
  get(hi);
  get(lo).simd(Simd.f64x2_sub);
  get(isA).simd(Simd.v128_bitselect);
  set(r);

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
  // case A: 1 - ((r*c)/(c - 2) - r)
  constant(1);
  get(q).simd(Simd.f64x2_neg);
  get(r).simd(Simd.f64x2_sub).simd(Simd.f64x2_sub);
  // cases B, C: (1 - ((lo - q) - hi)) * 2^k, 2^k from the exponent field 1023 + k
  constant(1);
  get(lo);
  get(q).simd(Simd.f64x2_sub);
  get(hi).simd(Simd.f64x2_sub).simd(Simd.f64x2_sub);
  get(k).simd(Simd.i32x4_trunc_sat_f64x2_s_zero).simd(Simd.i64x2_extend_low_i32x4_s);
  w.byte(Op.i64_const).i32(1023).simd(Simd.i64x2_splat).simd(Simd.i64x2_add);
  w.byte(Op.i32_const).i32(52).simd(Simd.i64x2_shl).simd(Simd.f64x2_mul);
  get(isA).simd(Simd.v128_bitselect);
  w.byte(Op.end);
}
