import path from 'node:path';
import { EquationGroup } from '../core/equation-group.js';
import { defineModel } from '../core/model.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec, stackSpecs } from '../plot/specs.js';
import { Runner } from '../runner/runner.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

/**
 * Sherman & Rinzel (1992): two square-wave bursters coupled by a gap junction, written as in the
 * seed with both cells in one model (V0, n0, V1, n1 [, S0, S1]); gc, I0, I1 are inputs set every step.
 */
const cell = (k: number, other: number, S: string) =>
  `(-g_ca / (1 + exp((V_m - V${k}) / theta_m)) * (V${k} - V_ca) - g_K * n${k} * (V${k} - V_K) - g_s * ${S} * (V${k} - V_K) - gc * (V${k} - V${other}) + I${k}) / tau`;
const gate = (k: number) => `lambda_ * (1 / (1 + exp((V_n - V${k}) / theta_n)) - n${k}) / tau`;
const PARAMS = ['lambda_', 'V_m', 'theta_m', 'V_n', 'theta_n', 'V_ca', 'V_K', 'tau', 'g_ca', 'g_K', 'g_s'];

const MODEL1 = defineModel('ShermanModel1', { equations: { V0: cell(0, 1, 'S'), n0: gate(0), V1: cell(1, 0, 'S'), n1: gate(1) }, inputs: ['gc', 'I0', 'I1'] }, [...PARAMS, 'S']);
const MODEL2 = defineModel(
  'ShermanModel2',
  {
    equations: {
      V0: cell(0, 1, 'S0'),
      n0: gate(0),
      S0: '(1 / (1 + exp((V_S - V0) / theta_S)) - S0) / tau_S',
      V1: cell(1, 0, 'S1'),
      n1: gate(1),
      S1: '(1 / (1 + exp((V_S - V1) / theta_S)) - S1) / tau_S',
    },
    inputs: ['gc', 'I0', 'I1'],
  },
  [...PARAMS, 'tau_S', 'V_S', 'theta_S'],
);

const GLOBALS = { lambda_: 0.8, V_m: -20, theta_m: 12, V_n: -17, theta_n: 5.6, V_ca: 25, V_K: -75, tau: 20, g_ca: 3.6, g_K: 10, g_s: 4 };
const nInf = (V: number) => 1 / (1 + Math.exp((GLOBALS.V_n - V) / GLOBALS.theta_n));

/** BrainPy's section_input as a function of the step: values[k] for durations[k] ms. */
function sections(values: readonly number[], durations: readonly number[], dt: number): (t: number) => number {
  const ends = durations.map((_, k) => Math.round(durations.slice(0, k + 1).reduce((a, b) => a + b, 0) / dt));
  return (t) => {
    const step = Math.round(t / dt);
    const k = ends.findIndex((end) => step < end);
    return values[k < 0 ? values.length - 1 : k];
  };
}

interface Protocol {
  gc: (t: number) => number;
  I0: (t: number) => number;
  I1?: (t: number) => number;
}

function run(group: EquationGroup, protocol: Protocol, duration: number, dt: number, monitors: string[]) {
  const inputs: [string, (t: number) => number, 'func', '='][] = [
    ['gc', protocol.gc, 'func', '='],
    ['I0', protocol.I0, 'func', '='],
    ['I1', protocol.I1 ?? (() => 0), 'func', '='],
  ];
  const runner = new Runner(group, { monitors, inputs, dt, progress: false });
  runner.run(duration);
  return runner;
}

/** Upward crossings of -40 mV in rows [from, to). */
function spikes(v: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  for (let r = Math.max(1, from); r < to; r++) if (v[r - 1] < -40 && v[r] >= -40) n++;
  return n;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number): number {
  let [sa, sb, saa, sbb, sab] = [0, 0, 0, 0, 0];
  const n = to - from;
  for (let r = from; r < to; r++) {
    sa += a[r];
    sb += b[r];
    saa += a[r] * a[r];
    sbb += b[r] * b[r];
    sab += a[r] * b[r];
  }
  return (sab / n - (sa / n) * (sb / n)) / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
}

/** Points per plotted trace: 50 s at dt 0.1 would be 500,000 points, far more than a figure shows. */
const MAX_POINTS = 5000;

async function figure(o: ExampleOptions, name: string, title: string, ts: Float64Array, traces: [string, ArrayLike<number>][]): Promise<string[]> {
  const panels = traces.map(([label, data], k) => {
    const [t, v] = minMaxThin(ts, data, MAX_POINTS / 2);
    return lineSpec(t, v, { title: label, ylabel: label.split(' ')[0], width: 720, height: 110, color: k % 2 ? '#b22222' : '#1f4e8c' });
  });
  return saveFigure(stackSpecs(panels, title), path.join(o.outDir, name));
}

