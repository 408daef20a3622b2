import { defineModel } from '../../core/model.js';
import { EquationGroup, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec, type IFOptions } from './builtin.js';

/**
 * Adaptive exponential integrate-and-fire neuron (BrainPy's AdExIF, Brette & Gerstner 2005):
 *   tau dV/dt = -V + V_rest + delta_T exp((V - V_T) / delta_T) - R w + R I
 *   tau_w dw/dt = a (V - V_rest) - w
 * spike when V >= V_th, then V = V_reset and w += b.
 * tau_ref defaults to none, as in BrainPy 2.3.2 and later (2.3.0-2.3.1 used 30 ms, which
 * forbids the bursting patterns of Gerstner's figure); only V is held during it.
 */
export const ADEXIF_MODEL = defineModel(
  'AdExIF',
  {
    equations: {
      V: '(-V + V_rest + delta_T * exp((V - V_T) / delta_T) - R * w + R * input) / tau',
      w: '(a * (V - V_rest) - w) / tau_w',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset', w: 'w + b' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'V_T', 'delta_T', 'a', 'b', 'R', 'tau', 'tau_w', 'tau_ref'],
);

export interface AdExIFOptions extends IFOptions {
  V_T?: ParamValue;
  delta_T?: ParamValue;
  /** Subthreshold adaptation coupling. */
  a?: ParamValue;
  /** Spike-triggered adaptation increment. */
  b?: ParamValue;
  R?: ParamValue;
  tau_w?: ParamValue;
  w_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: ADEXIF_MODEL,
  defaults: { V_rest: -65, V_reset: -68, V_th: -30, V_T: -59.9, delta_T: 3.48, a: 1, b: 1, R: 1, tau: 10, tau_w: 30, tau_ref: undefined },
  positive: ['tau', 'tau_w', 'delta_T'],
  initial: { V: ['V_initializer', 0], w: ['w_initializer', 0] },
};

export class AdExIF extends EquationGroup {
  constructor(size: Size, options: AdExIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
