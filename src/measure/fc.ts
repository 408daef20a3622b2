import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';

/**
 * Functional connectivity (BrainPy's measure.functional_connectivity): the Pearson correlation
 * between every pair of columns of a time x regions matrix (a monitor array). A constant column
 * has no defined correlation; its entries are 0, as numpy's nan_to_num makes them.
 */
export function functionalConnectivity(activity: Matrix2D): Matrix2D<Float64Array> {
  const { rows: T, cols: n, data } = activity;
  if (T < 2) throw new ParameterError(`functionalConnectivity needs at least 2 time points, got ${T}`);
  const centred = new Float64Array(T * n);
  const norm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let mean = 0;
    for (let t = 0; t < T; t++) mean += data[t * n + j];
    mean /= T;
    let ss = 0;
    for (let t = 0; t < T; t++) {
      const v = data[t * n + j] - mean;
      centred[j * T + t] = v;
      ss += v * v;
    }
    norm[j] = Math.sqrt(ss);
  }
  const fc = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let dot = 0;
      for (let t = 0; t < T; t++) dot += centred[i * T + t] * centred[j * T + t];
      const r = norm[i] > 0 && norm[j] > 0 ? dot / (norm[i] * norm[j]) : 0;
      fc[i * n + j] = r;
      fc[j * n + i] = r;
    }
  }
  return { data: fc, rows: n, cols: n };
}

/**
 * Similarity of two square matrices (BrainPy's measure.matrix_correlation): the Pearson
 * correlation of their upper triangles without the diagonal, e.g. simulated vs empirical FC.
 */
export function matrixCorrelation(a: Matrix2D, b: Matrix2D): number {
  if (a.rows !== a.cols || b.rows !== a.rows || b.cols !== a.cols) {
    throw new ParameterError(`matrixCorrelation needs two square matrices of one size, got ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`);
  }
  const n = a.rows;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      xs.push(a.data[i * n + j]);
      ys.push(b.data[i * n + j]);
    }
  }
  const pair = functionalConnectivity({ rows: xs.length, cols: 2, data: Float64Array.from(xs.flatMap((x, k) => [x, ys[k]])) });
  return pair.data[1];
}
