import { ParameterError } from '../core/errors.js';
import type { FloatArray, NumericArray, StateMemory } from '../core/matrix.js';
import type { CSR } from '../connect/csr.js';
import type { InputOp } from '../runner/inputs.js';
import { type ArrayOps, arrayOps } from './array-ops.js';

const PAGE_BYTES = 65536;
/** The most a 32-bit WebAssembly memory can address: 4 GiB. */
const MAXIMUM_PAGES = 65536;
/** The most the copies of connections for event delivery may take a memory to: half of 4 GiB. */
const COPY_LIMIT_BYTES = 2 ** 31;
/** Every array starts at a multiple of 8 bytes, so float64 arrays are aligned. */
const ALIGNMENT = 8;

/** The arena of every buffer an arena handed out, so that code given only an array can find it. */
const ARENAS = new WeakMap<ArrayBufferLike, WasmArena>();

/** The arena an array lives in, if any. */
export function arenaOf(array: ArrayBufferView): WasmArena | undefined {
  return ARENAS.get(array.buffer);
}

/**
 * One WebAssembly.Memory holding the state arrays of a group and of the synapses onto it, where
 * the group's WebAssembly kernel addresses them. The memory is shared: growing it keeps the
 * arrays handed out valid (growing an unshared memory would detach them), and worker threads can
 * work on it. Arrays are never freed one by one; the memory goes with the group.
 */
export class WasmArena implements StateMemory {
  readonly memory: WebAssembly.Memory;
  readonly maximumPages = MAXIMUM_PAGES;
  readonly shared = true;
  private end = 0;
  private compiledOps: ArrayOps | undefined;
  /** Copies of the connections whose events addEvents has added (by their CSR), and a buffer for the spikes. */
  private readonly rows = new WeakMap<CSR, { indptr: Int32Array; indices: Int32Array }>();
  private spikes: Int32Array<ArrayBufferLike> = new Int32Array(0);

  constructor(owner: string) {
    if (typeof SharedArrayBuffer !== 'function') {
      throw new ParameterError(`${owner}: the WebAssembly backend needs SharedArrayBuffer (in browsers, a cross-origin isolated page); use backend 'js'`);
    }
    this.memory = new WebAssembly.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared: true });
  }

  allocate(length: number, bytesPerElement: number): { buffer: ArrayBufferLike; byteOffset: number } {
    const byteOffset = Math.ceil(this.end / ALIGNMENT) * ALIGNMENT;
    const end = byteOffset + length * bytesPerElement;
    const pages = Math.ceil(end / PAGE_BYTES);
    const current = this.memory.buffer.byteLength / PAGE_BYTES;
    if (pages > MAXIMUM_PAGES) throw new ParameterError(`a WebAssembly group's arrays cannot exceed 4 GiB (asked for ${end} bytes)`);
    if (pages > current) this.memory.grow(pages - current);
    this.end = end;
    // A grown shared memory hands out a new buffer object: each one is registered.
    const buffer = this.memory.buffer;
    ARENAS.set(buffer, this);
    return { buffer, byteOffset };
  }

  zero(array: NumericArray): void {
    if (this.addressOf(array) === undefined) {
      array.fill(0);
      return;
    }
    this.ops.zero(array.byteOffset, array.byteLength);
  }

  /**
   * x op= value on every element of a float array of this memory, in WebAssembly; false (and
   * nothing done) for any other array.
   */
  scalar(op: InputOp, array: NumericArray, value: number): boolean {
    const type = array instanceof Float64Array ? 'f64' : array instanceof Float32Array ? 'f32' : undefined;
    if (type === undefined || this.addressOf(array) === undefined) return false;
    this.ops.scalar(op, type, array.byteOffset, array.length, value);
    return true;
  }

  /** Whether two float64 arrays of this memory hold the same bits; undefined if either lives elsewhere. */
  sameBits(a: Float64Array, b: Float64Array): boolean | undefined {
    if (this.addressOf(a) === undefined || this.addressOf(b) === undefined || a.length !== b.length) return undefined;
    return this.ops.sameBytes(a.byteOffset, b.byteOffset, a.byteLength) === 1;
  }

  /** destination.set(source) as one memory.copy, for two float64 arrays of this memory; false (nothing done) otherwise. */
  copy(destination: Float64Array, source: Float64Array): boolean {
    if (this.addressOf(destination) === undefined || this.addressOf(source) === undefined || destination.length !== source.length) return false;
    this.ops.copy(destination.byteOffset, source.byteOffset, source.byteLength);
    return true;
  }

  /**
   * addSpikeEvents with one weight, in WebAssembly: target[j] += w for each spike i (indices into
   * the rows of `csr`) and connection i -> j, in the same order, so the same values; false
   * (nothing done) when the target is not a float array of this memory, or the connections do not
   * fit. They are copied into this memory at their first use (4 bytes per connection, once per
   * arena), the spikes at every call.
   */
  addEvents(target: FloatArray, spikes: Int32Array, csr: CSR, w: number): boolean {
    const type = target instanceof Float64Array ? 'f64' : 'f32';
    const address = this.addressOf(target);
    const rows = address === undefined ? undefined : this.prepareEvents(csr);
    if (address === undefined || rows === undefined) return false;
    if (this.spikes.length < spikes.length) this.spikes = this.int32Array(spikes.length);
    this.spikes.set(spikes);
    this.ops.events(type, address, this.spikes.byteOffset, spikes.length, rows.indptr.byteOffset, rows.indices.byteOffset, w);
    return true;
  }

  /**
   * What addEvents needs for the connections `csr`, made now rather than in the first step: their
   * copy in this memory, room for all their presynaptic neurons' spikes, the compiled loop.
   * Undefined (events stay in JavaScript) when the copy would take the memory past half of what
   * it can address, which the group's own arrays may still need.
   */
  prepareEvents(csr: CSR): { indptr: Int32Array; indices: Int32Array } | undefined {
    let rows = this.rows.get(csr);
    if (rows === undefined) {
      const bytes = 4 * (csr.indptr.length + csr.indices.length + csr.numRows);
      if (this.end + bytes > COPY_LIMIT_BYTES) return undefined;
      rows = { indptr: this.copyIn(csr.indptr), indices: this.copyIn(csr.indices) };
      this.rows.set(csr, rows);
      if (this.spikes.length < csr.numRows) this.spikes = this.int32Array(csr.numRows);
      void this.ops; // compiles the loop
    }
    return rows;
  }

  private int32Array(length: number): Int32Array {
    const { buffer, byteOffset } = this.allocate(length, 4);
    return new Int32Array(buffer, byteOffset, length);
  }

  private copyIn(values: Int32Array): Int32Array {
    const copy = this.int32Array(values.length);
    copy.set(values);
    return copy;
  }

  /** The whole-array operations, compiled at first use. */
  private get ops(): ArrayOps {
    this.compiledOps ??= arrayOps(this);
    return this.compiledOps;
  }

  /** The byte address of an array in this memory, or undefined if it lives elsewhere. */
  addressOf(array: ArrayBufferView): number | undefined {
    return ARENAS.get(array.buffer) === this ? array.byteOffset : undefined;
  }
}
