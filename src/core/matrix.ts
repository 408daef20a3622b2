/** Typed arrays the framework stores state and results in. */
export type FloatArray = Float64Array | Float32Array;
export type NumericArray = FloatArray | Uint8Array | Int32Array;
export type DType = 'float64' | 'float32';

/** A row-major 2-D array: `rows` time steps by `cols` neurons for monitor results. */
export interface Matrix2D<T extends NumericArray = NumericArray> {
  readonly data: T;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Where state arrays live. The default gives each array its own SharedArrayBuffer where the
 * platform has one (Node; browsers when cross-origin isolated), so kernel threads can work on a
 * group's arrays in place (src/parallel/), and an ordinary ArrayBuffer otherwise; element access
 * costs the same. A group with the WebAssembly backend puts all its arrays in one
 * WebAssembly.Memory (src/wasm/arena.ts), where its compiled kernel finds them.
 */
export interface StateMemory {
  /** Room for `length` elements of `bytesPerElement` bytes, aligned to the element size. */
  allocate(length: number, bytesPerElement: number): { buffer: ArrayBufferLike; byteOffset: number };
  /** Set every element of an array to 0 (inputs are cleared every step). */
  zero(array: NumericArray): void;
}

export const SHARED_MEMORY: StateMemory = {
  allocate(length, bytesPerElement) {
    const bytes = length * bytesPerElement;
    return { buffer: typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), byteOffset: 0 };
  },
  zero(array) {
    array.fill(0);
  },
};

function allocate<T>(memory: StateMemory, length: number, Type: { BYTES_PER_ELEMENT: number; new (buffer: ArrayBufferLike, byteOffset: number, length: number): T }): T {
  const { buffer, byteOffset } = memory.allocate(length, Type.BYTES_PER_ELEMENT);
  return new Type(buffer, byteOffset, length);
}

export function floatArray(dtype: DType, length: number, memory: StateMemory = SHARED_MEMORY): FloatArray {
  return dtype === 'float32' ? allocate(memory, length, Float32Array) : allocate(memory, length, Float64Array);
}

/** A float64 state array (spike times, per-neuron parameters). */
export function float64Array(length: number, memory: StateMemory = SHARED_MEMORY): Float64Array {
  return allocate(memory, length, Float64Array);
}

/** A state array of flags (spike, refractory). */
export function flagArray(length: number, memory: StateMemory = SHARED_MEMORY): Uint8Array {
  return allocate(memory, length, Uint8Array);
}

/** An index array (spike lists). */
export function indexArray(length: number, memory: StateMemory = SHARED_MEMORY): Int32Array {
  return allocate(memory, length, Int32Array);
}

/** Value at row r, column c of a row-major matrix. */
export function at(m: Matrix2D, r: number, c: number): number {
  return m.data[r * m.cols + c];
}
