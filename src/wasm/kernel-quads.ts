import type { Expr } from '../expr/ast.js';
import type { KernelStatement } from '../core/kernel-ir.js';
import { type ByteWriter, EMPTY_BLOCK, type LaneGlobal, Op, Simd, SHUFFLE_HIGH_TO_LOW, SHUFFLE_JOIN_LOWS } from './binary.js';
import { LaneLoop, type LaneLoopContext } from './lane-loop.js';
import { POW2 } from '../expr/functions.js';

/**
 * The four-lane SIMD loop of a WebAssembly group kernel under float32 arithmetic
 * (core/float32-plan.ts): elements k .. k + 3 in the four float32 lanes of a v128, twice the
 * elements per instruction of the float64 pair loop (kernel-pairs.ts), which then finishes what
 * is left. The rewritten plan rounds every operation with fround, and fround(a op b) of float32
 * a and b is exactly the float32 operation, so each lane gets the bits the JavaScript kernel
 * gets. The values of a plan are of three shapes here:
 * - 'f32': four float32 lanes (fround results, float32 constants and arrays, 0/1 flags);
 * - 'bool': a lane mask (all bits of a 32-bit lane set or clear);
 * - 'wide': float64 values (t, float64 arrays such as the last spike times, arithmetic outside
 *   fround: the refractory clock), kept as two v128 of two float64 lanes, k and k + 1, then
 *   k + 2 and k + 3; their comparisons are narrowed into one mask.
 * exp and expm1 arrive written out in float32 operations (core/float32-exp.ts), with 2^n built
 * from its bits. Control flow, held stores and the one branch per iteration for the non-finite
 * checks are those of the pair loop. A plan using anything else
 * (other functions, float64 arithmetic inside float32 values, int32 arrays) is not run in
 * quads: quadLoopUnsupported says why.
 */

type Shape = 'f32' | 'bool' | 'wide';

interface QuadLocal {
  readonly shape: Shape;
  /** The v128 local; for a wide value its first half (lanes k, k + 1). */
  readonly index: number;
  /** A wide value's second half (lanes k + 2, k + 3). */
  readonly high?: number;
}

class QuadsUnsupported extends Error {}

/** Why the plan (already admitted by the pair loop) does not run in quads, or undefined when it does. */
export function quadLoopUnsupported(context: LaneLoopContext): string | undefined {
  try {
    new QuadEmitter(context).loop(0);
    return undefined;
  } catch (e) {
    if (e instanceof QuadsUnsupported) return e.message;
    throw e;
  }
}

/**
 * The code of `for (; k + 3 < n; k += 4) { plan body on k .. k + 3 }`, with the constants it
 * reads into locals, as emitPairLoop: the constants are globals from `firstGlobal` on, and the
 * loop is left early, with k at the quad, when a non-finite check fails.
 */
export function emitQuadLoop(context: LaneLoopContext, firstGlobal: number): { code: ByteWriter; globals: LaneGlobal[] } {
  return new QuadEmitter(context).loop(firstGlobal);
}

const F32_ARITHMETIC: Readonly<Record<string, number>> = { '+': Simd.f32x4_add, '-': Simd.f32x4_sub, '*': Simd.f32x4_mul, '/': Simd.f32x4_div };
const F64_ARITHMETIC: Readonly<Record<string, number>> = { '+': Simd.f64x2_add, '-': Simd.f64x2_sub, '*': Simd.f64x2_mul, '/': Simd.f64x2_div };
const F32_COMPARISONS: Readonly<Record<string, number>> = {
  '<': Simd.f32x4_lt,
  '<=': Simd.f32x4_le,
  '>': Simd.f32x4_gt,
  '>=': Simd.f32x4_ge,
  '==': Simd.f32x4_eq,
  '!=': Simd.f32x4_ne,
};
const F64_COMPARISONS: Readonly<Record<string, number>> = {
  '<': Simd.f64x2_lt,
  '<=': Simd.f64x2_le,
  '>': Simd.f64x2_gt,
  '>=': Simd.f64x2_ge,
  '==': Simd.f64x2_eq,
  '!=': Simd.f64x2_ne,
};
/** Functions exact on float32 lanes (min and max propagate NaN and order -0 below +0, as Math's do). */
const F32_MATH: Readonly<Record<string, number>> = {
  abs: Simd.f32x4_abs,
  floor: Simd.f32x4_floor,
  ceil: Simd.f32x4_ceil,
  int: Simd.f32x4_trunc,
  min: Simd.f32x4_min,
  max: Simd.f32x4_max,
};
/** Shuffle: the 32-bit lanes 0 and 2 of two 64-bit masks into one four-lane mask. */
const NARROW_MASKS = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];
const LANES = [0, 1, 2, 3] as const;
const HALVES = [0, 1] as const;

