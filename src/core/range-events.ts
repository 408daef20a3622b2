import type { Connectivity } from '../connect/connector.js';
import type { FloatArray } from './matrix.js';
import { lowerBound } from './sorted.js';

/**
 * The spike events of a fused synapse, described so that each kernel thread can add them to its
 * own range of postsynaptic neurons. Otherwise the main thread writes into every thread's range
 * of the increment arrays each step, and those cache lines cross between cores twice per step.
 */
export interface EventPathway {
  /** The presynaptic group's spike list (its first `spikeCount()` entries are the last step's spikes). */
  readonly spikeList: Int32Array;
  readonly spikeCount: () => number;
  /** The presynaptic population is the group's neurons [preStart, preEnd), numbered from preStart. */
  readonly preStart: number;
  readonly preEnd: number;
  readonly conn: Connectivity;
  /** One weight, or one per connection in pre2post order. */
  readonly weight: number | FloatArray;
  /** Where the weighted events are summed, one value per postsynaptic neuron. */
  readonly increment: FloatArray;
}

/** Whether a worker can read the pathway's spikes and write its increments (both in shared memory). */
export function isShareable(pathway: EventPathway): boolean {
  return pathway.spikeList.buffer instanceof SharedArrayBuffer && pathway.increment.buffer instanceof SharedArrayBuffer;
}

/** One range's share of a pathway: only the connections onto its neurons, in pre2post order. Plain data, sent to a worker. */
export interface RangeEvents {
  readonly spikeList: Int32Array;
  readonly preStart: number;
  readonly preEnd: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  /** The per-connection weights of these connections, or undefined for the one `weight`. */
  readonly weights: FloatArray | undefined;
  readonly weight: number;
  readonly increment: FloatArray;
}

/** The connections of a pathway onto postsynaptic neurons [start, end). */
export function eventsInRange(pathway: EventPathway, start: number, end: number): RangeEvents {
  const { indptr, indices, numRows } = pathway.conn.pre2post;
  const inRange = (k: number) => indices[k] >= start && indices[k] < end;
  const ptr = new Int32Array(numRows + 1);
  for (let r = 0; r < numRows; r++) {
    let count = 0;
    for (let k = indptr[r]; k < indptr[r + 1]; k++) if (inRange(k)) count++;
    ptr[r + 1] = ptr[r] + count;
  }
  const own = new Int32Array(ptr[numRows]);
  const perConnection = typeof pathway.weight === 'number' ? undefined : pathway.weight;
  const weights = perConnection && new (perConnection.constructor as new (n: number) => FloatArray)(own.length);
  let next = 0;
  for (let k = 0; k < indices.length; k++) {
    if (!inRange(k)) continue;
    if (weights && perConnection) weights[next] = perConnection[k];
    own[next++] = indices[k];
  }
  const { spikeList, preStart, preEnd, increment } = pathway;
  return { spikeList, preStart, preEnd, indptr: ptr, indices: own, weights, weight: typeof pathway.weight === 'number' ? pathway.weight : 0, increment };
}

/**
 * Add the events of the source group's first `count` listed spikes to the range's increments.
 * Spikes are taken in list order and each row in pre2post order, as addSpikeEvents does, so
 * every neuron receives the same additions in the same order as from one thread.
 */
export function deliverRangeEvents(events: RangeEvents, count: number): void {
  const { spikeList, preStart, preEnd, indptr, indices, weights, weight, increment } = events;
  // Spike lists are ascending, so the presynaptic population's spikes are one run of the list.
  const to = lowerBound(spikeList, preEnd, count);
  for (let s = lowerBound(spikeList, preStart, count); s < to; s++) {
    const i = spikeList[s] - preStart;
    if (weights) for (let k = indptr[i], e = indptr[i + 1]; k < e; k++) increment[indices[k]] += weights[k];
    else for (let k = indptr[i], e = indptr[i + 1]; k < e; k++) increment[indices[k]] += weight;
  }
}
