import type { Expr } from '../expr/ast.js';
import { callsOf } from '../expr/ast.js';
import { callsSomething, describeKind, ELEMENT_BYTES, forEachExpr, isSelectable, join, type Kind, type Local, LocalScopes, LOG2_BYTES, usesOperator } from './plan-kinds.js';
import { MATH_FUNCTIONS, isMathFunction, POW2 } from '../expr/functions.js';
import { EquationError, ParameterError } from '../core/errors.js';
import type { ArrayType, GroupKernel, KernelPlan, KernelRandom, KernelStatement } from '../core/kernel-ir.js';
import { ByteWriter, EMPTY_BLOCK, encodeModule, F64, I32, type LaneGlobal, Op, type ValueType } from './binary.js';
import { emitExp } from './inline-exp.js';
import { emitPairLoop, pairsUnsupported } from './kernel-pairs.js';
import { emitQuadLoop, quadLoopUnsupported } from './kernel-quads.js';
import { POW_IMPORT, WASM_MATH } from './math.js';

/**
 * The WebAssembly backend of group kernels: a KernelPlan (core/kernel-ir.ts) compiled to one
 * module whose exported `kernel(n: i32, t: f64, previousCount: i32, start: i32) -> f64` runs the
 * plan over arrays that live in an imported memory. It does the same float64 operations in the
 * same order as the JavaScript backend (core/kernel-js.ts), so the numbers are the same bits; what
 * it saves is V8's per-access typed-array overhead (base, length and bounds reloaded per a[k]).
 * Plans without function calls first run two elements per iteration in SIMD lanes
 * (kernel-pairs.ts), under float32 arithmetic four (kernel-quads.ts); this module's one-element
 * loop does the rest.
 * The result is f64 so that a failure code -(1 + k * S + s) is exact for any group size.
 */

/** The memory a kernel's arrays live in (a WasmArena). */
export interface KernelMemory {
  readonly memory: WebAssembly.Memory;
  readonly maximumPages: number;
  readonly shared: boolean;
}

/** Why a plan cannot be compiled to WebAssembly, or undefined when it can. */
export function wasmUnsupported(plan: KernelPlan): string | undefined {
  try {
    emitKernelModule(plan, plan.arrays.map(() => 0), { maximumPages: 1, shared: false });
    return undefined;
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    throw e;
  }
}

/**
 * Compiles a plan for arrays at byte offsets `addresses` (plan.arrays[i] at addresses[i], aligned
 * to its element size) in `memory`; rand() and randn() draw from `rng`. The returned kernel
 * ignores its `arrays` and `rng` arguments.
 * Like typed-array code it trusts n and the spike list to stay within the arrays: an index past
 * an array reads or writes its neighbour in the memory (never outside it).
 */
export function compileKernelWasm(plan: KernelPlan, memory: KernelMemory, addresses: readonly number[], rng?: KernelRandom): GroupKernel {
  return instantiateKernel(kernelModuleBytes(plan, memory, addresses), memory.memory, rng);
}

/** The module compileKernelWasm instantiates, as bytes (kernel threads instantiate it in their own thread). */
export function kernelModuleBytes(plan: KernelPlan, memory: KernelMemory, addresses: readonly number[]): Uint8Array<ArrayBuffer> {
  if (addresses.length !== plan.arrays.length) {
    throw new ParameterError(`compileKernelWasm: ${addresses.length} addresses for ${plan.arrays.length} arrays`);
  }
  plan.arrays.forEach((a, i) => {
    const address = addresses[i];
    if (!Number.isInteger(address) || address < 0 || address % ELEMENT_BYTES[a.type] !== 0 || address > 0xffffffff) {
      throw new ParameterError(`compileKernelWasm: array '${a.name}' (${a.type}) at address ${address} is not aligned to ${ELEMENT_BYTES[a.type]} bytes`);
    }
  });
  if (memory.shared && !(memory.maximumPages > 0)) throw new ParameterError('compileKernelWasm: a shared memory needs its maximum number of pages');
  try {
    return emitKernelModule(plan, addresses, memory);
  } catch (e) {
    if (e instanceof Unsupported) throw new WasmUnsupportedError(e.message);
    throw e;
  }
}

