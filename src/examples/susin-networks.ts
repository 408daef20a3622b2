import path from 'node:path';
import { FixedProb } from '../connect/index.js';
import type { StepContext } from '../core/context.js';
import { DynamicalSystem } from '../core/dynamical-system.js';
import { EquationGroup } from '../core/equation-group.js';
import { defineModel } from '../core/model.js';
import { Network } from '../core/network.js';
import type { NeuGroup } from '../core/neu-group.js';
import { type RandomStream, seed as seedGlobal, streamFor } from '../core/random.js';
import { Uniform, initialize } from '../init/index.js';
import { bandpassEnvelope, peakFrequency, powerSpectrum, unitaryLFPFromEvents } from '../measure/index.js';
import { PoissonGroup } from '../models/generators/poisson-group.js';
import { Delta } from '../models/synapses/index.js';
import { CUBA } from '../models/synouts/index.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec, rasterSpec, stackSpecs } from '../plot/specs.js';
import { Runner } from '../runner/runner.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

/**
 * The seeds' AdEx with conductances ge, gi kept in the neuron (Susin & Destexhe 2021).
 *
 * One change, with no effect on the result: the exponent is capped at exp_cap. With delta = 0.5
 * the exponential-Euler factor exp(A dt), A = gL exp((V - Vth)/delta) / C, overflows on the
 * upswing; BrainPy then computes V = +Inf and resets it in the same step. exp_cap is chosen so
 * that A dt stays at 600 at most: below the cap the step is the same as BrainPy's, and from the
 * cap on both formulas move V hundreds of mV past V_sp_th, so the neuron spikes and resets in the
 * same step either way, without an infinite intermediate.
 */
const ADEX_MODEL = defineModel(
  'SusinAdEx',
  {
    equations: {
      V: '(gL * delta * exp(min((V - Vth) / delta, exp_cap)) - w + gL * (EL - V) + ge * (E_e - V) + gi * (E_i - V)) / C',
      w: '(a * (V - EL) - w) / tau_w',
      ge: '-ge / tau_e',
      gi: '-gi / tau_i',
    },
    threshold: 'V >= V_sp_th',
    reset: { V: 'V_reset', w: 'w + b' },
    refractory: { period: 'tau_ref', hold: ['V'] },
  },
  ['Vth', 'delta', 'tau_ref', 'tau_w', 'a', 'b', 'C', 'gL', 'EL', 'V_reset', 'V_sp_th', 'tau_e', 'tau_i', 'E_e', 'E_i', 'exp_cap'],
);

type AdExParams = Record<'Vth' | 'delta' | 'tau_ref' | 'tau_w' | 'a' | 'b' | 'C' | 'gL' | 'EL' | 'V_reset' | 'V_sp_th' | 'E_e' | 'E_i', number>;

/** Table 1 of the seeds, with Vth = -50 and V_sp_th = -40 as every network sets them. */
const BASE = { V_sp_th: -40, E_e: 0, E_i: -80, Vth: -50 };
const RS = { ...BASE, delta: 2, tau_ref: 5, tau_w: 500, a: 4, b: 20, C: 150, gL: 10, EL: -65, V_reset: -65 };
const FS = { ...BASE, delta: 0.5, tau_ref: 5, tau_w: 500, a: 0, b: 0, C: 150, gL: 10, EL: -65, V_reset: -65 };
const CH = { ...BASE, delta: 0.5, tau_ref: 1, tau_w: 50, a: 80, b: 150, C: 150, gL: 10, EL: -58, V_reset: -65 };

function adex(num: number, params: AdExParams, tau: { e: number; i: number }, dt: number, name: string): EquationGroup {
  const V = initialize(new Uniform(-65, -50), num, 'float64', `${name} V_initializer`);
  const exp_cap = Math.log((600 * params.C) / (params.gL * dt));
  return new EquationGroup(num, ADEX_MODEL, { ...params, tau_e: tau.e, tau_i: tau.i, exp_cap }, { V, w: new Float64Array(num) }, { method: 'exp_auto', name });
}

