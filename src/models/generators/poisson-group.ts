import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import { NeuGroup, type NeuGroupOptions, type Size } from '../../core/neu-group.js';
import { type RandomStream, streamFor } from '../../core/random.js';

export interface PoissonGroupOptions extends NeuGroupOptions {
  /** Rate in Hz: one for all neurons or one per neuron. */
  freqs?: number | ArrayLike<number>;
  /** Own random seed; by default drawn from the global stream (see `seed()`). */
  seed?: number;
}

/**
 * Independent Poisson spike trains (BrainPy's PoissonGroup): each step every neuron fires with
 * probability freqs * dt / 1000 (freqs in Hz, dt in ms). `freqs` is a state array, so it may
 * change during a run: assign to it between runs, or drive it with a runner input such as
 * `['P.freqs', (t) => ..., 'func', '=']`.
 */
export class PoissonGroup extends NeuGroup {
  readonly freqs: Float64Array;
  private readonly rng: RandomStream;

  constructor(size: Size, options: PoissonGroupOptions = {}) {
    const { freqs = 0, seed, ...rest } = options;
    super(size, rest);
    this.freqs = new Float64Array(this.num);
    if (typeof freqs === 'number') this.freqs.fill(freqs);
    else if (freqs.length !== this.num) throw new ParameterError(`PoissonGroup '${this.name}': freqs has ${freqs.length} values for ${this.num} neurons`);
    else this.freqs.set(freqs);
    const bad = this.freqs.find((f) => !(f >= 0) || !Number.isFinite(f));
    if (bad !== undefined) throw new ParameterError(`PoissonGroup '${this.name}': freqs must be finite rates >= 0 Hz, got ${bad}`);
    this.registerVariable('freqs', this.freqs);
    this.rng = streamFor(seed);
  }

  update(ctx: StepContext): void {
    const scale = ctx.dt / 1000;
    const { freqs, spike, spikeList, rng } = this;
    let count = 0;
    for (let k = 0; k < this.num; k++) {
      const fires = rng.random() < freqs[k] * scale;
      spike[k] = fires ? 1 : 0;
      if (fires) spikeList[count++] = k;
    }
    this.recordSpikes(count);
  }
}
