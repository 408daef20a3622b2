import { callsOf, type Expr, show, substitute, sym, symbolsOf } from '../expr/ast.js';
import { MATH_FUNCTIONS } from '../expr/functions.js';
import { parseExpression } from '../expr/parse.js';
import { EquationError } from './errors.js';

/**
 * A neuron model as data: its differential equations, threshold, reset and refractoriness,
 * written in the expression language. Built-in models (LIF, ...) and user models are declared
 * the same way; the kernel compiler, exponential Euler and the analysis tools read this.
 */
export interface ModelSpec {
  /** Differential equations: variable -> right-hand side of d(variable)/dt. */
  readonly equations: Readonly<Record<string, string>>;
  /** Input accumulators, summed into by synapses and runner inputs, cleared after each step. */
  readonly inputs?: readonly string[];
  /** Spike condition, evaluated on the new state, e.g. 'V >= V_th'. */
  readonly threshold?: string;
  /**
   * Spike only when the threshold condition becomes true (false on the old state, true on the
   * new one), as for Hodgkin-Huxley-type neurons detected by an upward crossing of V_th.
   */
  readonly thresholdCrossing?: boolean;
  /**
   * Statements applied in order to a neuron that spiked: variable -> new value, or a list of
   * [variable, value] pairs when a variable is assigned more than once (`v = c; u += d`).
   */
  readonly reset?: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
  /** How a neuron becomes refractory and the variables frozen meanwhile. */
  readonly refractory?: RefractorySpec<string>;
}

/**
 * Either `period`, a parameter holding the refractory period in ms (refractory while
 * t - t_last_spike <= period), or `condition`, an expression true while the neuron is refractory,
 * evaluated on the state at the start of the step; it may use `t_last_spike` and `dt` (Brian2's
 * time and boolean refractoriness are both written this way). `blocksThreshold`: no spike while
 * refractory, as in Brian2.
 */
export interface RefractorySpec<E> {
  readonly period?: string;
  readonly condition?: E;
  readonly hold: readonly string[];
  readonly blocksThreshold?: boolean;
}

export interface Model {
  readonly name: string;
  readonly states: readonly string[];
  readonly inputs: readonly string[];
  readonly params: readonly string[];
  readonly equations: Readonly<Record<string, Expr>>;
  readonly threshold?: Expr;
  readonly thresholdCrossing: boolean;
  readonly reset: readonly (readonly [string, Expr])[];
  readonly refractory?: RefractorySpec<Expr>;
}

/** Symbols a refractory condition may use besides the model's own. */
export const REFRACTORY_CONDITION_SYMBOLS = ['t_last_spike', 'dt'] as const;

/** The white-noise symbol of stochastic equations, as in Brian2 (units 1/sqrt(time)). */
export const NOISE = 'xi';

/** Whether a model's equations contain the white-noise term xi (and do not declare xi themselves). */
export function usesNoise(model: Model): boolean {
  const declared = [...model.states, ...model.inputs, ...model.params].includes(NOISE);
  return !declared && Object.values(model.equations).some((e) => symbolsOf(e).has(NOISE));
}

/** Whether a model draws random numbers: white noise xi, or rand()/randn() anywhere in it. */
export function usesRandomFunctions(model: Model): boolean {
  const exprs: (Expr | undefined)[] = [...Object.values(model.equations), model.threshold, model.refractory?.condition, ...model.reset.map(([, e]) => e)];
  return usesNoise(model) || exprs.some((e) => e !== undefined && [...callsOf(e)].some((fn) => MATH_FUNCTIONS[fn].random));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parseIn(source: string, where: string): Expr {
  try {
    return parseExpression(source);
  } catch (error) {
    if (error instanceof EquationError) throw new EquationError(`in ${where}: ${error.message}`);
    throw error;
  }
}

/** Parse and check a model: every symbol must be a state, an input, a parameter or t. */
export function defineModel(name: string, spec: ModelSpec, params: readonly string[]): Model {
  const states = Object.keys(spec.equations);
  const inputs = spec.inputs ?? [];
  for (const symbol of [...states, ...inputs, ...params]) {
    if (!IDENTIFIER.test(symbol)) throw new EquationError(`${name}: '${symbol}' is not a valid variable or parameter name`);
  }
  const all = [...states, ...inputs, ...params, 't'];
  const repeated = all.find((symbol, i) => all.indexOf(symbol) !== i);
  if (repeated) throw new EquationError(`${name}: '${repeated}' is declared more than once (state, input, parameter or t)`);
  const known = new Set<string>(all);
  // Unless the model declares it, xi is white noise in the differential equations (Euler-Maruyama).
  const equationSymbols = new Set<string>(known);
  equationSymbols.add(NOISE);
  const check = (expr: Expr, where: string, allowed: Set<string> = known): Expr => {
    for (const symbol of symbolsOf(expr)) {
      if (!allowed.has(symbol)) {
        throw new EquationError(
          `unknown symbol '${symbol}' in ${where} (${show(expr)}); known symbols: ${[...allowed].join(', ')}`,
        );
      }
    }
    return expr;
  };
  const equations: Record<string, Expr> = {};
  for (const [v, rhs] of Object.entries(spec.equations)) {
    const where = `${name}: d${v}/dt = ${rhs}`;
    equations[v] = check(parseIn(rhs, where), where, equationSymbols);
  }
  const threshold = spec.threshold === undefined ? undefined : check(parseIn(spec.threshold, `${name} threshold`), `${name} threshold`);
  const resetPairs = Array.isArray(spec.reset) ? spec.reset : Object.entries(spec.reset ?? {});
  const reset = resetPairs.map(([v, rhs]: readonly [string, string]): [string, Expr] => {
    if (!states.includes(v)) throw new EquationError(`${name} reset assigns '${v}', which is not a state variable (${states.join(', ')})`);
    const where = `${name} reset ${v} = ${rhs}`;
    return [v, check(parseIn(rhs, where), where)];
  });
  let refractory: RefractorySpec<Expr> | undefined;
  if (spec.refractory) {
    const { period, condition: conditionText } = spec.refractory;
    if ((period === undefined) === (conditionText === undefined)) {
      throw new EquationError(`${name} refractoriness needs exactly one of 'period' and 'condition'`);
    }
    if (period !== undefined && !params.includes(period)) {
      throw new EquationError(`${name} refractory period '${period}' is not a parameter`);
    }
    let condition: Expr | undefined;
    if (conditionText !== undefined) {
      const where = `${name} refractory condition`;
      const parsed = parseIn(conditionText, where);
      const extra = new Set<string>(REFRACTORY_CONDITION_SYMBOLS);
      // The extra symbols stand in for t when checking, so that only model symbols need be known.
      check(substitute(parsed, (s) => (extra.has(s) ? sym('t') : undefined)), where);
      condition = parsed;
    }
    refractory = { ...spec.refractory, condition };
    for (const v of spec.refractory.hold) {
      if (!states.includes(v)) throw new EquationError(`${name} holds '${v}' during refractoriness, but it is not a state variable`);
    }
  }
  return { name, states, inputs, params, equations, threshold, thresholdCrossing: spec.thresholdCrossing ?? false, reset, refractory };
}
