import { SynOut } from './syn-out.js';

export interface MgBlockOptions {
  /** Reversal potential (mV). Default 0. */
  E?: number;
  /** Extracellular magnesium concentration (mM). Default 1.2. */
  cc_Mg?: number;
  /** Voltage sensitivity of the block (1/mV). Default 0.062. */
  alpha?: number;
  /** Magnesium sensitivity (mM). Default 3.57. */
  beta?: number;
}

/**
 * Magnesium-blocked conductance output (BrainPy's synouts.MgBlock, Jahr & Stevens 1990):
 *   I = g (E - V) / (1 + cc_Mg / beta * exp(-alpha V)), added to the postsynaptic input.
 */
export class MgBlock extends SynOut {
  constructor({ E = 0, cc_Mg = 1.2, alpha = 0.062, beta = 3.57 }: MgBlockOptions = {}) {
    super('MgBlock', 'g * (E - V) / (1 + cc_Mg / beta * exp(-alpha * V))', { E, cc_Mg, alpha, beta });
  }
}
