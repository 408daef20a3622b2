import type { Expr } from '../expr/ast.js';
import { callsOf } from '../expr/ast.js';
import { EquationError } from '../core/errors.js';
import type { KernelPlan, KernelStatement } from '../core/kernel-ir.js';
import { type ByteWriter, EMPTY_BLOCK, type LaneGlobal, Op, Simd, V128 } from './binary.js';
import { emitLaneExp } from './lane-exp.js';
import { emitLaneExpm1 } from './lane-expm1.js';
import { LaneLoop, type LaneLoopContext } from './lane-loop.js';
import { ARITHMETIC_OPERATORS, forEachExpr, LocalScopes, usesOperator } from './plan-kinds.js';
import { POW2 } from '../expr/functions.js';

/**
 * The SIMD loop of a WebAssembly group kernel: the plan run on two elements at once, k and k + 1
 * in the two float64 lanes of a v128, before the one-element loop (kernel-wasm.ts) finishes an odd
 * element. Every lane does the float64 operation the one-element loop does, in the same order, so
 * the results are the same bits; what changes is control flow:
 * - a boolean is a lane mask (all bits set or clear) and an `if` runs its body under the mask of
 *   its condition: assignments keep the old value in the other lane (bitselect), stores and spikes
 *   happen lane by lane, k's before k + 1's, so the spike list keeps its order; an `if` that only
 *   assigns runs without a branch (a refractory hold), others only when some lane needs them;
 * - where, and, or evaluate both sides (the functions admitted here have no side effects);
 * - the non-finite checks become one branch per pair, and the stores before the last of them are
 *   held back until it has passed, so a pair that fails is left as it was and the one-element
 *   loop redoes it.
 */

/** The math functions with a two-lane instruction (min and max propagate NaN and order -0 below +0, as Math's do). */
const LANE_MATH: Readonly<Record<string, number>> = {
  sqrt: Simd.f64x2_sqrt,
  abs: Simd.f64x2_abs,
  floor: Simd.f64x2_floor,
  ceil: Simd.f64x2_ceil,
  int: Simd.f64x2_trunc,
  min: Simd.f64x2_min,
  max: Simd.f64x2_max,
};
/** Functions the pair emitter writes itself (exp: lane-exp.ts, expm1: lane-expm1.ts). */
const LANE_SPECIAL = new Set(['clip', 'sign', 'where', 'exp', 'expm1', 'fround', POW2]);

/**
 * Why the plan does not run two elements per iteration, or undefined when it can: it calls a
 * function without a two-lane instruction (or **), or it has a non-finite check inside an `if` or
 * after an `if` that stores or spikes (the pair loop must be able to leave a pair untouched when a
 * check fails, see PairEmitter.failIfNotFinite).
 */
export function pairsUnsupported(plan: KernelPlan): string | undefined {
  const calls = new Set<string>();
  forEachExpr(plan.body, (e) => {
    for (const fn of callsOf(e)) if (!(fn in LANE_MATH) && !LANE_SPECIAL.has(fn)) calls.add(`${fn}()`);
    if (usesOperator(e, '**')) calls.add('**');
  });
  if (calls.size > 0) return `it calls ${[...calls].sort().join(', ')}`;
  const lastCheck = plan.body.map((s) => s.kind).lastIndexOf('failIfNotFinite');
  const branches = plan.body.slice(0, lastCheck).filter((s) => s.kind === 'if');
  if (branches.some((s) => s.then.some((inner) => inner.kind !== 'set'))) return 'it stores or spikes in a branch before a non-finite check';
  if (plan.body.some((s) => s.kind === 'if' && hasCheck(s.then))) return 'it checks for non-finite values inside a branch';
  return undefined;
}

const hasCheck = (statements: readonly KernelStatement[]): boolean =>
  statements.some((s) => s.kind === 'failIfNotFinite' || (s.kind === 'if' && hasCheck(s.then)));

const COMPARISONS: Readonly<Record<string, number>> = { '<': Simd.f64x2_lt, '<=': Simd.f64x2_le, '>': Simd.f64x2_gt, '>=': Simd.f64x2_ge };
const ARITHMETIC: Readonly<Record<string, number>> = { '+': Simd.f64x2_add, '-': Simd.f64x2_sub, '*': Simd.f64x2_mul, '/': Simd.f64x2_div };
const LANES = [0, 1] as const;

