import { describe, expect, it } from 'vitest';
import { LIF } from '../src/models/neurons/lif.js';
import { Network } from '../src/core/network.js';
import { Runner } from '../src/runner/runner.js';
import { MonitorMemoryError, ParameterError, UnknownNameError } from '../src/core/errors.js';
import { setDt, getDt } from '../src/core/context.js';

const quiet = { progress: false } as const;

describe('Runner', () => {
  it('lists the valid paths when a monitor or input path is unknown', () => {
    const net = new Network({ E: new LIF(3) });
    expect(() => new Runner(net, { monitors: ['E.v'] })).toThrow(UnknownNameError);
    expect(() => new Runner(net, { monitors: ['E.v'] })).toThrow(/unknown monitor path 'E.v'; valid paths are: .*E\.V.*E\.input/);
    expect(() => new Runner(net, { inputs: [['X.input', 1]] })).toThrow(/unknown input path 'X.input'/);
  });

  it('applies input operations =, +, -, *, / in order, and clears inputs after each step', () => {
    const g = new LIF(2, { V_th: 1e9 });
    const runner = new Runner(g, {
      monitors: ['input'],
      inputs: [['input', 10, 'fix', '='], ['input', [1, 2], 'fix', '+'], ['input', 3, 'fix', '-'], ['input', 2, 'fix', '*'], ['input', 4, 'fix', '/']],
      ...quiet,
    });
    runner.run(0.3);
    const input = runner.mon.get('input');
    expect(Array.from(input.data.subarray(0, 2))).toEqual([4, 4.5]);
    expect(Array.from(input.data.subarray(4, 6))).toEqual([4, 4.5]);
    expect(Array.from(g.variables().input)).toEqual([0, 0]);
  });

  it('feeds iter inputs step by step and function inputs by time', () => {
    const g = new LIF(2, { V_th: 1e9 });
    const runner = new Runner(g, {
      monitors: ['input'],
      inputs: [['input', [1, 2, 3], 'iter'], { target: 'input', value: (t: number) => [t, 2 * t] }],
      dt: 0.5,
      ...quiet,
    });
    runner.run(1.5);
    expect(Array.from(runner.mon.get('input').data)).toEqual([1, 1, 2.5, 3, 4, 5]);
    expect(() => runner.run(2)).toThrow(/has 3 steps but the run needs 4/);
  });

  it('records an index subset every k-th step with its own time axis, and function monitors', () => {
    const g = new LIF(10, { V_th: 1e9, V_initializer: Array.from({ length: 10 }, (_, k) => k) });
    const runner = new Runner(g, {
      monitors: [{ path: 'V', index: [3, 7], every: 4, key: 'V37' }, { key: 'meanV', fn: () => Array.from(g.variables().V).reduce((a, b) => a + b, 0) / 10 }],
      dt: 0.1,
      ...quiet,
    });
    runner.run(1);
    const v = runner.mon.get('V37');
    expect(v.rows).toBe(3);
    expect(v.cols).toBe(2);
    expect(Array.from(v.ts)).toEqual([0, 0.4, 0.8].map((t, k) => runner.mon.ts[k * 4]));
    expect(v.data[0]).toBeCloseTo(3 * Math.exp(-0.1 / 10), 12);
    expect(runner.mon.get('meanV').rows).toBe(10);
    expect(runner.mon.get('meanV').data[9]).toBeCloseTo(4.5 * Math.exp(-1 / 10), 12);
    expect(() => runner.mon.get('nope')).toThrow(/no monitor 'nope'; monitored: V37, meanV/);
  });

  it('records function monitors that return several values, and refuses a change in their number', () => {
    const g = new LIF(3, { V_th: 1e9 });
    const pair = new Runner(g, { monitors: [{ key: 'pair', fn: (ctx) => [ctx.t, 2 * ctx.t] }], dt: 0.1, ...quiet });
    pair.run(0.5);
    const trace = pair.mon.get('pair');
    expect([trace.rows, trace.cols]).toEqual([5, 2]);
    // Row 4 is step 4: t = 4 dt.
    expect(Array.from(trace.data.subarray(8, 10))).toEqual([4 * 0.1, 2 * (4 * 0.1)]);
    const growing = new Runner(g, { monitors: [{ key: 'grows', fn: (ctx) => (ctx.i === 0 ? 1 : [1, 2]) }], dt: 0.1, ...quiet });
    expect(() => growing.run(0.2)).toThrow(/monitor 'grows' returned 2 values at t = 0.1 ms, earlier 1/);
  });

  it('continues time across runs', () => {
    const runner = new Runner(new LIF(1), { ...quiet, dt: 0.1 });
    runner.run(1);
    runner.run(1);
    expect(runner.t).toBeCloseTo(2, 12);
    expect(runner.mon.ts[0]).toBeCloseTo(1, 12);
  });

  it('refuses a monitor that would exceed the memory limit, saying how much it needs', () => {
    const runner = new Runner(new LIF(1000), { monitors: ['V'], monitorMemoryLimit: 1e6, ...quiet });
    expect(() => runner.run(1000)).toThrow(MonitorMemoryError);
    expect(() => runner.run(1000)).toThrow(/monitors would need 0\.07 GiB.*every k-th step/);
  });

  it('rejects non-positive dt, durations and sizes', () => {
    expect(() => new Runner(new LIF(1), { dt: 0 })).toThrow(ParameterError);
    expect(() => new Runner(new LIF(1), { dt: -0.1 })).toThrow(/dt \(ms\) must be a positive/);
    expect(() => new Runner(new LIF(1), quiet).run(-5)).toThrow(/duration/);
    expect(() => new Runner(new LIF(1), { dt: 0.1, ...quiet }).run(0.05)).toThrow(/not a whole number of steps/);
    expect(() => setDt(0)).toThrow(ParameterError);
  });

  it('uses the global dt unless a run sets its own', () => {
    const before = getDt();
    try {
      setDt(0.25);
      expect(new Runner(new LIF(1)).dt).toBe(0.25);
      expect(new Runner(new LIF(1), { dt: 0.05 }).dt).toBe(0.05);
    } finally {
      setDt(before);
    }
  });
});
