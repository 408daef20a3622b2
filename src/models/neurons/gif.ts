import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * Generalized integrate-and-fire neuron (BrainPy's GIF, Mihalas & Niebur 2009):
 *   dI1/dt = -k1 I1,  dI2/dt = -k2 I2
 *   dV_th/dt = a (V - V_rest) - b (V_th - V_th_inf)
 *   tau dV/dt = -(V - V_rest) + R (I + I1 + I2)
 * spike when V >= V_th; then V = V_reset, I1 = R1 I1 + A1, I2 = R2 I2 + A2 and
 * V_th = max(V_th, V_th_reset). The threshold V_th is a state (set it with Vth_initializer).
 */
export const GIF_MODEL = defineModel(
  'GIF',
  {
    equations: {
      I1: '-k1 * I1',
      I2: '-k2 * I2',
      V_th: 'a * (V - V_rest) - b * (V_th - V_th_inf)',
      V: '(-(V - V_rest) + R * input + R * I1 + R * I2) / tau',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset', I1: 'R1 * I1 + A1', I2: 'R2 * I2 + A2', V_th: 'max(V_th, V_th_reset)' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th_inf', 'V_th_reset', 'R', 'tau', 'a', 'b', 'k1', 'k2', 'R1', 'R2', 'A1', 'A2', 'tau_ref'],
);

export interface GIFOptions extends EquationGroupOptions {
  V_rest?: ParamValue;
  V_reset?: ParamValue;
  /** Equilibrium of the threshold (mV). */
  V_th_inf?: ParamValue;
  /** Lower bound the threshold is raised to at a spike (mV). */
  V_th_reset?: ParamValue;
  R?: ParamValue;
  tau?: ParamValue;
  /** Threshold adaptation to V (1/ms). */
  a?: ParamValue;
  /** Threshold relaxation rate (1/ms). */
  b?: ParamValue;
  k1?: ParamValue;
  k2?: ParamValue;
  R1?: ParamValue;
  R2?: ParamValue;
  A1?: ParamValue;
  A2?: ParamValue;
  /** Not in BrainPy's GIF; none by default. */
  tau_ref?: number;
  V_initializer?: InitValue;
  I1_initializer?: InitValue;
  I2_initializer?: InitValue;
  Vth_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: GIF_MODEL,
  defaults: {
    V_rest: -70, V_reset: -70, V_th_inf: -50, V_th_reset: -60, R: 20, tau: 20, a: 0, b: 0.01,
    k1: 0.2, k2: 0.02, R1: 0, R2: 1, A1: 0, A2: 0, tau_ref: undefined,
  },
  positive: ['tau'],
  initial: { I1: ['I1_initializer', 0], I2: ['I2_initializer', 0], V_th: ['Vth_initializer', -50], V: ['V_initializer', -70] },
};

export class GIF extends EquationGroup {
  constructor(size: Size, options: GIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