/** Records every spike of some groups as (step, index) events, for rasters and the LFP. */
class SpikeRecorder extends DynamicalSystem {
  readonly events = new Map<string, { steps: number[]; indices: number[] }>();

  constructor(private readonly groups: Record<string, NeuGroup>) {
    super({ name: 'recorder' });
    for (const name of Object.keys(groups)) this.events.set(name, { steps: [], indices: [] });
  }

  update(ctx: StepContext): void {
    for (const [name, group] of Object.entries(this.groups)) {
      const e = this.events.get(name) as { steps: number[]; indices: number[] };
      for (let s = 0; s < group.spikeCount; s++) {
        e.steps.push(ctx.i);
        e.indices.push(group.spikeList[s]);
      }
    }
  }
}

/**
 * The seeds' get_inputs: plateau c_low for t_gap, linear ramp up over t_transition, plateau c_high
 * for a duration drawn uniformly in [t_min_plato, t_max_plato], ramp down; repeated, cut at t_total.
 */
function getInputs(rng: RandomStream, c_low: number, c_high: number, t_transition: number, t_min_plato: number, t_max_plato: number, t_gap: number, t_total: number, dt: number): Float64Array {
  const out: number[] = [];
  const steps = Math.round(t_total / dt);
  const push = (n: number, f: (k: number) => number) => {
    for (let k = 0; k < n && out.length < steps; k++) out.push(f(k));
  };
  while (out.length < steps) {
    push(Math.round(t_gap / dt), () => c_low);
    const ramp = Math.round(t_transition / dt);
    push(ramp, (k) => c_low + ((c_high - c_low) * k) / ramp);
    push(Math.round(rng.uniform(t_min_plato, t_max_plato) / dt), () => c_high);
    push(ramp, (k) => c_high - ((c_high - c_low) * k) / ramp);
  }
  return Float64Array.from(out);
}

interface Projection {
  from: string;
  to: string;
  prob: number;
  target: 'ge' | 'gi';
  weight: number;
  delayed: boolean;
}

interface SusinSpec {
  name: string;
  title: string;
  populations: Record<string, { num: number; params: AdExParams; type: 'exc' | 'inh' }>;
  tau: { e: number; i: number };
  /** get_inputs(c_low, c_high, t_transition, t_min_plato, t_max_plato, t_gap) of the seed. */
  ext: { num: number; inputs: [number, number, number, number, number, number]; weights: Record<string, number> };
  projections: Projection[];
  duration: number;
  xlim: [number, number];
  lfpWindow: [number, number];
  gamma: boolean;
}

