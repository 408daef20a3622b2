import { defineModel } from '../../core/model.js';
import { EquationGroup, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { builtinArgs, type BuiltinSpec, type IFOptions } from './builtin.js';

/**
 * Quadratic integrate-and-fire neuron (BrainPy's QuaIF):
 *   tau dV/dt = c (V - V_rest)(V - V_c) + R I,
 * spike when V >= V_th, then V = V_reset. Without input V_c is the unstable fixed point: the
 * neuron fires from any V above it; with constant input it fires once R I > c (V_c - V_rest)^2 / 4.
 */
export const QUAIF_MODEL = defineModel(
  'QuaIF',
  {
    equations: { V: '(c * (V - V_rest) * (V - V_c) + R * input) / tau' },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'V_c', 'c', 'R', 'tau', 'tau_ref'],
);

export interface QuaIFOptions extends IFOptions {
  /** Critical voltage for spike initiation (mV). */
  V_c?: ParamValue;
  /** Coefficient of the quadratic term (1/mV). */
  c?: ParamValue;
  R?: ParamValue;
}

const SPEC: BuiltinSpec = {
  model: QUAIF_MODEL,
  defaults: { V_rest: -65, V_reset: -68, V_th: -30, V_c: -50, c: 0.07, R: 1, tau: 10, tau_ref: undefined },
  positive: ['tau'],
  initial: { V: ['V_initializer', 0] },
};

export class QuaIF extends EquationGroup {
  constructor(size: Size, options: QuaIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
