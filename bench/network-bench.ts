import type { Network } from '../src/core/network.js';
import { EquationGroup } from '../src/core/equation-group.js';
import type { NeuGroup } from '../src/core/neu-group.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { Runner } from '../src/runner/runner.js';
import { getMathMode } from '../src/core/math-mode.js';
import { getArithmetic } from '../src/core/arithmetic.js';
import { getDType } from '../src/core/dtype.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';

export interface NetworkBench {
  model: string;
  net: Network;
  /** The neurons whose spikes are counted; the rate is per neuron of these groups. */
  counted: readonly NeuGroup[];
  synapses: number;
  dt: number;
  /** What else the run's label should say ('synapses not fused'); the kernel backends and the precision are put in front. */
  notes?: string;
  /** Constant inputs, as Runner's `inputs` option takes them. */
  inputs?: [string, number][];
}

/**
 * Times one network through the library (Runner, generated kernels) and returns its JSON line.
 * Spikes are counted per step by a function monitor (8 bytes a step), so monitoring costs
 * almost nothing; the CPU time of the loop is recorded beside its wall time because the machine
 * is shared.
 */
export function timeNetwork(b: NetworkBench, o: BenchOptions): BenchResult {
  const threads = o.threads ?? 1;
  const pool = threads > 1 ? new KernelThreads(threads) : undefined;
  b.net.useThreads(pool);
  const size = b.counted.reduce((total, g) => total + g.num, 0);
  const cpuStart = process.cpuUsage();
  const runner = new Runner(b.net, {
    monitors: [{ key: 'spikes', fn: () => b.counted.reduce((total, g) => total + g.spikeCount, 0) }],
    inputs: b.inputs ?? [],
    dt: b.dt,
    progress: false,
  });
  const wallRun = runner.run(o.duration);
  const perStep = runner.mon.get('spikes').data;
  const cpu = process.cpuUsage(cpuStart);
  pool?.close();
  let spikes = 0;
  for (let k = 0; k < perStep.length; k++) spikes += perStep[k];
  return {
    simulator: 'neurodyn',
    model: b.model,
    N: size,
    synapses: b.synapses,
    duration_ms: o.duration,
    dt_ms: b.dt,
    backend: `${kernelBackends(b.counted)}-${precisionLabel()}${b.notes ? `, ${b.notes}` : ''}`,
    threads,
    seed: o.seed,
    wall_run_s: round(wallRun, 4),
    // CPU time (user + system) of the step loop, all threads: steadier than wall time on a loaded machine
    cpu_run_s: round((cpu.user + cpu.system) / 1e6, 4),
    // performance.now() counts from process start in Node.
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / size / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}

/** The storage type, the arithmetic (when float32) and the math mode (when fast) the run used. */
export function precisionLabel(): string {
  return `${getDType()}${getArithmetic() === 'float32' ? '-float32-arithmetic' : ''}${getMathMode() === 'fast' ? '-fast-math' : ''}`;
}

/** The backends the counted groups' kernels ran on ('js', 'wasm', or 'js+wasm'). */
export function kernelBackends(groups: readonly NeuGroup[]): string {
  return [...new Set(groups.map((g) => (g instanceof EquationGroup ? g.kernelBackend : undefined) ?? 'js'))].join('+');
}