/**
 * A kernel module's bytes instantiated over `memory`; its imports are found by name in this
 * thread's Math, and rand()/randn() in `rng`, the group's stream.
 */
export function instantiateKernel(bytes: Uint8Array<ArrayBuffer>, memory: WebAssembly.Memory, rng?: KernelRandom): GroupKernel {
  const module = new WebAssembly.Module(bytes);
  const env: WebAssembly.ModuleImports = { memory };
  for (const { name, kind } of WebAssembly.Module.imports(module)) {
    if (kind === 'function') env[name] = importedFunction(name, rng);
  }
  const run = new WebAssembly.Instance(module, { env }).exports.kernel as (n: number, t: number, previousCount: number, start: number) => number;
  return (n, t, _arrays, _rng, previousCount = 0, start = 0) => run(n, t, previousCount, start);
}

function importedFunction(name: string, rng: KernelRandom | undefined): (...args: number[]) => number {
  if (name === POW_IMPORT.name) return POW_IMPORT.fn;
  if (MATH_FUNCTIONS[name]?.random) {
    if (!rng) throw new ParameterError(`the kernel draws random numbers (${name}()) but was given no random stream`);
    return name === 'rand' ? () => rng.random() : () => rng.normal();
  }
  const math = WASM_MATH[name];
  if (math?.kind !== 'import') throw new ParameterError(`a kernel module imports '${name}', which is not an imported Math function`);
  return math.fn;
}

/**
 * The functions of a plan that made its WebAssembly kernel slower than its JavaScript one, as
 * measured here: every call into JavaScript (imported Math functions, pow, the random stream)
 * costs more than the kernel saves (HH under exp_auto, four expm1 per neuron: 1.4× slower; an OU
 * process, randn: 1.1–1.4× slower), and exp inline one element at a time (fdlibm, bit-identical)
 * is slower than V8's own Math.exp in a JavaScript kernel (COBA-HH, ten exp per neuron: 1.1×
 * slower). In SIMD lanes exp and expm1 are faster (COBA-HH 1.6×, the library's HH under exp_auto
 * 1.6× faster than JavaScript), so a plan that runs in pairs (kernel-pairs.ts) has none.
 */
export function slowerInWasm(plan: KernelPlan): string[] {
  if (pairsUnsupported(plan) === undefined) return [];
  const calls = new Set<string>();
  forEachExpr(plan.body, (e) => {
    for (const fn of callsOf(e)) if (MATH_FUNCTIONS[fn]?.random || WASM_MATH[fn]?.kind === 'import') calls.add(`${fn}()`);
    if (usesOperator(e, '**')) calls.add('**');
  });
  return [...calls].sort();
}

/** A plan feature the WebAssembly backend does not compile (the message says which). */
class Unsupported extends Error {}

/** compileKernelWasm's error for a plan the backend does not compile; `reason` says why. */
export class WasmUnsupportedError extends ParameterError {
  constructor(readonly reason: string) {
    super(`compileKernelWasm: ${reason}; use the JavaScript backend`);
  }
}


const representation = (kind: Kind): ValueType => (kind === 'bool' ? I32 : F64);

// Function parameters and fixed locals of the kernel.
const N = 0;
const T = 1;
const PREVIOUS_COUNT = 2;
const START = 3;
const PARAMETERS: readonly ValueType[] = [I32, F64, I32, I32];

// Function type indices in the module.
const KERNEL_TYPE = 0;
const UNARY_TYPE = 1;
const BINARY_TYPE = 2;
const NULLARY_TYPE = 3;

const COMPARISONS: Readonly<Record<string, number>> = { '<': Op.f64_lt, '<=': Op.f64_le, '>': Op.f64_gt, '>=': Op.f64_ge };
const ARITHMETIC: Readonly<Record<string, number>> = { '+': Op.f64_add, '-': Op.f64_sub, '*': Op.f64_mul, '/': Op.f64_div };

