import { defineModel } from '../../core/model.js';
import { requirePositive, requireInRange } from '../../core/errors.js';
import { ShortTermPlasticity } from './plasticity.js';

/** Recovery of the available resources x towards 1 (BrainPy's STD). */
export const STD_MODEL = defineModel('STD', { equations: { x: '(1 - x) / tau' } }, ['tau']);

export interface STDOptions {
  /** Recovery time constant (ms). Default 200. */
  tau?: number;
  /** Fraction of the available resources used by one spike. Default 0.07. */
  U?: number;
  method?: string;
}

/**
 * Short-term depression (BrainPy's synplast.STD): dx/dt = (1 - x) / tau, and x -> x - U x at each
 * arriving spike. The synapse's contribution is multiplied by x after that step's depletion, as
 * BrainPy's `filter` does (so a first spike transmits 1 - U, not 1).
 */
export class STD extends ShortTermPlasticity {
  readonly tau: number;
  readonly U: number;
  private x = new Float64Array(0);

  constructor({ tau = 200, U = 0.07, method = 'exp_auto' }: STDOptions = {}) {
    super(STD_MODEL, { tau: requirePositive(tau, 'STD tau (ms)') }, method);
    this.tau = tau;
    this.U = requireInRange(U, 0, 1, 'STD U');
  }

  variables(): Record<string, Float64Array> {
    return { x: this.x };
  }

  protected allocate(numPre: number): Record<string, Float64Array> {
    this.x = new Float64Array(numPre).fill(1);
    return { x: this.x };
  }

  protected onSpike(i: number): void {
    this.x[i] -= this.U * this.x[i];
  }

  protected computeEfficacy(): void {
    this.efficacy.set(this.x);
  }
}