async function runSusin(spec: SusinSpec, o: ExampleOptions): Promise<ExampleResult> {
  seedGlobal(o.seed);
  const duration = o.duration ?? spec.duration;
  const dt = o.dt;
  const [c_low, c_high, t_tr, t_min, t_max, t_gap] = spec.ext.inputs;
  const rates = getInputs(streamFor(), c_low, c_high, t_tr, t_min, t_max, t_gap, duration, dt);
  const pops: Record<string, EquationGroup> = {};
  for (const [name, p] of Object.entries(spec.populations)) pops[name] = adex(p.num, p.params, spec.tau, dt, name);
  const ext = new PoissonGroup(spec.ext.num, { freqs: rates[0], name: 'ext' });
  const members: Record<string, DynamicalSystem> = { ...pops, ext };
  const delay_step = Math.trunc(1.5 / dt);
  for (const [to, weight] of Object.entries(spec.ext.weights)) {
    members[`ext2${to}`] = new Delta(ext, pops[to], new FixedProb(0.02), { g_max: weight, output: new CUBA({ target_var: 'ge' }) });
  }
  for (const p of spec.projections) {
    members[`${p.from}2${p.to}`] = new Delta(pops[p.from], pops[p.to], new FixedProb(p.prob), { g_max: p.weight, output: new CUBA({ target_var: p.target }), delay_step: p.delayed ? delay_step : 0 });
  }
  const recorder = new SpikeRecorder(pops);
  members.recorder = recorder;
  const names = Object.keys(pops);
  const runner = new Runner(new Network(members), {
    monitors: names.map((n) => ({ path: `${n}.V`, index: [0] })),
    inputs: [['ext.freqs', rates.subarray(0, Math.round(duration / dt)), 'iter', '=']],
    dt,
    progress: o.progress,
  });
  const total = names.reduce((s, n) => s + pops[n].num, 0);
  o.log(`${spec.name}: ${names.map((n) => `${pops[n].num} ${n}`).join(' + ')} AdEx neurons (${total}), Delta synapses with 1.5 ms delays, ${duration} ms at dt = ${dt} ms`);
  const wall = runner.run(duration);
  const ts = runner.mon.ts;
  const seconds = duration / 1000;
  const groups: ExampleResult['groups'] = {};
  for (const n of names) {
    const e = recorder.events.get(n) as { steps: number[]; indices: number[] };
    groups[n] = { size: pops[n].num, spikes: e.steps.length, rate_hz: e.steps.length / pops[n].num / seconds };
    o.log(`${n}: ${groups[n].rate_hz.toFixed(2)} Hz`);
  }

  // LFP: the sum of the populations' unitary LFPs over the seed's window, band-passed 30-50 Hz.
  const [lfpStart, lfpEnd] = [Math.min(spec.lfpWindow[0], duration / 2), Math.min(spec.lfpWindow[1], duration)];
  const [r0, r1] = [Math.round(lfpStart / dt), Math.round(lfpEnd / dt)];
  const lfpTimes = ts.subarray(r0, r1);
  const lfp = new Float64Array(r1 - r0);
  for (const n of names) {
    const e = recorder.events.get(n) as { steps: number[]; indices: number[] };
    const keep = e.steps.map((s, k) => (s >= r0 && s < r1 ? k : -1)).filter((k) => k >= 0);
    const part = unitaryLFPFromEvents(lfpTimes, { steps: keep.map((k) => e.steps[k] - r0), indices: keep.map((k) => e.indices[k]), num: pops[n].num }, { spike_type: spec.populations[n].type });
    part.forEach((v, k) => (lfp[k] += v));
  }
  const { filtered, envelope } = bandpassEnvelope(lfp, dt, 30, 50);
  const spectrum = powerSpectrum(lfp, dt, 120);
  const peak = peakFrequency(spectrum, 5, 120);
  const band = (lo: number, hi: number) => spectrum.power.reduce((s, p, k) => (spectrum.freqs[k] >= lo && spectrum.freqs[k] < hi ? s + p : s), 0) / spectrum.freqs.filter((f) => f >= lo && f < hi).length;
  const gammaRatio = band(30, 80) / band(5, 25);
  o.log(`LFP ${lfpStart}-${lfpEnd} ms: spectral peak at ${peak.toFixed(1)} Hz; mean power 30-80 Hz / 5-25 Hz = ${gammaRatio.toFixed(2)}`);
  const checks: Record<string, Check> = spec.gamma
    ? {
        lfp_gamma_peak_hz: { value: peak, expected: '20..80 Hz (a gamma peak in the LFP spectrum, Susin & Destexhe 2021)', pass: peak >= 20 && peak <= 80 },
        lfp_gamma_over_low: { value: gammaRatio, expected: '> 1 (more power per Hz in 30-80 Hz than in 5-25 Hz)', pass: gammaRatio > 1 },
      }
    : {
        lfp_no_gamma_dominance: { value: gammaRatio, expected: '< 1 (asynchronous irregular state: no gamma rhythm dominates)', pass: gammaRatio < 1 },
      };

  const [x0, x1] = [Math.min(spec.xlim[0], duration * 0.5), Math.min(spec.xlim[1], duration)];
  const [w0, w1] = [Math.round(x0 / dt), Math.round(x1 / dt)];
  const windowTs = ts.subarray(w0, w1);
  const width = 720;
  const panels: object[] = [lineSpec(windowTs, rates.subarray(w0, w1), { title: 'External input rate', ylabel: 'Hz', width, height: 70 })];
  for (const n of names) {
    const shown = Math.min(pops[n].num, 1000);
    const raster = new Uint8Array((w1 - w0) * shown);
    const e = recorder.events.get(n) as { steps: number[]; indices: number[] };
    e.steps.forEach((s, k) => {
      if (s >= w0 && s < w1 && e.indices[k] < shown) raster[(s - w0) * shown + e.indices[k]] = 1;
    });
    panels.push(rasterSpec(windowTs, { data: raster, rows: w1 - w0, cols: shown }, { title: `${n} (first ${shown} of ${pops[n].num})`, width, height: 90, color: spec.populations[n].type === 'inh' ? '#b22222' : '#1f4e8c' }));
  }
  for (const n of names) panels.push(lineSpec(windowTs, runner.mon.get(`${n}.V`).data.subarray(w0, w1), { title: `${n} neuron 0`, ylabel: 'V (mV)', width, height: 70 }));
  const lfpSlice = (a: Float64Array) => a.subarray(Math.max(0, w0 - r0), Math.max(0, Math.min(w1, r1) - r0));
  const lfpTs = ts.subarray(Math.max(w0, r0), Math.min(w1, r1));
  panels.push(lineSpec(lfpTs, lfpSlice(lfp), { title: 'Raw LFP', width, height: 70 }));
  panels.push(lineSpec(lfpTs, lfpSlice(filtered), { title: 'Filtered LFP (30-50 Hz)', width, height: 70 }));
  panels.push(lineSpec(lfpTs, lfpSlice(envelope), { title: 'Hilbert envelope', width, height: 70, color: '#b22222' }));
  const figures = [
    ...(await saveFigure(stackSpecs(panels, spec.title), path.join(o.outDir, 'network'))),
    ...(await saveFigure(lineSpec(spectrum.freqs, spectrum.power, { title: `LFP power spectrum (${lfpStart}-${lfpEnd} ms)`, xlabel: 'Frequency (Hz)', ylabel: 'Power', width: 480, height: 240 }), path.join(o.outDir, 'lfp-spectrum'))),
  ];
  return { duration_ms: duration, steps: ts.length, wall_s: wall, groups, figures, checks };
}

