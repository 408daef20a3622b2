import type { Expr } from '../expr/ast.js';
import { EquationError } from '../core/errors.js';
import type { ArrayType, KernelPlan, KernelStatement } from '../core/kernel-ir.js';
import { ByteWriter, EMPTY_BLOCK, I32, type LaneGlobal, Op, Simd, V128, type ValueType } from './binary.js';
import { ELEMENT_BYTES, isSelectable, LOG2_BYTES } from './plan-kinds.js';

/** What a SIMD loop shares with the kernel function around it. */
export interface LaneLoopContext {
  readonly plan: KernelPlan;
  /** Byte address of each plan array in the memory. */
  readonly addresses: readonly number[];
  /** Adds a function local of `type` and returns its index. */
  readonly local: (type: ValueType) => number;
  /** Function indices of the module's imports by name (Math.exp as 'exp'). */
  readonly imports: ReadonlyMap<string, number>;
  /** Function locals and parameters: the element index (i32), the spike count (i32), n (i32) and t (f64). */
  readonly k: number;
  readonly count: number;
  readonly n: number;
  readonly t: number;
}

/** The lane layout of a constant: two float64 or four float32. */
export type LaneFormat = LaneGlobal['lanes'];

/**
 * What the SIMD loops of a kernel (kernel-pairs.ts: two float64 lanes; kernel-quads.ts: four
 * float32 lanes) have in common: `for (; k + lanes - 1 < n; k += lanes) { body }`, the constants
 * read from globals into locals before it, element addressing, spikes lane by lane (k's first, so
 * the spike list keeps its order), and an `if` run under the mask of its condition.
 */
export abstract class LaneLoop {
  /** The lanes the statements run for (a mask local), or undefined for all. */
  protected mask: number | undefined;
  /** Non-finite checks still to come in the body; stores wait for them. */
  protected checksLeft: number;
  protected code = new ByteWriter();
  private readonly scaledK = new Map<number, number>();
  private readonly constants = new Map<string, { value: number; lanes: LaneFormat; local: number }>();

  constructor(
    protected readonly context: LaneLoopContext,
    private readonly lanes: 2 | 4,
  ) {
    this.checksLeft = context.plan.body.filter((s) => s.kind === 'failIfNotFinite').length;
  }

  /** Opens and closes a block scope of the plan's locals (a local declared in an `if` ends with it). */
  protected abstract enterScope(): void;
  protected abstract leaveScope(): void;

  protected abstract load(local: string, array: number): void;
  protected abstract assign(s: Extract<KernelStatement, { kind: 'let' | 'set' }>): void;
  protected abstract store(array: number, value: Expr): void;
  protected abstract failIfNotFinite(local: string): void;

  /** Pushes the truth of `e` per lane as a mask. */
  protected abstract condition(e: Expr): void;

  /** Code that runs once before the loop (values the body reads from locals), emitted after the body is known. */
  protected abstract prologue(): void;

  /**
   * The loop, preceded by the constants it reads into locals, and those constants, as globals
   * from `firstGlobal` on. The constants are mutable globals rather than v128.const because V8
   * rebuilds each constant it can see at every use, three instructions inside the loop, where a
   * value read once stays in a register.
   */
  loop(firstGlobal: number): { code: ByteWriter; globals: LaneGlobal[] } {
    const { k, n } = this.context;
    this.block(this.context.plan.body);
    const body = this.code;
    const c = (this.code = new ByteWriter());
    const globals = [...this.constants.values()].map(({ value, lanes, local }, i) => {
      c.byte(Op.global_get).u32(firstGlobal + i).byte(Op.local_set).u32(local);
      return { value, lanes };
    });
    this.prologue();
    c.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
    this.get(k).byte(Op.i32_const).i32(this.lanes - 1).byte(Op.i32_add).byte(Op.local_get).u32(n).byte(Op.i32_ge_s).byte(Op.br_if).u32(1);
    for (const [shift, local] of this.scaledK) this.get(k).byte(Op.i32_const).i32(shift).byte(Op.i32_shl).byte(Op.local_set).u32(local);
    c.raw(body.toBytes());
    this.get(k).byte(Op.i32_const).i32(this.lanes).byte(Op.i32_add).byte(Op.local_set).u32(k);
    c.byte(Op.br).u32(0).byte(Op.end).byte(Op.end);
    return { code: c, globals };
  }

  private block(statements: readonly KernelStatement[]): void {
    this.enterScope();
    for (const s of statements) this.statement(s);
    this.leaveScope();
  }

