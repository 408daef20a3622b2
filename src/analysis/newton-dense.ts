import type { JacobianFunction, VectorFunction } from './batch-field.js';
import { solveInPlace } from './linear-solve.js';

/**
 * Newton's method by pseudo-transient continuation for one point of a large system (hundreds of
 * variables), on row-major Jacobians: each step solves (I/h - J) dx = f, an implicit Euler step
 * of length h along the flow, and h follows the residual (switched evolution relaxation,
 * h_new = h |f_old| / |f_new|), so steps grow into pure Newton steps as the point converges.
 * Unlike plain Newton it copes with a singular Jacobian at the root, such as the zero eigenvalue
 * of a continuous attractor, and it follows the flow into stable points from far away (only a
 * step that makes f non-finite is refused). Costs n^3/3 per step, a third of forming J^T J.
 */
export function newtonDense(f: VectorFunction, jacobian: JacobianFunction, x0: Float64Array, maxIterations: number, tolerance: number): { x: Float64Array; loss: number } {
  const d = x0.length;
  const lossOf = (v: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += v[i] * v[i];
    return (0.5 * s) / d;
  };
  let x = Float64Array.from(x0);
  let fx = Float64Array.from(f(x));
  let loss = lossOf(fx);
  let h = 0.1;
  for (let iteration = 0; iteration < maxIterations && loss > tolerance && h > 1e-8; iteration++) {
    const a = Float64Array.from(jacobian(x), (v) => -v);
    for (let i = 0; i < d; i++) a[i * d + i] += 1 / h;
    const step = Float64Array.from(fx);
    if (!solveInPlace(a, step, d)) {
      h /= 10;
      continue;
    }
    const trial = Float64Array.from(x, (v, i) => v + step[i]);
    const ft = Float64Array.from(f(trial));
    const lt = lossOf(ft);
    if (!Number.isFinite(lt)) {
      h /= 10;
      continue;
    }
    h = Math.min(h * Math.sqrt(loss / Math.max(lt, Number.MIN_VALUE)), 1e12);
    x = trial;
    fx = ft;
    loss = lt;
  }
  return { x, loss };
}
