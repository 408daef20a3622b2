import { describe, expect, it } from 'vitest';
import { One2One } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { AMPA, Exponential } from '../src/models/synapses/index.js';
import { STD, STP } from '../src/models/stp/index.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

const dt = 0.1;

/** A presynaptic neuron firing every `period` steps from step 0, into an Exponential synapse with plasticity. */
function regularTrain(stp: STD | STP, period: number, spikes: number) {
  const schedule = new Map<number, number[]>();
  for (let n = 0; n < spikes; n++) schedule.set(n * period, [0]);
  const pre = new ScheduledSpikes(1, schedule);
  const post = new LIF(1, { V_th: 1e9 });
  const syn = new Exponential(pre, post, new One2One(), { g_max: 2, tau: 1, stp });
  const vars = Object.keys(stp.variables()).map((v) => `syn.stp_${v}`);
  const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g', ...vars], dt, progress: false });
  runner.run(period * spikes * dt);
  /** Values in the step the n-th spike arrives (one step after it is emitted), after the spike's update. */
  return (key: string, n: number) => runner.mon.get(key).data[n * period + 1];
}

describe('STP (Tsodyks-Markram) under regular stimulation', () => {
  for (const [rate, U, tau_f, tau_d] of [
    [20, 0.15, 1500, 200],
    [50, 0.5, 50, 800],
    [5, 0.05, 300, 100],
  ]) {
    it(`reaches u+ = U / (1 - (1-U) e^(-T/tau_f)) and x- = (1 - e^(-T/tau_d)) / (1 - (1-u+) e^(-T/tau_d)) at ${rate} Hz, U=${U}`, () => {
      const period = Math.round(1000 / rate / dt);
      const T = period * dt;
      const spikes = 400;
      const get = regularTrain(new STP({ U, tau_f, tau_d }), period, spikes);
      const uSS = U / (1 - (1 - U) * Math.exp(-T / tau_f));
      const xMinus = (1 - Math.exp(-T / tau_d)) / (1 - (1 - uSS) * Math.exp(-T / tau_d));
      const last = spikes - 1;
      const u = get('syn.stp_u', last);
      const xPlus = get('syn.stp_x', last);
      expect(u).toBeCloseTo(uSS, 10);
      expect(xPlus / (1 - u)).toBeCloseTo(xMinus, 10);
      // The first spike sets u = U (u starts at 0) and uses U of the resources.
      expect(get('syn.stp_u', 0)).toBeCloseTo(U, 14);
      expect(get('syn.stp_x', 0)).toBeCloseTo(1 - U, 14);
      // The synapse receives g_max * u * x (after the spike's update), on top of the decayed g.
      const before = get('syn.g', last) - 2 * u * xPlus;
      expect(before).toBeCloseTo(get('syn.g', last - 1) * Math.exp(-T / 1), 10);
    });
  }

  it('depresses at high rates and facilitates at low U and long tau_f, as the theory says', () => {
    const depressing = regularTrain(new STP({ U: 0.5, tau_f: 50, tau_d: 800 }), 250, 20);
    const facilitating = regularTrain(new STP({ U: 0.05, tau_f: 1500, tau_d: 50 }), 250, 20);
    const efficacy = (get: typeof depressing, n: number) => get('syn.stp_u', n) * get('syn.stp_x', n);
    expect(efficacy(depressing, 19)).toBeLessThan(0.5 * efficacy(depressing, 0));
    expect(efficacy(facilitating, 19)).toBeGreaterThan(2 * efficacy(facilitating, 0));
  });
});

describe('STD', () => {
  it('reaches x- = (1 - e^(-T/tau)) / (1 - (1-U) e^(-T/tau)) with BrainPy defaults (tau 200, U 0.07)', () => {
    const period = 100;
    const T = period * dt;
    const get = regularTrain(new STD(), period, 300);
    const e = Math.exp(-T / 200);
    const xMinus = (1 - e) / (1 - (1 - 0.07) * e);
    expect(get('syn.stp_x', 299) / (1 - 0.07)).toBeCloseTo(xMinus, 10);
    expect(get('syn.stp_x', 0)).toBeCloseTo(0.93, 14);
  });

  it('scales an AMPA conductance by x, per presynaptic neuron', () => {
    const pre = new ScheduledSpikes(1, new Map([[0, [0]], [20, [0]]]));
    const post = new LIF(1, { V_th: 1e9 });
    const plain = new AMPA(pre, post, new One2One());
    const depressed = new AMPA(pre, post, new One2One(), { stp: new STD({ U: 0.3 }) });
    const runner = new Runner(new Network({ pre, post, plain, depressed }), { monitors: ['plain.g_post', 'depressed.g_post', 'depressed.stp_x'], dt, progress: false });
    runner.run(5);
    const a = runner.mon.get('plain.g_post').data;
    const b = runner.mon.get('depressed.g_post').data;
    const x = runner.mon.get('depressed.stp_x').data;
    for (const step of [3, 25, 40]) expect(b[step]).toBeCloseTo(a[step] * x[step], 14);
    expect(x[1]).toBeCloseTo(0.7, 14);
  });

  it('refuses to serve two synapses, and per-connection delays', () => {
    const a = new LIF(2);
    const std = new STD();
    new Exponential(a, a, new One2One(), { stp: std });
    expect(() => new Exponential(a, a, new One2One(), { stp: std })).toThrow(/already attached/);
    expect(() => new Exponential(a, a, new One2One(), { stp: new STP(), delay_step: [1, 2] })).toThrow(/one number/);
  });
});
