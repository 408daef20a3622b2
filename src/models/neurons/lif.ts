import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import { ParameterError } from '../../core/errors.js';
import { sizeToNum, type Size } from '../../core/neu-group.js';
import { initialize, type InitValue } from '../../init/index.js';

/**
 * Leaky integrate-and-fire neuron (BrainPy's LIF):
 *   tau dV/dt = -(V - V_rest) + R * I,  spike when V >= V_th, then V = V_reset,
 * with V held for tau_ref ms after a spike. Defaults are BrainPy's.
 */
export const LIF_MODEL = defineModel(
  'LIF',
  {
    equations: { V: '(-V + V_rest + R * input) / tau' },
    inputs: ['input'],
    threshold: 'V >= V_th',
    reset: { V: 'V_reset' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['V_rest', 'V_reset', 'V_th', 'R', 'tau', 'tau_ref'],
);

export interface LIFOptions extends EquationGroupOptions {
  V_rest?: ParamValue;
  V_reset?: ParamValue;
  V_th?: ParamValue;
  R?: ParamValue;
  /** Membrane time constant (ms). */
  tau?: ParamValue;
  /** Refractory period (ms); none when undefined or 0. */
  tau_ref?: number;
  /** Initial membrane potential: a number, one value per neuron, or an initialiser. */
  V_initializer?: InitValue;
}

function requirePositiveValues(value: ParamValue, what: string): ParamValue {
  const values = typeof value === 'number' ? [value] : Array.from(value);
  const bad = values.find((x) => !(x > 0));
  if (bad !== undefined) throw new ParameterError(`${what} must be positive, got ${bad}`);
  return value;
}

export class LIF extends EquationGroup {
  constructor(size: Size, options: LIFOptions = {}) {
    const { V_rest = 0, V_reset = -5, V_th = 20, R = 1, tau = 10, tau_ref, V_initializer = 0, ...rest } = options;
    if (tau_ref !== undefined && !(tau_ref >= 0)) throw new ParameterError(`LIF tau_ref must be >= 0 ms, got ${tau_ref}`);
    super(
      size,
      LIF_MODEL,
      { V_rest, V_reset, V_th, R, tau: requirePositiveValues(tau, 'LIF tau (ms)'), tau_ref },
      { V: initialize(V_initializer, sizeToNum(size), 'float64', 'LIF V_initializer') },
      rest,
    );
  }
}
