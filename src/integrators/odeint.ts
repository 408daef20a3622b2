import { resolveMethod } from './methods.js';
import { TABLEAUS } from './tableaus.js';

/**
 * `odeint` for derivative functions written in TypeScript, for users who write their own
 * `update()`. Equation-described models do not come here: their steps are generated code.
 *
 *   const step = odeint((V, t, I) => (-V + I) / tau, { method: 'rk4' });
 *   V = step(V, t, dt, I);
 *
 * exp_auto needs df/dy; for a plain function it is taken by a central difference
 * (exact up to rounding for equations linear in y, which is where exponential Euler is exact).
 */
export type ScalarDerivative = (y: number, t: number, ...args: number[]) => number;
export type VectorDerivative = (y: readonly number[], t: number, ...args: number[]) => readonly number[];
export type ScalarStep = (y: number, t: number, dt: number, ...args: number[]) => number;
export type VectorStep = (y: readonly number[], t: number, dt: number, ...args: number[]) => number[];

export interface OdeintOptions {
  /** euler (default, as in BrainPy), midpoint, heun, rk2, rk4, exp_euler / exp_auto. */
  method?: string;
}

const axpy = (y: readonly number[], h: number, k: readonly number[]) => y.map((v, i) => v + h * k[i]);

function rungeKutta(f: VectorDerivative, method: string): VectorStep {
  const { a, b, c } = TABLEAUS[method];
  return (y, t, dt, ...args) => {
    const ks: (readonly number[])[] = [];
    for (let s = 0; s < b.length; s++) {
      let ys: readonly number[] = y;
      for (let j = 0; j < s; j++) if (a[s][j] !== 0) ys = axpy(ys, a[s][j] * dt, ks[j]);
      ks.push(f(ys, t + c[s] * dt, ...args));
    }
    let next: number[] = [...y];
    for (let s = 0; s < b.length; s++) if (b[s] !== 0) next = axpy(next, b[s] * dt, ks[s]);
    return next;
  };
}

function exponentialEuler(f: VectorDerivative): VectorStep {
  return (y, t, dt, ...args) => {
    const slope = f(y, t, ...args);
    return y.map((yi, i) => {
      const h = 1e-6 * Math.max(1, Math.abs(yi));
      const plus = [...y];
      const minus = [...y];
      plus[i] += h;
      minus[i] -= h;
      const linear = (f(plus, t, ...args)[i] - f(minus, t, ...args)[i]) / (2 * h);
      const factor = linear === 0 ? dt : Math.expm1(linear * dt) / linear;
      return yi + factor * slope[i];
    });
  };
}

function vectorStep(f: VectorDerivative, options: OdeintOptions): VectorStep {
  const method = resolveMethod(options.method ?? 'euler', 'odeint');
  return method === 'exp_auto' ? exponentialEuler(f) : rungeKutta(f, method);
}

export function odeint(f: VectorDerivative, options: OdeintOptions & { vector: true }): VectorStep;
export function odeint(f: ScalarDerivative, options?: OdeintOptions): ScalarStep;
export function odeint(f: ScalarDerivative | VectorDerivative, options: OdeintOptions & { vector?: boolean } = {}): ScalarStep | VectorStep {
  if (options.vector) return vectorStep(f as VectorDerivative, options);
  const scalar = f as ScalarDerivative;
  const step = vectorStep((y, t, ...args) => [scalar(y[0], t, ...args)], options);
  return (y: number, t: number, dt: number, ...args: number[]) => step([y], t, dt, ...args)[0];
}
