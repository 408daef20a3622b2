import type { Expr } from '../expr/ast.js';
import { eliminateCommonSubexpressions } from '../expr/cse.js';
import { derivative } from '../expr/derivative.js';
import { emit, numberLiteral, type Resolver } from '../expr/emit.js';
import { linearPart } from '../expr/linear-part.js';
import { resolveMethod } from './methods.js';
import { type ButcherTableau, TABLEAUS } from './tableaus.js';

/**
 * Emits the JavaScript statements that advance a system of ODEs by one step of size dt for one
 * element (one neuron, one synapse). The caller declares the current values and supplies a
 * resolver for every other symbol (parameters, inputs, t). dt is folded in as a constant so that
 * coefficients such as exp(-dt/tau) are computed once at compile time.
 */
export interface OdeSystem {
  /** Integrated variables, in order. */
  readonly vars: readonly string[];
  /** d(var)/dt for each variable. */
  readonly rhs: Readonly<Record<string, Expr>>;
}

export interface EmittedStep {
  /** Statements declaring the new values. */
  readonly code: string;
  /** For each variable, the JS name holding its value after the step. */
  readonly next: Readonly<Record<string, string>>;
}

export interface StepNames {
  /** JS name of the current value of a variable. */
  current: (name: string) => string;
  /** JS code for t at the start of the step. */
  time: string;
  /** Every other symbol. */
  other: Resolver;
  /** Prefix for the temporaries this step declares, unique within the kernel. */
  prefix: string;
}

export interface StepOptions {
  /**
   * Compute each repeated subexpression once (src/expr/cse.ts); default true. The values are the
   * same either way: turning it off exists to test that.
   */
  cse?: boolean;
}

export function emitOdeStep(system: OdeSystem, method: string, dt: number, names: StepNames, where: string, options: StepOptions = {}): EmittedStep {
  const canonical = resolveMethod(method, where);
  const shared = sharedValues(options.cse ?? true);
  if (canonical === 'exp_auto') return emitExponentialEuler(system, dt, names, where, shared);
  if (canonical === 'exponential_euler') return emitLinearSplitExponentialEuler(system, dt, names, where, shared);
  return emitRungeKutta(system, TABLEAUS[canonical], dt, names, where, shared);
}

function resolverFor(names: StepNames, state: (name: string) => string | undefined, time: string): Resolver {
  return (name) => state(name) ?? (name === 't' ? time : names.other(name));
}

/**
 * Emits expressions evaluated at the same point and returns their code. Each is first emitted
 * whole, which reports an unknown symbol or function against its own equation (`wheres`). With
 * CSE the repeated subexpressions are then declared as constants named `${prefix}<k>` (pushed
 * to `lines`), and the returned code refers to them.
 */
type EmitShared = (exprs: readonly Expr[], wheres: readonly string[], resolve: Resolver, prefix: string, lines: string[]) => string[];

function sharedValues(cse: boolean): EmitShared {
  return (exprs, wheres, resolve, prefix, lines) => {
    const whole = exprs.map((e, i) => emit(e, resolve, wheres[i]));
    if (!cse) return whole;
    const { bindings, exprs: rewritten } = eliminateCommonSubexpressions(exprs, prefix);
    const bound = new Set(bindings.map((b) => b.name));
    const withBindings: Resolver = (name) => (bound.has(name) ? name : resolve(name));
    for (const b of bindings) lines.push(`const ${b.name} = ${emit(b.expr, withBindings, wheres[0])};`);
    return rewritten.map((e, i) => emit(e, withBindings, wheres[i]));
  };
}

const rateOf = (v: string, where: string) => `d${v}/dt of ${where}`;

function emitRungeKutta(system: OdeSystem, tableau: ButcherTableau, dt: number, names: StepNames, where: string, shared: EmitShared): EmittedStep {
  const { vars, rhs } = system;
  const lines: string[] = [];
  const k = (s: number, v: string) => `${names.prefix}k${s}_${v}`;
  for (let s = 0; s < tableau.b.length; s++) {
    const stageValue = (v: string) => `${names.prefix}y${s}_${v}`;
    if (s > 0) {
      for (const v of vars) {
        const terms = tableau.a[s]
          .map((a, j) => (a === 0 ? '' : ` + ${numberLiteral(a * dt)} * ${k(j, v)}`))
          .join('');
        lines.push(`const ${stageValue(v)} = ${names.current(v)}${terms};`);
      }
    }
    const time = tableau.c[s] === 0 ? names.time : `(${names.time} + ${numberLiteral(tableau.c[s] * dt)})`;
    const state = (name: string) =>
      vars.includes(name) ? (s === 0 ? names.current(name) : stageValue(name)) : undefined;
    const code = shared(vars.map((v) => rhs[v]), vars.map((v) => rateOf(v, where)), resolverFor(names, state, time), `${names.prefix}cse${s}_`, lines);
    vars.forEach((v, i) => lines.push(`const ${k(s, v)} = ${code[i]};`));
  }
  const next: Record<string, string> = {};
  for (const v of vars) {
    const terms = tableau.b.map((b, s) => (b === 0 ? '' : ` + ${numberLiteral(b * dt)} * ${k(s, v)}`)).join('');
    next[v] = `${names.prefix}next_${v}`;
    lines.push(`const ${next[v]} = ${names.current(v)}${terms};`);
  }
  return { code: lines.join('\n'), next };
}

