import { num, substitute } from '../../expr/ast.js';
import { parseExpression } from '../../expr/parse.js';
import { simplify } from '../../expr/simplify.js';
import type { EquationGroupOptions, ParamValue } from '../../core/equation-group.js';
import { ParameterError } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import { sizeToNum, type Size } from '../../core/neu-group.js';
import { initialize, type InitValue } from '../../init/index.js';

/**
 * What a built-in neuron needs beyond its model: BrainPy's parameter defaults and how each state
 * starts. The option names are BrainPy's (`V_rest`, `tau_ref`, `V_initializer`, ...); a state's
 * default start may depend on the states set before it (HH's m starts at m_inf(V)).
 */
export interface BuiltinSpec {
  readonly model: Model;
  /** Parameter -> default value; undefined means "none" (only for the refractory period). */
  readonly defaults: Readonly<Record<string, number | undefined>>;
  /** Parameters that must be > 0 (time constants, capacitances). */
  readonly positive?: readonly string[];
  /** State -> [option name, default]; a function default receives the states already set. */
  readonly initial: Readonly<Record<string, readonly [string, InitValue | ((states: Record<string, FloatArray>, params: Record<string, ParamValue>) => InitValue)]>>;
}

/** Options every integrate-and-fire model shares (BrainPy's names). */
export interface IFOptions extends EquationGroupOptions {
  V_rest?: ParamValue;
  V_reset?: ParamValue;
  /** Spike threshold (mV). */
  V_th?: ParamValue;
  /** Membrane time constant (ms). */
  tau?: ParamValue;
  /** Refractory period (ms) during which V is held; none when undefined. */
  tau_ref?: number;
  /** Initial V: a number, one value per neuron, or an initialiser. */
  V_initializer?: InitValue;
}

type BuiltinArgs = [Size, Model, Record<string, ParamValue | undefined>, Record<string, FloatArray>, EquationGroupOptions];

const GROUP_OPTIONS = ['name', 'method', 'dtype', 'backend'];

/** The EquationGroup constructor arguments for a built-in neuron, with checked options. */
export function builtinArgs(spec: BuiltinSpec, size: Size, given: object): BuiltinArgs {
  const { model } = spec;
  const options = given as Readonly<Record<string, unknown>>;
  const known = [...Object.keys(spec.defaults), ...Object.values(spec.initial).map(([option]) => option), ...GROUP_OPTIONS];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new ParameterError(`${model.name} has no option '${key}'; its options are ${known.join(', ')}`);
  }
  const params: Record<string, ParamValue> = {};
  for (const [name, fallback] of Object.entries(spec.defaults)) {
    const value = (options[name] ?? fallback) as ParamValue | undefined;
    if (value === undefined) continue;
    if (name === model.refractory?.period) {
      if (typeof value !== 'number' || !(value >= 0)) throw new ParameterError(`${model.name} ${name} must be a number >= 0 ms, got ${String(value)}`);
    }
    if (spec.positive?.includes(name)) requirePositiveValues(value, `${model.name} ${name}`);
    params[name] = value;
  }
  const n = sizeToNum(size);
  const states: Record<string, FloatArray> = {};
  for (const [state, [option, fallback]] of Object.entries(spec.initial)) {
    const chosen = options[option] ?? fallback;
    const value = typeof chosen === 'function' ? (chosen as (s: typeof states, p: typeof params) => InitValue)(states, params) : (chosen as InitValue);
    states[state] = initialize(value, n, 'float64', `${model.name} ${option}`);
  }
  const group: EquationGroupOptions = {};
  for (const key of GROUP_OPTIONS) if (options[key] !== undefined) Object.assign(group, { [key]: options[key] });
  return [size, model, params, states, group];
}

function requirePositiveValues(value: ParamValue, what: string): void {
  const values = typeof value === 'number' ? [value] : Array.from(value);
  const bad = values.find((x) => !(x > 0));
  if (bad !== undefined) throw new ParameterError(`${what} must be positive, got ${bad}`);
}

/**
 * Evaluates an expression of the model's language per neuron, e.g. a gating variable's steady
 * state `alpha / (alpha + beta)` at the initial V, so that initial values and equations share
 * one definition.
 */
export function evaluatePerNeuron(source: string, values: Readonly<Record<string, ArrayLike<number> | number>>, n: number): Float64Array {
  const expr = parseExpression(source);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const folded = simplify(
      substitute(expr, (name) => {
        const v = values[name];
        if (v === undefined) return undefined;
        return num(typeof v === 'number' ? v : v[k]);
      }),
    );
    if (folded.kind !== 'num') throw new ParameterError(`cannot evaluate '${source}': unknown symbols remain`);
    out[k] = folded.value;
  }
  return out;
}
