import { seed as seedGlobal } from '../src/core/random.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { Runner } from '../src/runner/runner.js';
import { type BretteModel, buildBrette } from './brette.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';

const DT = 0.1;

/**
 * Run COBA or CUBA once through the library (Runner, generated kernels); spikes are counted per
 * step by a function monitor (8 bytes a step). `fuse = false` turns off the network's synapse
 * fusion (src/core/fusion.ts), to measure what it gains; the spikes are the same.
 */
export function runBrette(model: BretteModel, o: BenchOptions, fuse = true): BenchResult {
  seedGlobal(o.seed);
  const net = buildBrette(model, o.n);
  net.net.fuseSynapses = fuse;
  const threads = o.threads ?? 1;
  const pool = threads > 1 ? new KernelThreads(threads) : undefined;
  net.net.useThreads(pool);
  const cpuStart = process.cpuUsage();
  const runner = new Runner(net.net, {
    monitors: [{ key: 'spikes', fn: () => net.neurons.spikeCount }],
    inputs: [['N.input', 20]],
    dt: DT,
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
    model,
    N: o.n,
    synapses: net.synapses,
    duration_ms: o.duration,
    dt_ms: DT,
    backend: fuse ? 'js-float64' : 'js-float64, synapses not fused',
    threads,
    seed: o.seed,
    wall_run_s: round(wallRun, 4),
    // CPU time (user + system) of the step loop, all threads: steadier than wall time on a loaded machine
    cpu_run_s: round((cpu.user + cpu.system) / 1e6, 4),
    // performance.now() counts from process start in Node.
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / o.n / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}