function emitKernelModule(
  plan: KernelPlan,
  addresses: readonly number[],
  memory: { readonly maximumPages: number; readonly shared: boolean },
): Uint8Array<ArrayBuffer> {
  // Imported functions first: they take function indices 0..m-1, the kernel comes after them.
  const used = new Set<string>();
  let usesPow = false;
  forEachExpr(plan.body, (e) => {
    for (const fn of callsOf(e)) used.add(fn);
    usesPow ||= usesOperator(e, '**');
  });
  const importIndex = new Map<string, number>();
  const importTypes: number[] = [];
  const addImport = (name: string, type: number) => {
    importIndex.set(name, importTypes.length);
    importTypes.push(type);
  };
  for (const fn of [...used].sort()) {
    if (!isMathFunction(fn)) throw new EquationError(`unknown function '${fn}' in a kernel plan`);
    const math = WASM_MATH[fn];
    // rand() and randn() call the group's stream, in the same order as the JavaScript kernel.
    if (MATH_FUNCTIONS[fn].random) addImport(fn, NULLARY_TYPE);
    else if (math.kind === 'import') addImport(fn, math.arity === 1 ? UNARY_TYPE : BINARY_TYPE);
  }
  if (usesPow) addImport(POW_IMPORT.name, BINARY_TYPE);

  const emitter = new KernelEmitter(plan, addresses, importIndex);
  const kernel = emitter.kernel();
  // In the order of KERNEL_TYPE, UNARY_TYPE, BINARY_TYPE, NULLARY_TYPE.
  const types = [
    { params: PARAMETERS, results: [F64] as const },
    { params: [F64] as const, results: [F64] as const },
    { params: [F64, F64] as const, results: [F64] as const },
    { params: [], results: [F64] as const },
  ];
  const bytes = encodeModule({
    types,
    functionImports: [...importIndex.keys()].map((name, i) => ({ module: 'env', name, type: importTypes[i] })),
    memoryImport: { module: 'env', name: 'memory', minimumPages: 0, maximumPages: memory.maximumPages, shared: memory.shared },
    functions: [{ type: KERNEL_TYPE, locals: emitter.locals, code: kernel, export: 'kernel' }],
    globals: emitter.globals,
  });
  return bytes;
}

/** The body of the kernel function: the plan's statements as stack code over function locals. */
class KernelEmitter {
  /** Locals after the parameters, by type. */
  readonly locals: ValueType[] = [];
  /** The module's globals (constants of the pair loop). */
  readonly globals: LaneGlobal[] = [];
  private readonly k: number;
  private readonly count: number;
  /** k shifted left by 2 or 3, the byte offset of element k in 4- and 8-byte arrays (made when first used). */
  private readonly scaledK = new Map<number, number>();
  private readonly scopes = new LocalScopes();
  private code = new ByteWriter();

  constructor(
    private readonly plan: KernelPlan,
    private readonly addresses: readonly number[],
    private readonly imports: ReadonlyMap<string, number>,
  ) {
    this.k = this.local(I32);
    this.count = this.local(I32);
  }

