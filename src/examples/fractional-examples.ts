import path from 'node:path';
import { FractionalFHR } from '../models/neurons/fractional-fhr.js';
import { FractionalIzhikevich } from '../models/neurons/fractional-izhikevich.js';
import { Izhikevich } from '../models/neurons/izhikevich.js';
import { sectionInput } from '../inputs/section-input.js';
import { Runner } from '../runner/runner.js';
import { lineSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import type { Check, Example, GroupSummary } from './example.js';

const spikeSteps = (data: ArrayLike<number>) => Array.from({ length: data.length }, (_, i) => i).filter((i) => data[i]);

/** The seed's runs: label, duration after the 50 ms of silence, alpha. */
const IZHIKEVICH_RUNS: [string, number, number][] = [
  ['Regular spiking', 500, 1.0],
  ['Intrinsically bursting', 500, 0.87],
  ['Mixed mode (irregular)', 500, 0.86],
  ['Chattering', 500, 0.8],
  ['Bursting', 1000, 0.7],
  ['Bursting with longer bursts', 1000, 0.5],
  ['Fast spiking', 1000, 0.3],
];

export const fractionalIzhikevich: Example = {
  name: 'fractional-izhikevich',
  title: '(Teka, et. al, 2018): Fractional-order Izhikevich neuron model',
  description:
    'Seed 001: FractionalIzhikevich (Caputo L1, num_memory = whole run) at dt = 0.1 with input 0 for 50 ms then 10, alpha from 1.0 down to 0.3; --duration replaces each run length.',
  defaultDuration: 1000,
  async run(o) {
    const dt = 0.1;
    const panels: object[] = [];
    const groups: Record<string, GroupSummary> = {};
    const checks: Record<string, Check> = {};
    let wall = 0;
    let steps = 0;
    for (const [label, seedDuration, alpha] of IZHIKEVICH_RUNS) {
      const duration = o.duration ?? seedDuration;
      const { current, duration: length } = sectionInput([0, 10], [50, duration], dt);
      const neuron = new FractionalIzhikevich(1, { alpha, num_memory: Math.round(length / dt) });
      const runner = new Runner(neuron, { monitors: ['V', 'spike'], inputs: [['input', current, 'iter']], dt, progress: false });
      wall += runner.run(length);
      steps += runner.mon.ts.length;
      const spikes = spikeSteps(runner.mon.get('spike').data);
      groups[`alpha_${alpha}`] = { size: 1, spikes: spikes.length, rate_hz: spikes.length / (duration / 1000) };
      o.log(`${label}, alpha = ${alpha}: ${spikes.length} spikes in ${length} ms`);
      panels.push(lineSpec(runner.mon.ts, runner.mon.get('V'), { title: `${label}: alpha = ${alpha}`, ylabel: 'V (mV)', width: 560, height: 110 }));
      if (alpha === 1) {
        // With alpha = 1 the L1 scheme is forward Euler: the integer-order Izhikevich group must agree spike for spike.
        const integer = new Izhikevich(1, { V_initializer: -65, u_initializer: -13, method: 'euler' });
        const reference = new Runner(integer, { monitors: ['spike'], inputs: [['input', current, 'iter']], dt, progress: false });
        reference.run(length);
        const expected = spikeSteps(reference.mon.get('spike').data);
        const same = expected.length === spikes.length && expected.every((s, i) => s === spikes[i]);
        checks.alpha1_equals_euler_izhikevich = { value: spikes.length, expected: `${expected.length} spikes at the same steps as Izhikevich (euler)`, pass: same && spikes.length > 0 };
      }
    }
    const figures = await saveFigure(stackSpecs(panels, 'Fractional-order Izhikevich neuron (Caputo L1)'), path.join(o.outDir, 'fractional-izhikevich'));
    return { duration_ms: o.duration ?? 1000, steps, wall_s: wall, groups, figures, checks };
  },
};

interface FHRSet {
  Iext: number;
  duration: number;
  alphas: number[];
  numMemory?: number;
  pars: Record<string, number>;
}

/** The seed's five parameter sets (a = 0.7, b = 0.8, d = 1, delta = 0.08 throughout). */
const FHR_SETS: FHRSet[] = [
  { Iext: 0.3125, duration: 4000, alphas: [1.0, 0.98, 0.95], numMemory: 4000, pars: { c: -0.775, mu: 0.0001, w_initializer: -0.1, y_initializer: 0.1 } },
  { Iext: 0.4, duration: 3500, alphas: [1.0, 0.92, 0.85, 0.68], numMemory: 4000, pars: { c: -0.775, mu: 0.0001 } },
  { Iext: 3, duration: 500, alphas: [1.0, 0.99, 0.97, 0.95], pars: { c: -0.775, mu: 0.18 } },
  { Iext: 0.3125, duration: 3500, alphas: [1.0, 0.85, 0.8], numMemory: 3000, pars: { c: 1.3, mu: 0.0001 } },
  { Iext: 0.3125, duration: 2500, alphas: [1.0, 0.98, 0.95], pars: { c: -0.908, mu: 0.002 } },
];

export const fractionalFHR: Example = {
  name: 'fractional-fhr',
  title: '(Mondal, et. al, 2019): Fractional-order FitzHugh-Rinzel bursting neuron model',
  description:
    'Seed 001: FractionalFHR (Grünwald-Letnikov short memory) for the five parameter sets and their alphas at dt = 0.1; --duration multiplies every run length (1 = the seed).',
  defaultDuration: 1,
  async run(o) {
    const scale = o.duration ?? 1;
    const dt = 0.1;
    const figures: string[] = [];
    const groups: Record<string, GroupSummary> = {};
    const checks: Record<string, Check> = {};
    let wall = 0;
    let steps = 0;
    for (const [s, set] of FHR_SETS.entries()) {
      const duration = set.duration * scale;
      const panels: object[] = [];
      for (const alpha of set.alphas) {
        const neuron = new FractionalFHR(1, { alpha, a: 0.7, b: 0.8, d: 1, delta: 0.08, ...set.pars, ...(set.numMemory ? { num_memory: set.numMemory } : {}) });
        const runner = new Runner(neuron, { monitors: ['V', 'spike'], inputs: [['input', set.Iext]], dt, progress: false });
        wall += runner.run(duration);
        steps += runner.mon.ts.length;
        const spikes = spikeSteps(runner.mon.get('spike').data).length;
        groups[`set${s + 1}_alpha_${alpha}`] = { size: 1, spikes, rate_hz: spikes / (duration / 1000) };
        o.log(`set ${s + 1} (Iext = ${set.Iext}), alpha = ${alpha}: ${spikes} upward crossings of V = 1.8 in ${duration} ms`);
        panels.push(lineSpec(runner.mon.ts, runner.mon.get('V'), { title: `alpha = ${alpha}`, ylabel: 'V', width: 560, height: 90 }));
      }
      figures.push(...(await saveFigure(stackSpecs(panels, `Fractional FHR, set ${s + 1}: Iext = ${set.Iext}, c = ${set.pars.c}, mu = ${set.pars.mu}`), path.join(o.outDir, `fhr-set${s + 1}`))));
    }
    const set3 = groups['set3_alpha_1'].spikes;
    checks.set3_alpha1_spikes = { value: set3, expected: '> 0: with Iext = 3 and mu = 0.18 the integer-order model spikes (Mondal et al. 2019, Fig. for mu = 0.18)', pass: set3 > 0 };
    return { duration_ms: 14000 * scale, steps, wall_s: wall, groups, figures, checks };
  },
};
