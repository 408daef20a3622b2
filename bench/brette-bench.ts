import { seed as seedGlobal } from '../src/core/random.js';
import { type BretteModel, buildBrette } from './brette.js';
import { timeNetwork } from './network-bench.js';
import type { BenchOptions, BenchResult } from './result.js';

const DT = 0.1;

/**
 * Run COBA or CUBA once through the library. `fuse = false` turns off the network's synapse
 * fusion (src/core/fusion.ts), to measure what it gains; the spikes are the same.
 */
export function runBrette(model: BretteModel, o: BenchOptions, fuse = true): BenchResult {
  seedGlobal(o.seed);
  const net = buildBrette(model, o.n);
  net.net.fuseSynapses = fuse;
  const notes = fuse ? undefined : 'synapses not fused';
  return timeNetwork({ model, net: net.net, counted: [net.neurons], synapses: net.synapses, dt: DT, notes, inputs: [['N.input', 20]] }, o);
}
