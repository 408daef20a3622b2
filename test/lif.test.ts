import { describe, expect, it } from 'vitest';
import { LIF } from '../src/models/neurons/lif.js';
import { Runner } from '../src/runner/runner.js';
import { NonFiniteStateError, ParameterError } from '../src/core/errors.js';

function spikeTimes(ts: Float64Array, data: ArrayLike<number>): number[] {
  const times: number[] = [];
  for (let r = 0; r < ts.length; r++) if (data[r]) times.push(ts[r]);
  return times;
}

describe('LIF', () => {
  const cases = [
    { method: 'exp_auto', tau_ref: 5, I: 20 },
    { method: 'exp_auto', tau_ref: 0, I: 35 },
    { method: 'rk4', tau_ref: 2, I: 25 },
    { method: 'euler', tau_ref: 5, I: 20 },
  ];
  for (const { method, tau_ref, I } of cases) {
    it(`fires with the analytic interspike interval (${method}, tau_ref ${tau_ref}, I ${I})`, () => {
      const V_rest = -60, V_reset = -65, V_th = -50, tau = 20, dt = 0.1;
      const neuron = new LIF(1, { V_rest, V_reset, V_th, tau, tau_ref, V_initializer: V_reset, method });
      const runner = new Runner(neuron, { monitors: ['spike'], inputs: [['input', I]], dt, progress: false });
      runner.run(500);
      const times = spikeTimes(runner.mon.ts, runner.mon.get('spike').data);
      expect(times.length).toBeGreaterThan(5);
      const V_inf = V_rest + I;
      const expected = tau * Math.log((V_inf - V_reset) / (V_inf - V_th)) + tau_ref;
      for (let k = 1; k < times.length; k++) expect(Math.abs(times[k] - times[k - 1] - expected)).toBeLessThanOrEqual(dt + 1e-9);
    });
  }

  it('holds V for tau_ref/dt steps after a spike (50 steps for 5 ms at dt 0.1)', () => {
    const neuron = new LIF(1, { V_rest: 0, V_reset: 0, V_th: 1, tau: 1, tau_ref: 5, V_initializer: 0.5 });
    const runner = new Runner(neuron, { monitors: ['V', 'spike', 'refractory'], inputs: [['input', 100]], dt: 0.1, progress: false });
    runner.run(10);
    const V = runner.mon.get('V').data;
    const spikes = spikeTimes(runner.mon.ts, runner.mon.get('spike').data).map((t) => Math.round(t / 0.1));
    const first = spikes[0];
    for (let s = first + 1; s <= first + 50; s++) expect(V[s]).toBe(0);
    // The input is strong enough to fire on the first free step, so the next spike is 51 steps later.
    expect(spikes[1]).toBe(first + 51);
    expect(runner.mon.get('refractory').data[first + 50]).toBe(1);
  });

  it('uses BrainPy defaults and validates parameters', () => {
    const g = new LIF(3);
    expect(g.params).toMatchObject({ V_rest: 0, V_reset: -5, V_th: 20, R: 1, tau: 10 });
    expect(g.refractoryPeriod).toBeUndefined();
    expect(() => new LIF(3, { tau: 0 })).toThrow(/tau.*positive/);
    expect(() => new LIF(3, { tau_ref: -1 })).toThrow(ParameterError);
    expect(() => new LIF(3, { V_initializer: [1, 2] })).toThrow(/2.*3|3.*2/);
    expect(() => new LIF(0)).toThrow(/size/);
    expect(new LIF([4, 5]).num).toBe(20);
  });

  it('accepts one parameter value per neuron', () => {
    const taus = [5, 10, 20];
    const g = new LIF(3, { tau: taus, V_rest: 0, V_initializer: 10 });
    new Runner(g, { dt: 0.1, progress: false }).run(1);
    const V = g.variables().V;
    taus.forEach((tau, k) => expect(V[k]).toBeCloseTo(10 * Math.exp(-1 / tau), 12));
  });

  it('reports a NaN with group, variable, neuron and time', () => {
    const g = new LIF(4, { name: 'Exc', V_initializer: 0 });
    const input = new Float64Array(4);
    input[2] = Number.POSITIVE_INFINITY;
    const runner = new Runner(g, { inputs: [['input', (t: number) => (t >= 0.25 ? input : 0)]], dt: 0.1, progress: false });
    expect(() => runner.run(1)).toThrow(NonFiniteStateError);
    expect(() => new Runner(new LIF(4, { name: 'Exc2', V_initializer: 0 }), { inputs: [['input', (t: number) => (t >= 0.25 ? input : 0)]], progress: false }).run(1)).toThrow(
      /variable 'V' of neuron 2 in group 'Exc2' \(LIF\) became non-finite at t = 0\.3000 ms/,
    );
  });

  it('stores float32 state when asked, computing the same spikes', () => {
    const make = (dtype: 'float32' | 'float64') => {
      const g = new LIF(50, { V_rest: -60, V_reset: -60, V_th: -50, tau: 20, tau_ref: 5, V_initializer: Array.from({ length: 50 }, (_, k) => -60 + k * 0.2), dtype });
      const r = new Runner(g, { monitors: ['spike'], inputs: [['input', 12]], progress: false });
      r.run(200);
      return { V: g.variables().V, spikes: Array.from(r.mon.get('spike').data).reduce((a, b) => a + b, 0) };
    };
    const f32 = make('float32');
    const f64 = make('float64');
    expect(f32.V).toBeInstanceOf(Float32Array);
    expect(Math.abs(f32.spikes - f64.spikes)).toBeLessThanOrEqual(2);
  });
});
