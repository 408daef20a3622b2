import { describe, expect, it } from 'vitest';
import { build, run } from './ei-fixture.js';
import { FixedProb } from '../src/connect/index.js';
import { NonFiniteStateError } from '../src/core/errors.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { Exponential } from '../src/models/synapses/index.js';
import { LIF } from '../src/models/neurons/index.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { Runner } from '../src/runner/runner.js';

/**
 * Network-level fusion (src/core/fusion.ts) integrates per-postsynaptic-neuron synapses inside
 * the postsynaptic group's kernel. It must change nothing but the speed: every monitored value
 * is compared bit for bit with the same network run member by member (fuseSynapses = false).
 */
describe('network-level synapse fusion', () => {
  it.each(['coba', 'mixed-kinds', 'with-delta'] as const)('gives bit-identical states, spikes and inputs (%s)', (variant) => {
    const fused = run(variant, true);
    const separate = run(variant, false);
    const spikes = fused.results['E.spike'].reduce((a, b) => a + b, 0) + fused.results['I.spike'].reduce((a, b) => a + b, 0);
    expect(spikes).toBeGreaterThan(200);
    for (const path of fused.built.paths) expect(fused.results[path], path).toEqual(separate.results[path]);
  });

  it('fuses only the groups whose synapses can all be fused', () => {
    const fusedIn = (variant: Parameters<typeof build>[0], fuse = true) => {
      seed(1);
      const { net } = build(variant);
      net.fuseSynapses = fuse;
      net.prepare(0.1);
      return net.fusedGroups();
    };
    expect(fusedIn('coba')).toEqual(['E', 'I']);
    // A Delta synapse onto I cannot be fused, so I keeps its synapses separate; E is still fused.
    expect(fusedIn('with-delta')).toEqual(['E']);
    expect(fusedIn('coba', false)).toEqual([]);
  });

  it('is bit-identical in float32 storage too', () => {
    const fused = run('coba', true, 'float32');
    const separate = run('coba', false, 'float32');
    for (const path of fused.built.paths) expect(fused.results[path], path).toEqual(separate.results[path]);
  });

  it('names the synapse when a fused synaptic state becomes non-finite', () => {
    seed(3);
    const E = new LIF(50, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, V_initializer: -55, name: 'E' });
    const S = new Exponential(E, E, new FixedProb(0.2), { g_max: 1, tau: 5, output: new COBA({ E: 0 }), name: 'S' });
    const net = new Network({ E, S });
    const runner = new Runner(net, { progress: false });
    runner.run(1);
    S.g[7] = Infinity;
    expect(() => runner.run(1)).toThrow(NonFiniteStateError);
    expect(() => {
      S.g[7] = Infinity;
      runner.run(1);
    }).toThrow(/synapse 'S': Exponential variable 'g' of element 7/);
  });
});