  kernel(): ByteWriter {
    const body = this.code;
    this.block(this.plan.body);
    const top = (this.code = new ByteWriter());
    if (this.plan.clearSpikes) this.clearSpikes(this.plan.clearSpikes.flags, this.plan.clearSpikes.list);
    this.get(START).byte(Op.local_set).u32(this.k);
    // Four float32 elements at a time, then two float64, while enough are left, where the plan allows it.
    if (pairsUnsupported(this.plan) === undefined) {
      const context = { plan: this.plan, addresses: this.addresses, local: (type: ValueType) => this.local(type), imports: this.imports, k: this.k, count: this.count, n: N, t: T };
      if (quadLoopUnsupported({ ...context, local: () => 0 }) === undefined) {
        const quads = emitQuadLoop(context, this.globals.length);
        top.raw(quads.code.toBytes());
        this.globals.push(...quads.globals);
      }
      const pairs = emitPairLoop(context, this.globals.length);
      top.raw(pairs.code.toBytes());
      this.globals.push(...pairs.globals);
    }
    // for (; k < n; k++) { body }
    this.code.byte(Op.block).byte(EMPTY_BLOCK);
    this.get(this.k).byte(Op.local_get).u32(N).byte(Op.i32_ge_s).byte(Op.br_if).u32(0);
    this.code.byte(Op.loop).byte(EMPTY_BLOCK);
    for (const [shift, local] of this.scaledK) this.get(this.k).byte(Op.i32_const).i32(shift).byte(Op.i32_shl).byte(Op.local_set).u32(local);
    top.raw(body.toBytes());
    this.increment(this.k);
    this.get(this.k).byte(Op.local_get).u32(N).byte(Op.i32_lt_s).byte(Op.br_if).u32(0);
    this.code.byte(Op.end).byte(Op.end);
    this.get(this.count).byte(Op.f64_convert_i32_s).byte(Op.end);
    return top;
  }

  private local(type: ValueType): number {
    this.locals.push(type);
    return PARAMETERS.length + this.locals.length - 1;
  }

  private get(index: number): ByteWriter {
    return this.code.byte(Op.local_get).u32(index);
  }

  private increment(index: number): void {
    this.get(index).byte(Op.i32_const).i32(1).byte(Op.i32_add).byte(Op.local_set).u32(index);
  }

  /** for (q = 0; q < previousCount; q++) flags[list[q]] = 0 */
  private clearSpikes(flags: number, list: number): void {
    const q = this.local(I32);
    const c = this.code;
    c.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
    this.get(q).byte(Op.local_get).u32(PREVIOUS_COUNT).byte(Op.i32_ge_s).byte(Op.br_if).u32(1);
    this.get(q).byte(Op.i32_const).i32(2).byte(Op.i32_shl);
    this.memory(Op.i32_load, 'i32', list);
    c.byte(Op.i32_const).i32(0);
    this.memory(Op.i32_store8, 'u8', flags);
    this.increment(q);
    c.byte(Op.br).u32(0).byte(Op.end).byte(Op.end);
  }

  /** A load or store of plan.arrays[array] at the dynamic byte offset on the stack. */
  private memory(op: number, type: ArrayType, array: number): void {
    this.code.byte(op).u32(LOG2_BYTES[type]).u32(this.addresses[array]);
  }

  /** Pushes the byte offset of element k in an array of `type`. */
  private elementOffset(type: ArrayType): void {
    const shift = LOG2_BYTES[type];
    if (shift === 0) {
      this.get(this.k);
      return;
    }
    let local = this.scaledK.get(shift);
    if (local === undefined) {
      local = this.local(I32);
      this.scaledK.set(shift, local);
    }
    this.get(local);
  }

  private arrayType(array: number): ArrayType {
    const a = this.plan.arrays[array];
    if (a === undefined) throw new EquationError(`internal: kernel plan refers to array ${array} of ${this.plan.arrays.length}`);
    return a.type;
  }

  private block(statements: readonly KernelStatement[]): void {
    this.scopes.enter();
    for (const s of statements) this.statement(s);
    this.scopes.leave();
  }

  private declare(name: string, kind: Kind): Local {
    return this.scopes.declare(name, { index: this.local(representation(kind)), kind });
  }

