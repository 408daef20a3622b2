import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * Morris-Lecar neuron (BrainPy's MorrisLecar, Morris & Lecar 1981):
 *   C dV/dt = -g_Ca M_inf (V - V_Ca) - g_K W (V - V_K) - g_leak (V - V_leak) + I
 *   dW/dt = phi cosh((V - V3) / (2 V4)) (W_inf - W)
 * with M_inf = (1 + tanh((V - V1)/V2))/2, W_inf = (1 + tanh((V - V3)/V4))/2. A spike is an
 * upward crossing of V_th.
 */
export const MORRIS_LECAR_MODEL = defineModel(
  'MorrisLecar',
  {
    equations: {
      V: '(-g_Ca * 0.5 * (1 + tanh((V - V1) / V2)) * (V - V_Ca) - g_K * W * (V - V_K) - g_leak * (V - V_leak) + input) / C',
      W: 'phi * cosh((V - V3) / (2 * V4)) * (0.5 * (1 + tanh((V - V3) / V4)) - W)',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  ['V_Ca', 'g_Ca', 'V_K', 'g_K', 'V_leak', 'g_leak', 'C', 'V1', 'V2', 'V3', 'V4', 'phi', 'V_th'],
);

export interface MorrisLecarOptions extends EquationGroupOptions {
  V_Ca?: ParamValue;
  g_Ca?: ParamValue;
  V_K?: ParamValue;
  g_K?: ParamValue;
  V_leak?: ParamValue;
  g_leak?: ParamValue;
  C?: ParamValue;
  V1?: ParamValue;
  V2?: ParamValue;
  V3?: ParamValue;
  V4?: ParamValue;
  /** Temperature factor of W (1/ms). */
  phi?: ParamValue;
  V_th?: ParamValue;
  /** Default: Uniform(-70, -60). */
  V_initializer?: InitValue;
  /** Default: 0.02. */
  W_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: MORRIS_LECAR_MODEL,
  defaults: { V_Ca: 130, g_Ca: 4.4, V_K: -84, g_K: 8, V_leak: -60, g_leak: 2, C: 20, V1: -1.2, V2: 18, V3: 2, V4: 30, phi: 0.04, V_th: 10 },
  positive: ['C'],
  initial: { V: ['V_initializer', () => new Uniform(-70, -60)], W: ['W_initializer', 0.02] },
};

export class MorrisLecar extends EquationGroup {
  constructor(size: Size, options: MorrisLecarOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