const exc = (from: string, to: string, weight: number, prob = 0.02): Projection => ({ from, to, prob, target: 'ge', weight, delayed: true });
const inh = (from: string, to: string, weight: number, prob = 0.02): Projection => ({ from, to, prob, target: 'gi', weight, delayed: true });

const SPECS: Record<string, SusinSpec> = {
  'susin-ai': {
    name: 'susin-ai',
    title: '(Susin & Destexhe, 2021): Asynchronous Network',
    populations: { FS: { num: 5000, params: FS, type: 'inh' }, RS: { num: 20000, params: RS, type: 'exc' } },
    tau: { e: 5, i: 5 },
    ext: { num: 20000, inputs: [2, 2, 50, 150, 600, 1000], weights: { FS: 1, RS: 1 } },
    projections: [exc('RS', 'FS', 1), exc('RS', 'RS', 1), inh('FS', 'RS', 5), inh('FS', 'FS', 5)],
    duration: 2000,
    xlim: [0, 2000],
    lfpWindow: [0, 2000],
    gamma: false,
  },
  'susin-ching': {
    name: 'susin-ching',
    title: '(Susin & Destexhe, 2021): CHING Network for Generating Gamma Oscillation',
    populations: { FS: { num: 5000, params: FS, type: 'inh' }, CH: { num: 1000, params: CH, type: 'exc' }, RS: { num: 19000, params: RS, type: 'exc' } },
    tau: { e: 5, i: 5 },
    ext: { num: 19000, inputs: [1, 2, 50, 150, 600, 1000], weights: { FS: 0.75, RS: 1, CH: 1 } },
    projections: [exc('RS', 'FS', 1), exc('RS', 'RS', 1), exc('RS', 'CH', 1), inh('FS', 'RS', 7), inh('FS', 'FS', 5), inh('FS', 'CH', 7), exc('CH', 'RS', 1), exc('CH', 'FS', 1), exc('CH', 'CH', 1)],
    duration: 6000,
    xlim: [2000, 3400],
    lfpWindow: [1000, 5000],
    gamma: true,
  },
  'susin-ing': {
    name: 'susin-ing',
    title: '(Susin & Destexhe, 2021): ING Network for Generating Gamma Oscillation',
    populations: { FS: { num: 4000, params: FS, type: 'inh' }, FS2: { num: 1000, params: FS, type: 'inh' }, RS: { num: 20000, params: RS, type: 'exc' } },
    tau: { e: 5, i: 5 },
    ext: { num: 20000, inputs: [2, 3, 50, 350, 600, 1000], weights: { FS: 0.9, RS: 0.9, FS2: 0.9 } },
    projections: [exc('RS', 'FS', 1), exc('RS', 'RS', 1), exc('RS', 'FS2', 1, 0.15), inh('FS', 'RS', 5), inh('FS', 'FS', 5), inh('FS', 'FS2', 5, 0.03), inh('FS2', 'RS', 1, 0.15), inh('FS2', 'FS', 1, 0.15), inh('FS2', 'FS2', 1, 0.6)],
    duration: 6000,
    xlim: [2000, 3400],
    lfpWindow: [1000, 5000],
    gamma: true,
  },
  'susin-ping': {
    name: 'susin-ping',
    title: '(Susin & Destexhe, 2021): PING Network for Generating Gamma Oscillation',
    populations: { FS: { num: 5000, params: FS, type: 'inh' }, RS: { num: 20000, params: RS, type: 'exc' } },
    tau: { e: 1, i: 7.5 },
    ext: { num: 20000, inputs: [2, 3, 50, 150, 600, 1000], weights: { FS: 4, RS: 4 } },
    projections: [exc('RS', 'FS', 5), exc('RS', 'RS', 5), inh('FS', 'RS', 3.34), inh('FS', 'FS', 3.34)],
    duration: 6000,
    xlim: [2000, 3400],
    lfpWindow: [1000, 5000],
    gamma: true,
  },
};

