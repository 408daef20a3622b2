import { type ByteWriter, EMPTY_BLOCK, F64, I32, Op, type ValueType } from './binary.js';

/**
 * exp(x) emitted inline in a kernel: fdlibm's algorithm (e_exp.c), which is V8's Math.exp, step
 * by step with the same float64 operations, so the result is the same bits. Called through an
 * import, Math.exp costs about 25 ns here, most of it the latency of one long dependent chain;
 * inline, the processor overlaps the chains of successive neurons. Arguments outside
 * 2^-28 <= |x| < 708 (tiny, near overflow or underflow, infinite, NaN), and x = 1, which V8
 * answers with Math.E, call Math.exp itself, so only fdlibm's main path is written here.
 */

/** fdlibm's constants (e_exp.c), and the high words of |x| that bound the inline path and the reduction cases. */
export const EXP = {
  LN2_HI: 6.93147180369123816490e-1, // 0x3fe62e42 fee00000
  LN2_LO: 1.90821492927058770002e-10, // 0x3dea39ef 35793c76
  INV_LN2: 1.44269504088896338700, // 0x3ff71547 652b82fe
  P1: 1.66666666666666019037e-1,
  P2: -2.77777777770155933842e-3,
  P3: 6.61375632143793436117e-5,
  P4: -1.65339022054652515390e-6,
  P5: 4.13813679705723846039e-8,
  TINY: 0x3e300000, // 2^-28
  HALF_LN2: 0x3fd62e42, // 0.5 ln2
  ONE_AND_HALF_LN2: 0x3ff0a2b2, // 1.5 ln2
  LIMIT: 0x40862000, // 708: below it 2^k is a normal number (k >= -1021, k <= 1021)
} as const;
const { LN2_HI, LN2_LO, INV_LN2, P1, P2, P3, P4, P5, TINY, HALF_LN2, ONE_AND_HALF_LN2, LIMIT } = EXP;

/**
 * Replaces the f64 on the stack by its exp. `local` allocates a function local; `mathExp` is
 * the function index of the imported Math.exp.
 */
export function emitExp(w: ByteWriter, local: (type: ValueType) => number, mathExp: number): void {
  const [x, hx, sign, k, hi, lo, r, t, c] = ([F64, I32, I32, I32, F64, F64, F64, F64, F64] as const).map((type) => local(type));
  const get = (i: number) => w.byte(Op.local_get).u32(i);
  const set = (i: number) => w.byte(Op.local_set).u32(i);
  const f64 = (v: number) => w.byte(Op.f64_const).f64(v);
  const i32 = (v: number) => w.byte(Op.i32_const).i32(v);
  /** Pushes a when the sign bit of x is 0, b when it is 1 (fdlibm's ln2HI[xsb] and friends): select takes its first operand when the condition is not 0. */
  const bySign = (a: number, b: number) => {
    f64(b);
    f64(a);
    get(sign).byte(Op.select);
  };

  set(x);
  // hx = high word of x; sign = hx >>> 31; hx &= 0x7fffffff
  get(x).byte(Op.i64_reinterpret_f64).byte(Op.i64_const).i32(32).byte(Op.i64_shr_u).byte(Op.i32_wrap_i64);
  w.byte(Op.local_tee).u32(hx);
  i32(31).byte(Op.i32_shr_u);
  set(sign);
  get(hx);
  i32(0x7fffffff).byte(Op.i32_and);
  set(hx);

  get(hx);
  i32(LIMIT).byte(Op.i32_ge_u);
  get(hx);
  i32(TINY).byte(Op.i32_lt_u).byte(Op.i32_or);
  // V8 returns Math.E for exp(1), where fdlibm's last bit is off.
  get(x);
  f64(1).byte(Op.f64_eq).byte(Op.i32_or);
  w.byte(Op.if).byte(F64);
  get(x).byte(Op.call).u32(mathExp);
  w.byte(Op.else);

  // Argument reduction: x = k ln2 + r, |r| <= 0.5 ln2, with ln2 split in hi and lo parts.
  i32(0);
  set(k);
  get(x);
  set(r);
  get(hx);
  i32(HALF_LN2).byte(Op.i32_gt_u);
  w.byte(Op.if).byte(EMPTY_BLOCK);
  get(hx);
  i32(ONE_AND_HALF_LN2).byte(Op.i32_lt_u);
  w.byte(Op.if).byte(EMPTY_BLOCK);
  // hi = x - ln2HI[xsb]; lo = ln2LO[xsb]; k = 1 - xsb - xsb
  get(x);
  bySign(LN2_HI, -LN2_HI);
  w.byte(Op.f64_sub);
  set(hi);
  bySign(LN2_LO, -LN2_LO);
  set(lo);
  i32(1);
  get(sign);
  w.byte(Op.i32_sub);
  get(sign);
  w.byte(Op.i32_sub);
  set(k);
  w.byte(Op.else);
  // k = (int)(invln2 * x + halF[xsb]); hi = x - k * ln2HI; lo = k * ln2LO
  f64(INV_LN2);
  get(x).byte(Op.f64_mul);
  bySign(0.5, -0.5);
  w.byte(Op.f64_add).byte(Op.i32_trunc_f64_s);
  w.byte(Op.local_tee).u32(k);
  w.byte(Op.f64_convert_i32_s);
  set(t);
  get(x);
  get(t);
  f64(LN2_HI).byte(Op.f64_mul).byte(Op.f64_sub);
  set(hi);
  get(t);
  f64(LN2_LO).byte(Op.f64_mul);
  set(lo);
  w.byte(Op.end);
  // r = hi - lo
  get(hi);
  get(lo).byte(Op.f64_sub);
  set(r);
  w.byte(Op.end);

  // t = r*r; c = r - t*(P1 + t*(P2 + t*(P3 + t*(P4 + t*P5))))
  get(r);
  get(r).byte(Op.f64_mul);
  set(t);
  get(r);
  get(t);
  f64(P1);
  get(t);
  f64(P2);
  get(t);
  f64(P3);
  get(t);
  f64(P4);
  get(t);
  f64(P5).byte(Op.f64_mul).byte(Op.f64_add);
  w.byte(Op.f64_mul).byte(Op.f64_add);
  w.byte(Op.f64_mul).byte(Op.f64_add);
  w.byte(Op.f64_mul).byte(Op.f64_add);
  w.byte(Op.f64_mul).byte(Op.f64_sub);
  set(c);

  get(k).byte(Op.i32_eqz);
  w.byte(Op.if).byte(F64);
  // 1 - ((r*c)/(c - 2) - r)
  f64(1);
  get(r);
  get(c).byte(Op.f64_mul);
  get(c);
  f64(2).byte(Op.f64_sub).byte(Op.f64_div);
  get(r).byte(Op.f64_sub).byte(Op.f64_sub);
  w.byte(Op.else);
  // (1 - ((lo - (r*c)/(2 - c)) - hi)) * 2^k
  f64(1);
  get(lo);
  get(r);
  get(c).byte(Op.f64_mul);
  f64(2);
  get(c).byte(Op.f64_sub).byte(Op.f64_div).byte(Op.f64_sub);
  get(hi).byte(Op.f64_sub).byte(Op.f64_sub);
  // 2^k: the exponent field 1023 + k, shifted into place.
  get(k);
  i32(1023).byte(Op.i32_add).byte(Op.i64_extend_i32_s).byte(Op.i64_const).i32(52).byte(Op.i64_shl).byte(Op.f64_reinterpret_i64);
  w.byte(Op.f64_mul);
  w.byte(Op.end);
  w.byte(Op.end);
}