  /** Emits `s`; with `taken`, an i32 local, a `set` keeps the local's value unless `taken` is 1. */
  private statement(s: KernelStatement, taken?: number): void {
    const c = this.code;
    switch (s.kind) {
      case 'load': {
        const type = this.arrayType(s.array);
        this.elementOffset(type);
        if (type === 'f64') this.memory(Op.f64_load, type, s.array);
        else if (type === 'f32') {
          this.memory(Op.f32_load, type, s.array);
          c.byte(Op.f64_promote_f32);
        } else if (type === 'u8') {
          this.memory(Op.i32_load8_u, type, s.array);
          c.byte(Op.f64_convert_i32_u);
        } else {
          this.memory(Op.i32_load, type, s.array);
          c.byte(Op.f64_convert_i32_s);
        }
        c.byte(Op.local_set).u32(this.declare(s.local, 'num').index);
        break;
      }
      case 'let':
      case 'set': {
        const kind = s.round32 ? 'num' : this.scopes.kindOf(s.value);
        // The value is evaluated before a `let` declares its name (as in JavaScript).
        const target = s.kind === 'set' ? this.scopes.declared(s.local) : undefined;
        if (target && target.kind !== 'mixed' && target.kind !== kind) {
          throw new Unsupported(`the local '${s.local}' is a ${describeKind(target.kind)} but is assigned a ${describeKind(kind)}`);
        }
        const storedKind = target?.kind ?? kind;
        if (storedKind === 'bool') this.value(s.value);
        else this.number(s.value);
        if (s.round32) c.byte(Op.f32_demote_f64).byte(Op.f64_promote_f32);
        if (target && taken !== undefined) this.get(target.index).byte(Op.local_get).u32(taken).byte(Op.select);
        c.byte(Op.local_set).u32((target ?? this.declare(s.local, kind)).index);
        break;
      }
      case 'store': {
        const type = this.arrayType(s.array);
        this.elementOffset(type);
        if (type === 'u8') {
          this.condition(s.value);
          this.memory(Op.i32_store8, type, s.array);
        } else if (type === 'i32') {
          throw new Unsupported(`the plan stores a value into the int32 array '${this.plan.arrays[s.array].name}' (only spike lists are int32)`);
        } else {
          this.number(s.value);
          if (type === 'f32') c.byte(Op.f32_demote_f64);
          this.memory(type === 'f32' ? Op.f32_store : Op.f64_store, type, s.array);
        }
        break;
      }
      case 'if':
        if (isSelectable(s.condition, s.then)) this.selects(s.condition, s.then);
        else {
          this.condition(s.condition);
          c.byte(Op.if).byte(EMPTY_BLOCK);
          this.block(s.then);
          c.byte(Op.end);
        }
        break;
      case 'failIfNotFinite': {
        const local = this.scopes.declared(s.local);
        // A boolean minus itself is always 0: it never fails.
        if (local.kind === 'bool') break;
        // if (!(L - L === 0)) return -(1 + state) - k * S
        this.get(local.index).byte(Op.local_get).u32(local.index).byte(Op.f64_sub).byte(Op.f64_const).f64(0).byte(Op.f64_eq);
        c.byte(Op.i32_eqz).byte(Op.if).byte(EMPTY_BLOCK);
        c.byte(Op.f64_const).f64(-(1 + s.state));
        this.get(this.k).byte(Op.f64_convert_i32_s).byte(Op.f64_const).f64(this.plan.statesPerElement).byte(Op.f64_mul);
        c.byte(Op.f64_sub).byte(Op.return).byte(Op.end);
        break;
      }
      case 'spike':
        this.arrayType(s.flags);
        this.arrayType(s.list);
        // flags[k] = 1; list[count++] = k
        this.get(this.k).byte(Op.i32_const).i32(1);
        this.memory(Op.i32_store8, 'u8', s.flags);
        this.get(this.count).byte(Op.i32_const).i32(2).byte(Op.i32_shl).byte(Op.local_get).u32(this.k);
        this.memory(Op.i32_store, 'i32', s.list);
        this.increment(this.count);
        break;
    }
  }

