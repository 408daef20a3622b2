import type { ParamValue } from '../../core/equation-group.js';
import { ParameterError } from '../../core/errors.js';
import { sizeToNum, type Size } from '../../core/neu-group.js';
import { type Initializer, initialize } from '../../init/index.js';

/** A channel parameter: one value, one per neuron, or an initialiser (e.g. Uniform for g_max). */
export type ChannelParam = ParamValue | Initializer;

/**
 * A channel's equations, in the channel's own names: its gating states (right-hand side and
 * initial value, both expressions of V, the parameters and, for calcium channels, C_Ca), and the
 * current it carries into the cell (BrainPy's sign: g (E - V)). CondNeuGroup renames the symbols
 * and sums the currents into the membrane equation, so that one fused kernel integrates it all.
 */
export interface ChannelTemplate {
  readonly states: Readonly<Record<string, { readonly rhs: string; readonly init: string }>>;
  readonly current: string;
  /** Uses C_Ca and E_Ca, the concentration and reversal potential of an enclosing Calcium. */
  readonly calcium?: boolean;
}

export abstract class Channel {
  readonly num: number;
  readonly params: Readonly<Record<string, number | Float64Array>>;

  constructor(
    size: Size,
    readonly kind: string,
    readonly template: ChannelTemplate,
    defaults: Readonly<Record<string, number>>,
    options: object,
  ) {
    this.num = sizeToNum(size);
    const given = options as Readonly<Record<string, ChannelParam | undefined>>;
    for (const key of Object.keys(given)) {
      if (!(key in defaults)) throw new ParameterError(`${kind} has no parameter '${key}'; its parameters are ${Object.keys(defaults).join(', ')}`);
    }
    const params: Record<string, number | Float64Array> = {};
    for (const [name, fallback] of Object.entries(defaults)) {
      const value = given[name] ?? fallback;
      params[name] = typeof value === 'number' ? value : Float64Array.from(initialize(value, this.num, 'float64', `${kind} ${name}`));
    }
    this.params = params;
  }
}

/** A number option (temperatures, bases of Q10 factors) that derived constants are computed from. */
export function scalarOption(value: ChannelParam | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new ParameterError(`${what} must be one number`);
  return value;
}
