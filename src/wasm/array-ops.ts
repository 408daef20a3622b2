import type { InputOp } from '../runner/inputs.js';
import type { KernelMemory } from './kernel-wasm.js';
import { ByteWriter, EMPTY_BLOCK, encodeModule, F64, I32, Op, Simd, SHUFFLE_HIGH_TO_LOW, SHUFFLE_JOIN_LOWS, V128 } from './binary.js';

/**
 * Whole-array operations on the float arrays of a WebAssembly memory, for the work the runner
 * does on every step outside the kernels: clearing inputs (memory.fill, a memset, where
 * TypedArray.prototype.fill on shared memory goes element by element) and applying a constant
 * input (a WebAssembly loop, about five times faster than the same loop in JavaScript here); and
 * comparing and copying arrays bit for bit (synapses taking a state, src/core/state-sharing.ts).
 * The arithmetic is the same float64 operation as in JavaScript (on a float32 array: the element
 * widened, the float64 operation, the result rounded to float32), so the values are the same.
 */
export interface ArrayOps {
  zero(byteOffset: number, bytes: number): void;
  scalar(op: InputOp, type: 'f64' | 'f32', byteOffset: number, length: number, value: number): void;
  /** 1 when the bytes at the two addresses are the same, else 0 (`bytes` a multiple of 8). */
  sameBytes(a: number, b: number, bytes: number): number;
  copy(destination: number, source: number, bytes: number): void;
  /**
   * target[indices[k]] += w for k in [indptr[i], indptr[i + 1]), for each i of spikes[0..count),
   * in that order (addresses of a float64 or float32 target and of int32 spikes, indptr, indices).
   */
  events(type: 'f64' | 'f32', target: number, spikes: number, count: number, indptr: number, indices: number, w: number): void;
}

/** memory.fill and memory.copy with memory index 0 (bulk-memory instructions carry the 0xfc prefix). */
const MEMORY_FILL = [0xfc, 0x0b, 0x00];
const MEMORY_COPY = [0xfc, 0x0a, 0x00, 0x00];

/** for (end = a + bytes; a < end; a += 8, b += 8) if (i64[a] != i64[b]) return 0; return 1. */
function sameBytesLoop(): ByteWriter {
  const [a, b, bytes] = [0, 1, 2];
  const w = new ByteWriter();
  w.byte(Op.local_get).u32(a).byte(Op.local_get).u32(bytes).byte(Op.i32_add).byte(Op.local_set).u32(bytes);
  w.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
  w.byte(Op.local_get).u32(a).byte(Op.local_get).u32(bytes).byte(Op.i32_ge_u).byte(Op.br_if).u32(1);
  w.byte(Op.local_get).u32(a).byte(Op.i64_load).u32(3).u32(0).byte(Op.local_get).u32(b).byte(Op.i64_load).u32(3).u32(0).byte(Op.i64_ne);
  w.byte(Op.if).byte(EMPTY_BLOCK).byte(Op.i32_const).i32(0).byte(Op.return).byte(Op.end);
  w.byte(Op.local_get).u32(a).byte(Op.i32_const).i32(8).byte(Op.i32_add).byte(Op.local_set).u32(a);
  w.byte(Op.local_get).u32(b).byte(Op.i32_const).i32(8).byte(Op.i32_add).byte(Op.local_set).u32(b);
  w.byte(Op.br).u32(0).byte(Op.end).byte(Op.end);
  w.byte(Op.i32_const).i32(1).byte(Op.end);
  return w;
}
const ARITHMETIC: Readonly<Record<Exclude<InputOp, '='>, number>> = { '+': Op.f64_add, '-': Op.f64_sub, '*': Op.f64_mul, '/': Op.f64_div };
/** Every input operation: '=' and the arithmetic ones. */
const OPS: readonly InputOp[] = ['=', ...(Object.keys(ARITHMETIC) as InputOp[])];

const SCALAR_TYPES = ['f64', 'f32'] as const;

// Parameters of the scalar functions: address, length, value; then their locals.
const [ADDRESS, LENGTH, VALUE, END, VECTORS_END, SPLAT, X] = [0, 1, 2, 3, 4, 5, 6];
const SCALAR_LOCALS = [I32, I32, V128, V128] as const;
const SIMD_ARITHMETIC: Readonly<Record<Exclude<InputOp, '='>, number>> = { '+': Simd.f64x2_add, '-': Simd.f64x2_sub, '*': Simd.f64x2_mul, '/': Simd.f64x2_div };

/**
 * for (p = address; p < address + size * length; p += size) x[p] = x[p] op value (or = value),
 * with x float64 (size 8) or float32 (size 4, widened and rounded as a Float32Array does): 16
 * bytes at a time in SIMD lanes (the same float64 operation per element; float32 elements
 * widened to float64 lanes and rounded back), then element by element for the rest.
 */
