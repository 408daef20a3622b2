import { NeuGroup } from '../src/core/neu-group.js';
import { seed as seedGlobal } from '../src/core/random.js';
import { TwoEndConn } from '../src/core/two-end-conn.js';
import { buildDecisionMaking } from '../src/examples/decision-making.js';
import { timeNetwork } from './network-bench.js';
import type { BenchOptions, BenchResult } from './result.js';

const DT = 0.1;
/** Neurons of the network at scale 1: 1600 excitatory (A, B, N) and 400 inhibitory. */
export const DECISION_MAKING_SIZE = 2000;
const COHERENCE = 25.6;

/**
 * Wang (2002) as the gallery's decision-making entry builds it (src/examples/decision-making.ts):
 * LIF groups A, B, N, I, all-to-all AMPA, NMDA and GABA synapses with 0.5 ms delays, Poisson
 * noise and stimuli, coherence 25.6 %. `n` sets the scale (n / 2000; all-to-all weights are
 * divided by it as in the gallery). The rate counts the spikes of A, B, N and I; the trial's
 * periods are fixed, so 1600 ms is one whole trial (100 ms before, 1000 ms of stimulus, 500 ms
 * of delay).
 */
export function runDecisionMaking(o: BenchOptions): BenchResult {
  seedGlobal(o.seed);
  const { net } = buildDecisionMaking({ coherence: COHERENCE, scale: o.n / DECISION_MAKING_SIZE, dt: DT });
  const members = net.children();
  const counted = ['A', 'B', 'N', 'I'].map((name) => members.get(name)).filter((g): g is NeuGroup => g instanceof NeuGroup);
  let synapses = 0;
  for (const member of members.values()) if (member instanceof TwoEndConn) synapses += member.conn.numConnections;
  return timeNetwork({ model: 'decision-making', net, counted, synapses, dt: DT }, o);
}
