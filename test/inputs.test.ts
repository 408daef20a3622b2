import { describe, expect, it } from 'vitest';
import { constantInput, ouProcess, rampInput, sectionInput, sinusoidalInput, spikeInput, squareInput, wienerProcess } from '../src/inputs/index.js';
import { ParameterError } from '../src/core/errors.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Runner } from '../src/runner/runner.js';

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
const variance = (a: ArrayLike<number>) => {
  const m = mean(a);
  return mean(Array.from(a, (v) => (v - m) ** 2));
};

describe('sectionInput and constantInput', () => {
  it('scalar sections give a Float64Array and the total duration (return_length)', () => {
    const { current, duration } = sectionInput([0, 1, 2], [0.2, 0.3, 0.1], 0.1);
    expect(Array.from(current)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(duration).toBeCloseTo(0.6, 12);
  });

  it('vector sections give a steps x neurons matrix, scalars fill whole rows', () => {
    const { current } = sectionInput([0, [0.3, 0], 1], [0.1, 0.2, 0.1], 0.1);
    expect(current).toEqual({ rows: 4, cols: 2, data: Float64Array.from([0, 0, 0.3, 0, 0.3, 0, 1, 1]) });
    expect(() => sectionInput([[1, 2], [1, 2, 3]], [1, 1], 0.1)).toThrow(/different lengths \(2, 3\)/);
    expect(() => sectionInput([1], [1, 2])).toThrow(ParameterError);
  });

  it('drives a group per neuron through the runner', () => {
    const { current, duration } = sectionInput([[0, 30], 0], [1, 1], 0.1);
    const lif = new LIF(2, { V_rest: 0, V_th: 100, tau: 10 });
    new Runner(lif, { inputs: [['input', current, 'iter']], dt: 0.1, progress: false }).run(duration);
    const V = lif.variables().V;
    expect(V[0]).toBe(0);
    expect(V[1]).toBeGreaterThan(1);
  });

  it('constantInput has the old one-section form and BrainPy\'s pairs form', () => {
    expect(Array.from(constantInput(2, 0.3, 0.1))).toEqual([2, 2, 2]);
    const { current, duration } = constantInput([[1.5, 0.2], [0, 0.1]], 0.1);
    expect([Array.from(current as Float64Array), duration]).toEqual([[1.5, 1.5, 0], expect.closeTo(0.3, 12)]);
  });
});

describe('shaped inputs', () => {
  it('rampInput: linear from c_start to c_end inside the window, zero outside', () => {
    const ramp = rampInput(0, 80, 25, { t_start: 5, t_end: 20, dt: 1 });
    expect(ramp.length).toBe(25);
    expect(ramp[4]).toBe(0);
    expect(ramp[5]).toBe(0);
    expect(ramp[19]).toBeCloseTo(80, 12);
    expect(ramp[12] - ramp[11]).toBeCloseTo(80 / 14, 12);
    expect(ramp[20]).toBe(0);
    expect(() => rampInput(0, 1, 10, { t_start: 5, t_end: 2, dt: 1 })).toThrow(/before t_start/);
  });

  it('spikeInput: pulses of given lengths and sizes', () => {
    const s = spikeInput([1, 5], [2, 1], 0.5, 8, 1);
    expect(Array.from(s)).toEqual([0, 0.5, 0.5, 0, 0, 0.5, 0, 0]);
    expect(() => spikeInput([1, 2], [1], 1, 5, 1)).toThrow(/1 sp_lens for 2 spike times/);
  });

  it('sinusoidal and square inputs have the right period, amplitude and bias', () => {
    const dt = 0.1;
    const sin = sinusoidalInput(2, 10, 200, { dt }); // 10 Hz: 100 ms period
    expect(sin[250]).toBeCloseTo(2, 9); // 25 ms = quarter period
    expect(sin[1000 + 250]).toBeCloseTo(2, 9);
    expect(Math.min(...sinusoidalInput(2, 10, 200, { dt, bias: true }))).toBeGreaterThanOrEqual(-1e-12);
    const sq = squareInput(1, 10, 200, { dt, t_start: 50 });
    expect([sq[0], sq[500 + 10], sq[500 + 600]]).toEqual([0, 1, -1]);
    expect(mean(sq.subarray(500, 1500))).toBeCloseTo(0, 9);
  });
});

describe('noise inputs', () => {
  it('wienerProcess: increments with variance dt, reproducible per seed, zero outside the window', () => {
    const w = wienerProcess(1000, { n: 4, dt: 0.1, seed: 3, t_start: 100 });
    expect([w.rows, w.cols]).toEqual([10000, 4]);
    expect(w.data.subarray(0, 4000).every((v) => v === 0)).toBe(true);
    expect(variance(w.data.subarray(4000))).toBeCloseTo(0.1, 2);
    expect(wienerProcess(1000, { n: 4, dt: 0.1, seed: 3, t_start: 100 }).data).toEqual(w.data);
    expect(wienerProcess(1000, { n: 4, dt: 0.1, seed: 4, t_start: 100 }).data).not.toEqual(w.data);
  });

  it('ouProcess: stationary mean and variance sigma^2 tau / 2', () => {
    const [mu, sigma, tau] = [1, 0.5, 10];
    const ou = ouProcess(mu, sigma, tau, 20000, { dt: 0.1, n: 8, seed: 1 });
    const tail = ou.data.subarray(1000 * 8);
    expect(mean(tail)).toBeCloseTo(mu, 1);
    expect(variance(tail) / ((sigma * sigma * tau) / 2)).toBeGreaterThan(0.9);
    expect(variance(tail) / ((sigma * sigma * tau) / 2)).toBeLessThan(1.1);
    expect(() => ouProcess(0, 1, 0, 10)).toThrow(/tau must be > 0/);
  });
});