export const shermanGapJunction: Example = {
  name: 'sherman-gap-junction',
  title: '(Sherman & Rinzel, 1992) Gap junction leads to anti-synchronization',
  description:
    'Seed 001: two square-wave bursters (V, n; and the slow S in model 2) coupled by a gap junction g_c, exponential ' +
    'Euler, dt 0.1 ms; four figures with the seed\'s protocols. Kept oddity: in figure 1 the text says g_c is raised to ' +
    '0.08 at 0.5 s, but the code sets 0.0 (so the cells are uncoupled until 5.5 s); the code is followed. Checks are ' +
    'the text\'s claims: fig 1 g_c = 0.24 brings the cells in phase; fig 2 the first pulse gives two spikes and the ' +
    'coupled pair keeps oscillating after the second pulse; fig 3 an isolated cell alternates between spiking and ' +
    'silence; fig 4 with g_c = 0.04 the cells burst in phase. --duration is ignored (each figure has its own).',
  defaultDuration: 0,
  run: async (o: ExampleOptions): Promise<ExampleResult> => {
    const dt = o.dt;
    const checks: Record<string, Check> = {};
    const figures: string[] = [];
    const t0 = Date.now();
    let steps = 0;
    const at = (ms: number) => Math.round(ms / dt);

    // Figure 1: S = 0.15; perturbation of 0.3 on cell 0 from 0.5 s; g_c = 0 (code) then 0.24 from 5.5 s.
    {
      const g = new EquationGroup(1, MODEL1, { ...GLOBALS, S: 0.15 }, { V0: [-55], V1: [-55], n0: [nInf(-55)], n1: [nInf(-55)] }, { name: 'cells' });
      const r = run(g, { gc: sections([0, 0, 0.24], [500, 5000, 1500], dt), I0: sections([0, 0.3], [500, 6500], dt) }, 7000, dt, ['V0', 'V1', 'gc']);
      const [V0, V1] = [r.mon.get('V0').data, r.mon.get('V1').data];
      const r01 = correlation(V0, V1, at(6500), at(7000));
      checks.fig1_in_phase_after_gc_024 = { value: r01, expected: '> 0.9 correlation of V0 and V1 over the last 0.5 s (text: g_c = 0.24 restores in-phase behaviour)', pass: r01 > 0.9 };
      figures.push(...(await figure(o, 'fig1', 'Fig 1: g_c 0 (code; text: 0.08) then 0.24 at 5.5 s', r.mon.ts, [['V0 (mV)', V0], ['V1 (mV)', V1], ['gc', r.mon.get('gc').data]])));
      steps += r.mon.ts.length;
    }
    // Figure 2: S = 0.177, pulses of 1.0 on cell 0 at 0 and 2.5 s, g_c = 0.04 from 2 s.
    {
      const V = -62.69;
      const g = new EquationGroup(1, MODEL1, { ...GLOBALS, S: 0.177 }, { V0: [V], V1: [V], n0: [nInf(V)], n1: [nInf(V)] }, { name: 'cells' });
      const r = run(g, { gc: sections([0, 0.04], [2000, 2500], dt), I0: sections([1, 0, 1, 0], [500, 2000, 500, 1500], dt) }, 4500, dt, ['V0', 'V1']);
      const [V0, V1] = [r.mon.get('V0').data, r.mon.get('V1').data];
      const first = spikes(V0, 0, at(2000));
      const late = Math.min(spikes(V0, at(3500), at(4500)), spikes(V1, at(3500), at(4500)));
      checks.fig2_first_pulse_spikes = { value: first, expected: '2 (text: a 0.5 s pulse gives two spikes)', pass: first === 2 };
      checks.fig2_sustained_after_second_pulse = { value: late, expected: '>= 1 spike per cell in the last second (text: both keep oscillating)', pass: late >= 1 };
      figures.push(...(await figure(o, 'fig2', 'Fig 2: bistability with g_c = 0.04', r.mon.ts, [['V0 (mV)', V0], ['V1 (mV)', V1]])));
      steps += r.mon.ts.length;
    }
    // Figure 3: model 2 with lambda = 0.9, uncoupled 50 s, then g_c = 0.06 for 50 s.
    const model2 = (lambda_: number) => {
      const S = 0.172;
      const V = -38 - 10 * Math.log(1 / S - 1);
      const init = { V0: [V], V1: [V], n0: [nInf(V)], n1: [nInf(V)], S0: [S], S1: [S] };
      return new EquationGroup(1, MODEL2, { ...GLOBALS, lambda_, tau_S: 35e3, V_S: -38, theta_S: 10 }, init, { name: 'cells' });
    };
    {
      const g = model2(0.9);
      const alone = run(g, { gc: () => 0, I0: () => 0 }, 50e3, dt, ['V0', 'S0']);
      const V0 = alone.mon.get('V0').data;
      // Spiking phases and silent phases: look for a silent second and a second with several spikes.
      let silent = 0;
      let busy = 0;
      for (let s = 0; s < 50; s++) {
        const n = spikes(V0, at(s * 1000), at((s + 1) * 1000));
        if (n === 0) silent++;
        if (n >= 3) busy++;
      }
      checks.fig3_isolated_bursts = { value: Math.min(silent, busy), expected: '>= 3 silent and >= 3 busy seconds in 50 s (text: alternates between spiking and silence)', pass: silent >= 3 && busy >= 3 };
      const coupled = run(g, { gc: () => 0.06, I0: () => 0 }, 50e3, dt, ['V0', 'V1', 'S0']);
      figures.push(...(await figure(o, 'fig3', 'Fig 3: isolated (50 s) and coupled with g_c = 0.06 (50 s)', alone.mon.ts, [['V0 (mV) isolated', V0], ['S0 isolated', alone.mon.get('S0').data]])));
      figures.push(...(await figure(o, 'fig3-coupled', 'Fig 3: coupled with g_c = 0.06', coupled.mon.ts, [['V0 (mV)', coupled.mon.get('V0').data], ['V1 (mV)', coupled.mon.get('V1').data]])));
      steps += alone.mon.ts.length + coupled.mon.ts.length;
    }
    // Figure 4: model 2 with lambda = 0.8: beating; at 20 s g_c = 0.04 and a 0.3 perturbation on cell 0.
    {
      const g = model2(0.8);
      const r = run(g, { gc: sections([0, 0.04], [20e3, 30e3], dt), I0: sections([0, 0.3], [20e3, 30e3], dt) }, 50e3, dt, ['V0', 'V1', 'S0']);
      const [V0, V1] = [r.mon.get('V0').data, r.mon.get('V1').data];
      const slow0 = Float64Array.from({ length: at(30e3) }, (_, k) => V0[at(20e3) + k]);
      const slow1 = Float64Array.from({ length: at(30e3) }, (_, k) => V1[at(20e3) + k]);
      const r01 = correlation(smooth(slow0, at(1000)), smooth(slow1, at(1000)), at(5e3), slow0.length);
      checks.fig4_bursts_in_phase = { value: r01, expected: '> 0.8 correlation of the 1 s-smoothed voltages after 25 s (text: in-phase bursts, antiphase spikes)', pass: r01 > 0.8 };
      figures.push(...(await figure(o, 'fig4', 'Fig 4: beating, then g_c = 0.04 and a perturbation at 20 s', r.mon.ts, [['V0 (mV)', V0], ['V1 (mV)', V1], ['S0', r.mon.get('S0').data]])));
      steps += r.mon.ts.length;
    }
    for (const [k, c] of Object.entries(checks)) o.log(`${k}: ${c.value} (${c.expected}) ${c.pass ? 'ok' : 'MISMATCH'}`);
    return { duration_ms: (steps * dt), steps, wall_s: (Date.now() - t0) / 1000, groups: {}, figures, checks };
  },
};

