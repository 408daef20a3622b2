import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import { NeuGroup, type NeuGroupOptions, type Size } from '../../core/neu-group.js';

export interface SpikeTimeGroupOptions extends NeuGroupOptions {
  /** Spike times in ms, any order. */
  times: ArrayLike<number>;
  /** The neuron that fires at each time (same length as times). */
  indices: ArrayLike<number>;
}

/** Slack on the time comparison so that a spike at 0.3 ms is not pushed a step late by rounding of t. */
const TIME_SLACK = 1e-6;

/**
 * Neurons that fire at given times (BrainPy's SpikeTimeGroup): neuron indices[k] fires in the
 * first step whose start time t reaches times[k]. Several spikes of one neuron in one step count
 * once.
 */
export class SpikeTimeGroup extends NeuGroup {
  private readonly times: Float64Array;
  private readonly indices: Int32Array;
  private next = 0;
  private readonly seen: Uint8Array;

  constructor(size: Size, options: SpikeTimeGroupOptions) {
    const { times, indices, ...rest } = options;
    super(size, rest);
    if (times.length !== indices.length) {
      throw new ParameterError(`SpikeTimeGroup '${this.name}': ${times.length} times but ${indices.length} indices`);
    }
    const order = Array.from({ length: times.length }, (_, k) => k);
    order.forEach((k) => {
      if (!Number.isFinite(times[k])) throw new ParameterError(`SpikeTimeGroup '${this.name}': times[${k}] = ${times[k]} is not a finite time`);
      const i = indices[k];
      if (!Number.isInteger(i) || i < 0 || i >= this.num) {
        throw new ParameterError(`SpikeTimeGroup '${this.name}': indices[${k}] = ${i} is not a neuron index in [0, ${this.num})`);
      }
    });
    order.sort((a, b) => times[a] - times[b] || indices[a] - indices[b]);
    this.times = Float64Array.from(order, (k) => times[k]);
    this.indices = Int32Array.from(order, (k) => indices[k]);
    this.seen = new Uint8Array(this.num);
  }

  update(ctx: StepContext): void {
    const { spike, spikeList } = this;
    for (let k = 0; k < this.spikeCount; k++) spike[spikeList[k]] = 0;
    let count = 0;
    const limit = ctx.t + TIME_SLACK * ctx.dt;
    while (this.next < this.times.length && this.times[this.next] <= limit) {
      const i = this.indices[this.next++];
      if (!this.seen[i]) {
        this.seen[i] = 1;
        spike[i] = 1;
        spikeList[count++] = i;
      }
    }
    const fired = spikeList.subarray(0, count).sort();
    for (const i of fired) this.seen[i] = 0;
    this.recordSpikes(count);
  }
}
