import type { Matrix2D } from '../core/matrix.js';

/** Every `every`-th row of a monitor trace, so long runs plot quickly (figures need ~1 point per ms). */
export function thinTrace(ts: Float64Array, m: Matrix2D, every: number): { ts: Float64Array; m: Matrix2D<Float64Array> } {
  const step = Math.max(1, Math.round(every));
  const rows = Math.ceil(m.rows / step);
  const data = new Float64Array(rows * m.cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < m.cols; c++) data[r * m.cols + c] = m.data[r * step * m.cols + c];
  return { ts: ts.filter((_, r) => r % step === 0), m: { data, rows, cols: m.cols } };
}
