import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';

/**
 * Hindmarsh-Rose neuron (BrainPy's HindmarshRose, Hindmarsh & Rose 1984):
 *   dV/dt = y - a V^3 + b V^2 - z + I,  dy/dt = c - d V^2 - y,  dz/dt = r (s (V - V_rest) - z)
 * A spike is an upward crossing of V_th.
 */
export const HINDMARSH_ROSE_MODEL = defineModel(
  'HindmarshRose',
  {
    equations: {
      V: 'y - a * V * V * V + b * V * V - z + input',
      y: 'c - d * V * V - y',
      z: 'r * (s * (V - V_rest) - z)',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  ['a', 'b', 'c', 'd', 'r', 's', 'V_rest', 'V_th'],
);

export interface HindmarshRoseOptions extends EquationGroupOptions {
  a?: ParamValue;
  b?: ParamValue;
  c?: ParamValue;
  d?: ParamValue;
  /** Time scale of the slow adaptation z. */
  r?: ParamValue;
  s?: ParamValue;
  V_rest?: ParamValue;
  V_th?: ParamValue;
  V_initializer?: InitValue;
  /** Default: -10. */
  y_initializer?: InitValue;
  z_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: HINDMARSH_ROSE_MODEL,
  defaults: { a: 1, b: 3, c: 1, d: 5, r: 0.01, s: 4, V_rest: -1.6, V_th: 1 },
  initial: { V: ['V_initializer', 0], y: ['y_initializer', -10], z: ['z_initializer', 0] },
};

export class HindmarshRose extends EquationGroup {
  constructor(size: Size, options: HindmarshRoseOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
