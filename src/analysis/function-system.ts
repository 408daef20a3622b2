import { ParameterError } from '../core/errors.js';
import type { VectorSystem } from './vector-system.js';

/**
 * A vector field written as a plain TypeScript function (as BrainPy's analysers accept Python
 * functions): it receives every variable and parameter by name and returns dx/dt per variable,
 * e.g. `({ V, w, Iext }) => ({ V: V - V ** 3 / 3 - w + Iext, w: (V + 0.7 - 0.8 * w) / 12.5 })`.
 */
export type FieldFunction = (values: Readonly<Record<string, number>>) => Readonly<Record<string, number>>;

/** Central-difference step relative to max(1, |x|): near the cube root of machine epsilon, which balances truncation and rounding. */
const RELATIVE_STEP = 6e-6;

/**
 * Compile-free counterpart of buildVectorSystem for a FieldFunction. The function is called
 * once per point; its Jacobian comes from central finite differences (2d extra calls per
 * point), accurate to about 1e-10 relative, not exact: fixed points still converge to the
 * solver's tolerance, but an eigenvalue whose real part is exactly zero (a centre) may come out
 * as about ±1e-10 and be classified as a weak focus.
 */
export function buildFunctionSystem(
  name: string,
  field: FieldFunction,
  vars: readonly string[],
  pars: readonly string[],
  fixed: Readonly<Record<string, number>>,
  where: string,
): VectorSystem {
  const values: Record<string, number> = { ...fixed };
  const evaluate = (x: readonly Float64Array[], p: readonly Float64Array[], k: number): Readonly<Record<string, number>> => {
    vars.forEach((v, i) => (values[v] = x[i][k]));
    pars.forEach((q, j) => (values[q] = p[j][k]));
    const out = field(values);
    for (const v of vars) {
      if (typeof out?.[v] !== 'number') throw new ParameterError(`${where}: the vector field of ${name} returned no number for d${v}/dt (got ${typeof out?.[v]})`);
    }
    return out;
  };
  const derivatives = (n: number, x: readonly Float64Array[], p: readonly Float64Array[], out: readonly Float64Array[]) => {
    for (let k = 0; k < n; k++) {
      const f = evaluate(x, p, k);
      vars.forEach((v, i) => (out[i][k] = f[v]));
    }
  };
  const d = vars.length;
  const shifted = Array.from({ length: d }, () => new Float64Array(1));
  const jacobian = (n: number, x: readonly Float64Array[], p: readonly Float64Array[], out: readonly Float64Array[]) => {
    const q = p.map(() => new Float64Array(1));
    for (let k = 0; k < n; k++) {
      p.forEach((pj, j) => (q[j][0] = pj[k]));
      for (let j = 0; j < d; j++) {
        vars.forEach((_, i) => (shifted[i][0] = x[i][k]));
        const h = RELATIVE_STEP * Math.max(1, Math.abs(x[j][k]));
        shifted[j][0] = x[j][k] + h;
        const plus = evaluate(shifted, q, 0);
        const fPlus = vars.map((v) => plus[v]);
        shifted[j][0] = x[j][k] - h;
        const minus = evaluate(shifted, q, 0);
        vars.forEach((v, i) => (out[i * d + j][k] = (fPlus[i] - minus[v]) / (2 * h)));
      }
    }
  };
  return { vars, pars, derivatives, jacobian };
}
