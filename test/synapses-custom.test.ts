import { describe, expect, it } from 'vitest';
import { FixedProb } from '../src/connect/index.js';
import type { Connector } from '../src/connect/connector.js';
import type { StepContext } from '../src/core/context.js';
import { addSpikeEvents } from '../src/core/events.js';
import { Network } from '../src/core/network.js';
import type { Population } from '../src/core/neu-group.js';
import { seed } from '../src/core/random.js';
import { TwoEndConn } from '../src/core/two-end-conn.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Exponential } from '../src/models/synapses/index.js';
import { COBA } from '../src/models/synouts/index.js';
import { Runner } from '../src/runner/runner.js';

/**
 * The seed's custom ExpCOBA(TwoEndConn), written by hand: a conductance per postsynaptic neuron
 * that decays exactly, receives g_max along the CSR rows of the arriving spikes, and drives
 * post.input with g (E - V). This is the documented way to write a synapse without equations.
 */
class ExpCOBA extends TwoEndConn {
  readonly g: Float64Array;

  constructor(pre: Population, post: Population, conn: Connector, private readonly p: { g_max: number; tau: number; E: number }) {
    super(pre, post, conn);
    this.g = new Float64Array(post.num);
  }

  override variables() {
    return { g: this.g };
  }

  update(ctx: StepContext): void {
    const decay = Math.exp(-ctx.dt / this.p.tau);
    for (let j = 0; j < this.g.length; j++) this.g[j] *= decay;
    addSpikeEvents(this.g, this.arrivingSpikes(), this.conn, this.p.g_max);
    const { V, input } = this.post.group.variables();
    const offset = this.post.offset;
    for (let j = 0; j < this.g.length; j++) input[j + offset] += this.g[j] * (this.p.E - V[j + offset]);
  }
}

describe('a hand-written synapse (the seed\'s ExpCOBA)', () => {
  it('matches the library Exponential + COBA spike for spike', () => {
    const run = (custom: boolean) => {
      seed(5);
      const pars = { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: -55 };
      const E = new LIF(400, pars);
      const I = new LIF(100, pars);
      const make = (pre: LIF, post: LIF, g_max: number, tau: number, Erev: number) =>
        custom ? new ExpCOBA(pre, post, new FixedProb(0.05), { g_max, tau, E: Erev }) : new Exponential(pre, post, new FixedProb(0.05), { g_max, tau, output: new COBA({ E: Erev }) });
      const net = new Network({ E, I, EE: make(E, E, 0.6, 5, 0), EI: make(E, I, 0.6, 5, 0), IE: make(I, E, 6.7, 10, -80), II: make(I, I, 6.7, 10, -80) });
      const runner = new Runner(net, { monitors: ['E.spike', 'EE.g'], inputs: [['E.input', 20], ['I.input', 20]], progress: false });
      runner.run(200);
      return { spikes: Array.from(runner.mon.get('E.spike').data), g: runner.mon.get('EE.g').data };
    };
    const lib = run(false);
    const hand = run(true);
    expect(lib.spikes.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    expect(hand.spikes).toEqual(lib.spikes);
    let maxDiff = 0;
    lib.g.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - hand.g[k]))));
    expect(maxDiff).toBeLessThan(1e-9);
  });
});