function scalarLoop(op: InputOp, type: 'f64' | 'f32'): ByteWriter {
  const size = type === 'f64' ? 8 : 4;
  const align = type === 'f64' ? 3 : 2;
  const w = new ByteWriter();
  w.byte(Op.local_get).u32(ADDRESS).byte(Op.local_get).u32(LENGTH).byte(Op.i32_const).i32(size).byte(Op.i32_mul).byte(Op.i32_add).byte(Op.local_set).u32(END);
  simdHead(w, op, type);
  w.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
  w.byte(Op.local_get).u32(ADDRESS).byte(Op.local_get).u32(END).byte(Op.i32_ge_u).byte(Op.br_if).u32(1);
  w.byte(Op.local_get).u32(ADDRESS);
  if (op === '=') w.byte(Op.local_get).u32(VALUE);
  else {
    w.byte(Op.local_get).u32(ADDRESS).byte(type === 'f64' ? Op.f64_load : Op.f32_load).u32(align).u32(0);
    if (type === 'f32') w.byte(Op.f64_promote_f32);
    w.byte(Op.local_get).u32(VALUE).byte(ARITHMETIC[op]);
  }
  if (type === 'f32') w.byte(Op.f32_demote_f64);
  w.byte(type === 'f64' ? Op.f64_store : Op.f32_store).u32(align).u32(0);
  w.byte(Op.local_get).u32(ADDRESS).byte(Op.i32_const).i32(size).byte(Op.i32_add).byte(Op.local_set).u32(ADDRESS);
  w.byte(Op.br).u32(0).byte(Op.end).byte(Op.end).byte(Op.end);
  return w;
}

/** The SIMD part of scalarLoop: whole 16-byte vectors from ADDRESS on, leaving ADDRESS after the last. */
function simdHead(w: ByteWriter, op: InputOp, type: 'f64' | 'f32'): void {
  const get = (local: number) => w.byte(Op.local_get).u32(local);
  // VECTORS_END = ADDRESS + ((END - ADDRESS) & ~15)
  get(ADDRESS).byte(Op.local_get).u32(END).byte(Op.local_get).u32(ADDRESS).byte(Op.i32_sub).byte(Op.i32_const).i32(-16).byte(Op.i32_and).byte(Op.i32_add);
  w.byte(Op.local_set).u32(VECTORS_END);
  get(VALUE);
  if (op === '=' && type === 'f32') w.byte(Op.f32_demote_f64).simd(Simd.f32x4_splat);
  else w.simd(Simd.f64x2_splat);
  w.byte(Op.local_set).u32(SPLAT);
  w.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
  get(ADDRESS).byte(Op.local_get).u32(VECTORS_END).byte(Op.i32_ge_u).byte(Op.br_if).u32(1);
  get(ADDRESS);
  if (op === '=') get(SPLAT);
  else if (type === 'f64') {
    get(ADDRESS).simd(Simd.v128_load).u32(4).u32(0);
    get(SPLAT).simd(SIMD_ARITHMETIC[op]);
  } else {
    get(ADDRESS).simd(Simd.v128_load).u32(4).u32(0).byte(Op.local_set).u32(X);
    for (const half of [0, 1]) {
      get(X);
      if (half === 1) get(X).simd(Simd.i8x16_shuffle).raw(SHUFFLE_HIGH_TO_LOW);
      w.simd(Simd.f64x2_promote_low_f32x4);
      get(SPLAT).simd(SIMD_ARITHMETIC[op]).simd(Simd.f32x4_demote_f64x2_zero);
    }
    w.simd(Simd.i8x16_shuffle).raw(SHUFFLE_JOIN_LOWS);
  }
  w.simd(Simd.v128_store).u32(4).u32(0);
  get(ADDRESS).byte(Op.i32_const).i32(16).byte(Op.i32_add).byte(Op.local_set).u32(ADDRESS);
  w.byte(Op.br).u32(0).byte(Op.end).byte(Op.end);
}

