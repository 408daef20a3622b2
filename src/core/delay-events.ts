import type { Connectivity } from '../connect/connector.js';
import { ParameterError } from './errors.js';
import type { FloatArray } from './matrix.js';

/**
 * Heterogeneous (per-connection) transmission delays for synapses whose state lives on the
 * postsynaptic side: when presynaptic neuron i spikes, connection k (pre2post order) schedules its
 * weight into the slot `delays[k]` steps ahead of a ring of postsynaptic buffers; each step the
 * current slot is added to the target and cleared. Memory is (max delay + 1) x numPost, cost is
 * one add per synaptic event plus numPost per step. A delay of d steps delivers exactly as the
 * homogeneous `delay_step = d` does.
 */
export class DelayedEvents {
  readonly delays: Int32Array;
  readonly maxDelay: number;
  private readonly ring: Float64Array[];
  private head = 0;

  constructor(
    private readonly conn: Connectivity,
    delays: ArrayLike<number>,
    where: string,
  ) {
    if (delays.length !== conn.numConnections) {
      throw new ParameterError(`${where}: delay_step has ${delays.length} values for ${conn.numConnections} connections (one per connection, in pre2post order)`);
    }
    let max = 0;
    for (let k = 0; k < delays.length; k++) {
      const d = delays[k];
      if (!Number.isInteger(d) || d < 0) throw new ParameterError(`${where}: delay_step[${k}] must be a non-negative integer number of steps, got ${d}`);
      max = Math.max(max, d);
    }
    this.delays = Int32Array.from(delays);
    this.maxDelay = max;
    this.ring = Array.from({ length: max + 1 }, () => new Float64Array(conn.numPost));
  }

  /**
   * Schedule the events of this step's presynaptic spikes, weight per connection (or one weight),
   * optionally multiplied by a per-presynaptic factor.
   */
  schedule(spikes: Int32Array, weight: number | FloatArray, scale?: Float64Array): void {
    const { indptr, indices } = this.conn.pre2post;
    const length = this.ring.length;
    for (let s = 0; s < spikes.length; s++) {
      const i = spikes[s];
      const factor = scale ? scale[i] : 1;
      for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) {
        const w = typeof weight === 'number' ? weight : weight[k];
        this.ring[(this.head + this.delays[k]) % length][indices[k]] += w * factor;
      }
    }
  }

  /** Add what arrives now to `target`, then move on to the next step. */
  deliver(target: FloatArray): void {
    const slot = this.ring[this.head];
    for (let j = 0; j < slot.length; j++) target[j] += slot[j];
    slot.fill(0);
    this.head = (this.head + 1) % this.ring.length;
  }
}
