/**
 * Duplicate removal (BrainPy's `keep_unique`): candidates are taken in order of increasing loss
 * and a point is kept unless one already kept lies within `tolerance` (Euclidean distance).
 * Points in different groups (different bifurcation-parameter values) never merge.
 */
export function uniqueIndices(x: readonly Float64Array[], loss: ArrayLike<number>, tolerance: number, group?: ArrayLike<number>): number[] {
  const n = loss.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => (group ? group[a] - group[b] : 0) || loss[a] - loss[b]);
  const kept: number[] = [];
  let groupStart = 0;
  let currentGroup = group ? group[order[0]] : 0;
  const tol2 = tolerance * tolerance;
  for (const k of order) {
    if (group && group[k] !== currentGroup) {
      currentGroup = group[k];
      groupStart = kept.length;
    }
    let duplicate = false;
    for (let m = groupStart; m < kept.length && !duplicate; m++) {
      let dist2 = 0;
      for (const xi of x) dist2 += (xi[k] - xi[kept[m]]) ** 2;
      duplicate = dist2 <= tol2;
    }
    if (!duplicate) kept.push(k);
  }
  return kept.sort((a, b) => a - b);
}