/**
 * The code of `for (; k + 1 < n; k += 2) { plan body on k, k + 1 }`, preceded by the constants
 * it reads into locals, and those constants, as globals from `firstGlobal` on. The constants are
 * mutable globals rather than v128.const because V8 rebuilds each constant it can see at every
 * use, three instructions inside the loop, where a value read once stays in a register. It leaves
 * the loop early, with k at the pair, when a non-finite check fails: the one-element loop after it
 * then runs that pair again and returns the failure code with the arrays as it leaves them.
 */
export function emitPairLoop(context: LaneLoopContext, firstGlobal: number): { code: ByteWriter; globals: LaneGlobal[] } {
  return new PairEmitter(context).loop(firstGlobal);
}

class PairEmitter extends LaneLoop {
  private readonly scopes = new LocalScopes();
  private readonly tLanes: number;
  /** The local summing x - x over the checked locals so far. */
  private checkSum: number | undefined;
  /** Stores held back until the checks pass: the array and the local with the values to store. */
  private readonly heldStores: { array: number; values: number }[] = [];

  constructor(context: LaneLoopContext) {
    super(context, 2);
    this.tLanes = context.local(V128);
  }

  protected prologue(): void {
    this.get(this.context.t).simd(Simd.f64x2_splat);
    this.set(this.tLanes);
  }

  protected enterScope(): void {
    this.scopes.enter();
  }

  protected leaveScope(): void {
    this.scopes.leave();
  }

  protected store(array: number, value: Expr): void {
    if (this.mask !== undefined) this.storeLanes(array, value, this.mask);
    else if (this.checksLeft > 0) this.holdStore(array, value);
    else this.storeBoth(array, () => this.storedValue(array, value));
  }

  protected load(name: string, array: number): void {
    const c = this.code;
    const type = this.arrayType(array);
    this.elementOffset(type);
    if (type === 'f64') {
      c.simd(Simd.v128_load);
      this.memarg(array);
    } else if (type === 'u8') {
      // Bytes k, k + 1 widened to 16, 32 bits, then converted: lanes [b0, b1].
      c.simd(Simd.v128_load16_splat);
      this.memarg(array);
      c.simd(Simd.i16x8_extend_low_i8x16_u).simd(Simd.i32x4_extend_low_i16x8_u).simd(Simd.f64x2_convert_low_i32x4_u);
    } else {
      c.simd(Simd.v128_load64_zero);
      this.memarg(array);
      c.simd(type === 'f32' ? Simd.f64x2_promote_low_f32x4 : Simd.f64x2_convert_low_i32x4_s);
    }
    c.byte(Op.local_set).u32(this.scopes.declare(name, { index: this.temporary(), kind: 'num' }).index);
  }

  protected assign(s: Extract<KernelStatement, { kind: 'let' | 'set' }>): void {
    const { kind, local: name, value } = s;
    const round32 = s.round32 === true;
    const c = this.code;
    const target = kind === 'set' ? this.scopes.declared(name) : undefined;
    const valueKind = round32 ? 'num' : this.scopes.kindOf(value);
    const storedKind = target?.kind ?? valueKind;
    if (storedKind === 'bool') this.value(value);
    else this.number(value);
    if (round32) c.simd(Simd.f32x4_demote_f64x2_zero).simd(Simd.f64x2_promote_low_f32x4);
    if (target && this.mask !== undefined) this.get(target.index).byte(Op.local_get).u32(this.mask).simd(Simd.v128_bitselect);
    c.byte(Op.local_set).u32((target ?? this.scopes.declare(name, { index: this.temporary(), kind: valueKind })).index);
  }

  /** Pushes what a store into `array` takes: a truth mask for a u8 array, two float64 lanes otherwise. */
  private storedValue(array: number, value: Expr): void {
    if (this.arrayType(array) === 'u8') this.condition(value);
    else this.number(value);
  }

  /** Computes the values of a store now and stores them when the checks have passed. */
  private holdStore(array: number, value: Expr): void {
    const values = this.temporary();
    this.storedValue(array, value);
    this.code.byte(Op.local_set).u32(values);
    this.heldStores.push({ array, values });
  }

  /** arrays[array][k] and [k + 1] = the values `push` pushes (storedValue's form). */
  private storeBoth(array: number, push: () => void): void {
    const c = this.code;
    const type = this.arrayType(array);
    this.elementOffset(type);
    push();
    if (type === 'u8') {
      // Byte 0 of each 64-bit lane of the mask to bytes 0 and 1; 0xff negated is 1.
      const mask = this.temporary();
      c.byte(Op.local_tee).u32(mask).byte(Op.local_get).u32(mask);
      c.simd(Simd.i8x16_shuffle).raw([0, 8, ...new Array<number>(14).fill(0)]).simd(Simd.i8x16_neg);
      c.simd(Simd.v128_store16_lane);
      this.memarg(array);
      c.byte(0);
    } else if (type === 'f64') {
      c.simd(Simd.v128_store);
      this.memarg(array);
    } else if (type === 'f32') {
      c.simd(Simd.f32x4_demote_f64x2_zero).simd(Simd.v128_store64_lane);
      this.memarg(array);
      c.byte(0);
    } else {
      throw new EquationError(`internal: the plan stores into the int32 array '${this.context.plan.arrays[array].name}'`);
    }
  }

