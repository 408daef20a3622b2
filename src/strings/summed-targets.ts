import type { NumericArray } from '../core/matrix.js';

/**
 * A (summed) variable is set, not accumulated, every step, and several Synapses objects may sum
 * into the same neuron variable (excitatory and inhibitory pathways into one Isyn). The first of
 * them to run in a step clears every range any of them targets; the others then add.
 */
const targets = new WeakMap<NumericArray, { ranges: [number, number][]; step: number }>();

export const SummedTargets = {
  register(array: NumericArray, start: number, end: number): void {
    const entry = targets.get(array) ?? { ranges: [], step: -1 };
    if (!entry.ranges.some(([a, b]) => a === start && b === end)) entry.ranges.push([start, end]);
    targets.set(array, entry);
  },
  clearOnce(array: NumericArray, step: number): void {
    const entry = targets.get(array);
    if (!entry || entry.step === step) return;
    entry.step = step;
    for (const [a, b] of entry.ranges) array.fill(0, a, b);
  },
};