// Parameters of the event loops, then their locals.
const [TARGET, SPIKES, COUNT, INDPTR, INDICES, WEIGHT, SPIKES_END, K, ROW_END, ELEMENT] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The loop of ArrayOps.events: one addition per connection, as addSpikeEvents makes them in JavaScript. */
function eventLoop(type: 'f64' | 'f32'): ByteWriter {
  const w = new ByteWriter();
  const get = (local: number) => w.byte(Op.local_get).u32(local);
  const set = (local: number) => w.byte(Op.local_set).u32(local);
  const load32 = (offset = 0) => w.byte(Op.i32_load).u32(2).u32(offset);
  get(SPIKES).byte(Op.local_get).u32(COUNT).byte(Op.i32_const).i32(2).byte(Op.i32_shl).byte(Op.i32_add);
  set(SPIKES_END);
  w.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
  get(SPIKES).byte(Op.local_get).u32(SPIKES_END).byte(Op.i32_ge_u).byte(Op.br_if).u32(1);
  // K, ROW_END = the byte addresses of row i's first and past-last index
  get(INDPTR);
  get(SPIKES);
  load32();
  w.byte(Op.i32_const).i32(2).byte(Op.i32_shl).byte(Op.i32_add).byte(Op.local_set).u32(ELEMENT);
  get(ELEMENT);
  load32();
  w.byte(Op.i32_const).i32(2).byte(Op.i32_shl).byte(Op.local_get).u32(INDICES).byte(Op.i32_add);
  set(K);
  get(ELEMENT);
  load32(4);
  w.byte(Op.i32_const).i32(2).byte(Op.i32_shl).byte(Op.local_get).u32(INDICES).byte(Op.i32_add);
  set(ROW_END);
  w.byte(Op.block).byte(EMPTY_BLOCK).byte(Op.loop).byte(EMPTY_BLOCK);
  get(K).byte(Op.local_get).u32(ROW_END).byte(Op.i32_ge_u).byte(Op.br_if).u32(1);
  get(K);
  load32();
  w.byte(Op.i32_const).i32(type === 'f64' ? 3 : 2).byte(Op.i32_shl).byte(Op.local_get).u32(TARGET).byte(Op.i32_add);
  w.byte(Op.local_tee).u32(ELEMENT);
  get(ELEMENT);
  if (type === 'f64') w.byte(Op.f64_load).u32(3).u32(0);
  else w.byte(Op.f32_load).u32(2).u32(0).byte(Op.f64_promote_f32);
  get(WEIGHT).byte(Op.f64_add);
  if (type === 'f64') w.byte(Op.f64_store).u32(3).u32(0);
  else w.byte(Op.f32_demote_f64).byte(Op.f32_store).u32(2).u32(0);
  get(K).byte(Op.i32_const).i32(4).byte(Op.i32_add);
  set(K);
  w.byte(Op.br).u32(0).byte(Op.end).byte(Op.end);
  get(SPIKES).byte(Op.i32_const).i32(4).byte(Op.i32_add);
  set(SPIKES);
  w.byte(Op.br).u32(0).byte(Op.end).byte(Op.end).byte(Op.end);
  return w;
}

export function arrayOps(memory: KernelMemory): ArrayOps {
  const zero = new ByteWriter().byte(Op.local_get).u32(0).byte(Op.i32_const).i32(0).byte(Op.local_get).u32(1).raw(MEMORY_FILL).byte(Op.end);
  const copy = new ByteWriter().byte(Op.local_get).u32(0).byte(Op.local_get).u32(1).byte(Op.local_get).u32(2).raw(MEMORY_COPY).byte(Op.end);
  const bytes = encodeModule({
    types: [
      { params: [I32, I32], results: [] },
      { params: [I32, I32, F64], results: [] },
      { params: [I32, I32, I32], results: [I32] },
      { params: [I32, I32, I32], results: [] },
      { params: [I32, I32, I32, I32, I32, F64], results: [] },
    ],
    functionImports: [],
    memoryImport: { module: 'env', name: 'memory', minimumPages: 0, maximumPages: memory.maximumPages, shared: memory.shared },
    functions: [
      { type: 0, locals: [], code: zero, export: 'zero' },
      ...OPS.flatMap((op) => SCALAR_TYPES.map((type) => ({ type: 1, locals: SCALAR_LOCALS, code: scalarLoop(op, type), export: `${type}${op}` }))),
      { type: 2, locals: [], code: sameBytesLoop(), export: 'sameBytes' },
      { type: 3, locals: [], code: copy, export: 'copy' },
      ...SCALAR_TYPES.map((type) => ({ type: 4, locals: [I32, I32, I32, I32] as const, code: eventLoop(type), export: `${type}events` })),
    ],
  });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: memory.memory } }).exports;
  type Scalar = (address: number, length: number, value: number) => void;
  // Looked up once per type and operation, not by a string built every step.
  const scalar = Object.fromEntries(SCALAR_TYPES.map((type) => [type, Object.fromEntries(OPS.map((op) => [op, exports[`${type}${op}`]]))])) as Record<'f64' | 'f32', Record<InputOp, Scalar>>;
  const events = { f64: exports.f64events, f32: exports.f32events } as Record<'f64' | 'f32', (...args: number[]) => void>;
  return {
    zero: exports.zero as ArrayOps['zero'],
    scalar: (op, type, byteOffset, length, value) => scalar[type][op](byteOffset, length, value),
    sameBytes: exports.sameBytes as ArrayOps['sameBytes'],
    copy: exports.copy as ArrayOps['copy'],
    events: (type, target, spikes, count, indptr, indices, w) => events[type](target, spikes, count, indptr, indices, w),
  };
}
