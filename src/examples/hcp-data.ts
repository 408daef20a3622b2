import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Matrix2D } from '../core/matrix.js';
import { readMatFile } from '../io/node.js';
import { functionalConnectivity } from '../measure/fc.js';

/**
 * The HCP whole-brain data of seed 000, built from ../shared/data/hcp as its README says: 80
 * cortical AAL2 regions (subcortical rows/columns 40..45 and 74..81 dropped), Cmat = mean over
 * subjects of each structural matrix divided by its maximum, Dmat = mean fibre length (mm),
 * and one empirical FC per subject: the Pearson correlations of its resting-state BOLD series.
 */
export interface HCPData {
  readonly subjects: readonly string[];
  readonly Cmat: Matrix2D<Float64Array>;
  readonly Dmat: Matrix2D<Float64Array>;
  readonly FCs: readonly Matrix2D<Float64Array>[];
}

const SUBCORTICAL = new Set([40, 41, 42, 43, 44, 45, 74, 75, 76, 77, 78, 79, 80, 81]);

function cortical(m: Matrix2D<Float64Array>): Matrix2D<Float64Array> {
  const keep = Array.from({ length: m.rows }, (_, i) => i).filter((i) => !SUBCORTICAL.has(i));
  const data = new Float64Array(keep.length * keep.length);
  keep.forEach((i, a) => keep.forEach((j, b) => (data[a * keep.length + b] = m.data[i * m.cols + j])));
  return { data, rows: keep.length, cols: keep.length };
}

function meanOf(ms: readonly Matrix2D<Float64Array>[]): Matrix2D<Float64Array> {
  const data = new Float64Array(ms[0].data.length);
  for (const m of ms) for (let k = 0; k < data.length; k++) data[k] += m.data[k] / ms.length;
  return { data, rows: ms[0].rows, cols: ms[0].cols };
}

export function loadHCP(dataDir: string): HCPData {
  const root = path.join(dataDir, 'hcp', 'subjects');
  const subjects = readdirSync(root).sort();
  const cmats: Matrix2D<Float64Array>[] = [];
  const dmats: Matrix2D<Float64Array>[] = [];
  const FCs: Matrix2D<Float64Array>[] = [];
  for (const id of subjects) {
    const sc = readMatFile(path.join(root, id, 'DTI_CM.mat')).matrix('sc');
    const max = sc.data.reduce((a, b) => Math.max(a, b), 0);
    cmats.push(cortical({ ...sc, data: sc.data.map((v) => v / max) }));
    dmats.push(cortical(readMatFile(path.join(root, id, 'DTI_LEN.mat')).matrix('len')));
    // tc is regions x time; the FC wants time x regions
    const tc = readMatFile(path.join(root, id, 'TC_rsfMRI_REST1_LR.mat')).matrix('tc');
    const series = new Float64Array(tc.data.length);
    for (let r = 0; r < tc.rows; r++) for (let t = 0; t < tc.cols; t++) series[t * tc.rows + r] = tc.data[r * tc.cols + t];
    FCs.push(cortical(functionalConnectivity({ data: series, rows: tc.cols, cols: tc.rows })));
  }
  return { subjects, Cmat: meanOf(cmats), Dmat: meanOf(dmats), FCs };
}