  /** arrays[array][k + lane] = value for each lane set in `mask`, k's first. */
  private storeLanes(array: number, value: Expr, mask: number): void {
    const c = this.code;
    const type = this.arrayType(array);
    const values = this.temporary();
    if (type === 'u8') this.condition(value);
    else this.number(value);
    c.byte(Op.local_set).u32(values);
    for (const lane of LANES) {
      this.laneSet(mask, lane);
      c.byte(Op.if).byte(EMPTY_BLOCK);
      this.elementOffset(type);
      if (type === 'u8') {
        this.laneSet(values, lane);
        c.byte(Op.i32_const).i32(1).byte(Op.i32_and).byte(Op.i32_store8);
      } else {
        this.get(values).simd(Simd.f64x2_extract_lane).byte(lane);
        if (type === 'f32') c.byte(Op.f32_demote_f64).byte(Op.f32_store);
        else if (type === 'f64') c.byte(Op.f64_store);
        else throw new EquationError(`internal: the plan stores into the int32 array '${this.context.plan.arrays[array].name}'`);
      }
      this.memarg(array, lane);
      c.byte(Op.end);
    }
  }

  /**
   * Adds x - x to the running sum of the checked locals (0 while every one is finite in both
   * lanes, NaN from the first infinity or NaN on); at the last check, leaves the pair loop (k at
   * this pair, nothing of it stored) unless the sum is 0 in both lanes, then makes the held stores.
   * One branch per pair instead of one per check; the one-element loop finds which check failed.
   */
  protected failIfNotFinite(name: string): void {
    if (this.mask !== undefined) throw new EquationError('internal: a non-finite check inside a branch reached the pair emitter');
    const local = this.scopes.declared(name);
    const c = this.code;
    if (local.kind !== 'bool') {
      this.get(local.index).byte(Op.local_get).u32(local.index).simd(Simd.f64x2_sub);
      if (this.checkSum === undefined) this.checkSum = this.temporary();
      else this.get(this.checkSum).simd(Simd.f64x2_add);
      c.byte(Op.local_set).u32(this.checkSum);
    }
    this.checksLeft--;
    if (this.checksLeft > 0) return;
    if (this.checkSum !== undefined) {
      // br 1 leaves the loop's block.
      this.get(this.checkSum);
      this.constant(0, 'f64x2');
      c.simd(Simd.f64x2_eq).simd(Simd.v128_not).simd(Simd.v128_any_true).byte(Op.br_if).u32(1);
    }
    for (const { array, values } of this.heldStores) this.storeBoth(array, () => this.get(values));
  }

  /** Pushes `e` as two float64 lanes; a boolean lane becomes 0 or 1. */
  private number(e: Expr): void {
    this.value(e);
    if (this.scopes.kindOf(e) === 'bool') {
      this.constant(1, 'f64x2');
      this.code.simd(Simd.v128_and);
    }
  }

  /** Pushes the truth of `e` per lane as a mask: a number is true unless 0 or NaN (JavaScript's rule). */
  protected condition(e: Expr): void {
    const c = this.code;
    if (this.scopes.kindOf(e) === 'bool') {
      this.value(e);
      return;
    }
    this.number(e);
    c.simd(Simd.f64x2_abs);
    this.constant(0, 'f64x2');
    c.simd(Simd.f64x2_gt);
  }

  /** Pushes `e` in its kind's representation: a mask for a boolean, two float64 lanes otherwise. */
  private value(e: Expr): void {
    const c = this.code;
    switch (e.kind) {
      case 'num':
        this.constant(e.value, 'f64x2');
        return;
      case 'sym':
        this.get(this.scopes.indexOf(e.name, this.tLanes));
        return;
      case 'unary':
        if (e.op === 'not') {
          this.condition(e.arg);
          c.simd(Simd.v128_not);
        } else if (e.arg.kind === 'num') {
          this.constant(-e.arg.value, 'f64x2');
        } else {
          this.number(e.arg);
          c.simd(Simd.f64x2_neg);
        }
        return;
      case 'binary':
        this.binary(e.op, e.left, e.right);
        return;
      case 'call':
        this.call(e.fn, e.args);
        return;
    }
  }

