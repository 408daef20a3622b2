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

export function floatArray(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** Value at row r, column c of a row-major matrix. */
export function at(m: Matrix2D, r: number, c: number): number {
  return m.data[r * m.cols + c];
}
