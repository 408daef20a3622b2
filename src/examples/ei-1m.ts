import path from 'node:path';
import type { Matrix2D } from '../core/matrix.js';
import { lowerBound } from '../core/sorted.js';
import { firingRate } from '../measure/index.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec, rasterSpec, stackSpecs } from '../plot/specs.js';
import { Runner } from '../runner/runner.js';
import { buildEi1m, EI1M_DT } from './ei-1m-net.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

const DEFAULT_SCALE = 250;
/** Neurons of each part drawn in the raster (all of them would be a million rows). */
const SHOWN = { E: 800, I: 200 };
const MB = 1024 * 1024;
/** Memory the run may add per neuron: its state, the spike list and history, g of both synapses. */
const BYTES_PER_NEURON = 400;
const SLACK_MB = 64;

const peakRssBytes = () => process.resourceUsage().maxRSS * 1024; // Linux reports KiB

/** Sum of each row of a matrix of per-step counts. */
const total = (xs: ArrayLike<number>) => {
  let n = 0;
  for (let k = 0; k < xs.length; k++) n += xs[k];
  return n;
};

/** |rE - rI| in units of its Poisson standard error, for counts from nE and nI neurons over `seconds`. */
function rateZ(countE: number, nE: number, countI: number, nI: number, seconds: number): number {
  const [rE, rI] = [countE / nE / seconds, countI / nI / seconds];
  const se = Math.sqrt(Math.max(countE, 1) / (nE * seconds) ** 2 + Math.max(countI, 1) / (nI * seconds) ** 2);
  return Math.abs(rE - rI) / se;
}

async function runEi1m(o: ExampleOptions): Promise<ExampleResult> {
  const scale = o.scale ?? DEFAULT_SCALE;
  const duration = o.duration ?? 100;
  const rssBefore = process.memoryUsage().rss;
  const { net, N, nE, nI, synapses } = buildEi1m(scale, o.seed);
  // spike lists are ascending, so this step's E spikes are the entries below nE
  const excitatorySpikes = () => lowerBound(N.spikeList.subarray(0, N.spikeCount), nE);
  const shown = [...Array.from({ length: Math.min(SHOWN.E, nE) }, (_, k) => k), ...Array.from({ length: Math.min(SHOWN.I, nI) }, (_, k) => nE + k)];
  const runner = new Runner(net, {
    monitors: [
      { key: 'countE', fn: () => excitatorySpikes() },
      { key: 'countI', fn: () => N.spikeCount - excitatorySpikes() },
      { key: 'raster', path: 'N.spike', index: shown },
    ],
    inputs: [['N.input', 20]],
    dt: EI1M_DT,
    progress: o.progress,
  });
  o.log(`ei-1m: EINet(scale = ${scale}): ${nE} E + ${nI} I LIF neurons, ${synapses.toExponential(3)} synapses generated on the fly (none stored), ${duration} ms at dt = ${EI1M_DT} ms (the seed's dt; --dt is not used)`);
  const wall = runner.run(duration);
  const peakRss = peakRssBytes();
  const [countsE, countsI] = [runner.mon.get('countE'), runner.mon.get('countI')];
  const seconds = duration / 1000;
  const [spikesE, spikesI] = [total(countsE.data), total(countsI.data)];
  const groups = {
    E: { size: nE, spikes: spikesE, rate_hz: spikesE / nE / seconds },
    I: { size: nI, spikes: spikesI, rate_hz: spikesI / nI / seconds },
  };
  o.log(`ei-1m: ${wall.toFixed(1)} s wall for the run; peak RSS ${(peakRss / MB).toFixed(0)} MB (${((peakRss - rssBefore) / MB).toFixed(0)} MB above the ${(rssBefore / MB).toFixed(0)} MB before the network was built); a stored CSR would need ${((4 * synapses) / MB).toFixed(0)} MB for its indices alone`);
  o.log(`ei-1m: rates E ${groups.E.rate_hz.toFixed(3)} Hz, I ${groups.I.rate_hz.toFixed(3)} Hz`);

  const budget = BYTES_PER_NEURON * (nE + nI) + SLACK_MB * MB;
  const z = rateZ(spikesE, nE, spikesI, nI, seconds);
  const checks: Record<string, Check> = {
    peak_rss_mb: {
      value: peakRss / MB,
      expected: `< ${((rssBefore + budget) / MB).toFixed(0)} MB: the ${(rssBefore / MB).toFixed(0)} MB before the network was built + ${BYTES_PER_NEURON} B per neuron + ${SLACK_MB} MB, i.e. O(N) state and no O(synapses) storage (CSR indices alone: ${((4 * synapses) / MB).toFixed(0)} MB)`,
      pass: peakRss < rssBefore + budget,
    },
    rate_E_equals_I_z: {
      value: z,
      expected: '< 4: N[:nE] and N[nE:] are the same LIF neurons receiving the same input statistics (both synapses target all of N), so their rates agree within Poisson error',
      pass: z < 4 && spikesE + spikesI > 0,
    },
  };

  const ts = runner.mon.ts;
  const raster = runner.mon.get('raster');
  const perNeuron = (counts: Matrix2D, n: number) => ({ rows: counts.rows, cols: 1, data: firingRate(counts, 5, EI1M_DT).map((r) => r / n) });
  const width = 640;
  const figures = [
    ...(await saveFigure(rasterSpec(ts, raster, { title: `EINet(scale = ${scale}): first ${Math.min(SHOWN.E, nE)} E and ${Math.min(SHOWN.I, nI)} I neurons`, width, height: 300, xlim: [0, duration] }), path.join(o.outDir, 'raster'))),
    ...(await saveFigure(
      stackSpecs(
        [
          lineSpec(ts, perNeuron(countsE, nE), { title: `Excitatory (${nE} neurons)`, ylabel: 'Rate (Hz)', width, height: 140, xlim: [0, duration] }),
          lineSpec(ts, perNeuron(countsI, nI), { title: `Inhibitory (${nI} neurons)`, ylabel: 'Rate (Hz)', width, height: 140, xlim: [0, duration], color: '#b22222' }),
        ],
        'Population firing rate (5 ms window)',
      ),
      path.join(o.outDir, 'rate'),
    )),
  ];
  return { duration_ms: duration, steps: ts.length, wall_s: wall, groups, figures, checks };
}

export const ei1m: Example = {
  name: 'ei-1m',
  title: 'Simulating 1-million-neuron networks with 1GB GPU memory',
  description:
    "Seed 001's EINet(scale = 250): 800,000 E + 200,000 I LIF neurons, FixedProb(0.02) Exponential COBA synapses (2e10 of them) whose " +
    'connectivity is generated on the fly from a seed (conn.JitFixedProb, synapses.JitExponential), never stored; dt 0.4 ms, 100 ms, input 20. ' +
    'Reports wall time, peak RSS and rates (the seed prints none); --scale sets the size (default 250 takes minutes). Checks that memory grows ' +
    'O(N), not O(synapses), and that the E and I parts, identical neurons with identical inputs, fire at the same rate.',
  defaultDuration: 100,
  run: runEi1m,
};
