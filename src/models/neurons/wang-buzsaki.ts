import { defineModel } from '../../core/model.js';
import { EquationGroup, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import type { HHConductanceOptions } from './hh.js';
import { builtinArgs, type BuiltinSpec } from './builtin.js';
import { gateInf, gateRhs } from './gating.js';

const M_ALPHA = '-0.1 * (V + 35) / (exp(-0.1 * (V + 35)) - 1)';
const M_BETA = '4 * exp(-(V + 60) / 18)';

/**
 * Wang-Buzsaki interneuron (BrainPy's WangBuzsakiModel, Wang & Buzsaki 1996): a fast-spiking
 * HH-type cell whose sodium activation is instantaneous (m = m_inf(V)):
 *   C dV/dt = -gNa m_inf^3 h (V - ENa) - gK n^4 (V - EK) - gL (V - EL) + I
 *   dh/dt = phi (alpha_h (1 - h) - beta_h h),  dn/dt = phi (alpha_n (1 - n) - beta_n n)
 * A spike is an upward crossing of V_th.
 */
export const WANG_BUZSAKI_MODEL = defineModel(
  'WangBuzsaki',
  {
    equations: {
      V: `(-gNa * (${gateInf(M_ALPHA, M_BETA)}) ** 3 * h * (V - ENa) - gK * n ** 4 * (V - EK) - gL * (V - EL) + input) / C`,
      h: gateRhs('h', '0.07 * exp(-(V + 58) / 20)', '1 / (exp(-0.1 * (V + 28)) + 1)', 'phi'),
      n: gateRhs('n', '-0.01 * (V + 34) / (exp(-0.1 * (V + 34)) - 1)', '0.125 * exp(-(V + 44) / 80)', 'phi'),
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  ['ENa', 'gNa', 'EK', 'gK', 'EL', 'gL', 'V_th', 'phi', 'C'],
);

export interface WangBuzsakiOptions extends HHConductanceOptions {
  /** Temperature factor of h and n. */
  phi?: ParamValue;
  /** Default: -65. */
  V_initializer?: InitValue;
  /** Default: 0.6. */
  h_initializer?: InitValue;
  /** Default: 0.32. */
  n_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: WANG_BUZSAKI_MODEL,
  defaults: { ENa: 55, gNa: 35, EK: -90, gK: 9, EL: -65, gL: 0.1, V_th: 20, phi: 5, C: 1 },
  positive: ['C'],
  initial: { V: ['V_initializer', -65], h: ['h_initializer', 0.6], n: ['n_initializer', 0.32] },
};

export class WangBuzsaki extends EquationGroup {
  constructor(size: Size, options: WangBuzsakiOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}

/** BrainPy's name for the same model. */
export const WangBuzsakiModel = WangBuzsaki;
