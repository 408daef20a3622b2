import type { BatchField } from './batch-field.js';
import { solveInPlace } from './linear-solve.js';
import { columns } from './vector-system.js';

/**
 * Fixed and slow points by minimising the squared speed q(x) = 0.5 mean_i f_i(x)^2 from many
 * candidates at once, with Levenberg-Marquardt steps (J^T J + lambda diag) dx = -J^T f. Near a
 * fixed point lambda shrinks and the step is Newton's, so roots converge quadratically; where f
 * has no root the iteration settles on a local minimum of q, a slow point. Every evaluation of f
 * and J is one vectorised call over a batch of candidates.
 */
export interface MinimiseOptions {
  /** Iterations per candidate (default 100). */
  maxIterations?: number;
  /** Stop a candidate once its loss is below this (default 1e-30). */
  tolerance?: number;
}

export interface MinimiseResult {
  /** Final points, x[i][k]. */
  readonly x: Float64Array[];
  /** 0.5 mean_i f_i^2 at each final point. */
  readonly loss: Float64Array;
}

const LAMBDA_START = 1e-3;
const LAMBDA_MIN = 1e-15;
const LAMBDA_GIVE_UP = 1e12;

function halfMeanSquare(f: readonly Float64Array[], k: number): number {
  let s = 0;
  for (const fi of f) s += fi[k] * fi[k];
  return (0.5 * s) / f.length;
}

/** The largest batch whose Jacobians take about 32 MB. */
const batchSizeFor = (d: number) => Math.max(1, Math.floor(4_000_000 / (d * d + 3 * d)));

export function minimiseSpeed(field: BatchField, x0: readonly Float64Array[], options: MinimiseOptions = {}): MinimiseResult {
  const d = field.dim;
  const total = x0[0]?.length ?? 0;
  const x = x0.map((c) => Float64Array.from(c));
  const loss = new Float64Array(total);
  const batch = batchSizeFor(d);
  for (let start = 0; start < total; start += batch) {
    const n = Math.min(batch, total - start);
    minimiseBatch(field, x.map((c) => c.subarray(start, start + n)), loss.subarray(start, start + n), start, options);
  }
  return { x, loss };
}

function minimiseBatch(field: BatchField, x: Float64Array[], loss: Float64Array, start: number, options: MinimiseOptions): void {
  const d = field.dim;
  const n = loss.length;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-30;
  const f = columns(d, n);
  const fTrial = columns(d, n);
  const trial = columns(d, n);
  const jac = columns(d * d, n);
  const lambda = new Float64Array(n).fill(LAMBDA_START);
  const active = new Uint8Array(n).fill(1);
  const a = new Float64Array(d * d);
  const g = new Float64Array(d);
  field.f(n, x, f, start);
  for (let k = 0; k < n; k++) {
    loss[k] = halfMeanSquare(f, k);
    if (!(loss[k] > tolerance)) active[k] = 0;
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (!active.includes(1)) return;
    field.jacobian(n, x, jac, start);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < d; i++) trial[i][k] = x[i][k];
      if (!active[k]) continue;
      let maxDiagonal = 0;
      for (let r = 0; r < d; r++) {
        let gr = 0;
        for (let m = 0; m < d; m++) gr += jac[m * d + r][k] * f[m][k];
        g[r] = -gr;
        for (let c = r; c < d; c++) {
          let s = 0;
          for (let m = 0; m < d; m++) s += jac[m * d + r][k] * jac[m * d + c][k];
          a[r * d + c] = s;
          a[c * d + r] = s;
        }
        maxDiagonal = Math.max(maxDiagonal, a[r * d + r]);
      }
      for (let r = 0; r < d; r++) a[r * d + r] += lambda[k] * (a[r * d + r] + 1e-12 * maxDiagonal + 1e-300);
      if (!solveInPlace(a, g, d)) {
        active[k] = 0;
        continue;
      }
      let moved = false;
      for (let i = 0; i < d; i++) {
        trial[i][k] = x[i][k] + g[i];
        if (trial[i][k] !== x[i][k]) moved = true;
      }
      if (!moved) active[k] = 0;
    }
    field.f(n, trial, fTrial, start);
    for (let k = 0; k < n; k++) {
      if (!active[k]) continue;
      const trialLoss = halfMeanSquare(fTrial, k);
      if (trialLoss < loss[k]) {
        loss[k] = trialLoss;
        for (let i = 0; i < d; i++) {
          x[i][k] = trial[i][k];
          f[i][k] = fTrial[i][k];
        }
        lambda[k] = Math.max(lambda[k] / 10, LAMBDA_MIN);
        if (trialLoss <= tolerance) active[k] = 0;
      } else {
        lambda[k] *= 10;
        if (lambda[k] > LAMBDA_GIVE_UP) active[k] = 0;
      }
    }
  }
}
