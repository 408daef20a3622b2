import { runBrette } from './brette-bench.js';
import type { BenchOptions, BenchResult } from './result.js';

export interface Benchmark {
  name: string;
  description: string;
  defaults: BenchOptions;
  run(o: BenchOptions): BenchResult;
}

/** The benchmarks, in suite order. COBA-HH and decision-making follow when their models land. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'coba',
    description: 'Brette et al. 2007 COBA: LIF, exponential conductances, 80 synapses per neuron',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    run: (o) => runBrette('coba', o),
  },
  {
    name: 'cuba',
    description: 'Brette et al. 2007 CUBA: LIF, exponential currents, 80 synapses per neuron',
    defaults: { n: 4000, duration: 1000, seed: 1 },
    run: (o) => runBrette('cuba', o),
  },
];

export const NOT_YET = ['cobahh', 'decision-making', 'ei-1m'];

export function findBenchmark(name: string): Benchmark {
  const found = BENCHMARKS.find((b) => b.name === name);
  if (!found) {
    const pending = NOT_YET.includes(name) ? ` ('${name}' is not implemented yet)` : '';
    throw new Error(`unknown benchmark '${name}'${pending}; available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  return found;
}
