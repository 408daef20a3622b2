import { defineModel } from '../../core/model.js';
import { EquationGroup, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { builtinArgs, type BuiltinSpec, type IFOptions } from './builtin.js';

/**
 * Exponential integrate-and-fire neuron (BrainPy's ExpIF, Fourcaud-Trocme et al. 2003):
 *   tau dV/dt = -(V - V_rest) + delta_T exp((V - V_T) / delta_T) + R I,
 * spike when V >= V_th, then V = V_reset; V held for tau_ref ms when tau_ref is given.
 */
export const EXPIF_MODEL = defineModel(
  'ExpIF',
  {
    equations: { V: '(-(V - V_rest) + delta_T * exp((V - V_T) / delta_T) + R * input) / tau' },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'V_T', 'delta_T', 'R', 'tau', 'tau_ref'],
);

export interface ExpIFOptions extends IFOptions {
  /** Threshold of the exponential term (mV). */
  V_T?: ParamValue;
  /** Spike slope factor (mV). */
  delta_T?: ParamValue;
  R?: ParamValue;
}

const SPEC: BuiltinSpec = {
  model: EXPIF_MODEL,
  defaults: { V_rest: -65, V_reset: -68, V_th: -30, V_T: -59.9, delta_T: 3.48, R: 1, tau: 10, tau_ref: undefined },
  positive: ['tau', 'delta_T'],
  initial: { V: ['V_initializer', 0] },
};

export class ExpIF extends EquationGroup {
  constructor(size: Size, options: ExpIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
