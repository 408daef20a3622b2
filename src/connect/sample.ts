import type { RandomStream } from '../core/random.js';

/**
 * k distinct values from 0..n-1 without `exclude` (if given), in ascending order. Floyd's
 * algorithm (k draws, a set) when k is small against n, a partial Fisher-Yates shuffle otherwise.
 */
export function sampleDistinct(stream: RandomStream, n: number, k: number, exclude?: number): Int32Array {
  const m = exclude === undefined ? n : n - 1; // values drawn from 0..m-1, then shifted past `exclude`
  const out = new Int32Array(k);
  if (k * 4 < m) {
    const chosen = new Set<number>();
    for (let j = m - k; j < m; j++) {
      const r = stream.integer(j + 1);
      chosen.add(chosen.has(r) ? j : r);
    }
    let c = 0;
    for (const v of chosen) out[c++] = v;
  } else {
    const pool = new Int32Array(m);
    for (let v = 0; v < m; v++) pool[v] = v;
    for (let s = 0; s < k; s++) {
      const r = s + stream.integer(m - s);
      const pick = pool[r];
      pool[r] = pool[s];
      pool[s] = pick;
      out[s] = pick;
    }
  }
  out.sort();
  if (exclude !== undefined) for (let c = 0; c < k; c++) if (out[c] >= exclude) out[c]++;
  return out;
}

/** k values from 0..n-1 drawn with replacement (without `exclude`), ascending. */
export function sampleWithReplacement(stream: RandomStream, n: number, k: number, exclude?: number): Int32Array {
  const m = exclude === undefined ? n : n - 1;
  const out = new Int32Array(k);
  for (let c = 0; c < k; c++) {
    const v = stream.integer(m);
    out[c] = exclude !== undefined && v >= exclude ? v + 1 : v;
  }
  return out.sort();
}
