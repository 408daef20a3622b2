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
 * Memory for state arrays: a SharedArrayBuffer where the platform has one (Node; browsers when
 * cross-origin isolated), so kernel threads can work on a group's arrays in place
 * (src/parallel/); an ordinary ArrayBuffer otherwise. Element access costs the same.
 */
function stateBuffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

export function floatArray(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(stateBuffer(length * 4)) : new Float64Array(stateBuffer(length * 8));
}

/** A float64 state array (spike times, per-neuron parameters) in shareable memory. */
export function float64Array(length: number): Float64Array {
  return new Float64Array(stateBuffer(length * 8));
}

/** A state array of flags (spike, refractory) in shareable memory. */
export function flagArray(length: number): Uint8Array {
  return new Uint8Array(stateBuffer(length));
}

/** An index array (spike lists) in shareable memory. */
export function indexArray(length: number): Int32Array {
  return new Int32Array(stateBuffer(length * 4));
}

/** Value at row r, column c of a row-major matrix. */
export function at(m: Matrix2D, r: number, c: number): number {
  return m.data[r * m.cols + c];
}
