import type { JacobianFunction, VectorFunction } from './batch-field.js';
import { solveInPlace } from './linear-solve.js';

/**
 * Damped Newton for one point of a large system (hundreds of variables), on row-major
 * Jacobians: each step solves J dx = -f directly (n^3/3 work, a third of forming J^T J) and
 * halves the step until 0.5 mean f^2 decreases. Used where Levenberg-Marquardt's normal
 * equations would be too costly; the Jacobian must be square and, at the root, invertible.
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
  for (let iteration = 0; iteration < maxIterations && loss > tolerance; iteration++) {
    const step = Float64Array.from(fx, (v) => -v);
    if (!solveInPlace(Float64Array.from(jacobian(x)), step, d)) break;
    let scale = 1;
    let improved = false;
    while (scale > 1e-4 && !improved) {
      const trial = Float64Array.from(x, (v, i) => v + scale * step[i]);
      const ft = Float64Array.from(f(trial));
      const lt = lossOf(ft);
      if (lt < loss) {
        x = trial;
        fx = ft;
        loss = lt;
        improved = true;
      } else scale /= 2;
    }
    if (!improved) break;
  }
  return { x, loss };
}
