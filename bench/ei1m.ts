import { Network } from '../src/core/network.js';
import { seed as seedGlobal } from '../src/core/random.js';
import { Normal } from '../src/init/index.js';
import { LIF } from '../src/models/neurons/lif.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { Runner } from '../src/runner/runner.js';
import { JitExponential, JitFixedProb } from './jit-synapse.js';
import { type BenchOptions, type BenchResult, peakRssMb, round } from './result.js';

/**
 * Seed 001's "Simulating 1-million-neuron networks": EINet(scale) with N = 4000 * scale LIF
 * neurons (80 % excitatory), FixedProb(0.02) from each part to all, weights 0.6 / scale and
 * 6.7 / scale (COBA, tau 5 and 10 ms), dt = 0.4 ms, input 20. At 1,000,000 neurons the network
 * has 2e10 synapses, so connectivity is generated on the fly from a seed (bench/jit-synapse.ts).
 */
export const EI1M_DT = 0.4;
const PROB = 0.02;

export function runEi1m(o: BenchOptions): BenchResult {
  seedGlobal(o.seed);
  const scale = o.n / 4000;
  const nE = Math.round(o.n * 0.8);
  const N = new LIF(o.n, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name: 'N' });
  const E = new JitExponential(N.slice(0, nE), N, new JitFixedProb(nE, o.n, PROB, 123 + o.seed), { g_max: 0.6 / scale, tau: 5, output: new COBA({ E: 0 }), name: 'E' });
  const I = new JitExponential(N.slice(nE), N, new JitFixedProb(o.n - nE, o.n, PROB, 12345 + o.seed), { g_max: 6.7 / scale, tau: 10, output: new COBA({ E: -80 }), name: 'I' });
  const runner = new Runner(new Network({ N, E, I }), {
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
    N: o.n,
    synapses: E.conn.numConnections + I.conn.numConnections,
    synapses_stored: 0,
    duration_ms: o.duration,
    dt_ms: EI1M_DT,
    backend: 'js-float64, connectivity generated on the fly',
    threads: 1,
    seed: o.seed,
    wall_run_s: round(wallRun, 3),
    wall_total_s: round(performance.now() / 1000, 3),
    spikes,
    rate_hz: round(spikes / o.n / (o.duration / 1000), 4),
    peak_rss_mb: peakRssMb(),
  };
}
