import { seed as seedGlobal } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { type BretteModel, buildBrette } from './brette.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';

const DT = 0.1;

/** Run COBA or CUBA once; spikes are counted per step by a function monitor (8 bytes a step). */
export function runBrette(model: BretteModel, o: BenchOptions): BenchResult {
  seedGlobal(o.seed);
  const { net, neurons, synapses } = buildBrette(model, o.n);
  const runner = new Runner(net, {
    monitors: [{ key: 'spikes', fn: () => neurons.spikeCount }],
    inputs: [['N.input', 20]],
    dt: DT,
    progress: false,
  });
  const wallRun = runner.run(o.duration);
  const perStep = runner.mon.get('spikes').data;
  let spikes = 0;
  for (let k = 0; k < perStep.length; k++) spikes += perStep[k];
  return {
    simulator: 'neurodyn',
    model,
    N: o.n,
    synapses,
    duration_ms: o.duration,
    dt_ms: DT,
    backend: 'js-float64',
    threads: 1,
    seed: o.seed,
    wall_run_s: round(wallRun, 4),
    // performance.now() counts from process start in Node.
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / o.n / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}
