import { type Expr, show, substitute, sym } from '../../expr/ast.js';
import { parseExpression } from '../../expr/parse.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import { EquationError, ParameterError } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import { defineModel } from '../../core/model.js';
import { sizeToNum, type Size } from '../../core/neu-group.js';
import { initialize, type InitValue, Uniform } from '../../init/index.js';
import { evaluatePerNeuron } from '../neurons/builtin.js';
import { CalciumDetailed } from './calcium.js';
import { Channel, type ChannelParam } from './channel.js';

/** Faraday constant and gas constant in BrainPy's units. */
const FARADAY = 96.489;
const GAS_CONSTANT = 8.31441;

export interface CondNeuGroupOptions extends EquationGroupOptions {
  /** Membrane capacitance (uF/cm^2). */
  C?: ParamValue;
  /** Membrane area (cm^2): the input (nA) becomes a current density input * 1e-3 / A. */
  A?: ParamValue;
  /** Spike detection: upward crossing of V_th (mV). */
  V_th?: ParamValue;
  /** Default: Uniform(-70, -60). */
  V_initializer?: InitValue;
  /** Channels and calcium pools by name, as BrainPy's keyword arguments (INa, IK, IL, Ca, ...). */
  [channel: string]: Channel | CalciumDetailed | ParamValue | InitValue | string | undefined;
}

const OPTIONS = ['C', 'A', 'V_th', 'V_initializer', 'method', 'name', 'dtype', 'backend'];

/** Rewrites an expression written in a channel's own names into the group's names. */
function rename(source: string, names: (symbol: string) => Expr | undefined, where: string): string {
  const expr = parseExpression(source);
  return show(
    substitute(expr, (name) => {
      const replaced = names(name);
      if (replaced === undefined) throw new EquationError(`${where}: unknown symbol '${name}' in ${source}`);
      return replaced;
    }),
  );
}

interface Part {
  prefix: string;
  channel: Channel;
  calcium?: { prefix: string; pool: CalciumDetailed };
}

/**
 * A conductance-based neuron assembled from ion channels (BrainPy's CondNeuGroup):
 *   C dV/dt = sum of the channel currents + input * 1e-3 / A
 * with a spike at each upward crossing of V_th. The channels' equations are composed into one
 * model: a channel named INa contributes states INa_p, INa_q and parameters INa_g_max, ...; a
 * calcium pool named Ca contributes Ca_C and the currents of its channels (Ca_ICaT_p, ...). The
 * group is then an EquationGroup like any other: one fused kernel, exp_auto on every state.
 * Gates start at their steady state for the initial V (and calcium), as after BrainPy's reset_state.
 */
export class CondNeuGroup extends EquationGroup {
  readonly channels: Readonly<Record<string, Channel | CalciumDetailed>>;

