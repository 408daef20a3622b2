import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * FitzHugh-Nagumo neuron (BrainPy's FHN):
 *   dV/dt = V - V^3/3 - w + I,  tau dw/dt = V + a - b w
 * A spike is an upward crossing of Vth (BrainPy's parameter name).
 */
export const FHN_MODEL = defineModel(
  'FHN',
  {
    equations: { V: 'V - V * V * V / 3 - w + input', w: '(V + a - b * w) / tau' },
    inputs: ['input'],
    threshold: 'V >= Vth',
    thresholdCrossing: true,
  },
  ['a', 'b', 'tau', 'Vth'],
);

export interface FHNOptions extends EquationGroupOptions {
  a?: ParamValue;
  b?: ParamValue;
  tau?: ParamValue;
  Vth?: ParamValue;
  V_initializer?: InitValue;
  w_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: FHN_MODEL,
  defaults: { a: 0.7, b: 0.8, tau: 12.5, Vth: 1.8 },
  positive: ['tau'],
  initial: { V: ['V_initializer', 0], w: ['w_initializer', 0] },
};

export class FHN extends EquationGroup {
  constructor(size: Size, options: FHNOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
