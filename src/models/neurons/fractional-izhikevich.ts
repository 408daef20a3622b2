import { CaputoL1Memory } from '../../integrators/fde.js';
import type { FloatArray } from '../../core/matrix.js';
import type { Size } from '../../core/neu-group.js';
import { initialize, type InitValue } from '../../init/index.js';
import { FractionalNeuron, type FractionalNeuronOptions } from './fractional-neuron.js';

export interface FractionalIzhikevichOptions extends FractionalNeuronOptions {
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  f?: number;
  g?: number;
  h?: number;
  R?: number;
  tau?: number;
  V_th?: number;
  V_initializer?: InitValue;
  u_initializer?: InitValue;
}

/**
 * The fractional-order Izhikevich neuron (Teka, Upadhyay & Mondal 2018; BrainPy's
 * FractionalIzhikevich), integrated with the Caputo L1 scheme:
 *   D^alpha V = (f V^2 + g V + h - u + R I) / tau,  D^alpha u = a (b V - u) / tau,
 * spike when V >= V_th, then V = c and u += d. Defaults are BrainPy's; with alpha = 1 it is the
 * Izhikevich model under forward Euler.
 */
export class FractionalIzhikevich extends FractionalNeuron {
  readonly V: FloatArray;
  readonly u: FloatArray;
  readonly t_last_spike: Float64Array;
  readonly p: Required<Omit<FractionalIzhikevichOptions, keyof FractionalNeuronOptions | 'V_initializer' | 'u_initializer'>>;

  constructor(size: Size, options: FractionalIzhikevichOptions) {
    const { a = 0.02, b = 0.2, c = -65, d = 8, f = 0.04, g = 5, h = 140, R = 1, tau = 1, V_th = 30, V_initializer = -65, u_initializer = 0.2 * -65, ...rest } = options;
    super(size, ['V', 'u'], rest, (n, alpha, memory, dt, y0) => new CaputoL1Memory(n, alpha, memory, dt, y0));
    this.p = { a, b, c, d, f, g, h, R, tau, V_th };
    this.V = this.addVariable('V', initialize(V_initializer, this.num, 'float64', 'FractionalIzhikevich V_initializer'));
    this.u = this.addVariable('u', initialize(u_initializer, this.num, 'float64', 'FractionalIzhikevich u_initializer'));
    this.t_last_spike = new Float64Array(this.num).fill(-1e7);
    this.registerVariable('t_last_spike', this.t_last_spike);
  }

  protected derivatives(): void {
    const { a, b, f, g, h, R, tau } = this.p;
    const n = this.num;
    for (let k = 0; k < n; k++) {
      const V = this.V[k];
      const u = this.u[k];
      this.dydt[k] = (f * V * V + g * V + h - u + R * this.input[k]) / tau;
      this.dydt[n + k] = (a * (b * V - u)) / tau;
    }
  }

  protected afterStep(t: number): number {
    const { c, d, V_th } = this.p;
    let count = 0;
    for (let k = 0; k < this.num; k++) {
      const spike = this.V[k] >= V_th;
      this.spike[k] = spike ? 1 : 0;
      if (spike) {
        this.V[k] = c;
        this.u[k] += d;
        this.t_last_spike[k] = t;
        this.spikeList[count++] = k;
      }
    }
    return count;
  }
}