  private binary(op: string, left: Expr, right: Expr): void {
    const c = this.code;
    if (ARITHMETIC_OPERATORS.has(op) || op in COMPARISONS) {
      this.number(left);
      this.number(right);
      c.simd(ARITHMETIC[op] ?? COMPARISONS[op]);
    } else if (op === '==' || op === '!=') {
      const kinds = [this.scopes.kindOf(left), this.scopes.kindOf(right)];
      if (kinds.includes('mixed')) throw new EquationError(`internal: '${op}' on a boolean-or-number reached the pair emitter`);
      if (kinds[0] !== kinds[1]) {
        // A boolean never equals a number (JavaScript's ===): 0 == 0 gives all lanes set, 0 != 0 none.
        this.constant(0, 'f64x2');
        this.constant(0, 'f64x2');
        c.simd(op === '==' ? Simd.f64x2_ne : Simd.f64x2_eq);
        return;
      }
      this.value(left);
      this.value(right);
      if (kinds[0] === 'bool') c.simd(op === '==' ? Simd.i64x2_eq : Simd.i64x2_ne);
      else c.simd(op === '==' ? Simd.f64x2_eq : Simd.f64x2_ne);
    } else if (op === 'and' || op === 'or') {
      if (this.scopes.kindOf(left) === 'bool' && this.scopes.kindOf(right) === 'bool') {
        this.value(left);
        this.value(right);
        c.simd(op === 'and' ? Simd.v128_and : Simd.v128_or);
      } else this.numericLogical(op, left, right);
    } else {
      throw new EquationError(`internal: operator '${op}' reached the pair emitter`);
    }
  }

  /** JavaScript's `a && b` (truthy a ? b : a) and `a || b` (truthy a ? a : b) on numbers, per lane. */
  private numericLogical(op: 'and' | 'or', left: Expr, right: Expr): void {
    const first = this.temporary();
    this.number(left);
    this.code.byte(Op.local_set).u32(first);
    if (op === 'and') {
      this.number(right);
      this.get(first);
    } else {
      this.get(first);
      this.number(right);
    }
    this.get(first).simd(Simd.f64x2_abs);
    this.constant(0, 'f64x2');
    this.code.simd(Simd.f64x2_gt).simd(Simd.v128_bitselect);
  }

  private call(fn: string, args: readonly Expr[]): void {
    const c = this.code;
    if (fn in LANE_MATH) {
      for (const a of args) this.number(a);
      c.simd(LANE_MATH[fn]);
    } else if (fn === 'clip') {
      // Math.min(Math.max(x, lo), hi)
      this.number(args[0]);
      this.number(args[1]);
      c.simd(Simd.f64x2_max);
      this.number(args[2]);
      c.simd(Simd.f64x2_min);
    } else if (fn === 'fround') {
      this.number(args[0]);
      c.simd(Simd.f32x4_demote_f64x2_zero).simd(Simd.f64x2_promote_low_f32x4);
    } else if (fn === POW2) {
      // The bits of 2^n per lane: exponent field n + 1023.
      this.number(args[0]);
      c.simd(Simd.i32x4_trunc_sat_f64x2_s_zero).simd(Simd.i64x2_extend_low_i32x4_s);
      c.byte(Op.i64_const).i32(1023).simd(Simd.i64x2_splat).simd(Simd.i64x2_add);
      c.byte(Op.i32_const).i32(52).simd(Simd.i64x2_shl);
    } else if (fn === 'sign') {
      this.sign(() => this.number(args[0]), 'f64x2', Simd.f64x2_lt, Simd.f64x2_gt);
    } else if (fn === 'exp' || fn === 'expm1') {
      this.number(args[0]);
      const mathFunction = this.context.imports.get(fn);
      if (mathFunction === undefined) throw new EquationError(`internal: the kernel module does not import ${fn}`);
      const emit = fn === 'exp' ? emitLaneExp : emitLaneExpm1;
      emit({ code: c, constant: (value) => this.constant(value, 'f64x2'), temporary: () => this.temporary(), mathFunction });
    } else if (fn === 'where') {
      const asMask = this.scopes.kindOf({ kind: 'call', fn, args }) === 'bool';
      for (const branch of [args[1], args[2]]) {
        if (asMask) this.value(branch);
        else this.number(branch);
      }
      this.condition(args[0]);
      c.simd(Simd.v128_bitselect);
    } else {
      throw new EquationError(`internal: function '${fn}' reached the pair emitter`);
    }
  }
}
