import { defineModel } from '../../core/model.js';
import { requirePositive, requireInRange } from '../../core/errors.js';
import { ShortTermPlasticity } from './plasticity.js';

/** Tsodyks-Markram release probability u and resources x between spikes. */
export const STP_MODEL = defineModel('STP', { equations: { u: '-u / tau_f', x: '(1 - x) / tau_d' } }, ['tau_f', 'tau_d']);

export interface STPOptions {
  /** Increment of u per spike. Default 0.15. */
  U?: number;
  /** Facilitation time constant (ms). Default 1500. */
  tau_f?: number;
  /** Depression time constant (ms). Default 200. */
  tau_d?: number;
  method?: string;
}

/**
 * Short-term plasticity of Tsodyks & Markram (1998), BrainPy's synplast.STP with its documented
 * equations: du/dt = -u / tau_f, dx/dt = (1 - x) / tau_d; at an arriving spike first
 * u -> u + U (1 - u), then x -> x - u x. The contribution is multiplied by u x after the
 * spike, as BrainPy's `filter` does.
 *
 * Two deliberate departures from BrainPy 2.3's code, both towards the documented model: its
 * integrator uses du/dt = U - u / tau_f (which drives u towards U tau_f, far above 1), and it
 * starts u at U; here u relaxes to 0 and starts at 0, so a first spike sets u = U.
 */
export class STP extends ShortTermPlasticity {
  readonly U: number;
  readonly tau_f: number;
  readonly tau_d: number;
  private u = new Float64Array(0);
  private x = new Float64Array(0);

  constructor({ U = 0.15, tau_f = 1500, tau_d = 200, method = 'exp_auto' }: STPOptions = {}) {
    super(STP_MODEL, { tau_f: requirePositive(tau_f, 'STP tau_f (ms)'), tau_d: requirePositive(tau_d, 'STP tau_d (ms)') }, method);
    this.U = requireInRange(U, 0, 1, 'STP U');
    this.tau_f = tau_f;
    this.tau_d = tau_d;
  }

  variables(): Record<string, Float64Array> {
    return { u: this.u, x: this.x };
  }

  protected allocate(numPre: number): Record<string, Float64Array> {
    this.u = new Float64Array(numPre);
    this.x = new Float64Array(numPre).fill(1);
    return { u: this.u, x: this.x };
  }

  protected onSpike(i: number): void {
    this.u[i] += this.U * (1 - this.u[i]);
    this.x[i] -= this.u[i] * this.x[i];
  }

  protected computeEfficacy(): void {
    for (let i = 0; i < this.u.length; i++) this.efficacy[i] = this.u[i] * this.x[i];
  }
}