  /**
   * `if (condition) { a = x; b = y }` as `a = condition ? x : a; b = condition ? y : b` with
   * select, which compiles to a conditional move: no branch to mispredict where the condition
   * follows no pattern (a refractory period). Each value is computed either way and discarded when
   * the condition is false, which only costs arithmetic (isSelectable admits no calls).
   */
  private selects(condition: Expr, sets: readonly KernelStatement[]): void {
    const c = this.code;
    const taken = this.local(I32);
    this.condition(condition);
    c.byte(Op.local_set).u32(taken);
    for (const s of sets) this.statement(s, taken);
  }

  /** Pushes `e` as a number (f64); a boolean becomes 0 or 1. */
  private number(e: Expr): void {
    const kind = this.scopes.kindOf(e);
    this.value(e);
    if (kind === 'bool') this.code.byte(Op.f64_convert_i32_u);
  }

  /** Pushes `e` as a JavaScript condition sees it (i32 0/1): a number is true unless 0 or NaN. */
  private condition(e: Expr): void {
    const c = this.code;
    if (e.kind === 'unary' && e.op === 'not') {
      this.condition(e.arg);
      c.byte(Op.i32_eqz);
    } else if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) {
      this.logical(e.op, e.left, e.right, I32, (x) => this.condition(x));
    } else if (e.kind === 'call' && e.fn === 'where') {
      this.where(e.args, I32, (x) => this.condition(x));
    } else if (this.scopes.kindOf(e) === 'bool') {
      this.value(e);
    } else {
      this.number(e);
      this.truthy();
    }
  }

  /** Turns the f64 on the stack into its truth: |x| > 0 is false exactly for 0, -0 and NaN. */
  private truthy(): void {
    this.code.byte(Op.f64_abs).byte(Op.f64_const).f64(0).byte(Op.f64_gt);
  }

  /**
   * `left and right` / `left or right` where both sides are pushed by `side` as `type`
   * (booleans as i32, or truths); right is evaluated only when needed if it calls a function.
   */
  private logical(op: 'and' | 'or', left: Expr, right: Expr, type: ValueType, side: (e: Expr) => void): void {
    const c = this.code;
    side(left);
    if (!callsSomething(right)) {
      side(right);
      c.byte(op === 'and' ? Op.i32_and : Op.i32_or);
      return;
    }
    c.byte(Op.if).byte(type);
    if (op === 'and') side(right);
    else c.byte(Op.i32_const).i32(1);
    c.byte(Op.else);
    if (op === 'and') c.byte(Op.i32_const).i32(0);
    else side(right);
    c.byte(Op.end);
  }

  /** where(c, a, b): only the branch taken is evaluated, as JavaScript's `c ? a : b`. */
  private where(args: readonly Expr[], type: ValueType, branch: (e: Expr) => void): void {
    this.condition(args[0]);
    this.code.byte(Op.if).byte(type);
    branch(args[1]);
    this.code.byte(Op.else);
    branch(args[2]);
    this.code.byte(Op.end);
  }

  /** Pushes `e` in its kind's representation: i32 for a boolean, f64 otherwise. */
  private value(e: Expr): void {
    const c = this.code;
    switch (e.kind) {
      case 'num':
        c.byte(Op.f64_const).f64(e.value);
        return;
      case 'sym':
        this.get(this.scopes.indexOf(e.name, T));
        return;
      case 'unary':
        if (e.op === 'not') this.condition(e);
        else {
          this.number(e.arg);
          c.byte(Op.f64_neg);
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
    if (op in ARITHMETIC || op in COMPARISONS) {
      this.number(left);
      this.number(right);
      c.byte(ARITHMETIC[op] ?? COMPARISONS[op]);
    } else if (op === '**') {
      this.number(left);
      this.number(right);
      c.byte(Op.call).u32(this.imports.get(POW_IMPORT.name) as number);
    } else if (op === '==' || op === '!=') {
      this.equality(op, left, right);
    } else if (op === 'and' || op === 'or') {
      const kind = join(this.scopes.kindOf(left), this.scopes.kindOf(right));
      if (kind === 'bool') this.logical(op, left, right, I32, (x) => this.value(x));
      else this.numericLogical(op, left, right);
    } else {
      throw new EquationError(`internal: unknown operator '${op}' in a kernel plan`);
    }
  }

  /** JavaScript's `===` / `!==`: a boolean never equals a number. */
  private equality(op: '==' | '!=', left: Expr, right: Expr): void {
    const c = this.code;
    const kinds = [this.scopes.kindOf(left), this.scopes.kindOf(right)];
    if (kinds.includes('mixed')) throw new Unsupported(`'${op}' compares a value that may be a boolean or a number`);
    if (kinds[0] !== kinds[1]) {
      c.byte(Op.i32_const).i32(op === '==' ? 0 : 1);
      return;
    }
    this.value(left);
    this.value(right);
    if (kinds[0] === 'bool') c.byte(op === '==' ? Op.i32_eq : Op.i32_ne);
    else c.byte(op === '==' ? Op.f64_eq : Op.f64_ne);
  }

  /** JavaScript's `a && b` / `a || b` on numbers: the deciding operand's own value. */
  private numericLogical(op: 'and' | 'or', left: Expr, right: Expr): void {
    const c = this.code;
    const first = this.local(F64);
    this.number(left);
    c.byte(Op.local_tee).u32(first);
    this.truthy();
    c.byte(Op.if).byte(F64);
    if (op === 'and') this.number(right);
    else this.get(first);
    c.byte(Op.else);
    if (op === 'and') this.get(first);
    else this.number(right);
    c.byte(Op.end);
  }

  private call(fn: string, args: readonly Expr[]): void {
    const c = this.code;
    const math = WASM_MATH[fn];
    if (!isMathFunction(fn) || math === undefined) throw new EquationError(`unknown function '${fn}' in a kernel plan`);
    if (args.length !== MATH_FUNCTIONS[fn].arity) throw new EquationError(`${fn}() takes ${MATH_FUNCTIONS[fn].arity} arguments, the kernel plan gives ${args.length}`);
    if (math.kind === 'native' || math.kind === 'import') {
      for (const a of args) this.number(a);
      if (math.kind === 'native') c.byte(math.op);
      else if (fn === 'exp') emitExp(c, (type) => this.local(type), this.imports.get(fn) as number);
      else c.byte(Op.call).u32(this.imports.get(fn) as number);
    } else if (fn === 'where') {
      const type = representation(this.scopes.kindOf({ kind: 'call', fn, args }));
      this.where(args, type, (x) => (type === I32 ? this.value(x) : this.number(x)));
    } else if (fn === 'clip') {
      // Math.min(Math.max(x, lo), hi)
      this.number(args[0]);
      this.number(args[1]);
      c.byte(Op.f64_max);
      this.number(args[2]);
      c.byte(Op.f64_min);
    } else if (fn === 'fround') {
      this.number(args[0]);
      c.byte(Op.f32_demote_f64).byte(Op.f64_promote_f32);
    } else if (fn === POW2) {
      // The bits of 2^n: exponent field n + 1023.
      this.number(args[0]);
      c.byte(Op.i32_trunc_f64_s).byte(Op.i32_const).i32(1023).byte(Op.i32_add).byte(Op.i64_extend_i32_s);
      c.byte(Op.i64_const).i32(52).byte(Op.i64_shl).byte(Op.f64_reinterpret_i64);
    } else if (fn === 'sign') {
      // Math.sign: x > 0 ? 1 : x < 0 ? -1 : x (keeps -0, +0 and NaN)
      const x = this.local(F64);
      this.number(args[0]);
      c.byte(Op.local_set).u32(x);
      c.byte(Op.f64_const).f64(1).byte(Op.f64_const).f64(-1);
      this.get(x);
      this.get(x).byte(Op.f64_const).f64(0).byte(Op.f64_lt).byte(Op.select);
      this.get(x).byte(Op.f64_const).f64(0).byte(Op.f64_gt).byte(Op.select);
    } else {
      // rand() or randn(): the group's stream.
      c.byte(Op.call).u32(this.imports.get(fn) as number);
    }
  }
}

