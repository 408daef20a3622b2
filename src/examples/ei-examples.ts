import path from 'node:path';
import { Runner } from '../runner/runner.js';
import { seed as seedGlobal } from '../core/random.js';
import { firingRate } from '../measure/index.js';
import { rasterSpec, lineSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import type { Matrix2D } from '../core/matrix.js';
import { buildEINet, cobaParams, cubaParams, type EINetParams } from './ei-network.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';
import { brian2Reference, rateBand } from './reference.js';

const count = (m: Matrix2D) => {
  let n = 0;
  for (let k = 0; k < m.data.length; k++) n += m.data[k];
  return n;
};

/** Shortest interval between two spikes of the same neuron (ms), or Infinity. */
function minInterspikeInterval(ts: Float64Array, spikes: Matrix2D): number {
  const last = new Float64Array(spikes.cols).fill(-Infinity);
  let min = Infinity;
  for (let r = 0; r < spikes.rows; r++) {
    for (let c = 0; c < spikes.cols; c++) {
      if (!spikes.data[r * spikes.cols + c]) continue;
      min = Math.min(min, ts[r] - last[c]);
      last[c] = ts[r];
    }
  }
  return min;
}

function rateCheck(value: number, mean: number, sd: number, source: string): Check {
  const [low, high] = rateBand(mean, sd);
  return { value, expected: `${low.toFixed(2)}..${high.toFixed(2)} Hz (${source}: ${mean.toFixed(2)} ± ${sd.toFixed(2)})`, pass: value >= low && value <= high };
}

async function runEINetwork(name: string, title: string, params: EINetParams, referenceKey: string, o: ExampleOptions, duration: number): Promise<ExampleResult> {
  seedGlobal(o.seed);
  const { net, E, I } = buildEINet(params);
  const runner = new Runner(net, {
    monitors: ['E.spike', 'I.spike'],
    inputs: [['E.input', 20], ['I.input', 20]],
    dt: o.dt,
    progress: o.progress,
  });
  o.log(`${name}: ${E.num} E + ${I.num} I LIF neurons, ${duration} ms at dt = ${o.dt} ms`);
  const wall = runner.run(duration);
  const ts = runner.mon.ts;
  const spikesE = runner.mon.get('E.spike');
  const spikesI = runner.mon.get('I.spike');
  const seconds = duration / 1000;
  const groups = {
    E: { size: E.num, spikes: count(spikesE), rate_hz: count(spikesE) / E.num / seconds },
    I: { size: I.num, spikes: count(spikesI), rate_hz: count(spikesI) / I.num / seconds },
  };

  const checks: Record<string, Check> = {};
  const minIsi = Math.min(minInterspikeInterval(ts, spikesE), minInterspikeInterval(ts, spikesI));
  const refractoryLimit = 5 + o.dt;
  checks.min_isi_ms = { value: minIsi, expected: `>= ${refractoryLimit} ms (tau_ref + dt)`, pass: minIsi >= refractoryLimit - 1e-9 };
  const ref = brian2Reference(referenceKey);
  if (duration === ref.duration && o.dt === ref.dt && params.scale === 1) {
    checks.rate_E_vs_brian2 = rateCheck(groups.E.rate_hz, ref.rates.mean_rate_E_Hz, ref.rates.sd_rate_E_Hz, ref.source);
    checks.rate_I_vs_brian2 = rateCheck(groups.I.rate_hz, ref.rates.mean_rate_I_Hz, ref.rates.sd_rate_I_Hz, ref.source);
  } else {
    o.log(`(no Brian2 rate check: the reference is ${ref.duration} ms at dt = ${ref.dt} ms and scale 1)`);
  }

  const width = 640;
  const raster = stackSpecs(
    [
      rasterSpec(ts, spikesE, { title: `Excitatory (${E.num} neurons)`, width, height: 220, xlim: [0, duration] }),
      rasterSpec(ts, spikesI, { title: `Inhibitory (${I.num} neurons)`, width, height: 80, xlim: [0, duration], color: '#b22222' }),
    ],
    title,
  );
  const rateMatrix = (m: Matrix2D) => ({ data: firingRate(m, 5, o.dt), rows: m.rows, cols: 1 });
  const rates = stackSpecs(
    [
      lineSpec(ts, rateMatrix(spikesE), { title: 'Excitatory population', ylabel: 'Rate (Hz)', width, height: 140, xlim: [0, duration] }),
      lineSpec(ts, rateMatrix(spikesI), { title: 'Inhibitory population', ylabel: 'Rate (Hz)', width, height: 140, xlim: [0, duration], color: '#b22222' }),
    ],
    `${title}: population firing rate (5 ms window)`,
  );
  const figures = [
    ...(await saveFigure(raster, path.join(o.outDir, 'raster'))),
    ...(await saveFigure(rates, path.join(o.outDir, 'rate'))),
  ];
  return { duration_ms: duration, steps: runner.mon.ts.length, wall_s: wall, groups, figures, checks };
}

function eiExample(name: string, title: string, description: string, paramsFor: (scale: number) => EINetParams, referenceKey: string): Example {
  const defaultDuration = 1000;
  return {
    name,
    title,
    description,
    defaultDuration,
    run: (o) => runEINetwork(name, title, paramsFor(o.scale ?? 1), referenceKey, o, o.duration ?? defaultDuration),
  };
}

export const eiBalanced = eiExample(
  'ei-balanced',
  'E-I balanced network',
  'Seeds 000/002: 3200 E + 800 I LIF neurons, Exponential synapses with COBA outputs, FixedProb(0.02), input 20.',
  (scale) => ({ ...cobaParams(scale), V_init_mean: -60 }),
  'ei-balanced',
);

export const coba = eiExample(
  'coba',
  '(Brette, et al., 2007) COBA',
  'Seed 001: the Vogels-Abbott conductance-based benchmark network (LIF, Exponential + COBA).',
  cobaParams,
  'coba',
);

export const cuba = eiExample(
  'cuba',
  '(Brette, et al., 2007) CUBA',
  'Seed 001: the current-based benchmark network (LIF, Exponential + CUBA).',
  cubaParams,
  'cuba',
);
