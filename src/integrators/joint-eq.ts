import { EquationError, ParameterError } from '../core/errors.js';
import { defineModel, type Model } from '../core/model.js';
import { compileFunction, emit } from '../expr/emit.js';
import type { Args, VectorField } from './vector-field.js';

/** The derivative of one variable; `s` holds every variable and argument by name. */
export type Derivative = (s: Readonly<Record<string, number>>, t: number) => number;

function checkArgs(vars: readonly string[], args: Args, where: string): Args {
  for (const [name, value] of Object.entries(args)) {
    if (vars.includes(name)) throw new ParameterError(`${where}: '${name}' is both a variable and an argument`);
    if (!Number.isFinite(value)) throw new ParameterError(`${where}: argument '${name}' must be a finite number, got ${value}`);
  }
  return Object.freeze({ ...args });
}

/**
 * BrainPy's JointEq: several derivative functions integrated as one system, so that every stage
 * of a Runge-Kutta step sees all variables at the same stage.
 *
 *   const lorenz = new JointEq({
 *     x: (s) => s.sigma * (s.y - s.x),
 *     y: (s) => s.x * (s.rho - s.z) - s.y,
 *     z: (s) => s.x * s.y - s.beta * s.z,
 *   }, { sigma: 10, rho: 28, beta: 8 / 3 });
 */
export class JointEq implements VectorField {
  readonly vars: readonly string[];
  readonly args: Args;
  private readonly derivatives: readonly Derivative[];
  /** One scope object reused across calls, so an evaluation allocates nothing. */
  private readonly scope: Record<string, number> = {};

  constructor(derivatives: Readonly<Record<string, Derivative>>, args: Args = {}) {
    this.vars = Object.keys(derivatives);
    if (this.vars.length === 0) throw new ParameterError('JointEq needs at least one derivative');
    this.derivatives = this.vars.map((v) => {
      const f = derivatives[v];
      if (typeof f !== 'function') throw new ParameterError(`JointEq: the derivative of '${v}' is not a function`);
      return f;
    });
    this.args = checkArgs(this.vars, args, 'JointEq');
  }

  evaluate(y: Float64Array, t: number, args: Args, out: Float64Array): void {
    const s = this.scope;
    for (const name in args) s[name] = args[name];
    for (let i = 0; i < this.vars.length; i++) s[this.vars[i]] = y[i];
    for (let i = 0; i < this.vars.length; i++) out[i] = this.derivatives[i](s, t);
  }
}

type CompiledField = (y: Float64Array, t: number, P: Float64Array, out: Float64Array) => void;

/**
 * A system given as equation strings (the model language), e.g. the chaotic systems of the
 * gallery: `new EquationField('Lorenz', { x: 'sigma * (y - x)', ... }, { sigma: 10, ... })`.
 * The right-hand sides are checked and compiled once; `model` lets the generated-step
 * integrators (exp_auto with symbolic derivatives) use the same equations.
 */
export class EquationField implements VectorField {
  readonly vars: readonly string[];
  readonly args: Args;
  readonly model: Model;
  private readonly compiled: CompiledField;
  private readonly argNames: readonly string[];
  private readonly buffer: Float64Array;

  constructor(name: string, equations: Readonly<Record<string, string>>, args: Args = {}) {
    this.argNames = Object.keys(args);
    this.model = defineModel(name, { equations }, this.argNames);
    this.vars = this.model.states;
    if (this.vars.length === 0) throw new EquationError(`${name}: no equations`);
    this.args = checkArgs(this.vars, args, name);
    this.buffer = new Float64Array(this.argNames.length);
    const resolve = (symbol: string) => {
      const v = this.vars.indexOf(symbol);
      if (v >= 0) return `y[${v}]`;
      if (symbol === 't') return 't';
      const p = this.argNames.indexOf(symbol);
      return p >= 0 ? `P[${p}]` : undefined;
    };
    const body = this.vars.map((v, i) => `out[${i}] = ${emit(this.model.equations[v], resolve, `d${v}/dt of ${name}`)};`).join('\n');
    this.compiled = compileFunction<CompiledField>(['y', 't', 'P', 'out'], body);
  }

  /** The argument values in the compiled code's order. */
  packArgs(args: Args, into: Float64Array = new Float64Array(this.argNames.length)): Float64Array {
    this.argNames.forEach((name, i) => (into[i] = args[name]));
    return into;
  }

  evaluate(y: Float64Array, t: number, args: Args, out: Float64Array): void {
    this.compiled(y, t, this.packArgs(args, this.buffer), out);
  }
}