/** Moving average over `width` samples (centred), to compare burst envelopes rather than spikes. */
function smooth(x: Float64Array, width: number): Float64Array {
  const prefix = new Float64Array(x.length + 1);
  for (let k = 0; k < x.length; k++) prefix[k + 1] = prefix[k] + x[k];
  const half = Math.floor(width / 2);
  return Float64Array.from(x, (_, k) => {
    const lo = Math.max(0, k - half);
    const hi = Math.min(x.length, k + half + 1);
    return (prefix[hi] - prefix[lo]) / (hi - lo);
  });
}

/** Keep the minimum and the maximum of every bin (in time order), so thinning never hides a spike. */
function minMaxThin(ts: Float64Array, v: ArrayLike<number>, bins: number): [Float64Array, Float64Array] {
  const stride = Math.max(1, Math.ceil(ts.length / bins));
  if (stride === 1) return [ts, Float64Array.from(v)];
  const t: number[] = [];
  const y: number[] = [];
  for (let start = 0; start < ts.length; start += stride) {
    let [lo, hi] = [start, start];
    for (let k = start; k < Math.min(ts.length, start + stride); k++) {
      if (v[k] < v[lo]) lo = k;
      if (v[k] > v[hi]) hi = k;
    }
    for (const k of lo <= hi ? [lo, hi] : [hi, lo]) {
      t.push(ts[k]);
      y.push(v[k]);
    }
  }
  return [Float64Array.from(t), Float64Array.from(y)];
}
