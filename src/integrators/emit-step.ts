import type { Expr } from '../expr/ast.js';
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

export function emitOdeStep(system: OdeSystem, method: string, dt: number, names: StepNames, where: string): EmittedStep {
  const canonical = resolveMethod(method, where);
  if (canonical === 'exp_auto') return emitExponentialEuler(system, dt, names, where);
  if (canonical === 'exponential_euler') return emitLinearSplitExponentialEuler(system, dt, names, where);
  return emitRungeKutta(system, TABLEAUS[canonical], dt, names, where);
}

function resolverFor(names: StepNames, state: (name: string) => string | undefined, time: string): Resolver {
  return (name) => state(name) ?? (name === 't' ? time : names.other(name));
}

function emitRungeKutta(system: OdeSystem, tableau: ButcherTableau, dt: number, names: StepNames, where: string): EmittedStep {
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
    for (const v of vars) {
      lines.push(`const ${k(s, v)} = ${emit(rhs[v], resolverFor(names, state, time), `d${v}/dt of ${where}`)};`);
    }
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
 * derivative; when it is a constant the factor is folded at compile time.
 */
function emitExponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string): EmittedStep {
  const lines: string[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const resolve = resolverFor(names, state, names.time);
  for (const v of system.vars) {
    const f = system.rhs[v];
    const linear = derivative(f, v);
    const fName = `${names.prefix}f_${v}`;
    next[v] = `${names.prefix}next_${v}`;
    lines.push(`const ${fName} = ${emit(f, resolve, `d${v}/dt of ${where}`)};`);
    if (linear.kind === 'num') {
      const factor = linear.value === 0 ? dt : Math.expm1(linear.value * dt) / linear.value;
      lines.push(`const ${next[v]} = ${names.current(v)} + ${numberLiteral(factor)} * ${fName};`);
    } else {
      const aName = `${names.prefix}A_${v}`;
      lines.push(`const ${aName} = ${emit(linear, resolve, `d${v}/dt of ${where}`)};`);
      lines.push(
        `const ${next[v]} = ${names.current(v)} + (${aName} === 0 ? ${numberLiteral(dt)} : Math.expm1(${aName} * ${numberLiteral(dt)}) / ${aName}) * ${fName};`,
      );
    }
  }
  return { code: lines.join('\n'), next };
}

/**
 * Brian2's exponential_euler: f = A*y + B with A the coefficient of the terms linear in y
 * (linearPart) and B the rest, then y_new = -B/A + (y + B/A) * exp(A dt), as Brian2 writes it;
 * Euler where A = 0. Unlike exp_auto, nonlinear terms (exp(v) in AdEx) stay in B.
 */
function emitLinearSplitExponentialEuler(system: OdeSystem, dt: number, names: StepNames, where: string): EmittedStep {
  const lines: string[] = [];
  const next: Record<string, string> = {};
  const state = (name: string) => (system.vars.includes(name) ? names.current(name) : undefined);
  const resolve = resolverFor(names, state, names.time);
  for (const v of system.vars) {
    const { a, b } = linearPart(system.rhs[v], v);
    const y = names.current(v);
    const aName = `${names.prefix}A_${v}`;
    const baName = `${names.prefix}BA_${v}`;
    next[v] = `${names.prefix}next_${v}`;
    const bCode = emit(b, resolve, `d${v}/dt of ${where}`);
    if (a.kind === 'num' && a.value === 0) {
      lines.push(`const ${next[v]} = ${y} + ${numberLiteral(dt)} * ${bCode};`);
      continue;
    }
    lines.push(`const ${aName} = ${emit(a, resolve, `d${v}/dt of ${where}`)};`);
    lines.push(`const ${baName} = ${bCode} / ${aName};`);
    const decay = a.kind === 'num' ? numberLiteral(Math.exp(a.value * dt)) : `Math.exp(${aName} * ${numberLiteral(dt)})`;
    lines.push(
      `const ${next[v]} = ${aName} === 0 ? ${y} + ${numberLiteral(dt)} * ${bCode} : -${baName} + (${baName} + ${y}) * ${decay};`,
    );
  }
  return { code: lines.join('\n'), next };
}
