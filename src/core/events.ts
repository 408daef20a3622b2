import { type Connectivity, SparseConnectivity } from '../connect/connector.js';
import { arenaOf } from '../wasm/arena.js';
import type { FloatArray } from './matrix.js';

/**
 * Event-driven propagation: for every presynaptic spike, add the weight of each of its outgoing
 * connections to the postsynaptic target array. Cost is proportional to the number of synaptic
 * events; all-to-all connectivity with one weight costs O(spikes + numPost).
 */
export function addSpikeEvents(
  target: FloatArray,
  spikes: Int32Array,
  conn: Connectivity,
  weight: number | FloatArray,
): void {
  if (spikes.length === 0) return;
  if (conn.allToAll && typeof weight === 'number') {
    addAllToAll(target, spikes, conn, weight);
    return;
  }
  const { indptr, indices } = conn.pre2post;
  if (typeof weight !== 'number') addHeterogeneous(target, spikes, indptr, indices, weight);
  // Explicit connections into a WebAssembly group's array: the same additions in a WebAssembly loop.
  else if (!(conn instanceof SparseConnectivity && arenaOf(target)?.addEvents(target, spikes, conn.pre2post, weight))) {
    addHomogeneous(target, spikes, indptr, indices, weight);
  }
}

/**
 * Prepares what addSpikeEvents will use for these events, so that it is not done in the first
 * step: the WebAssembly copy of the connections when `target` is a WebAssembly group's array.
 */
export function prepareSpikeEvents(target: FloatArray, conn: Connectivity, weight: number | FloatArray): void {
  if (typeof weight === 'number' && conn instanceof SparseConnectivity) arenaOf(target)?.prepareEvents(conn.pre2post);
}

function addHomogeneous(target: FloatArray, spikes: Int32Array, indptr: Int32Array, indices: Int32Array, w: number): void {
  for (let s = 0; s < spikes.length; s++) {
    const i = spikes[s];
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) target[indices[k]] += w;
  }
}

function addHeterogeneous(target: FloatArray, spikes: Int32Array, indptr: Int32Array, indices: Int32Array, w: FloatArray): void {
  for (let s = 0; s < spikes.length; s++) {
    const i = spikes[s];
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) target[indices[k]] += w[k];
  }
}

function addAllToAll(target: FloatArray, spikes: Int32Array, conn: Connectivity, w: number): void {
  const total = w * spikes.length;
  for (let j = 0; j < conn.numPost; j++) target[j] += total;
  if (!conn.includeSelf) {
    for (let s = 0; s < spikes.length; s++) if (spikes[s] < conn.numPost) target[spikes[s]] -= w;
  }
}
