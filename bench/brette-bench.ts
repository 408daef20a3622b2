import { seed as seedGlobal } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { type BretteModel, buildBrette } from './brette.js';
import { runFusedBrette } from './fused-brette.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';

const DT = 0.1;

/**
 * Run COBA or CUBA once through the library (Runner, generated kernels); spikes are counted per
 * step by a function monitor (8 bytes a step). `fused` runs the same network through the
 * hand-fused prototype step of bench/fused-brette.ts instead (identical spikes).
 */
export function runBrette(model: BretteModel, o: BenchOptions, fused = false): BenchResult {
  seedGlobal(o.seed);
  const net = buildBrette(model, o.n);
  const steps = Math.round(o.duration / DT);
  const cpuStart = process.cpuUsage();
  let wallRun: number;
  let perStep: ArrayLike<number>;
  if (fused) {
    const run = runFusedBrette(net, steps, DT);
    wallRun = run.wall_s;
    perStep = run.spikesPerStep;
  } else {
    const runner = new Runner(net.net, {
      monitors: [{ key: 'spikes', fn: () => net.neurons.spikeCount }],
      inputs: [['N.input', 20]],
      dt: DT,
      progress: false,
    });
    wallRun = runner.run(o.duration);
    perStep = runner.mon.get('spikes').data;
  }
  const cpu = process.cpuUsage(cpuStart);
  let spikes = 0;
  for (let k = 0; k < perStep.length; k++) spikes += perStep[k];
  return {
    simulator: 'neurodyn',
    model,
    N: o.n,
    synapses: net.synapses,
    duration_ms: o.duration,
    dt_ms: DT,
    backend: fused ? 'js-float64, hand-fused prototype step' : 'js-float64',
    threads: 1,
    seed: o.seed,
    wall_run_s: round(wallRun, 4),
    // CPU time (user + system) of the step loop: steadier than wall time on a loaded machine
    cpu_run_s: round((cpu.user + cpu.system) / 1e6, 4),
    // performance.now() counts from process start in Node.
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / o.n / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}
