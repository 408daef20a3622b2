import { add, bin, call, div, type Expr, mul, neg, num, sym } from '../expr/ast.js';
import { eliminateCommonSubexpressions } from '../expr/cse.js';
import { derivative } from '../expr/derivative.js';
import { emit, type Resolver } from '../expr/emit.js';
import { linearPart } from '../expr/linear-part.js';
import { resolveSymbols } from '../expr/resolve.js';
import { resolveMethod } from './methods.js';
import { type ButcherTableau, TABLEAUS } from './tableaus.js';

/**
 * The step that advances a system of ODEs by dt for one element (one neuron, one synapse), as
 * named values: each binding's expression refers only to generated names (the current values,
 * the caller's other names, t, earlier bindings). The caller declares the current values and
 * names every other symbol (parameters, inputs). dt is folded in as a constant so that
 * coefficients such as exp(-dt/tau) are computed once at compile time. Backends emit the
 * bindings as code (src/core/kernel-js.ts, src/wasm/), or emitOdeStep gives JavaScript text.
 */
export interface OdeSystem {
  /** Integrated variables, in order. */
  readonly vars: readonly string[];
  /** d(var)/dt for each variable. */
  readonly rhs: Readonly<Record<string, Expr>>;
}

/** A named value of a step: `const name = expr`. */
export interface StepBinding {
  readonly name: string;
  readonly expr: Expr;
}

export interface StepBindings {
  /** In evaluation order; each refers only to the ones before it and to the caller's names. */
  readonly bindings: readonly StepBinding[];
  /** For each variable, the binding holding its value after the step. */
  readonly next: Readonly<Record<string, string>>;
}

export interface EmittedStep {
  /** Statements declaring the new values. */
  readonly code: string;
  /** For each variable, the JS name holding its value after the step. */
  readonly next: Readonly<Record<string, string>>;
}

export interface StepNames {
  /** Generated name of the current value of a variable. */
  current: (name: string) => string;
  /** Generated name of t at the start of the step. */
  time: string;
  /** Generated name of every other symbol; undefined for a symbol the model does not have. */
  other: Resolver;
  /** Prefix for the names this step declares, unique within the kernel. */
  prefix: string;
}

export interface StepOptions {
  /**
   * Compute each repeated subexpression once (src/expr/cse.ts); default true. The values are the
   * same either way: turning it off exists to test that.
   */
  cse?: boolean;
}

export function stepBindings(system: OdeSystem, method: string, dt: number, names: StepNames, where: string, options: StepOptions = {}): StepBindings {
  const canonical = resolveMethod(method, where);
  const shared = sharedValues(options.cse ?? true);
  if (canonical === 'exp_auto') return exponentialEuler(system, dt, names, where, shared);
  if (canonical === 'exponential_euler') return linearSplitExponentialEuler(system, dt, names, where, shared);
  return rungeKutta(system, TABLEAUS[canonical], dt, names, where, shared);
}

/** The step as JavaScript statements (`const name = ...;`), for generated functions outside group kernels. */
export function emitOdeStep(system: OdeSystem, method: string, dt: number, names: StepNames, where: string, options: StepOptions = {}): EmittedStep {
  const { bindings, next } = stepBindings(system, method, dt, names, where, options);
  // Every symbol of a binding is already a generated name.
  const lines = bindings.map(({ name, expr }) => `const ${name} = ${emit(expr, (generated) => generated, where)};`);
  return { code: lines.join('\n'), next };
}

/** What each model symbol of a stage stands for: the stage's state values, its time, the caller's names. */
function stageResolver(names: StepNames, state: (name: string) => string | undefined, time: Expr) {
  return (name: string): Expr | undefined => {
    const local = state(name) ?? (name === 't' ? undefined : names.other(name));
    if (local !== undefined) return sym(local);
    return name === 't' ? time : undefined;
  };
}

/**
 * Resolves expressions evaluated at the same point (each against its own equation, `wheres`, for
 * error messages). With CSE the repeated subexpressions become bindings named `${prefix}<k>`
 * (pushed to `bindings`), and the returned expressions refer to them.
 */
type ResolveShared = (exprs: readonly Expr[], wheres: readonly string[], resolve: (name: string) => Expr | undefined, prefix: string, bindings: StepBinding[]) => Expr[];

function sharedValues(cse: boolean): ResolveShared {
  return (exprs, wheres, resolve, prefix, bindings) => {
    const resolved = exprs.map((e, i) => resolveSymbols(e, resolve, wheres[i]));
    if (!cse) return resolved;
    const result = eliminateCommonSubexpressions(resolved, prefix);
    bindings.push(...result.bindings);
    return [...result.exprs];
  };
}

const rateOf = (v: string, where: string) => `d${v}/dt of ${where}`;

/** a + c1 * x1 + c2 * x2 + ..., left to right, leaving out the zero coefficients. */
function weightedSum(start: Expr, terms: readonly (readonly [number, Expr])[]): Expr {
  return terms.reduce((sum, [c, x]) => (c === 0 ? sum : add(sum, mul(num(c), x))), start);
}

