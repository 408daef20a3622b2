import { GLShortMemory } from '../../integrators/fde.js';
import type { FloatArray } from '../../core/matrix.js';
import type { Size } from '../../core/neu-group.js';
import { initialize, type InitValue } from '../../init/index.js';
import { FractionalNeuron, type FractionalNeuronOptions } from './fractional-neuron.js';

export interface FractionalFHROptions extends Omit<FractionalNeuronOptions, 'num_memory'> {
  num_memory?: number;
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  delta?: number;
  mu?: number;
  Vth?: number;
  V_initializer?: InitValue;
  w_initializer?: InitValue;
  y_initializer?: InitValue;
}

/**
 * The fractional-order FitzHugh-Rinzel bursting neuron (Mondal et al. 2019; BrainPy's
 * FractionalFHR), integrated with the Grünwald-Letnikov short-memory scheme:
 *   D^alpha V = V - V^3/3 - w + y + I,  D^alpha w = delta (a + V - b w),  D^alpha y = mu (c - V - d y),
 * with a spike at each upward crossing of Vth (no reset). Defaults are BrainPy's.
 */
export class FractionalFHR extends FractionalNeuron {
  readonly V: FloatArray;
  readonly w: FloatArray;
  readonly y: FloatArray;
  readonly p: { a: number; b: number; c: number; d: number; delta: number; mu: number; Vth: number };

  constructor(size: Size, options: FractionalFHROptions) {
    const { num_memory = 1000, a = 0.7, b = 0.8, c = -0.775, d = 1, delta = 0.08, mu = 0.0001, Vth = 1.8, V_initializer = 2.5, w_initializer = 0, y_initializer = 0, ...rest } = options;
    super(size, ['V', 'w', 'y'], { ...rest, num_memory }, (n, alpha, memory, dt, y0) => new GLShortMemory(n, alpha, memory, dt, y0));
    this.p = { a, b, c, d, delta, mu, Vth };
    this.V = this.addVariable('V', initialize(V_initializer, this.num, 'float64', 'FractionalFHR V_initializer'));
    this.w = this.addVariable('w', initialize(w_initializer, this.num, 'float64', 'FractionalFHR w_initializer'));
    this.y = this.addVariable('y', initialize(y_initializer, this.num, 'float64', 'FractionalFHR y_initializer'));
  }

  protected derivatives(): void {
    const { a, b, c, d, delta, mu } = this.p;
    const n = this.num;
    for (let k = 0; k < n; k++) {
      const V = this.V[k];
      this.dydt[k] = V - (V * V * V) / 3 - this.w[k] + this.y[k] + this.input[k];
      this.dydt[n + k] = delta * (a + V - b * this.w[k]);
      this.dydt[2 * n + k] = mu * (c - V - d * this.y[k]);
    }
  }

  protected afterStep(_t: number, old: Float64Array): number {
    let count = 0;
    for (let k = 0; k < this.num; k++) {
      const spike = this.V[k] >= this.p.Vth && old[k] < this.p.Vth;
      this.spike[k] = spike ? 1 : 0;
      if (spike) this.spikeList[count++] = k;
    }
    return count;
  }
}
