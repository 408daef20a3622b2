import { ParameterError } from '../../core/errors.js';
import type { Model } from '../../core/model.js';
import { StateKernel } from '../synapses/state-kernel.js';

/**
 * Short-term plasticity attached to one synapse (its `stp` option), with one state per
 * presynaptic neuron as in BrainPy: every step the state relaxes, the presynaptic spikes that
 * arrive at the synapse this step deplete (or facilitate) it, and `efficacy[i]` is the factor
 * the synapse multiplies presynaptic neuron i's contribution with.
 */
export abstract class ShortTermPlasticity {
  /** Multiplier per presynaptic neuron, read after `update`. */
  efficacy = new Float64Array(0);
  private kernel: StateKernel | undefined;
  private numPre = 0;

  protected constructor(
    private readonly model: Model,
    private readonly params: Readonly<Record<string, number>>,
    private readonly method: string,
  ) {}

  /** Allocate the per-presynaptic state; a rule instance belongs to one synapse only. */
  attach(numPre: number, owner: string): void {
    if (this.kernel) throw new ParameterError(`${this.model.name} of ${owner}: this instance is already attached to another synapse; create one per synapse`);
    this.numPre = numPre;
    this.efficacy = new Float64Array(numPre);
    this.kernel = new StateKernel(this.model, this.params, this.allocate(numPre), this.method, `${this.model.name} of ${owner}`);
    this.computeEfficacy();
  }

  /** Relax, apply this step's arriving spikes, refresh the efficacy. */
  update(t: number, dt: number, spikes: Int32Array): void {
    if (!this.kernel) throw new ParameterError(`${this.model.name}: update() before attach()`);
    this.kernel.step(this.numPre, t, dt);
    for (let s = 0; s < spikes.length; s++) this.onSpike(spikes[s]);
    this.computeEfficacy();
  }

  /** The state arrays (named as in BrainPy), for monitors. */
  abstract variables(): Record<string, Float64Array>;

  protected abstract allocate(numPre: number): Record<string, Float64Array>;

  protected abstract onSpike(i: number): void;

  protected abstract computeEfficacy(): void;
}
