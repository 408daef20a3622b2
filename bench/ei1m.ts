import { Runner } from '../src/runner/runner.js';
import { buildEi1m, EI1M_DT } from '../src/examples/ei-1m-net.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';
import { kernelBackends, precisionLabel } from './network-bench.js';

/**
 * Seed 001's "Simulating 1-million-neuron networks" (src/examples/ei-1m-net.ts) with N = 4000 *
 * scale neurons, dt = 0.4 ms, input 20. At 1,000,000 neurons the network has 2e10 synapses, so
 * connectivity is generated on the fly from a seed (src/connect/jit-fixed-prob.ts).
 */
export function runEi1m(o: BenchOptions): BenchResult {
  const { net, N, synapses } = buildEi1m(o.n / 4000, o.seed);
  const runner = new Runner(net, {
    monitors: [{ key: 'spikes', fn: () => N.spikeCount }],
    inputs: [['N.input', 20]],
    dt: EI1M_DT,
    progress: false,
  });
  const wallRun = runner.run(o.duration);
  const perStep = runner.mon.get('spikes').data;
  let spikes = 0;
  for (let k = 0; k < perStep.length; k++) spikes += perStep[k];
  return {
    simulator: 'neurodyn',
    model: 'ei-1m',
    N: N.num,
    synapses,
    synapses_stored: 0,
    duration_ms: o.duration,
    dt_ms: EI1M_DT,
    backend: `${kernelBackends([N])}-${precisionLabel()}, connectivity generated on the fly`,
    threads: 1,
    seed: o.seed,
    wall_run_s: round(wallRun, 3),
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / N.num / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}