  private statement(s: KernelStatement): void {
    switch (s.kind) {
      case 'load':
        this.load(s.local, s.array);
        break;
      case 'let':
      case 'set':
        this.assign(s);
        break;
      case 'store':
        this.store(s.array, s.value);
        break;
      case 'if':
        this.conditional(s.condition, s.then);
        break;
      case 'failIfNotFinite':
        this.failIfNotFinite(s.local);
        break;
      case 'spike':
        this.spike(s.flags, s.list);
        break;
    }
  }

  protected get(index: number): ByteWriter {
    return this.code.byte(Op.local_get).u32(index);
  }

  protected set(index: number): void {
    this.code.byte(Op.local_set).u32(index);
  }

  protected temporary(): number {
    return this.context.local(V128);
  }

  protected arrayType(array: number): ArrayType {
    const a = this.context.plan.arrays[array];
    if (a === undefined) throw new EquationError(`internal: kernel plan refers to array ${array} of ${this.context.plan.arrays.length}`);
    return a.type;
  }

  /** Pushes the byte offset of element k in an array of `type`. */
  protected elementOffset(type: ArrayType): void {
    const shift = LOG2_BYTES[type];
    if (shift === 0) {
      this.get(this.context.k);
      return;
    }
    let local = this.scaledK.get(shift);
    if (local === undefined) {
      local = this.context.local(I32);
      this.scaledK.set(shift, local);
    }
    this.get(local);
  }

  /** Memory argument of an access to `array`, element k + lane: alignment exponent, then offset. */
  protected memarg(array: number, lane = 0, align = LOG2_BYTES[this.arrayType(array)]): void {
    this.code.u32(align).u32(this.context.addresses[array] + lane * ELEMENT_BYTES[this.arrayType(array)]);
  }

  /** Pushes a constant in every lane (each distinct one a local, loaded from a global before the loop). */
  protected constant(value: number, lanes: LaneFormat): void {
    const bits = new BigUint64Array(new Float64Array([value]).buffer)[0];
    const key = `${lanes}:${bits}`;
    let entry = this.constants.get(key);
    if (entry === undefined) {
      entry = { value, lanes, local: this.temporary() };
      this.constants.set(key, entry);
    }
    this.get(entry.local);
  }

  /** Pushes whether lane `lane` of the mask local is set (i32: the lane's low 32 bits, all set or clear). */
  protected laneSet(mask: number, lane: number): void {
    this.get(mask).simd(Simd.i32x4_extract_lane).byte(lane * (4 / this.lanes));
  }

  /** flags[k + lane] = 1 and list[count++] = k + lane, for each lane that runs. */
  private spike(flags: number, list: number): void {
    const c = this.code;
    const { k, count } = this.context;
    for (let lane = 0; lane < this.lanes; lane++) {
      if (this.mask !== undefined) {
        this.laneSet(this.mask, lane);
        c.byte(Op.if).byte(EMPTY_BLOCK);
      }
      this.get(k).byte(Op.i32_const).i32(1).byte(Op.i32_store8);
      this.memarg(flags, lane, 0);
      this.get(count).byte(Op.i32_const).i32(2).byte(Op.i32_shl);
      this.get(k).byte(Op.i32_const).i32(lane).byte(Op.i32_add).byte(Op.i32_store);
      this.memarg(list, 0, 2);
      this.get(count).byte(Op.i32_const).i32(1).byte(Op.i32_add).byte(Op.local_set).u32(count);
      if (this.mask !== undefined) c.byte(Op.end);
    }
  }

  /** The body under the mask of its condition (and of the enclosing ifs); branch-free when it only assigns. */
  private conditional(condition: Expr, then: readonly KernelStatement[]): void {
    const c = this.code;
    const mask = this.temporary();
    const outer = this.mask;
    this.condition(condition);
    if (outer !== undefined) this.get(outer).simd(Simd.v128_and);
    this.set(mask);
    const branchFree = isSelectable(condition, then);
    if (!branchFree) this.get(mask).simd(Simd.v128_any_true).byte(Op.if).byte(EMPTY_BLOCK);
    this.mask = mask;
    this.block(then);
    this.mask = outer;
    if (!branchFree) c.byte(Op.end);
  }

  /**
   * Math.sign of the value `push` pushes (x > 0 ? 1 : x < 0 ? -1 : x, which keeps -0, +0 and
   * NaN), with the lanes' comparisons.
   */
  protected sign(push: () => void, lanes: LaneFormat, less: number, greater: number): void {
    const x = this.temporary();
    push();
    this.set(x);
    this.constant(1, lanes);
    this.constant(-1, lanes);
    this.get(x);
    this.get(x);
    this.constant(0, lanes);
    this.code.simd(less).simd(Simd.v128_bitselect);
    this.get(x);
    this.constant(0, lanes);
    this.code.simd(greater).simd(Simd.v128_bitselect);
  }
}