/**
 * Exponential Euler (BrainPy's exp_auto): for dy/dt = f(y), with A = df/dy at the current state,
 * y_new = y + (exp(A dt) - 1) / A * f(y). Exact for linear equations. A comes from the symbolic
 * derivative; when it is a constant the factor is folded at compile time. f and A of all the
 * variables share their subexpressions (HH: the rate functions appear in both).
 */
function emitExponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string, shared: EmitShared): EmittedStep {
  const lines: string[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const resolve = resolverFor(names, state, names.time);
  const linear = system.vars.map((v) => derivative(system.rhs[v], v));
  const variable = linear.flatMap((a, i) => (a.kind === 'num' ? [] : [i]));
  const exprs = [...system.vars.map((v) => system.rhs[v]), ...variable.map((i) => linear[i])];
  const wheres = [...system.vars, ...variable.map((i) => system.vars[i])].map((v) => rateOf(v, where));
  const code = shared(exprs, wheres, resolve, `${names.prefix}cse`, lines);
  system.vars.forEach((v, i) => {
    const a = linear[i];
    const fName = `${names.prefix}f_${v}`;
    next[v] = `${names.prefix}next_${v}`;
    lines.push(`const ${fName} = ${code[i]};`);
    if (a.kind === 'num') {
      const factor = a.value === 0 ? dt : Math.expm1(a.value * dt) / a.value;
      lines.push(`const ${next[v]} = ${names.current(v)} + ${numberLiteral(factor)} * ${fName};`);
    } else {
      const aName = `${names.prefix}A_${v}`;
      lines.push(`const ${aName} = ${code[system.vars.length + variable.indexOf(i)]};`);
      lines.push(
        `const ${next[v]} = ${names.current(v)} + (${aName} === 0 ? ${numberLiteral(dt)} : Math.expm1(${aName} * ${numberLiteral(dt)}) / ${aName}) * ${fName};`,
      );
    }
  });
  return { code: lines.join('\n'), next };
}

/**
 * Brian2's exponential_euler: f = A*y + B with A the coefficient of the terms linear in y
 * (linearPart) and B the rest, then y_new = -B/A + (y + B/A) * exp(A dt), as Brian2 writes it;
 * Euler where A = 0. Unlike exp_auto, nonlinear terms (exp(v) in AdEx) stay in B.
 */
function emitLinearSplitExponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string, shared: EmitShared): EmittedStep {
  const lines: string[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const resolve = resolverFor(names, state, names.time);
  const parts = system.vars.map((v) => linearPart(system.rhs[v], v));
  const wheres = system.vars.flatMap((v) => [rateOf(v, where), rateOf(v, where)]);
  const code = shared(parts.flatMap(({ a, b }) => [a, b]), wheres, resolve, `${names.prefix}cse`, lines);
  system.vars.forEach((v, i) => {
    const { a } = parts[i];
    const [aCode, bCode] = [code[2 * i], code[2 * i + 1]];
    const y = names.current(v);
    const aName = `${names.prefix}A_${v}`;
    const bName = `${names.prefix}B_${v}`;
    const baName = `${names.prefix}BA_${v}`;
    next[v] = `${names.prefix}next_${v}`;
    if (a.kind === 'num' && a.value === 0) {
      lines.push(`const ${next[v]} = ${y} + ${numberLiteral(dt)} * ${bCode};`);
      return;
    }
    lines.push(`const ${aName} = ${aCode};`, `const ${bName} = ${bCode};`, `const ${baName} = ${bName} / ${aName};`);
    const decay = a.kind === 'num' ? numberLiteral(Math.exp(a.value * dt)) : `Math.exp(${aName} * ${numberLiteral(dt)})`;
    lines.push(`const ${next[v]} = ${aName} === 0 ? ${y} + ${numberLiteral(dt)} * ${bName} : -${baName} + (${baName} + ${y}) * ${decay};`);
  });
  return { code: lines.join('\n'), next };
}
