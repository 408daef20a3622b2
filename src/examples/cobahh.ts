import path from 'node:path';
import { FixedProb } from '../connect/index.js';
import { EquationGroup } from '../core/equation-group.js';
import type { Matrix2D } from '../core/matrix.js';
import { defineModel } from '../core/model.js';
import { Network } from '../core/network.js';
import { seed as seedGlobal } from '../core/random.js';
import { initialize, Normal } from '../init/index.js';
import { CondNeuGroup, IK_TM1991, IL, INa_TM1991 } from '../models/channels/index.js';
import { Exponential } from '../models/synapses/exponential.js';
import { COBA } from '../models/synouts/syn-out.js';
import { Runner } from '../runner/runner.js';
import { rasterSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

const NUM_EXC = 3200;
const NUM_INH = 800;
const P = { Cm: 200, gl: 10, gNa: 20000, gKd: 6000, El: -60, ENa: 50, EK: -90, VT: -63, V_th: -20 };

/** Seed 001's hand-written HH neuron (Traub-Miles kinetics, pF and nS), spiking on upward crossings of V_th. */
const COBA_HH = defineModel(
  'HH',
  {
    equations: {
      V: '(gl * (El - V) + gNa * m ** 3 * h * (ENa - V) + gKd * n ** 4 * (EK - V) + input) / Cm',
      m: '0.32 * (13 - V + VT) / (exp((13 - V + VT) / 4) - 1) * (1 - m) - 0.28 * (V - VT - 40) / (exp((V - VT - 40) / 5) - 1) * m',
      h: '0.128 * exp((17 - V + VT) / 18) * (1 - h) - 4 / (1 + exp(-(V - VT - 40) / 5)) * h',
      n: '0.032 * (15 - V + VT) / (exp((15 - V + VT) / 5) - 1) * (1 - n) - 0.5 * exp((10 - V + VT) / 40) * n',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  Object.keys(P),
);

function handWrittenHH(num: number, name: string): EquationGroup {
  // V = El + (randn * 5 - 5); m, h, n = 0, as in the seed.
  const V = initialize(new Normal(P.El - 5, 5), num, 'float64', 'HH V');
  const zeros = new Float64Array(num);
  return new EquationGroup(num, COBA_HH, P, { V, m: zeros, h: zeros, n: zeros }, { name });
}

const count = (m: Matrix2D, from = 0) => {
  let n = 0;
  for (let k = from * m.cols; k < m.data.length; k++) n += m.data[k];
  return n;
};

/** Implementation 1: E and I groups of the hand-written HH, four Exponential + COBA synapses (the seed's ExpCOBA). */
function runHandWritten(duration: number, dt: number, progress: boolean) {
  const E = handWrittenHH(NUM_EXC, 'E');
  const I = handWrittenHH(NUM_INH, 'I');
  const exc = { g_max: 6, tau: 5, output: new COBA({ E: 0 }) };
  const inh = { g_max: 67, tau: 10, output: new COBA({ E: -80 }) };
  const net = new Network({
    E2E: new Exponential(E, E, new FixedProb(0.02), exc),
    E2I: new Exponential(E, I, new FixedProb(0.02), exc),
    I2I: new Exponential(I, I, new FixedProb(0.02), inh),
    I2E: new Exponential(I, E, new FixedProb(0.02), inh),
    E,
    I,
  });
  const runner = new Runner(net, { monitors: ['E.spike', 'I.spike'], dt, progress });
  const wall = runner.run(duration);
  return { wall, ts: runner.mon.ts, exc: runner.mon.get('E.spike'), inh: runner.mon.get('I.spike') };
}

/** Implementation 2: one CondNeuGroup with INa_TM1991, IK_TM1991 and IL (per unit area), sliced into E and I. */
function runChannels(duration: number, dt: number, progress: boolean) {
  const n = NUM_EXC + NUM_INH;
  const N = new CondNeuGroup(n, {
    name: 'N',
    INa: new INa_TM1991(n, { g_max: 100, V_sh: -63 }),
    IK: new IK_TM1991(n, { g_max: 30, V_sh: -63 }),
    IL: new IL(n, { E: -60, g_max: 0.05 }),
  });
  const net = new Network({
    Esyn: new Exponential(N.slice(0, NUM_EXC), N, new FixedProb(0.02), { g_max: 0.03, tau: 5, output: new COBA({ E: 0 }) }),
    Isyn: new Exponential(N.slice(NUM_EXC), N, new FixedProb(0.02), { g_max: 0.335, tau: 10, output: new COBA({ E: -80 }) }),
    N,
  });
  const runner = new Runner(net, { monitors: ['N.spike'], dt, progress });
  const wall = runner.run(duration);
  return { wall, ts: runner.mon.ts, spikes: runner.mon.get('N.spike') };
}

async function run(o: ExampleOptions): Promise<ExampleResult> {
  const duration = o.duration ?? 100;
  const seconds = duration / 1000;
  seedGlobal(o.seed);
  o.log(`cobahh: ${NUM_EXC} E + ${NUM_INH} I HH neurons, COBA exponential synapses, no external input, ${duration} ms at dt = ${o.dt} ms`);
  const v1 = runHandWritten(duration, o.dt, o.progress);
  const v2 = runChannels(duration, o.dt, o.progress);
  const rate1 = (count(v1.exc) + count(v1.inh)) / (NUM_EXC + NUM_INH) / seconds;
  const rate2 = count(v2.spikes) / (NUM_EXC + NUM_INH) / seconds;
  const lastRows = Math.max(0, v1.ts.length - Math.round(10 / o.dt));
  const late1 = count(v1.exc, lastRows) + count(v1.inh, lastRows);
  const late2 = count(v2.spikes, lastRows);
  o.log(`hand-written HH: ${rate1.toFixed(2)} Hz; CondNeuGroup: ${rate2.toFixed(2)} Hz; spikes in the last 10 ms: ${late1} / ${late2}`);
  const ratio = rate1 > 0 && rate2 > 0 ? Math.max(rate1, rate2) / Math.min(rate1, rate2) : Infinity;
  const checks: Record<string, Check> = {
    sustained_hand_written: { value: late1, expected: 'spikes in the last 10 ms (activity sustained without input)', pass: late1 > 0 },
    sustained_cond_neu_group: { value: late2, expected: 'spikes in the last 10 ms (activity sustained without input)', pass: late2 > 0 },
    rates_agree: {
      value: Math.round(ratio * 100) / 100,
      expected: 'larger/smaller mean rate of the two versions < 1.5 (the same model per unit area; different initial states and connectivity draws)',
      pass: ratio < 1.5,
    },
  };
  const width = 640;
  const spec = stackSpecs(
    [
      rasterSpec(v1.ts, v1.exc, { title: `Hand-written HH, excitatory (${NUM_EXC})`, width, height: 200, xlim: [0, duration] }),
      rasterSpec(v2.ts, v2.spikes, { title: `CondNeuGroup with channels, all ${NUM_EXC + NUM_INH} neurons`, width, height: 240, xlim: [0, duration] }),
    ],
    'Brette et al. (2007) COBA-HH',
  );
  const figures = await saveFigure(spec, path.join(o.outDir, 'raster'));
  return {
    duration_ms: duration,
    steps: v1.ts.length + v2.ts.length,
    wall_s: v1.wall + v2.wall,
    groups: {
      E: { size: NUM_EXC, spikes: count(v1.exc), rate_hz: count(v1.exc) / NUM_EXC / seconds },
      I: { size: NUM_INH, spikes: count(v1.inh), rate_hz: count(v1.inh) / NUM_INH / seconds },
      N: { size: NUM_EXC + NUM_INH, spikes: count(v2.spikes), rate_hz: rate2 },
    },
    figures,
    checks,
  };
}

export const cobahh: Example = {
  name: 'cobahh',
  title: '(Brette, et al., 2007) COBA-HH',
  description:
    "Seed 001: the COBA-HH benchmark twice. (1) The seed's hand-written HH (Traub-Miles kinetics in pF/nS, V0 = El - 5 + 5 N(0,1), " +
    'gates at 0) as a user model, E and I groups, four Exponential synapses with COBA outputs (we = 6 nS, wi = 67 nS). ' +
    '(2) One CondNeuGroup of INa_TM1991 + IK_TM1991 + IL (per unit area, V0 uniform in [-70, -60], gates at steady state), sliced ' +
    'into E and I, two Exponential synapses (0.03 and 0.335 mS/cm^2). No external input; 100 ms at dt = 0.1 ms; both rasters are ' +
    'drawn. The seed prints no numbers, so the checks are that activity is self-sustained and that the two versions fire at similar rates.',
  defaultDuration: 100,
  run,
};