  constructor(size: Size, options: CondNeuGroupOptions = {}) {
    const n = sizeToNum(size);
    const channels: Record<string, Channel | CalciumDetailed> = {};
    for (const [key, value] of Object.entries(options)) {
      if (value instanceof Channel || value instanceof CalciumDetailed) {
        if (value.num !== n) throw new ParameterError(`CondNeuGroup channel '${key}' (${value.kind}) has ${value.num} neurons, the group ${n}`);
        channels[key] = value;
      } else if (!OPTIONS.includes(key)) {
        throw new ParameterError(`CondNeuGroup has no option '${key}' (options: ${OPTIONS.join(', ')}; channels are Channel or CalciumDetailed objects)`);
      }
    }
    const { C = 1, A = 1e-3, V_th = 0, V_initializer, method, name, dtype, backend } = options as CondNeuGroupOptions;
    const V = Float64Array.from(initialize((V_initializer as InitValue | undefined) ?? new Uniform(-70, -60), n, 'float64', 'CondNeuGroup V_initializer'));
    const params: Record<string, ParamValue> = { C: C as ParamValue, A: A as ParamValue, V_th: V_th as ParamValue };
    const initial: Record<string, FloatArray> = { V };
    const equations: Record<string, string> = {};
    const calciumLevels: Record<string, Float64Array> = {};

    const parts: Part[] = [];
    for (const [key, item] of Object.entries(channels)) {
      if (item instanceof Channel) {
        if (item.template.calcium) throw new ParameterError(`CondNeuGroup channel '${key}' (${item.kind}) needs calcium: put it inside a CalciumDetailed`);
        parts.push({ prefix: key, channel: item });
        continue;
      }
      for (const [p, value] of Object.entries(item.params)) params[`${key}_${p}`] = resolve(value, n, `CalciumDetailed ${p}`);
      calciumLevels[key] = Float64Array.from(initialize(item.C_initializer, n, 'float64', `${key} C_initializer`));
      initial[`${key}_C`] = calciumLevels[key];
      for (const [child, channel] of Object.entries(item.channels)) parts.push({ prefix: `${key}_${child}`, channel, calcium: { prefix: key, pool: item } });
    }

    const currents: Record<string, string> = {};
    for (const { prefix, channel, calcium } of parts) {
      const { states, current } = channel.template;
      const local = (symbol: string): Expr | undefined => {
        if (symbol === 'V' || symbol === 't') return sym(symbol);
        if (symbol in states || symbol in channel.params) return sym(`${prefix}_${symbol}`);
        if (calcium && symbol === 'C_Ca') return sym(`${calcium.prefix}_C`);
        if (calcium && symbol === 'E_Ca') return parseExpression(reversal(calcium.prefix));
        return undefined;
      };
      const where = `CondNeuGroup channel '${prefix}' (${channel.kind})`;
      for (const [p, value] of Object.entries(channel.params)) params[`${prefix}_${p}`] = value;
      for (const [s, { rhs }] of Object.entries(states)) equations[`${prefix}_${s}`] = rename(rhs, local, where);
      currents[prefix] = rename(current, local, where);
      const values: Record<string, ArrayLike<number> | number> = { ...channel.params, V, ...(calcium ? { C_Ca: calciumLevels[calcium.prefix] } : {}) };
      for (const [s, { init }] of Object.entries(states)) initial[`${prefix}_${s}`] = evaluatePerNeuron(init, values, n);
    }

    const total = (prefixes: string[]) => prefixes.map((p) => `(${currents[p]})`).join(' + ') || '0';
    const membrane = `(input * (0.001 / A) + ${total(Object.keys(currents))}) / C`;
    const calciumEquations: Record<string, string> = {};
    for (const [key, item] of Object.entries(channels)) {
      if (!(item instanceof CalciumDetailed)) continue;
      const own = Object.keys(item.channels).map((child) => `${key}_${child}`);
      calciumEquations[`${key}_C`] = `max(-(${total(own)}) / (2 * ${FARADAY} * ${key}_d), 0) + (${key}_C_rest - ${key}_C) / ${key}_tau`;
    }
    const model = defineModel(
      'CondNeuGroup',
      { equations: { V: membrane, ...calciumEquations, ...equations }, inputs: ['input'], threshold: 'V >= V_th', thresholdCrossing: true },
      Object.keys(params),
    );
    super(size, model, params, initial, {
      method: method as string | undefined,
      name: name as string | undefined,
      dtype: dtype as EquationGroupOptions['dtype'],
      backend: backend as EquationGroupOptions['backend'],
    });
    this.channels = channels;
  }
}

/** The Nernst potential of calcium for the pool named `prefix`. */
function reversal(prefix: string): string {
  return `${GAS_CONSTANT / (2 * FARADAY)} * (273.15 + ${prefix}_T) * log(${prefix}_C0 / ${prefix}_C)`;
}

function resolve(value: ChannelParam, n: number, what: string): ParamValue {
  return typeof value === 'number' ? value : Float64Array.from(initialize(value, n, 'float64', what));
}