function rungeKutta(system: OdeSystem, tableau: ButcherTableau, dt: number, names: StepNames, where: string, shared: ResolveShared): StepBindings {
  const { vars, rhs } = system;
  const bindings: StepBinding[] = [];
  const k = (s: number, v: string) => `${names.prefix}k${s}_${v}`;
  for (let s = 0; s < tableau.b.length; s++) {
    const stageValue = (v: string) => `${names.prefix}y${s}_${v}`;
    if (s > 0) {
      for (const v of vars) {
        const terms = tableau.a[s].map((a, j) => [a * dt, sym(k(j, v))] as const);
        bindings.push({ name: stageValue(v), expr: weightedSum(sym(names.current(v)), terms) });
      }
    }
    const time = tableau.c[s] === 0 ? sym(names.time) : add(sym(names.time), num(tableau.c[s] * dt));
    const state = (name: string) => (vars.includes(name) ? (s === 0 ? names.current(name) : stageValue(name)) : undefined);
    const rates = shared(vars.map((v) => rhs[v]), vars.map((v) => rateOf(v, where)), stageResolver(names, state, time), `${names.prefix}cse${s}_`, bindings);
    vars.forEach((v, i) => bindings.push({ name: k(s, v), expr: rates[i] }));
  }
  const next: Record<string, string> = {};
  for (const v of vars) {
    next[v] = `${names.prefix}next_${v}`;
    const terms = tableau.b.map((b, s) => [b * dt, sym(k(s, v))] as const);
    bindings.push({ name: next[v], expr: weightedSum(sym(names.current(v)), terms) });
  }
  return { bindings, next };
}

/**
 * Exponential Euler (BrainPy's exp_auto): for dy/dt = f(y), with A = df/dy at the current state,
 * y_new = y + (exp(A dt) - 1) / A * f(y). Exact for linear equations. A comes from the symbolic
 * derivative; when it is a constant the factor is folded at compile time. f and A of all the
 * variables share their subexpressions (HH: the rate functions appear in both).
 */
function exponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string, shared: ResolveShared): StepBindings {
  const bindings: StepBinding[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const linear = system.vars.map((v) => derivative(system.rhs[v], v));
  const variable = linear.flatMap((a, i) => (a.kind === 'num' ? [] : [i]));
  const exprs = [...system.vars.map((v) => system.rhs[v]), ...variable.map((i) => linear[i])];
  const wheres = [...system.vars, ...variable.map((i) => system.vars[i])].map((v) => rateOf(v, where));
  const resolved = shared(exprs, wheres, stageResolver(names, state, sym(names.time)), `${names.prefix}cse`, bindings);
  system.vars.forEach((v, i) => {
    const a = linear[i];
    const f = `${names.prefix}f_${v}`;
    next[v] = `${names.prefix}next_${v}`;
    bindings.push({ name: f, expr: resolved[i] });
    if (a.kind === 'num') {
      const factor = a.value === 0 ? dt : Math.expm1(a.value * dt) / a.value;
      bindings.push({ name: next[v], expr: add(sym(names.current(v)), mul(num(factor), sym(f))) });
    } else {
      const aName = `${names.prefix}A_${v}`;
      const A = sym(aName);
      bindings.push({ name: aName, expr: resolved[system.vars.length + variable.indexOf(i)] });
      const factor = call('where', bin('==', A, num(0)), num(dt), div(call('expm1', mul(A, num(dt))), A));
      bindings.push({ name: next[v], expr: add(sym(names.current(v)), mul(factor, sym(f))) });
    }
  });
  return { bindings, next };
}

/**
 * Brian2's exponential_euler: f = A*y + B with A the coefficient of the terms linear in y
 * (linearPart) and B the rest, then y_new = -B/A + (y + B/A) * exp(A dt), as Brian2 writes it;
 * Euler where A = 0. Unlike exp_auto, nonlinear terms (exp(v) in AdEx) stay in B.
 */
function linearSplitExponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string, shared: ResolveShared): StepBindings {
  const bindings: StepBinding[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const parts = system.vars.map((v) => linearPart(system.rhs[v], v));
  const wheres = system.vars.flatMap((v) => [rateOf(v, where), rateOf(v, where)]);
  const resolved = shared(parts.flatMap(({ a, b }) => [a, b]), wheres, stageResolver(names, state, sym(names.time)), `${names.prefix}cse`, bindings);
  system.vars.forEach((v, i) => {
    const { a } = parts[i];
    const [aExpr, bExpr] = [resolved[2 * i], resolved[2 * i + 1]];
    const y = sym(names.current(v));
    next[v] = `${names.prefix}next_${v}`;
    if (a.kind === 'num' && a.value === 0) {
      bindings.push({ name: next[v], expr: add(y, mul(num(dt), bExpr)) });
      return;
    }
    const [aName, bName, baName] = [`${names.prefix}A_${v}`, `${names.prefix}B_${v}`, `${names.prefix}BA_${v}`];
    const [A, B, BA] = [sym(aName), sym(bName), sym(baName)];
    bindings.push({ name: aName, expr: aExpr }, { name: bName, expr: bExpr }, { name: baName, expr: div(B, A) });
    const decay = a.kind === 'num' ? num(Math.exp(a.value * dt)) : call('exp', mul(A, num(dt)));
    const expr = call('where', bin('==', A, num(0)), add(y, mul(num(dt), B)), add(neg(BA), mul(add(BA, y), decay)));
    bindings.push({ name: next[v], expr });
  });
  return { bindings, next };
}
