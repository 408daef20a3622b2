import { ParameterError } from '../core/errors.js';
import { systemField } from './batch-field.js';
import { meshgrid, type Range } from './grid.js';
import { minimiseSpeed } from './minimise-speed.js';
import { classify, type Eigenvalue, eigenvalues, type Stability } from './stability.js';
import { uniqueIndices } from './unique.js';
import { columns, type VectorSystem } from './vector-system.js';

/**
 * All fixed points of a 1-D or 2-D system inside a box, for many parameter sets at once.
 * Candidates are the grid cells that every nullcline crosses (each f_i changes sign over the
 * cell's corners); one vectorised Newton/Levenberg-Marquardt solve refines all of them, points
 * with a residual above tolerance or outside the box are dropped, duplicates merged, and each
 * point is classified from the eigenvalues of the exact Jacobian.
 */
export interface FixedPoints {
  readonly vars: readonly string[];
  readonly pars: readonly string[];
  /** x[i][m]: variable i of fixed point m. */
  readonly x: Float64Array[];
  /** p[j][m]: parameter j at fixed point m. */
  readonly p: Float64Array[];
  /** Which parameter set each point belongs to. */
  readonly group: Int32Array;
  readonly stability: Stability[];
  readonly eigenvalues: Eigenvalue[][];
  /** Row-major Jacobian of each point. */
  readonly jacobians: Float64Array[];
  /** How many candidates were refined. */
  readonly candidates: number;
}

export interface FixedPointSearch {
  /** Box of each variable. */
  readonly ranges: readonly Range[];
  /** Grid values of each variable (candidate cells lie between them). */
  readonly axes: readonly Float64Array[];
  /** Parameter sets: parSets[j][s] is parameter j in set s (no arrays for no parameters). */
  readonly parSets: readonly Float64Array[];
  /** Accept a refined point when 0.5 mean f^2 is at most this (default 1e-16). */
  readonly lossTolerance?: number;
  /** Merge points closer than this (default 1e-6 of the box diagonal). */
  readonly uniqueTolerance?: number;
}

/** Grid nodes per chunk of parameter sets, to keep the arrays near 8 MB. */
const NODES_PER_CHUNK = 1 << 20;

export function findFixedPoints(system: VectorSystem, search: FixedPointSearch): FixedPoints {
  const d = system.vars.length;
  if (d !== 1 && d !== 2) throw new ParameterError(`fixed points by grid search need 1 or 2 variables, got ${d} (${system.vars.join(', ')}); use SlowPointFinder`);
  const candidates = gridCandidates(system, search);
  const field = systemField(system, candidates.p);
  const solved = minimiseSpeed(field, candidates.x);
  const lossTolerance = search.lossTolerance ?? 1e-16;
  const inside = (k: number) => search.ranges.every(([lo, hi], i) => {
    const slack = 1e-9 * (hi - lo);
    return solved.x[i][k] >= lo - slack && solved.x[i][k] <= hi + slack;
  });
  const good: number[] = [];
  for (let k = 0; k < solved.loss.length; k++) if (solved.loss[k] <= lossTolerance && inside(k)) good.push(k);
  const pick = (a: Float64Array) => Float64Array.from(good, (k) => a[k]);
  const gx = solved.x.map(pick);
  const gGroup = Int32Array.from(good, (k) => candidates.group[k]);
  const diagonal = Math.hypot(...search.ranges.map(([lo, hi]) => hi - lo));
  const keep = uniqueIndices(gx, Float64Array.from(good, (k) => solved.loss[k]), search.uniqueTolerance ?? 1e-6 * diagonal, gGroup);
  const x = gx.map((a) => Float64Array.from(keep, (m) => a[m]));
  const p = candidates.p.map((a) => Float64Array.from(keep, (m) => a[good[m]]));
  const group = Int32Array.from(keep, (m) => gGroup[m]);
  return { vars: system.vars, pars: system.pars, x, p, group, ...classifyPoints(system, x, p), candidates: candidates.group.length };
}

