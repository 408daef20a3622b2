import { afterAll, describe, expect, it } from 'vitest';
import { buildBrette } from '../bench/brette.js';
import { NonFiniteStateError } from '../src/core/errors.js';
import { seed } from '../src/core/random.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { Runner } from '../src/runner/runner.js';
import { countSpikes, expectSameValues } from './helpers.js';

/**
 * Kernel threads split a group's generated kernel into ranges of neurons over shared memory. The
 * spikes, states and synaptic conductances must be exactly those of one thread.
 */
const threads = new KernelThreads(2);
afterAll(() => threads.close());

function run(model: 'coba' | 'cuba', pool: KernelThreads | undefined, fuse = true) {
  seed(5);
  const b = buildBrette(model, 2400);
  b.net.fuseSynapses = fuse;
  b.net.useThreads(pool);
  const runner = new Runner(b.net, { monitors: { V: 'N.V', spike: 'N.spike', ge: 'Esyn.g' }, inputs: [['N.input', 20]], progress: false });
  runner.run(60);
  runner.run(40);
  return { b, V: runner.mon.get('V').data, spike: runner.mon.get('spike').data, ge: runner.mon.get('ge').data };
}

describe('kernel threads', () => {
  it.each([
    ['coba', true],
    ['cuba', true],
    ['coba', false],
  ] as const)('give the results of one thread (%s, fused synapses: %s)', (model, fuse) => {
    const one = run(model, undefined, fuse);
    const two = run(model, threads, fuse);
    expect(two.b.neurons.threaded).toBe(true);
    expect(countSpikes(one.spike)).toBeGreaterThan(1000);
    expectSameValues(two.spike, one.spike, 'spike');
    expectSameValues(two.V, one.V, 'V');
    expectSameValues(two.ge, one.ge, 'ge');
  });

  it('keep small groups on one thread', () => {
    seed(1);
    const b = buildBrette('coba', 400);
    b.net.useThreads(threads);
    expect(b.neurons.threaded).toBe(false);
  });

  it('report a neuron that diverges in a worker range with its index', () => {
    seed(2);
    const b = buildBrette('coba', 2400);
    b.net.useThreads(threads);
    const runner = new Runner(b.net, { inputs: [['N.input', 20]], progress: false });
    runner.run(1);
    b.neurons.variables().V[2000] = NaN;
    expect(() => runner.run(1)).toThrow(NonFiniteStateError);
    b.neurons.variables().V[2000] = NaN;
    expect(() => runner.run(1)).toThrow(/neuron 2000 in group 'N'/);
  });

  it('refuses a thread count that is not a positive integer', () => {
    expect(() => new KernelThreads(0)).toThrow(/positive integer/);
  });
});
