import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * Threshold-linear excitatory/inhibitory rate model (BrainPy's rates.ThresholdLinearModel,
 * after Chaudhuri et al. 2015; time in seconds):
 *   tau_e de/dt = -e + beta_e [Ie]+,   tau_i di/dt = -i + beta_i [Ii]+
 * Ie and Ii are the input accumulators. BrainPy steps it with Euler (the default here too) and
 * clamps e, i at 0 after each step; from non-negative starts with dt < tau the Euler step can
 * never go negative, so no clamp is needed. BrainPy's optional noise terms are not included.
 */
export const THRESHOLD_LINEAR_MODEL = defineModel(
  'ThresholdLinearModel',
  {
    equations: { e: '(-e + beta_e * max(Ie, 0)) / tau_e', i: '(-i + beta_i * max(Ii, 0)) / tau_i' },
    inputs: ['Ie', 'Ii'],
  },
  ['tau_e', 'tau_i', 'beta_e', 'beta_i'],
);

export interface ThresholdLinearOptions extends EquationGroupOptions {
  tau_e?: ParamValue;
  tau_i?: ParamValue;
  /** Gain of the excitatory f-I curve. */
  beta_e?: ParamValue;
  beta_i?: ParamValue;
  e_initializer?: InitValue;
  i_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: THRESHOLD_LINEAR_MODEL,
  defaults: { tau_e: 2e-2, tau_i: 1e-2, beta_e: 0.066, beta_i: 0.351 },
  positive: ['tau_e', 'tau_i'],
  initial: { e: ['e_initializer', 0], i: ['i_initializer', 0] },
};

export class ThresholdLinearModel extends EquationGroup {
  constructor(size: Size, options: ThresholdLinearOptions = {}) {
    super(...builtinArgs(SPEC, size, { method: 'euler', ...options }));
  }
}
