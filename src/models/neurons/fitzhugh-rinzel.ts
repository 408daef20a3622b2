import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * FitzHugh-Rinzel neuron (Rinzel 1987; Izhikevich & FitzHugh, Scholarpedia 2006): FitzHugh-Nagumo
 * with a slow third variable y that makes it burst:
 *   dV/dt = V - V^3/3 - w + y + I,  dw/dt = delta (a + V - b w),  dy/dt = mu (c - V - d y)
 * BrainPy has no such neuron; the names follow FHN and the defaults are the Scholarpedia
 * bursting set. A spike is an upward crossing of Vth.
 */
export const FITZHUGH_RINZEL_MODEL = defineModel(
  'FitzHughRinzel',
  {
    equations: { V: 'V - V * V * V / 3 - w + y + input', w: 'delta * (a + V - b * w)', y: 'mu * (c - V - d * y)' },
    inputs: ['input'],
    threshold: 'V >= Vth',
    thresholdCrossing: true,
  },
  ['a', 'b', 'c', 'd', 'delta', 'mu', 'Vth'],
);

export interface FitzHughRinzelOptions extends EquationGroupOptions {
  a?: ParamValue;
  b?: ParamValue;
  c?: ParamValue;
  d?: ParamValue;
  /** Rate of the recovery variable w. */
  delta?: ParamValue;
  /** Rate of the slow variable y. */
  mu?: ParamValue;
  Vth?: ParamValue;
  V_initializer?: InitValue;
  w_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: FITZHUGH_RINZEL_MODEL,
  defaults: { a: 0.7, b: 0.8, c: -0.775, d: 1, delta: 0.08, mu: 0.0001, Vth: 1 },
  initial: { V: ['V_initializer', 0], w: ['w_initializer', 0], y: ['y_initializer', 0] },
};

export class FitzHughRinzel extends EquationGroup {
  constructor(size: Size, options: FitzHughRinzelOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
