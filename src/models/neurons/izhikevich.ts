import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * Izhikevich neuron (BrainPy's Izhikevich, Izhikevich 2003):
 *   dV/dt = 0.04 V^2 + 5 V + 140 - u + I,  du/dt = a (b V - u)
 * spike when V >= V_th, then V = c and u += d. As in BrainPy 2.3 (the seed's version), V starts
 * at 0 and u at 1 unless initialisers are given.
 */
export const IZHIKEVICH_MODEL = defineModel(
  'Izhikevich',
  {
    equations: { V: '0.04 * V * V + 5 * V + 140 - u + input', u: 'a * (b * V - u)' },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'c', u: 'u + d' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['a', 'b', 'c', 'd', 'V_th', 'tau_ref'],
);

export interface IzhikevichOptions extends EquationGroupOptions {
  /** Time scale of the recovery variable u (1/ms). */
  a?: ParamValue;
  /** Sensitivity of u to V. */
  b?: ParamValue;
  /** After-spike reset of V (mV). */
  c?: ParamValue;
  /** After-spike increment of u. */
  d?: ParamValue;
  V_th?: ParamValue;
  tau_ref?: number;
  V_initializer?: InitValue;
  u_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: IZHIKEVICH_MODEL,
  defaults: { a: 0.02, b: 0.2, c: -65, d: 8, V_th: 30, tau_ref: undefined },
  initial: { V: ['V_initializer', 0], u: ['u_initializer', 1] },
};

export class Izhikevich extends EquationGroup {
  constructor(size: Size, options: IzhikevichOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
