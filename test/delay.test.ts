import { describe, expect, it } from 'vitest';
import { All2All, FixedProb, One2One } from '../src/connect/index.js';
import { LengthDelay } from '../src/core/delay-buffer.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { AMPA, Delta, Exponential } from '../src/models/synapses/index.js';
import { CUBA } from '../src/models/synouts/index.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

/** First step at which a trace becomes non-zero. */
const onset = (trace: ArrayLike<number>, from = 0) => {
  for (let k = from; k < trace.length; k++) if (trace[k] !== 0) return k;
  return -1;
};

describe('homogeneous delay_step', () => {
  it('delivers exactly delay_step steps later for Delta, Exponential and AMPA', () => {
    for (const d of [0, 1, 5, 17]) {
      const pre = new ScheduledSpikes(1, new Map([[10, [0]]]));
      const post = new LIF(1, { V_th: 1e9 });
      const delta = new Delta(pre, post, new One2One(), { delay_step: d, output: new CUBA({ target_var: 'input' }) });
      const exp = new Exponential(pre, post, new One2One(), { delay_step: d });
      const ampa = new AMPA(pre, post, new One2One(), { delay_step: d });
      const runner = new Runner(new Network({ pre, post, delta, exp, ampa }), { monitors: ['delta.g', 'exp.g', 'ampa.g'], progress: false });
      runner.run(4);
      for (const key of ['delta.g', 'exp.g', 'ampa.g']) expect(onset(runner.mon.get(key).data)).toBe(11 + d);
    }
  });
});

describe('heterogeneous (per-connection) delays', () => {
  it('each connection delivers its own number of steps later, as a homogeneous delay of that length would', () => {
    const delays = [0, 3, 7, 12];
    const pre = new ScheduledSpikes(4, new Map([[5, [0, 1, 2, 3]], [30, [2]]]));
    const post = new LIF(4, { V_th: 1e9 });
    const hetero = new Exponential(pre, post, new One2One(), { delay_step: delays, g_max: [1, 2, 3, 4], tau: 2 });
    const homo = delays.map((d, k) => new Exponential(pre.slice(k, k + 1), post.slice(k, k + 1), new One2One(), { delay_step: d, g_max: k + 1, tau: 2 }));
    const net = new Network({ pre, post, hetero, h0: homo[0], h1: homo[1], h2: homo[2], h3: homo[3] });
    const runner = new Runner(net, { monitors: ['hetero.g', 'h0.g', 'h1.g', 'h2.g', 'h3.g'], progress: false });
    runner.run(6);
    const g = runner.mon.get('hetero.g');
    delays.forEach((d, k) => {
      const column = Array.from({ length: g.rows }, (_, r) => g.data[r * g.cols + k]);
      expect(onset(column)).toBe(6 + d);
      expect(column).toEqual(Array.from(runner.mon.get(`h${k}.g`).data));
    });
  });

  it('Delta with random per-connection delays on a random net: each event lands delay steps after its spike', () => {
    const N = 30;
    const pre = new ScheduledSpikes(N, new Map([[0, [3]]]));
    const post = new LIF(N, { V_th: 1e9 });
    const conn = new FixedProb(0.5, { seed: 4 }).build(N, N);
    const delays = Array.from({ length: conn.numConnections }, (_, k) => (k * 7) % 11);
    const syn = new Delta(pre, post, conn, { delay_step: delays, output: new CUBA({ target_var: 'input' }) });
    const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g'], progress: false });
    runner.run(2);
    const g = runner.mon.get('syn.g');
    const { indptr, indices } = conn.pre2post;
    let checked = 0;
    for (let k = indptr[3]; k < indptr[4]; k++) {
      expect(g.data[(1 + delays[k]) * N + indices[k]]).toBe(1);
      checked++;
    }
    let total = 0;
    for (let k = 0; k < g.data.length; k++) total += g.data[k];
    expect(total).toBe(checked);
    expect(checked).toBeGreaterThan(5);
  });

  it('rejects delays of the wrong count or sign, and all-to-all works through explicit rows', () => {
    const a = new LIF(3);
    expect(() => new Exponential(a, a, new One2One(), { delay_step: [1, 2] })).toThrow(/2 values for 3 connections/);
    expect(() => new Exponential(a, a, new One2One(), { delay_step: [1, -2, 0] })).toThrow(/delay_step\[1\]/);
    expect(() => new Exponential(a, a, new All2All(), { delay_step: [0, 1, 2, 0, 1, 2, 0, 1, 2] })).not.toThrow();
  });
});

describe('LengthDelay', () => {
  it('returns the value recorded d updates ago, the target at construction as the newest, and initial data before', () => {
    const x = [1, 2];
    const delay = new LengthDelay(x, 3, 7);
    expect(Array.from(delay.retrieve(0))).toEqual([1, 2]);
    expect(Array.from(delay.retrieve(3))).toEqual([7, 7]);
    for (let n = 1; n <= 5; n++) delay.update([10 * n, 10 * n + 1]);
    expect(Array.from(delay.retrieve(0))).toEqual([50, 51]);
    expect(Array.from(delay.retrieve(3))).toEqual([20, 21]);
    expect(Array.from(delay.retrieve([1, 2]))).toEqual([40, 31]);
    expect(delay.at(2, 1)).toBe(31);
    expect(() => delay.retrieve(4)).toThrow(/outside 0..3/);
    expect(() => delay.update([1])).toThrow(/1 values for 2/);
  });

  it('takes initial data from a function, and runs a delay equation (x(t - tau) lags by exactly delay_len steps)', () => {
    const delay = new LengthDelay([0], 4, (n) => new Array(n).fill(-1));
    expect(delay.retrieve(4)[0]).toBe(-1);
    const history: number[] = [];
    for (let step = 0; step < 20; step++) {
      const value = Math.sin(step);
      delay.update([value]);
      history.push(value);
      if (step >= 4) expect(delay.retrieve(4)[0]).toBe(history[step - 4]);
    }
  });
});
