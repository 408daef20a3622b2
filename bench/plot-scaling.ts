import { readFileSync } from 'node:fs';
import path from 'node:path';
import { paperConfig } from '../src/plot/specs.js';
import { saveFigure } from '../src/plot/node.js';
import { REPO } from './child.js';

/**
 * The size-scaling figure of docs/benchmarks.md: time of the step loop per simulated second
 * against network size, both simulators, from the --vs runs stored in a JSON-lines file. Each
 * simulator's own loop time: Neurodyn's is wall time, Brian2 cpp_standalone's (single thread) CPU time
 * (std::clock), as its binary reports it.
 * Usage: npx tsx bench/plot-scaling.ts [bench/results/scaling-coba-fifth-round.jsonl] [docs/benchmarks-scaling]
 */
interface VsLine {
  model: string;
  N: number;
  duration_ms: number;
  neurodyn_wall_run_s_median: number;
  brian2_wall_run_s_median: number;
  run_ratio_median: number;
}

const input = path.resolve(REPO, process.argv[2] ?? 'bench/results/scaling-coba-fifth-round.jsonl');
const output = path.resolve(REPO, process.argv[3] ?? 'docs/benchmarks-scaling');
const lines = readFileSync(input, 'utf8').trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as VsLine);
const rows = lines.flatMap((l) => [
  { N: l.N, simulator: 'Neurodyn (1 thread)', seconds: l.neurodyn_wall_run_s_median / (l.duration_ms / 1000) },
  { N: l.N, simulator: 'Brian2 cpp_standalone (1 thread)', seconds: l.brian2_wall_run_s_median / (l.duration_ms / 1000) },
]);
const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  config: paperConfig,
  title: `${lines[0].model.toUpperCase()}, 80 synapses/neuron: step-loop time per simulated second`,
  width: 460,
  height: 300,
  data: { values: rows },
  encoding: {
    x: { field: 'N', type: 'quantitative', scale: { type: 'log' }, title: 'neurons' },
    y: { field: 'seconds', type: 'quantitative', scale: { type: 'log' }, title: 'loop seconds per simulated second' },
    color: { field: 'simulator', type: 'nominal', title: null, legend: { orient: 'top-left', labelLimit: 400 } },
  },
  layer: [{ mark: { type: 'line', strokeWidth: 2 } }, { mark: { type: 'point', filled: true, size: 50 } }],
};
const written = await saveFigure(spec, output);
console.log(written.join('\n'));
