import type { VectorSystem } from './vector-system.js';

/**
 * A vector field over batches of points in column layout (x[i][k] is variable i of point k),
 * with its Jacobian. `start` says where the batch begins among all candidates, so that
 * per-candidate parameters (a bifurcation parameter's value) follow the points.
 */
export interface BatchField {
  readonly dim: number;
  f(n: number, x: readonly Float64Array[], out: readonly Float64Array[], start: number): void;
  /** out[i * dim + j][k] = d f_i / d x_j. */
  jacobian(n: number, x: readonly Float64Array[], out: readonly Float64Array[], start: number): void;
}

/** A compiled system with its parameters given per candidate (`pars[j][k]` for candidate k). */
export function systemField(system: VectorSystem, pars: readonly Float64Array[]): BatchField {
  const slice = (start: number, n: number) => pars.map((p) => p.subarray(start, start + n));
  return {
    dim: system.vars.length,
    f: (n, x, out, start) => system.derivatives(n, x, slice(start, n), out),
    jacobian: (n, x, out, start) => system.jacobian(n, x, slice(start, n), out),
  };
}

/** A TypeScript function of one state vector, with optional Jacobian (else central differences). */
export type VectorFunction = (x: Float64Array) => ArrayLike<number>;
export type JacobianFunction = (x: Float64Array) => ArrayLike<number>;

export function functionField(fn: VectorFunction, dim: number, jacobian?: JacobianFunction): BatchField {
  const point = new Float64Array(dim);
  const gather = (x: readonly Float64Array[], k: number) => {
    for (let i = 0; i < dim; i++) point[i] = x[i][k];
    return point;
  };
  const finiteDifference = (x: Float64Array): Float64Array => {
    const j = new Float64Array(dim * dim);
    const probe = Float64Array.from(x);
    for (let c = 0; c < dim; c++) {
      const h = 1e-6 * Math.max(1, Math.abs(x[c]));
      probe[c] = x[c] + h;
      const plus = Float64Array.from(fn(probe));
      probe[c] = x[c] - h;
      const minus = fn(probe);
      probe[c] = x[c];
      for (let r = 0; r < dim; r++) j[r * dim + c] = (plus[r] - minus[r]) / (2 * h);
    }
    return j;
  };
  const jac = jacobian ?? finiteDifference;
  return {
    dim,
    f: (n, x, out) => {
      for (let k = 0; k < n; k++) {
        const value = fn(gather(x, k));
        for (let i = 0; i < dim; i++) out[i][k] = value[i];
      }
    },
    jacobian: (n, x, out) => {
      for (let k = 0; k < n; k++) {
        const value = jac(Float64Array.from(gather(x, k)));
        for (let i = 0; i < dim * dim; i++) out[i][k] = value[i];
      }
    },
  };
}
