import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';
import { gateRhs, steadyStateInit } from './gating.js';

/** Rate functions of the squid axon (1/ms, V in mV), as in BrainPy's HH. */
const RATES = {
  m: ['0.1 * (V + 40) / (1 - exp(-(V + 40) / 10))', '4 * exp(-(V + 65) / 18)'],
  h: ['0.07 * exp(-(V + 65) / 20)', '1 / (1 + exp(-(V + 35) / 10))'],
  n: ['0.01 * (V + 55) / (1 - exp(-(V + 55) / 10))', '0.125 * exp(-(V + 65) / 80)'],
} as const;

/**
 * Hodgkin-Huxley neuron (BrainPy's HH):
 *   C dV/dt = -gNa m^3 h (V - ENa) - gK n^4 (V - EK) - gL (V - EL) + I
 *   dx/dt = alpha_x(V) (1 - x) - beta_x(V) x for x = m, h, n.
 * A spike is an upward crossing of V_th; there is no reset. m, h and n start at their steady
 * states for the initial V unless initialisers are given.
 */
export const HH_MODEL = defineModel(
  'HH',
  {
    equations: {
      V: '(-gNa * m ** 3 * h * (V - ENa) - gK * n ** 4 * (V - EK) - gL * (V - EL) + input) / C',
      m: gateRhs('m', ...RATES.m),
      h: gateRhs('h', ...RATES.h),
      n: gateRhs('n', ...RATES.n),
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  ['ENa', 'gNa', 'EK', 'gK', 'EL', 'gL', 'V_th', 'C'],
);

/** The sodium, potassium and leak parameters shared by HH-type neurons (HH, WangBuzsaki). */
export interface HHConductanceOptions extends EquationGroupOptions {
  ENa?: ParamValue;
  gNa?: ParamValue;
  EK?: ParamValue;
  gK?: ParamValue;
  EL?: ParamValue;
  gL?: ParamValue;
  /** Spike detection threshold (upward crossing, mV). */
  V_th?: ParamValue;
  /** Membrane capacitance (uF/cm^2). */
  C?: ParamValue;
}

export interface HHOptions extends HHConductanceOptions {
  /** Default: Uniform(-70, -60). */
  V_initializer?: InitValue;
  /** Default: m_inf(V). */
  m_initializer?: InitValue;
  h_initializer?: InitValue;
  n_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: HH_MODEL,
  defaults: { ENa: 50, gNa: 120, EK: -77, gK: 36, EL: -54.387, gL: 0.03, V_th: 20, C: 1 },
  positive: ['C'],
  initial: {
    V: ['V_initializer', () => new Uniform(-70, -60)],
    m: ['m_initializer', steadyStateInit(...RATES.m)],
    h: ['h_initializer', steadyStateInit(...RATES.h)],
    n: ['n_initializer', steadyStateInit(...RATES.n)],
  },
};

export class HH extends EquationGroup {
  constructor(size: Size, options: HHOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
