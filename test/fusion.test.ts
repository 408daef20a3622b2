import { describe, expect, it } from 'vitest';
import { FixedProb } from '../src/connect/index.js';
import { NonFiniteStateError } from '../src/core/errors.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { Normal } from '../src/init/index.js';
import { Alpha, Delta, DualExponential, Exponential } from '../src/models/synapses/index.js';
import { LIF } from '../src/models/neurons/index.js';
import { COBA, CUBA } from '../src/models/synouts/syn-out.js';
import { STD } from '../src/models/stp/index.js';
import { Runner } from '../src/runner/runner.js';
import type { DType } from '../src/core/matrix.js';

/**
 * Network-level fusion (src/core/fusion.ts) integrates per-postsynaptic-neuron synapses inside
 * the postsynaptic group's kernel. It must change nothing but the speed: every monitored value
 * is compared bit for bit with the same network run member by member (fuseSynapses = false).
 */
interface Built {
  net: Network;
  E: LIF;
  I: LIF;
  paths: string[];
}

function build(variant: 'coba' | 'mixed-kinds' | 'with-delta', dtype: DType = 'float64'): Built {
  const lif = (n: number, name: string) =>
    new LIF(n, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name, dtype });
  const E = lif(320, 'E');
  const I = lif(80, 'I');
  const conn = () => new FixedProb(0.1);
  const members: Record<string, Exponential | DualExponential | Delta | LIF> = { E, I };
  if (variant === 'coba') {
    members.E2E = new Exponential(E, E, conn(), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) });
    members.E2I = new Exponential(E, I, conn(), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }), delay_step: 3 });
    members.I2E = new Exponential(I, E, conn(), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) });
    members.I2I = new Exponential(I, I, conn(), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) });
  } else {
    // DualExponential with short-term depression, Alpha, and a CUBA output written to V itself.
    members.E2E = new DualExponential(E, E, conn(), { g_max: 0.3, tau_decay: 6, tau_rise: 1, output: new COBA({ E: 0 }), stp: new STD({ tau: 200, U: 0.2 }) });
    members.E2I = new Alpha(E, I, conn(), { g_max: 0.2, tau_decay: 4, output: new CUBA({ target_var: 'V' }) });
    members.I2E = new Exponential(I, E, conn(), { g_max: 4, tau: 10, output: new COBA({ E: -80 }) });
    members.I2I = new Exponential(I, I, conn(), { g_max: 4, tau: 10, output: new COBA({ E: -80 }) });
    // A Delta synapse onto I cannot be fused, so I's synapses must all stay separate.
    if (variant === 'with-delta') members.D2I = new Delta(E, I, conn(), { g_max: 0.5 });
  }
  const net = new Network(members);
  const synapses = Object.keys(members).filter((k) => k.length > 1);
  const paths = ['E.V', 'I.V', 'E.spike', 'I.spike', 'E.input', 'I.input', 'E.refractory', ...synapses.filter((s) => s !== 'D2I').map((s) => `${s}.g`)];
  return { net, E, I, paths };
}

function run(variant: Parameters<typeof build>[0], fuse: boolean, dtype: DType = 'float64') {
  seed(11);
  const built = build(variant, dtype);
  built.net.fuseSynapses = fuse;
  const runner = new Runner(built.net, {
    monitors: Object.fromEntries(built.paths.map((p) => [p, p])),
    inputs: [['E.input', 20], ['I.input', 20]],
    progress: false,
  });
  runner.run(100);
  runner.run(50); // a second run continues from the same state in both modes
  return { built, results: Object.fromEntries(built.paths.map((p) => [p, Array.from(runner.mon.get(p).data)])) };
}

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
