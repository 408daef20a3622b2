import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildBrette } from '../bench/brette.js';
import { FixedProb, IJConn } from '../src/connect/index.js';
import type { Backend } from '../src/core/backend.js';
import type { DType } from '../src/core/matrix.js';
import { addSpikeEvents } from '../src/core/events.js';
import { Network } from '../src/core/network.js';
import { RandomStream, seed } from '../src/core/random.js';
import { deliverRangeEvents, type EventPathway, eventsInRange } from '../src/core/range-events.js';
import { Normal } from '../src/init/index.js';
import { LIF } from '../src/models/neurons/index.js';
import { Exponential } from '../src/models/synapses/index.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { Runner } from '../src/runner/runner.js';
import { countSpikes, expectSameValues } from './helpers.js';

/**
 * Kernel threads deliver the events of fused synapses to their own ranges of postsynaptic
 * neurons (src/core/range-events.ts). Every neuron must receive the same additions in the same
 * order as from one thread, and only events whose presynaptic spikes are still last step's may move.
 */
describe('events delivered per range of postsynaptic neurons', () => {
  it('add, over all ranges, exactly what one pass adds (slices, repeated targets, both kinds of weight)', () => {
    const rng = new RandomStream(3);
    const random = () => rng.random();
    const numPre = 50;
    const numPost = 37;
    const pairs = Array.from({ length: 900 }, () => [Math.floor(random() * numPre), Math.floor(random() * numPost)]);
    const conn = new IJConn(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    ).build(numPre, numPost, {});
    // The presynaptic population is neurons [10, 60) of a group of 70; spikes are listed in ascending order.
    const spikeList = new Int32Array([2, 11, 12, 30, 41, 59, 60, 65, 0, 0]);
    const count = 8;
    for (const weight of [0.37, Float64Array.from(pairs, () => random() - 0.3)]) {
      const whole = new Float64Array(numPost);
      addSpikeEvents(whole, Int32Array.from(spikeList.subarray(1, 6), (i) => i - 10), conn, weight);
      const split = new Float64Array(numPost);
      const pathway: EventPathway = { spikeList, spikeCount: () => count, preStart: 10, preEnd: 60, conn, weight, increment: split };
      for (const [start, end] of [[20, 37], [0, 9], [9, 20]]) deliverRangeEvents(eventsInRange(pathway, start, end), count);
      expect(split).toEqual(whole);
      expect(whole.some((v) => v !== 0)).toBe(true);
    }
  });

  describe('on kernel threads', () => {
    const threads = new KernelThreads(2);
    afterAll(() => threads.close());

    /** I is updated before E, so events from I onto E must stay with the synapse; the others move to the threads. */
    function simulate(pool: KernelThreads | undefined, backend: Backend, dtype: DType) {
      seed(8);
      const rng = new RandomStream(9);
      const lif = (n: number, name: string) =>
        new LIF(n, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name, backend, dtype });
      const I = lif(2000, 'I');
      const E = lif(2400, 'E');
      const exc = { tau: 5, output: new COBA({ E: 0 }) };
      const inh = { tau: 10, g_max: 6.7, output: new COBA({ E: -80 }) };
      const firstHalf = new FixedProb(0.03).build(1200, 2400, {});
      const synapses = {
        E2E: new Exponential(E.slice(0, 1200), E, firstHalf, { ...exc, g_max: Float64Array.from({ length: firstHalf.numConnections }, () => 0.4 + 0.4 * rng.random()) }),
        E2E2: new Exponential(E.slice(1200), E, new FixedProb(0.03), { ...exc, g_max: 0.6 }),
        E2I: new Exponential(E, I, new FixedProb(0.02), { ...exc, g_max: 0.6, delay_step: 2 }),
        I2E: new Exponential(I, E, new FixedProb(0.02), inh),
        I2I: new Exponential(I, I, new FixedProb(0.02), inh),
      };
      const net = new Network({ I, E, ...synapses });
      net.useThreads(pool);
      const delivered = Object.fromEntries(Object.entries(synapses).map(([name, s]) => [name, vi.spyOn(s.fusion() as NonNullable<ReturnType<typeof s.fusion>>, 'deliverEvents')]));
      const paths = ['E.V', 'I.V', 'E.spike', 'I.spike', ...Object.keys(synapses).map((s) => `${s}.g`)];
      const runner = new Runner(net, { monitors: Object.fromEntries(paths.map((p) => [p, p])), inputs: [['E.input', 20], ['I.input', 20]], progress: false });
      runner.run(40);
      runner.run(30);
      return {
        threaded: E.threaded && I.threaded,
        kernelBackend: E.kernelBackend,
        onMainThread: Object.entries(delivered).flatMap(([name, spy]) => (spy.mock.calls.length > 0 ? [name] : [])),
        paths,
        results: paths.map((p) => runner.mon.get(p).data),
      };
    }

    it.each([
      ['auto', 'float64'],
      ['js', 'float32'],
    ] as [Backend, DType][])('give the results of one thread, and leave delayed events and events from a group updated earlier to the synapse (%s, %s)', (backend, dtype) => {
      const one = simulate(undefined, backend, dtype);
      const two = simulate(threads, backend, dtype);
      expect(two.kernelBackend).toBe(backend === 'auto' ? 'wasm' : 'js');
      expect(two.threaded).toBe(true);
      expect(one.onMainThread).toEqual(['E2E', 'E2E2', 'E2I', 'I2E', 'I2I']);
      expect(two.onMainThread).toEqual(['E2I', 'I2E']);
      expect(countSpikes(one.results[2])).toBeGreaterThan(500);
      two.results.forEach((series, i) => expectSameValues(series, one.results[i], one.paths[i]));
    });

    it('give the results of one thread when threads are switched on and off between runs', () => {
      const simulateSwitching = (pools: readonly (KernelThreads | undefined)[]) => {
        seed(6);
        const b = buildBrette('coba', 2400);
        const runner = new Runner(b.net, { monitors: { spike: 'N.spike' }, inputs: [['N.input', 20]], progress: false });
        let spikes = 0;
        for (const pool of pools) {
          b.net.useThreads(pool);
          runner.run(15);
          spikes += countSpikes(runner.mon.get('spike').data);
        }
        const { V, input } = b.neurons.variables();
        return { spikes, V: Float64Array.from(V), input: Float64Array.from(input), ge: Float64Array.from(b.exc.g), gi: Float64Array.from(b.inh.g) };
      };
      const one = simulateSwitching([undefined, undefined, undefined, undefined]);
      const switched = simulateSwitching([undefined, threads, undefined, threads]);
      expect(one.spikes).toBeGreaterThan(500);
      expect(switched.spikes).toBe(one.spikes);
      for (const key of ['V', 'input', 'ge', 'gi'] as const) expectSameValues(switched[key], one[key], key);
    });
  });
});
