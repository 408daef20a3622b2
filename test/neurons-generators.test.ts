import { describe, expect, it } from 'vitest';
import { PoissonGroup, SpikeTimeGroup } from '../src/models/neurons/index.js';
import { seed } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { countSpikes } from './helpers.js';

describe('PoissonGroup', () => {
  it('fires at its rate (binomial bounds) and its rate can change during a run', () => {
    const P = new PoissonGroup(2000, { freqs: 20, seed: 1 });
    const runner = new Runner(P, { monitors: ['spike'], inputs: [['freqs', (t: number) => (t < 500 ? 20 : 80), 'func', '=']], dt: 0.1, progress: false });
    runner.run(1000);
    const spikes = runner.mon.get('spike').data;
    const half = spikes.length / 2;
    const first = countSpikes(spikes.subarray(0, half));
    const second = countSpikes(spikes.subarray(half));
    // 2000 neurons x 5000 steps x p: mean 20000 (p = 0.002) and 80000 (p = 0.008); 5 SD bands.
    expect(Math.abs(first - 20000)).toBeLessThan(5 * Math.sqrt(20000));
    expect(Math.abs(second - 80000)).toBeLessThan(5 * Math.sqrt(80000));
  });

  it('is reproducible from the global seed and from its own seed; per-neuron rates', () => {
    const run = (make: () => PoissonGroup) => {
      const r = new Runner(make(), { monitors: ['spike'], progress: false });
      r.run(50);
      return Array.from(r.mon.get('spike').data);
    };
    seed(7);
    const a = run(() => new PoissonGroup(50, { freqs: 100 }));
    seed(7);
    const b = run(() => new PoissonGroup(50, { freqs: 100 }));
    expect(a).toEqual(b);
    expect(run(() => new PoissonGroup(50, { freqs: 100, seed: 3 }))).toEqual(run(() => new PoissonGroup(50, { freqs: 100, seed: 3 })));
    const silent = run(() => new PoissonGroup(2, { freqs: [0, 5000] }));
    const col0 = silent.filter((_, k) => k % 2 === 0);
    const col1 = silent.filter((_, k) => k % 2 === 1);
    expect(countSpikes(col0)).toBe(0);
    expect(countSpikes(col1)).toBeGreaterThan(150);
  });

  it('rejects bad rates', () => {
    expect(() => new PoissonGroup(3, { freqs: [1, 2] })).toThrow(/freqs has 2 values for 3 neurons/);
    expect(() => new PoissonGroup(3, { freqs: -1 })).toThrow(/>= 0 Hz/);
  });
});

describe('SpikeTimeGroup', () => {
  it('fires each neuron in the first step that reaches its time, in ascending index order', () => {
    const g = new SpikeTimeGroup(4, { times: [0.3, 1.0, 0.3, 0.7, 0.31, 0.3], indices: [2, 0, 1, 3, 2, 2] });
    const runner = new Runner(g, { monitors: ['spike'], dt: 0.1, progress: false });
    const lists: number[][] = [];
    const update = g.update.bind(g);
    g.update = (ctx) => {
      update(ctx);
      lists.push(Array.from(g.spikeList.subarray(0, g.spikeCount)));
    };
    runner.run(1.5);
    expect(lists[3]).toEqual([1, 2]);
    expect(lists[4]).toEqual([2]);
    expect(lists[7]).toEqual([3]);
    expect(lists[10]).toEqual([0]);
    expect(countSpikes(runner.mon.get('spike').data)).toBe(5);
  });

  it('checks its arguments', () => {
    expect(() => new SpikeTimeGroup(2, { times: [1, 2], indices: [0] })).toThrow(/2 times but 1 indices/);
    expect(() => new SpikeTimeGroup(2, { times: [1], indices: [2] })).toThrow(/indices\[0\] = 2/);
    expect(() => new SpikeTimeGroup(2, { times: [NaN], indices: [0] })).toThrow(/times\[0\]/);
  });
});