class QuadEmitter extends LaneLoop {
  private readonly scopes: Map<string, QuadLocal>[] = [];
  /** t as two float64 lanes, and rounded to float32 in four lanes (made when first used). */
  private tWide: number | undefined;
  private tF32: number | undefined;
  /** The local summing x - x over the checked locals so far. */
  private checkSum: number | undefined;
  /** Stores held back until the checks pass. */
  private readonly heldStores: (() => void)[] = [];

  constructor(context: LaneLoopContext) {
    super(context, 4);
  }

  protected prologue(): void {
    const { t } = this.context;
    if (this.tWide !== undefined) {
      this.get(t).simd(Simd.f64x2_splat);
      this.set(this.tWide);
    }
    if (this.tF32 !== undefined) {
      this.get(t).byte(Op.f32_demote_f64).simd(Simd.f32x4_splat);
      this.set(this.tF32);
    }
  }

  private lookup(name: string): QuadLocal | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const local = this.scopes[i].get(name);
      if (local) return local;
    }
    return undefined;
  }

  private declared(name: string): QuadLocal {
    const local = this.lookup(name);
    if (!local) throw new QuadsUnsupported(`the plan uses the local '${name}' before declaring it`);
    return local;
  }

  private declare(name: string, shape: Shape): QuadLocal {
    const local = { shape, index: this.temporary(), high: shape === 'wide' ? this.temporary() : undefined };
    this.scopes[this.scopes.length - 1].set(name, local);
    return local;
  }

  /** The shape of `e`'s value, or 'const' for a number literal (a float32 or a float64 by where it is used). */
  private shapeOf(e: Expr): Shape | 'const' {
    switch (e.kind) {
      case 'num':
        return 'const';
      case 'sym':
        return e.name === 't' && !this.lookup('t') ? 'wide' : this.declared(e.name).shape;
      case 'unary':
        return e.op === 'not' ? 'bool' : this.shapeOf(e.arg);
      case 'binary':
        if (e.op in F64_ARITHMETIC) return 'wide';
        if (e.op === 'and' || e.op === 'or') {
          if (this.shapeOf(e.left) !== 'bool' || this.shapeOf(e.right) !== 'bool') throw new QuadsUnsupported(`'${e.op}' of numbers`);
          return 'bool';
        }
        if (e.op === '**') throw new QuadsUnsupported('it uses **');
        return 'bool';
      case 'call':
        if (e.fn === 'fround') return 'f32';
        if (e.fn === 'where') {
          const branches = [this.shapeOf(e.args[1]), this.shapeOf(e.args[2])];
          if (branches.every((s) => s === 'bool')) return 'bool';
          if (branches.every((s) => s === 'f32' || s === 'const')) return 'f32';
          throw new QuadsUnsupported('where() of float64 or mixed values');
        }
        if (e.fn in F32_MATH || e.fn === 'clip' || e.fn === 'sign' || e.fn === POW2) {
          if (e.args.every((a) => this.isF32(a))) return 'f32';
        }
        throw new QuadsUnsupported(`${e.fn}() outside fround`);
    }
  }

  /** Whether `e` is four float32 lanes as it stands: an f32 value, a boolean (0 or 1), or a literal that is a float32. */
  private isF32(e: Expr): boolean {
    const shape = this.shapeOf(e);
    if (shape !== 'const') return shape === 'f32' || shape === 'bool';
    const value = e.kind === 'num' ? e.value : e.kind === 'unary' && e.arg.kind === 'num' ? -e.arg.value : NaN;
    return Object.is(Math.fround(value), value);
  }

  protected enterScope(): void {
    this.scopes.push(new Map());
  }

  protected leaveScope(): void {
    this.scopes.pop();
  }

  protected load(name: string, array: number): void {
    const c = this.code;
    const type = this.arrayType(array);
    if (type === 'i32') throw new QuadsUnsupported('it reads an int32 array');
    if (type === 'f64') {
      const local = this.declare(name, 'wide');
      for (const half of HALVES) {
        this.elementOffset(type);
        c.simd(Simd.v128_load);
        this.memarg(array, 2 * half);
        this.set(half === 0 ? local.index : (local.high as number));
      }
      return;
    }
    this.elementOffset(type);
    if (type === 'f32') {
      c.simd(Simd.v128_load);
      this.memarg(array);
    } else {
      // Bytes k .. k + 3 widened to 16, then 32 bits, then converted: lanes [b0, b1, b2, b3].
      c.simd(Simd.v128_load32_zero);
      this.memarg(array);
      c.simd(Simd.i16x8_extend_low_i8x16_u).simd(Simd.i32x4_extend_low_i16x8_u).simd(Simd.f32x4_convert_i32x4_u);
    }
    this.set(this.declare(name, 'f32').index);
  }

  protected assign(s: Extract<KernelStatement, { kind: 'let' | 'set' }>): void {
    if (s.round32) throw new QuadsUnsupported('the plan rounds float64 values to float32 (float32 storage with float64 arithmetic)');
    const { kind, local: name, value } = s;
    const target = kind === 'set' ? this.declared(name) : undefined;
    const valueShape = this.shapeOf(value);
    const shape = target?.shape ?? (valueShape === 'const' ? (this.isF32(value) ? 'f32' : 'wide') : valueShape);
    if (shape === 'wide') {
      if (this.mask !== undefined) throw new QuadsUnsupported('it assigns a float64 value in a branch');
      const halves = HALVES.map((half) => {
        this.wide(value, half);
        const local = this.temporary();
        this.set(local);
        return local;
      });
      const local = target ?? this.declare(name, 'wide');
      this.get(halves[0]);
      this.set(local.index);
      this.get(halves[1]);
      this.set(local.high as number);
      return;
    }
    this.shaped(value, shape);
    if (target && this.mask !== undefined) this.get(target.index).byte(Op.local_get).u32(this.mask).simd(Simd.v128_bitselect);
    this.set((target ?? this.declare(name, shape)).index);
  }

  /** Pushes `e` as a float32 quad or as a mask. */
  private shaped(e: Expr, shape: 'f32' | 'bool'): void {
    if (shape === 'bool') this.condition(e);
    else this.f32(e);
  }

  protected store(array: number, value: Expr): void {
    const type = this.arrayType(array);
    if (type === 'i32') throw new QuadsUnsupported('it stores into an int32 array');
    // The values now, into locals; the stores under the mask, or once the checks have passed.
    const values = type === 'f64' ? HALVES.map(() => this.temporary()) : [this.temporary()];
    if (type === 'f64') {
      HALVES.forEach((half) => {
        this.wide(value, half);
        this.set(values[half]);
      });
    } else {
      this.shaped(value, type === 'u8' ? 'bool' : 'f32');
      this.set(values[0]);
    }
    if (this.mask !== undefined) this.storeLanes(array, values, this.mask);
    else if (this.checksLeft > 0) this.heldStores.push(() => this.storeAll(array, values));
    else this.storeAll(array, values);
  }

  /** arrays[array][k .. k + 3] = the values in `values` (a quad, a mask, or two float64 halves). */
  private storeAll(array: number, values: readonly number[]): void {
    const c = this.code;
    const type = this.arrayType(array);
    if (type === 'f64') {
      for (const half of HALVES) {
        this.elementOffset(type);
        this.get(values[half]).simd(Simd.v128_store);
        this.memarg(array, 2 * half);
      }
      return;
    }
    this.elementOffset(type);
    this.get(values[0]);
    if (type === 'u8') {
      // The mask's 32-bit lanes narrowed to 16 bits (twice, as the byte narrowing takes two
      // operands), then to bytes 0xff / 0x00 in bytes 0..3; negated, 1 / 0.
      c.byte(Op.local_get).u32(values[0]).simd(Simd.i16x8_narrow_i32x4_s);
      this.get(values[0]).byte(Op.local_get).u32(values[0]).simd(Simd.i16x8_narrow_i32x4_s);
      c.simd(Simd.i8x16_narrow_i16x8_s).simd(Simd.i8x16_neg).simd(Simd.v128_store32_lane);
      this.memarg(array);
      c.byte(0);
    } else {
      c.simd(Simd.v128_store);
      this.memarg(array);
    }
  }

  /** arrays[array][k + lane] = the lane's value, for each lane set in `mask`, k's first. */
  private storeLanes(array: number, values: readonly number[], mask: number): void {
    const c = this.code;
    const type = this.arrayType(array);
    for (const lane of LANES) {
      this.laneSet(mask, lane);
      c.byte(Op.if).byte(EMPTY_BLOCK);
      this.elementOffset(type);
      if (type === 'u8') {
        this.laneSet(values[0], lane);
        c.byte(Op.i32_const).i32(1).byte(Op.i32_and).byte(Op.i32_store8);
      } else if (type === 'f64') {
        this.get(values[lane >> 1]).simd(Simd.f64x2_extract_lane).byte(lane & 1).byte(Op.f64_store);
      } else {
        this.get(values[0]).simd(Simd.f32x4_extract_lane).byte(lane).byte(Op.f32_store);
      }
      this.memarg(array, lane);
      c.byte(Op.end);
    }
  }

  /** The pair loop's single check per iteration (kernel-pairs.ts), over four float32 lanes. */
  protected failIfNotFinite(name: string): void {
    if (this.mask !== undefined) throw new QuadsUnsupported('a non-finite check inside a branch');
    const local = this.declared(name);
    const c = this.code;
    if (local.shape === 'wide') throw new QuadsUnsupported(`the state '${name}' is float64`);
    if (local.shape === 'f32') {
      this.get(local.index).byte(Op.local_get).u32(local.index).simd(Simd.f32x4_sub);
      if (this.checkSum === undefined) this.checkSum = this.temporary();
      else this.get(this.checkSum).simd(Simd.f32x4_add);
      this.set(this.checkSum);
    }
    this.checksLeft--;
    if (this.checksLeft > 0) return;
    if (this.checkSum !== undefined) {
      this.get(this.checkSum);
      this.f32Constant(0);
      c.simd(Simd.f32x4_eq).simd(Simd.v128_not).simd(Simd.v128_any_true).byte(Op.br_if).u32(1);
    }
    for (const store of this.heldStores) store();
  }

  /** Pushes a float32 constant in four lanes. */
  private f32Constant(value: number): void {
    if (!Object.is(Math.fround(value), value) && !Number.isNaN(value)) throw new QuadsUnsupported(`the constant ${value} is not a float32`);
    this.constant(value, 'f32x4');
  }

  /** Pushes `e` as four float32 lanes; a boolean lane becomes 0 or 1. */
  private f32(e: Expr): void {
    const c = this.code;
    const shape = this.shapeOf(e);
    if (shape === 'bool') {
      this.condition(e);
      this.f32Constant(1);
      c.simd(Simd.v128_and);
      return;
    }
    if (shape === 'wide') throw new QuadsUnsupported('a float64 value is used as a float32 without fround');
    switch (e.kind) {
      case 'num':
        this.f32Constant(e.value);
        return;
      case 'sym':
        this.get(this.declared(e.name).index);
        return;
      case 'unary':
        if (e.arg.kind === 'num') this.f32Constant(-e.arg.value);
        else {
          this.f32(e.arg);
          c.simd(Simd.f32x4_neg);
        }
        return;
      case 'call':
        this.f32Call(e.fn, e.args);
        return;
      case 'binary':
        throw new QuadsUnsupported(`'${e.op}' reached the float32 lanes`);
    }
  }

  private f32Call(fn: string, args: readonly Expr[]): void {
    const c = this.code;
    if (fn === 'fround') {
      this.rounded(args[0]);
    } else if (fn in F32_MATH) {
      for (const a of args) this.f32(a);
      c.simd(F32_MATH[fn]);
    } else if (fn === 'clip') {
      // Math.min(Math.max(x, lo), hi)
      this.f32(args[0]);
      this.f32(args[1]);
      c.simd(Simd.f32x4_max);
      this.f32(args[2]);
      c.simd(Simd.f32x4_min);
    } else if (fn === 'sign') {
      this.sign(() => this.f32(args[0]), 'f32x4', Simd.f32x4_lt, Simd.f32x4_gt);
    } else if (fn === POW2) {
      // The bits of 2^n per lane: exponent field n + 127.
      this.f32(args[0]);
      c.simd(Simd.i32x4_trunc_sat_f32x4_s).byte(Op.i32_const).i32(127).simd(Simd.i32x4_splat).simd(Simd.i32x4_add);
      c.byte(Op.i32_const).i32(23).simd(Simd.i32x4_shl);
    } else {
      // where, the only other call shapeOf admits as float32
      this.f32(args[1]);
      this.f32(args[2]);
      this.condition(args[0]);
      c.simd(Simd.v128_bitselect);
    }
  }

  /** Pushes fround(e) as four float32 lanes: a float32 operation where one gives the same bits, else float64 halves rounded. */
  private rounded(e: Expr): void {
    const c = this.code;
    if (e.kind === 'sym' && e.name === 't' && !this.lookup('t')) {
      this.tF32 ??= this.temporary();
      this.get(this.tF32);
    } else if (e.kind === 'binary' && e.op in F32_ARITHMETIC && this.isF32(e.left) && this.isF32(e.right)) {
      this.f32(e.left);
      this.f32(e.right);
      c.simd(F32_ARITHMETIC[e.op]);
    } else if (e.kind === 'call' && e.fn === 'sqrt' && this.isF32(e.args[0])) {
      this.f32(e.args[0]);
      c.simd(Simd.f32x4_sqrt);
    } else if (this.isF32(e)) {
      this.f32(e);
    } else if (this.shapeOf(e) === 'wide' && !(e.kind === 'call' && e.fn !== 'fround')) {
      for (const half of HALVES) {
        this.wide(e, half);
        c.simd(Simd.f32x4_demote_f64x2_zero);
      }
      c.simd(Simd.i8x16_shuffle).raw(SHUFFLE_JOIN_LOWS);
    } else {
      throw new QuadsUnsupported(`it calls ${e.kind === 'call' ? `${e.fn}()` : 'a function'} without a float32 lane version`);
    }
  }

  /** Pushes half `half` of the float32 quad in local `x` as two float64 lanes. */
  private promoteHalf(x: number, half: 0 | 1): void {
    this.get(x);
    if (half === 1) this.get(x).simd(Simd.i8x16_shuffle).raw(SHUFFLE_HIGH_TO_LOW);
    this.code.simd(Simd.f64x2_promote_low_f32x4);
  }

  /** Pushes half `half` of `e` in float64: lanes k, k + 1 (half 0) or k + 2, k + 3 (half 1). */
  private wide(e: Expr, half: 0 | 1): void {
    const c = this.code;
    const shape = this.shapeOf(e);
    if (shape === 'bool') throw new QuadsUnsupported('a boolean is used as a float64 number');
    if (shape === 'f32') {
      const x = this.temporary();
      this.f32(e);
      this.set(x);
      this.promoteHalf(x, half);
      return;
    }
    switch (e.kind) {
      case 'num':
        this.constant(e.value, 'f64x2');
        return;
      case 'sym': {
        if (e.name === 't' && !this.lookup('t')) {
          this.tWide ??= this.temporary();
          this.get(this.tWide);
          return;
        }
        const local = this.declared(e.name);
        this.get(half === 0 ? local.index : (local.high as number));
        return;
      }
      case 'unary':
        this.wide(e.arg, half);
        c.simd(Simd.f64x2_neg);
        return;
      case 'binary':
        this.wide(e.left, half);
        this.wide(e.right, half);
        c.simd(F64_ARITHMETIC[e.op]);
        return;
      case 'call':
        throw new QuadsUnsupported(`${e.fn}() of float64 values`);
    }
  }

  /** Pushes the truth of `e` per lane as a mask: a number is true unless 0 or NaN (JavaScript's rule). */
  protected condition(e: Expr): void {
    const c = this.code;
    const shape = this.shapeOf(e);
    if (shape === 'f32' || shape === 'const') {
      this.f32(e);
      c.simd(Simd.f32x4_abs);
      this.f32Constant(0);
      c.simd(Simd.f32x4_gt);
      return;
    }
    if (shape === 'wide') {
      for (const half of HALVES) {
        this.wide(e, half);
        c.simd(Simd.f64x2_abs);
        this.constant(0, 'f64x2');
        c.simd(Simd.f64x2_gt);
      }
      c.simd(Simd.i8x16_shuffle).raw(NARROW_MASKS);
      return;
    }
    switch (e.kind) {
      case 'sym':
        this.get(this.declared(e.name).index);
        return;
      case 'unary':
        this.condition(e.arg);
        c.simd(Simd.v128_not);
        return;
      case 'binary':
        this.booleanBinary(e.op, e.left, e.right);
        return;
      case 'call':
        // where() of two booleans
        this.condition(e.args[1]);
        this.condition(e.args[2]);
        this.condition(e.args[0]);
        c.simd(Simd.v128_bitselect);
        return;
      case 'num':
        throw new QuadsUnsupported('internal: a number literal has a boolean shape');
    }
  }

  private booleanBinary(op: string, left: Expr, right: Expr): void {
    const c = this.code;
    if (op === 'and' || op === 'or') {
      this.condition(left);
      this.condition(right);
      c.simd(op === 'and' ? Simd.v128_and : Simd.v128_or);
      return;
    }
    const shapes = [this.shapeOf(left), this.shapeOf(right)];
    const bools = shapes.filter((s) => s === 'bool').length;
    if (bools === 2 && (op === '==' || op === '!=')) {
      this.condition(left);
      this.condition(right);
      c.simd(op === '==' ? Simd.i32x4_eq : Simd.i32x4_ne);
    } else if (bools === 1 && (op === '==' || op === '!=')) {
      // A boolean never equals a number (JavaScript's ===): 0 == 0 gives all lanes set, 0 != 0 none.
      this.f32Constant(0);
      this.f32Constant(0);
      c.simd(op === '==' ? Simd.f32x4_ne : Simd.f32x4_eq);
    } else if (bools > 0) {
      throw new QuadsUnsupported(`'${op}' compares a boolean`);
    } else if (this.isF32(left) && this.isF32(right)) {
      this.f32(left);
      this.f32(right);
      c.simd(F32_COMPARISONS[op]);
    } else {
      for (const half of HALVES) {
        this.wide(left, half);
        this.wide(right, half);
        c.simd(F64_COMPARISONS[op]);
      }
      c.simd(Simd.i8x16_shuffle).raw(NARROW_MASKS);
    }
  }
}
