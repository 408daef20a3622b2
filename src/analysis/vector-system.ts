import { type Expr, num, substitute, symbolsOf } from '../expr/ast.js';
import { derivative } from '../expr/derivative.js';
import { compileFunction, emit } from '../expr/emit.js';
import { simplify } from '../expr/simplify.js';
import { ParameterError } from '../core/errors.js';
import { buildFunctionSystem } from './function-system.js';
import type { ResolvedModel } from './source.js';

/**
 * A system of ODEs dx/dt = f(x; p) compiled for analysis: `vars` are the analysed state
 * variables, `pars` the parameters that vary from one candidate to the next (bifurcation
 * parameters, slow variables); everything else is folded in as a constant. Both the vector
 * field and the exact Jacobian (symbolic derivatives of the model's equations) are generated
 * as one loop over Float64Arrays of candidates, so thousands of points cost one call. A model
 * given as a function is wrapped by buildFunctionSystem instead (finite-difference Jacobian).
 */
export interface VectorSystem {
  readonly vars: readonly string[];
  readonly pars: readonly string[];
  /** The right-hand sides after folding the fixed values, one per variable (absent for a function field). */
  readonly rhs?: readonly Expr[];
  /** out[i][k] = f_i(x[.][k]; p[.][k]) for k < n. */
  derivatives(n: number, x: readonly Float64Array[], p: readonly Float64Array[], out: readonly Float64Array[]): void;
  /** out[i * d + j][k] = d f_i / d x_j at point k. */
  jacobian(n: number, x: readonly Float64Array[], p: readonly Float64Array[], out: readonly Float64Array[]): void;
}

type Kernel = (n: number, ...arrays: Float64Array[]) => void;

function compileLoop(exprs: readonly Expr[], vars: readonly string[], pars: readonly string[], where: string): Kernel {
  const names = [...vars.map((_, i) => `x${i}`), ...pars.map((_, i) => `p${i}`), ...exprs.map((_, i) => `o${i}`)];
  const resolve = (name: string) => {
    const v = vars.indexOf(name);
    if (v >= 0) return `v${v}`;
    const p = pars.indexOf(name);
    return p >= 0 ? `q${p}` : undefined;
  };
  const loads = [...vars.map((_, i) => `const v${i} = x${i}[k];`), ...pars.map((_, i) => `const q${i} = p${i}[k];`)];
  const stores = exprs.map((e, i) => `o${i}[k] = ${emit(e, resolve, where)};`);
  return compileFunction<Kernel>(['n', ...names], `for (let k = 0; k < n; k++) {\n${[...loads, ...stores].join('\n')}\n}`);
}

export function buildVectorSystem(
  model: ResolvedModel,
  vars: readonly string[],
  pars: readonly string[],
  fixed: Readonly<Record<string, number>>,
  where: string,
): VectorSystem {
  const states = model.states;
  for (const v of vars) {
    if (!states.includes(v)) throw new ParameterError(`${where}: '${v}' is not a state variable of ${model.name} (${states.join(', ')})`);
  }
  const values: Record<string, number> = { ...model.defaults, ...fixed };
  const free = new Set([...vars, ...pars]);
  if (model.field) {
    const missing = [...model.others, ...states].filter((s) => !free.has(s) && !(s in values));
    if (missing.length > 0) throw new ParameterError(`${where}: the vector field of ${model.name} needs a value for ${missing.join(', ')}; give it in parsUpdate`);
    return buildFunctionSystem(model.name, model.field, vars, pars, values, where);
  }
  const equations = model.equations ?? {};
  const rhs = vars.map((v) => {
    const folded = simplify(substitute(equations[v], (name) => (free.has(name) || !(name in values) ? undefined : num(values[name]))));
    const missing = [...symbolsOf(folded)].filter((s) => !free.has(s));
    if (missing.length > 0) {
      throw new ParameterError(`${where}: d${v}/dt of ${model.name} needs a value for ${missing.join(', ')}; give it in parsUpdate`);
    }
    return folded;
  });
  const jac = rhs.flatMap((f) => vars.map((x) => derivative(f, x)));
  const fKernel = compileLoop(rhs, vars, pars, `${where}: ${model.name}`);
  const jKernel = compileLoop(jac, vars, pars, `${where}: Jacobian of ${model.name}`);
  return {
    vars,
    pars,
    rhs,
    derivatives: (n, x, p, out) => fKernel(n, ...x, ...p, ...out),
    jacobian: (n, x, p, out) => jKernel(n, ...x, ...p, ...out),
  };
}

/** Arrays for n points of a d-dimensional system. */
export const columns = (count: number, n: number): Float64Array[] => Array.from({ length: count }, () => new Float64Array(n));

/** f and its Jacobian at one point, as plain arrays (the Jacobian row-major). */
export function evaluateAt(system: VectorSystem, x: readonly number[], p: readonly number[] = []): { f: number[]; jacobian: number[] } {
  const d = system.vars.length;
  const xs = x.map((v) => Float64Array.of(v));
  const ps = p.map((v) => Float64Array.of(v));
  const f = columns(d, 1);
  const j = columns(d * d, 1);
  system.derivatives(1, xs, ps, f);
  system.jacobian(1, xs, ps, j);
  return { f: f.map((a) => a[0]), jacobian: j.map((a) => a[0]) };
}
