import { describe, expect, it, vi } from 'vitest';
import { All2All } from '../src/connect/index.js';
import { type Backend, getBackend, setBackend } from '../src/core/backend.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { buildDecisionMaking } from '../src/examples/decision-making.js';
import { LIF } from '../src/models/neurons/index.js';
import { STD } from '../src/models/stp/index.js';
import { AMPA, NMDA } from '../src/models/synapses/index.js';
import { PoissonGroup } from '../src/models/generators/poisson-group.js';
import { Runner } from '../src/runner/runner.js';
import { WasmArena } from '../src/wasm/arena.js';
import { countSpikes, expectSameValues } from './helpers.js';

/**
 * Synapses with the same presynaptic population and kinetics take their per-presynaptic state
 * from the first of them (src/core/state-sharing.ts) while their own state is bit for bit the
 * same: every value must be that of the network with each synapse integrating its own state.
 */
const advanceOf = (synapse: NMDA | AMPA) => vi.spyOn(synapse as unknown as { advance: () => void }, 'advance');

describe('synapses sharing a presynaptic state', () => {
  function decisionMaking(share: boolean, disturb: boolean, backend: Backend) {
    seed(3);
    const previous = getBackend();
    setBackend(backend);
    const { net } = buildDecisionMaking({ coherence: 25.6, scale: 0.25, dt: 0.1 });
    setBackend(previous);
    net.shareSynapseStates = share;
    const members = net.children();
    const names = ['A2A_NMDA', 'A2B_NMDA', 'A2N_NMDA', 'A2I_NMDA', 'N2I_NMDA'];
    const nmda = names.map((name) => members.get(name) as NMDA);
    const paths = ['A.spike', 'B.spike', 'I.spike', 'I.V', ...names.flatMap((name) => [`${name}.g`, `${name}.x`, `${name}.g_post`])];
    const runner = new Runner(net, { monitors: Object.fromEntries(paths.map((p, k) => [`m${k}`, p])), progress: false });
    runner.run(150);
    // A user's change to one synapse's state: it must integrate its own again from there.
    if (disturb) nmda[1].x[0] += 0.25;
    const advances = advanceOf(nmda[1]);
    runner.run(100);
    return { paths, calls: advances.mock.calls.length, results: paths.map((_, k) => runner.mon.get(`m${k}`).data) };
  }

  it.each([
    [false, 'auto'],
    [true, 'auto'],
    [true, 'js'],
  ] as [boolean, Backend][])('give the values of separate states in a decision-making network (a state changed by hand: %s; backend %s)', (disturb, backend) => {
    const shared = decisionMaking(true, disturb, backend);
    const separate = decisionMaking(false, disturb, backend);
    expect(countSpikes(separate.results[0]) + countSpikes(separate.results[1]) + countSpikes(separate.results[2])).toBeGreaterThan(40);
    shared.results.forEach((series, k) => expectSameValues(series, separate.results[k], shared.paths[k]));
    // A2B follows A2A, with the same kinetics: it integrates only while its state differs.
    expect(separate.calls).toBe(1000);
    if (disturb) expect(shared.calls).toBeGreaterThan(0);
    else expect(shared.calls).toBe(0);
  });

  it('share only between the same kinetics, without plasticity', () => {
    seed(1);
    const pre = new PoissonGroup(50, { freqs: 40 });
    const post = new LIF(20, { name: 'post' });
    const same = [new NMDA(pre, post, new All2All()), new NMDA(pre, post, new All2All(), { g_max: 0.3 })];
    const other = [new NMDA(pre, post, new All2All(), { tau_decay: 80 }), new NMDA(pre, post, new All2All(), { stp: new STD() })];
    const pulses = [new AMPA(pre, post, new All2All()), new AMPA(pre, post, new All2All(), { T_duration: 1 })];
    const net = new Network({ pre, post }, ...[...same, ...other, ...pulses]);
    const advances = [...same, ...other, ...pulses].map(advanceOf);
    new Runner(net, { progress: false }).run(5);
    expect(advances.map((a) => a.mock.calls.length)).toEqual([50, 0, 50, 50, 50, 50]);
  });

  it('compare states bit for bit in WebAssembly memory (-0 is not +0) and copy them whole', () => {
    const arena = new WasmArena('test');
    const array = () => {
      const { buffer, byteOffset } = arena.allocate(5, 8);
      return new Float64Array(buffer, byteOffset, 5);
    };
    const [a, b] = [array(), array()];
    a.set([1, 0, 2.5, Number.MIN_VALUE, -3]);
    expect(arena.copy(b, a)).toBe(true);
    expect(Array.from(b)).toEqual([1, 0, 2.5, Number.MIN_VALUE, -3]);
    expect(arena.sameBits(a, b)).toBe(true);
    b[1] = -0;
    expect(arena.sameBits(a, b)).toBe(false);
    b[1] = 0;
    b[4] = -3.0000000000000004;
    expect(arena.sameBits(a, b)).toBe(false);
    expect(arena.sameBits(a, new Float64Array(5))).toBeUndefined();
  });
});
