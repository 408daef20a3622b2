import { describe, expect, it } from 'vitest';
import { Exponential } from '../src/models/synapses/exponential.js';
import { COBA, CUBA } from '../src/models/synouts/syn-out.js';
import { LIF } from '../src/models/neurons/lif.js';
import { All2All, FixedProb, One2One } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

describe('synaptic outputs', () => {
  it('name a target the postsynaptic group lacks, or one that is not a floating-point variable', () => {
    const post = new LIF(4, { name: 'P' });
    const make = (target_var: string) => () => new Exponential(post, post, new All2All(), { g_max: 0.1, output: new CUBA({ target_var }) });
    expect(make('nope')).toThrow(/CUBA output of synapse '.*': postsynaptic group 'P' has no variable 'nope'/);
    expect(make('spike')).toThrow(/the current is added to 'spike' of group 'P', which is not a floating-point variable/);
    expect(make('V')).not.toThrow();
  });
});

describe('Exponential synapse', () => {
  it('decays exactly as g_max * exp(-t/tau) after one spike, arriving one step after it', () => {
    const pre = new ScheduledSpikes(1, new Map([[10, [0]]]));
    const post = new LIF(1, { V_rest: 0, V_th: 1e9, tau: 10 });
    const syn = new Exponential(pre, post, new One2One(), { g_max: 0.7, tau: 5 });
    const net = new Network({ pre, post, syn });
    const runner = new Runner(net, { monitors: ['syn.g'], dt: 0.1, progress: false });
    runner.run(30);
    const g = runner.mon.get('syn.g').data;
    expect(g[10]).toBe(0);
    expect(g[11]).toBe(0.7);
    for (let step = 11; step < 300; step++) {
      expect(Math.abs(g[step] - 0.7 * Math.exp(-(step - 11) * 0.1 / 5))).toBeLessThan(1e-14);
    }
  });

  it('delays arrival by delay_step steps', () => {
    const pre = new ScheduledSpikes(1, new Map([[10, [0]]]));
    const post = new LIF(1, { V_th: 1e9 });
    const syn = new Exponential(pre, post, new One2One(), { g_max: 1, tau: 5, delay_step: 7 });
    const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g'], progress: false });
    runner.run(5);
    const g = runner.mon.get('syn.g').data;
    expect(g[17]).toBe(0);
    expect(g[18]).toBe(1);
  });

  it('CUBA adds g to the postsynaptic input, COBA adds g * (E - V), both before the neuron integrates', () => {
    const schedule = new Map([[0, [0]]]);
    const preA = new ScheduledSpikes(1, schedule);
    const preB = new ScheduledSpikes(1, schedule);
    const cuba = new LIF(1, { V_rest: 0, V_th: 1e9, tau: 10, V_initializer: -10 });
    const coba = new LIF(1, { V_rest: 0, V_th: 1e9, tau: 10, V_initializer: -10 });
    const s1 = new Exponential(preA, cuba, new One2One(), { g_max: 2, tau: 5, output: new CUBA() });
    const s2 = new Exponential(preB, coba, new One2One(), { g_max: 2, tau: 5, output: new COBA({ E: 20 }) });
    const runner = new Runner(new Network({ preA, preB, cuba, coba, s1, s2 }), { monitors: ['cuba.input', 'coba.input', 'cuba.V'], progress: false });
    runner.run(0.2);
    expect(runner.mon.get('cuba.input').data[1]).toBe(2);
    // V at the start of step 1 is V after step 0: -10 relaxed towards 0 for one step.
    const V1 = -10 * Math.exp(-0.1 / 10);
    expect(runner.mon.get('coba.input').data[1]).toBeCloseTo(2 * (20 - V1), 12);
    // The membrane integrated that input within the same step (exponential Euler, exact for constant I).
    expect(runner.mon.get('cuba.V').data[1]).toBeCloseTo(2 + (V1 - 2) * Math.exp(-0.1 / 10), 12);
  });

  it('propagates along the connectivity only, from a slice of a group', () => {
    const net = new ScheduledSpikes(10, new Map([[0, [2, 7]]]));
    const post = new LIF(10, { V_th: 1e9 });
    const fromTail = new Exponential(net.slice(5), post, new FixedProb(0.5, { seed: 3 }), { g_max: 1, tau: 5 });
    const runner = new Runner(new Network({ net, post, fromTail }), { monitors: ['fromTail.g'], progress: false });
    runner.run(0.2);
    const g = runner.mon.get('fromTail.g').data.subarray(10, 20);
    const { indptr, indices } = fromTail.conn.pre2post;
    const expected = new Float64Array(10);
    for (let k = indptr[2]; k < indptr[3]; k++) expected[indices[k]] += 1; // neuron 7 is row 2 of the slice
    expect(Array.from(g)).toEqual(Array.from(expected));
  });

  it('all-to-all with one weight matches the explicit sum, with and without self-connections', () => {
    for (const include_self of [true, false]) {
      const pre = new ScheduledSpikes(50, new Map([[0, [1, 4, 9, 30]]]));
      const post = new LIF(50, { V_th: 1e9 });
      const syn = new Exponential(pre, post, new All2All({ include_self }), { g_max: 0.5, tau: 5 });
      const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g'], progress: false });
      runner.run(0.2);
      const g = runner.mon.get('syn.g').data.subarray(50, 100);
      for (let j = 0; j < 50; j++) {
        const selfSpike = [1, 4, 9, 30].includes(j) && !include_self ? 1 : 0;
        expect(g[j]).toBeCloseTo(0.5 * (4 - selfSpike), 12);
      }
    }
  });

  it('rejects a bad time constant, weights of the wrong length, and an output to a missing variable', () => {
    const a = new LIF(5);
    expect(() => new Exponential(a, a, new One2One(), { tau: -1 })).toThrow(/tau.*positive/);
    expect(() => new Exponential(a, a, new One2One(), { g_max: [1, 2] })).toThrow(/2 values for 5 connections/);
    expect(() => new Exponential(a, a, new One2One(), { output: new CUBA({ target_var: 'ge' }) })).toThrow(/no variable 'ge'/);
  });
});
