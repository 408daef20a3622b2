/**
 * Solve A z = b in place for a small dense d x d system (row-major A, overwritten), by Gaussian
 * elimination with partial pivoting. Returns false when A is singular to working precision.
 */
export function solveInPlace(a: Float64Array, b: Float64Array, d: number): boolean {
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r * d + col]) > Math.abs(a[pivot * d + col])) pivot = r;
    const p = a[pivot * d + col];
    if (!(Math.abs(p) > 1e-300)) return false;
    if (pivot !== col) {
      for (let c = 0; c < d; c++) {
        const t = a[col * d + c];
        a[col * d + c] = a[pivot * d + c];
        a[pivot * d + c] = t;
      }
      const t = b[col];
      b[col] = b[pivot];
      b[pivot] = t;
    }
    for (let r = col + 1; r < d; r++) {
      const factor = a[r * d + col] / p;
      if (factor === 0) continue;
      for (let c = col; c < d; c++) a[r * d + c] -= factor * a[col * d + c];
      b[r] -= factor * b[col];
    }
  }
  for (let r = d - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < d; c++) s -= a[r * d + c] * b[c];
    b[r] = s / a[r * d + r];
  }
  return true;
}