function susinExample(name: string, description: string): Example {
  const spec = SPECS[name];
  return { name, title: spec.title, description, defaultDuration: spec.duration, run: (o) => runSusin(spec, o) };
}

const COMMON =
  'AdEx neurons with conductances ge, gi in the neuron (exponential Euler), Delta synapses writing into ge or gi ' +
  '(CUBA target_var), FixedProb connectivity, 1.5 ms delays on recurrent synapses, Poisson drive whose rate follows the ' +
  "seeds' get_inputs schedule. Figures: input rate, rasters (first 1000 neurons per population), neuron 0 voltages, " +
  'the unitary LFP, its 30-50 Hz band and Hilbert envelope (band-pass by FFT, not the seed\'s Kaiser FIR), and the LFP spectrum.';

export const susinAI = susinExample('susin-ai', `Seed 001 E28: 20000 RS + 5000 FS, constant 2 Hz drive, 2 s. ${COMMON} Check: no gamma dominance in the LFP (asynchronous irregular).`);
export const susinCHING = susinExample('susin-ching', `Seed 001 E29: 19000 RS + 5000 FS + 1000 chattering (CH), drive 1 to 2 Hz, 6 s. ${COMMON} Check: a gamma peak in the LFP spectrum. Measured, seed 1, full 6 s: the spectral peak is at 33.3 Hz (passes), but the mean power per Hz in 30-80 Hz is only 0.35 of that in 5-25 Hz (the second check fails: the slow input ramps dominate the low band); on a 2 s run the peak is at 19.5 Hz. Reported, not tuned.`);
export const susinING = susinExample('susin-ing', `Seed 001 E30: 20000 RS + 4000 FS + 1000 FS2, drive 2 to 3 Hz, 6 s. ${COMMON} Check: a gamma peak in the LFP spectrum (measured on a 2 s run, seed 1: peak at 70.8 Hz, 30-80 Hz / 5-25 Hz power 1.89; RS 0.5, FS 2.7, FS2 5.0 Hz).`);
export const susinPING = susinExample('susin-ping', `Seed 001 E31: 20000 RS + 5000 FS (tau_e 1, tau_i 7.5), drive 2 to 3 Hz, 6 s. ${COMMON} Check: a gamma peak in the LFP spectrum (measured on a 2 s run, seed 1: peak at 34.2 Hz, 30-80 Hz / 5-25 Hz power 1.54; RS 1.4 Hz, FS 5.2 Hz).`);
