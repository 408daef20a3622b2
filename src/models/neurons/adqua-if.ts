import { defineModel } from '../../core/model.js';
import { EquationGroup, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec, type IFOptions } from './builtin.js';

/**
 * Adaptive quadratic integrate-and-fire neuron (BrainPy's AdQuaIF, Izhikevich 2004):
 *   tau dV/dt = c (V - V_rest)(V - V_c) - w + I
 *   tau_w dw/dt = a (V - V_rest) - w
 * spike when V >= V_th, then V = V_reset and w += b. BrainPy has no refractory period here;
 * tau_ref (none by default) is an addition that holds V as in the other models.
 */
export const ADQUAIF_MODEL = defineModel(
  'AdQuaIF',
  {
    equations: {
      V: '(c * (V - V_rest) * (V - V_c) - w + input) / tau',
      w: '(a * (V - V_rest) - w) / tau_w',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset', w: 'w + b' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'V_c', 'a', 'b', 'c', 'tau', 'tau_w', 'tau_ref'],
);

export interface AdQuaIFOptions extends IFOptions {
  V_c?: ParamValue;
  a?: ParamValue;
  b?: ParamValue;
  c?: ParamValue;
  tau_w?: ParamValue;
  w_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: ADQUAIF_MODEL,
  defaults: { V_rest: -65, V_reset: -68, V_th: -30, V_c: -50, a: 1, b: 0.1, c: 0.07, tau: 10, tau_w: 10, tau_ref: undefined },
  positive: ['tau', 'tau_w'],
  initial: { V: ['V_initializer', 0], w: ['w_initializer', 0] },
};

export class AdQuaIF extends EquationGroup {
  constructor(size: Size, options: AdQuaIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
