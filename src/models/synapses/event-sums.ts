import type { Connectivity } from '../../connect/connector.js';
import { addSpikeEvents } from '../../core/events.js';
import type { FloatArray } from '../../core/matrix.js';

/**
 * Sums over CSR connectivity for synapse authors. Presynaptic indices are relative to the
 * synapse's `pre` population, targets are arrays of `post.num` values.
 */

/** target[j] += w_ij * scale[i] for every spike i and connection i -> j (scale: e.g. STP efficacy). */
export function addScaledSpikeEvents(target: FloatArray, spikes: Int32Array, conn: Connectivity, weight: number | FloatArray, scale?: Float64Array): void {
  if (!scale) {
    addSpikeEvents(target, spikes, conn, weight);
    return;
  }
  if (spikes.length === 0) return;
  if (conn.allToAll && typeof weight === 'number') {
    let total = 0;
    for (let s = 0; s < spikes.length; s++) total += scale[spikes[s]];
    addAllToAll(target, conn, weight, total, (i) => scale[i], spikes);
    return;
  }
  const { indptr, indices } = conn.pre2post;
  for (let s = 0; s < spikes.length; s++) {
    const i = spikes[s];
    const f = scale[i];
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) target[indices[k]] += (typeof weight === 'number' ? weight : weight[k]) * f;
  }
}

/**
 * target[j] += sum over i of w_ij * values[i]: the postsynaptic conductance of synapses whose
 * state is kept per presynaptic neuron (BrainPy's AMPA, GABAa, NMDA). Presynaptic neurons with a
 * value of exactly 0 are skipped; all-to-all with one weight costs O(numPre + numPost).
 */
export function addPresynapticValues(target: FloatArray, values: ArrayLike<number>, conn: Connectivity, weight: number | FloatArray): void {
  if (conn.allToAll && typeof weight === 'number') {
    let total = 0;
    for (let i = 0; i < values.length; i++) total += values[i];
    addAllToAll(target, conn, weight, total, (i) => values[i]);
    return;
  }
  const { indptr, indices } = conn.pre2post;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 0) continue;
    for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) target[indices[k]] += (typeof weight === 'number' ? weight : weight[k]) * v;
  }
}

/**
 * All-to-all with one weight w: every post gets w * (sum of the values); without
 * self-connections post j then gives back w * value(j). `sources` lists the presynaptic
 * neurons with a value (spikes); without it every i < min(numPre, numPost) is one.
 */
function addAllToAll(target: FloatArray, conn: Connectivity, w: number, total: number, value: (i: number) => number, sources?: Int32Array): void {
  const all = w * total;
  for (let j = 0; j < conn.numPost; j++) target[j] += all;
  if (conn.includeSelf) return;
  const diagonal = Math.min(conn.numPre, conn.numPost);
  if (sources) {
    for (let s = 0; s < sources.length; s++) if (sources[s] < diagonal) target[sources[s]] -= w * value(sources[s]);
  } else {
    for (let i = 0; i < diagonal; i++) target[i] -= w * value(i);
  }
}
