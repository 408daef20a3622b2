import { rungeKuttaStepper } from '../integrators/field-integrator.js';
import { TABLEAUS } from '../integrators/tableaus.js';
import type { VectorField } from '../integrators/vector-field.js';
import type { Check } from './example.js';

/**
 * The largest Lyapunov exponent of a flow by Benettin's method: a companion trajectory
 * 1e-8 away is integrated with rk4 and pulled back to that distance after every step; the
 * exponent is the mean log growth per unit time after a transient.
 */
export function largestLyapunov(field: VectorField, y0: readonly number[], dt: number, duration: number, transient: number): number {
  const step = rungeKuttaStepper(field, TABLEAUS.rk4, dt, field.args);
  const a = Float64Array.from(y0);
  const n = a.length;
  for (let k = 0; k < Math.round(transient / dt); k++) step(a, k * dt);
  const d0 = 1e-8;
  const b = Float64Array.from(a, (v, i) => v + (i === 0 ? d0 : 0));
  let sum = 0;
  const steps = Math.round(duration / dt);
  for (let k = 0; k < steps; k++) {
    step(a, k * dt);
    step(b, k * dt);
    let d = 0;
    for (let i = 0; i < n; i++) d += (b[i] - a[i]) ** 2;
    d = Math.sqrt(d);
    sum += Math.log(d / d0);
    for (let i = 0; i < n; i++) b[i] = a[i] + ((b[i] - a[i]) * d0) / d;
  }
  return sum / (steps * dt);
}

/** The largest Lyapunov exponent of the Hénon map, from the tangent map along an orbit. */
export function henonLyapunov(a: number, b: number, iterations: number): number {
  let [x, y] = [0, 0];
  let [u, v] = [1, 0];
  let sum = 0;
  for (let k = 0; k < iterations + 1000; k++) {
    const [nu, nv] = [-2 * a * x * u + v, b * u];
    [x, y] = [1 - a * x * x + y, b * x];
    const norm = Math.hypot(nu, nv);
    [u, v] = [nu / norm, nv / norm];
    if (k >= 1000) sum += Math.log(norm);
  }
  return sum / iterations;
}

/** A check that `value` lies in [low, high]. */
export function rangeCheck(value: number, low: number, high: number, source: string): Check {
  return { value, expected: `${low}..${high} (${source})`, pass: value >= low && value <= high };
}

export function mean(values: ArrayLike<number>, from = 0): number {
  let s = 0;
  for (let i = from; i < values.length; i++) s += values[i];
  return s / (values.length - from);
}

export function standardDeviation(values: ArrayLike<number>, from = 0): number {
  const m = mean(values, from);
  let s = 0;
  for (let i = from; i < values.length; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (values.length - from));
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Column c of a row-major matrix. */
export function column(data: ArrayLike<number>, cols: number, c: number, from = 0): Float64Array {
  const rows = data.length / cols;
  return Float64Array.from({ length: rows - from }, (_, r) => data[(r + from) * cols + c]);
}