/** Jacobians, eigenvalues and classes of given points. */
export function classifyPoints(system: VectorSystem, x: readonly Float64Array[], p: readonly Float64Array[]) {
  const d = system.vars.length;
  const n = x[0]?.length ?? 0;
  const jac = columns(d * d, n);
  system.jacobian(n, x, p, jac);
  const jacobians = Array.from({ length: n }, (_, k) => Float64Array.from(jac, (c) => c[k]));
  return {
    jacobians,
    stability: jacobians.map((j) => classify(j, d)),
    eigenvalues: jacobians.map((j) => eigenvalues(j, d)),
  };
}

interface Candidates {
  x: Float64Array[];
  p: Float64Array[];
  group: Int32Array;
}

function gridCandidates(system: VectorSystem, search: FixedPointSearch): Candidates {
  const d = system.vars.length;
  const nodes = meshgrid(search.axes);
  const nodeCount = nodes[0].length;
  const sets = search.parSets[0]?.length ?? 1;
  const chunk = Math.max(1, Math.floor(NODES_PER_CHUNK / nodeCount));
  const xs: number[][] = Array.from({ length: d }, () => []);
  const groups: number[] = [];
  for (let first = 0; first < sets; first += chunk) {
    const c = Math.min(chunk, sets - first);
    const total = c * nodeCount;
    const x = nodes.map((axis) => {
      const tiled = new Float64Array(total);
      for (let s = 0; s < c; s++) tiled.set(axis, s * nodeCount);
      return tiled;
    });
    const p = search.parSets.map((values) => {
      const repeated = new Float64Array(total);
      for (let s = 0; s < c; s++) repeated.fill(values[first + s], s * nodeCount, (s + 1) * nodeCount);
      return repeated;
    });
    const f = columns(d, total);
    system.derivatives(total, x, p, f);
    for (let s = 0; s < c; s++) {
      const offset = s * nodeCount;
      const found = d === 1 ? signChanges1D(f[0], offset, search.axes[0]) : crossedCells2D(f, offset, search.axes[0], search.axes[1]);
      for (const point of found) {
        for (let i = 0; i < d; i++) xs[i].push(point[i]);
        groups.push(first + s);
      }
    }
  }
  return {
    x: xs.map((a) => Float64Array.from(a)),
    p: search.parSets.map((values) => Float64Array.from(groups, (g) => values[g])),
    group: Int32Array.from(groups),
  };
}

/** Zeros of f on a 1-D grid, located by linear interpolation between nodes of opposite sign. */
function signChanges1D(f: Float64Array, offset: number, axis: Float64Array): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < axis.length; a++) {
    const fa = f[offset + a];
    if (fa === 0) out.push([axis[a]]);
    else if (a + 1 < axis.length) {
      const fb = f[offset + a + 1];
      if (fa * fb < 0) out.push([axis[a] + ((axis[a + 1] - axis[a]) * fa) / (fa - fb)]);
    }
  }
  return out;
}

const straddles = (a: number, b: number, c: number, e: number) => Math.min(a, b, c, e) <= 0 && Math.max(a, b, c, e) >= 0;

/** Centres of the grid cells over whose corners both f_0 and f_1 change sign. */
function crossedCells2D(f: readonly Float64Array[], offset: number, ax: Float64Array, ay: Float64Array): number[][] {
  const out: number[][] = [];
  const ny = ay.length;
  for (let i = 0; i + 1 < ax.length; i++) {
    for (let j = 0; j + 1 < ny; j++) {
      const k00 = offset + i * ny + j;
      const k01 = k00 + 1;
      const k10 = k00 + ny;
      const k11 = k10 + 1;
      if (straddles(f[0][k00], f[0][k01], f[0][k10], f[0][k11]) && straddles(f[1][k00], f[1][k01], f[1][k10], f[1][k11])) {
        out.push([(ax[i] + ax[i + 1]) / 2, (ay[j] + ay[j + 1]) / 2]);
      }
    }
  }
  return out;
}
