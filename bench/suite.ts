import { runBrette } from './brette-bench.js';
import { runCobahh } from './cobahh.js';
import { DECISION_MAKING_SIZE, runDecisionMaking } from './decision-making.js';
import { runEi1m } from './ei1m.js';
import type { BenchOptions, BenchResult } from './result.js';

export interface Benchmark {
  name: string;
  description: string;
  defaults: BenchOptions;
  /** The Brian2 equivalent for `--vs brian2`: a script in bench/brian2/ and its leading arguments. */
  brian2?: readonly string[];
  /** Smaller settings for `npm run bench` (the whole suite), when the full run takes too long. */
  inSuite?: Partial<BenchOptions>;
  run(o: BenchOptions): BenchResult;
}

/** The benchmarks, in suite order. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'coba',
    description: 'Brette et al. 2007 COBA: LIF, exponential conductances, 80 synapses per neuron',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    brian2: ['brette.py', 'coba'],
    run: (o) => runBrette('coba', o),
  },
  {
    name: 'cuba',
    description: 'Brette et al. 2007 CUBA: LIF, exponential currents, 80 synapses per neuron',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    brian2: ['brette.py', 'cuba'],
    run: (o) => runBrette('cuba', o),
  },
  {
    name: 'coba-unfused',
    description: 'COBA with network-level synapse fusion turned off: what the fusion gains (same spikes)',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    brian2: ['brette.py', 'coba'],
    run: (o) => runBrette('coba', o, false),
  },
  {
    name: 'cuba-unfused',
    description: 'CUBA with network-level synapse fusion turned off',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    brian2: ['brette.py', 'cuba'],
    run: (o) => runBrette('cuba', o, false),
  },
  {
    name: 'cobahh',
    description: 'Brette et al. 2007 COBA-HH: Traub-Miles HH, exponential conductances, 80 synapses per neuron, no input',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    brian2: ['cobahh.py'],
    run: runCobahh,
  },
  {
    name: 'decision-making',
    description: 'Wang 2002 decision making (the gallery network): 2000 LIF, all-to-all AMPA/NMDA/GABA with delays, Poisson input, one 1600 ms trial',
    defaults: { n: DECISION_MAKING_SIZE, duration: 1600, seed: 1 },
    brian2: ['decision_making.py'],
    run: runDecisionMaking,
  },
  {
    name: 'ei-1m',
    description: "seed 001's E/I network of 1,000,000 LIF neurons, 2e10 synapses generated on the fly, dt 0.4 ms",
    defaults: { n: 1_000_000, duration: 100, seed: 1 },
    inSuite: { n: 100_000 },
    run: runEi1m,
  },
];

export function findBenchmark(name: string): Benchmark {
  const found = BENCHMARKS.find((b) => b.name === name);
  if (!found) {
    throw new Error(`unknown benchmark '${name}'; available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  return found;
}
