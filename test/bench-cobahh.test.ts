import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { P, runCobahh, TRAUB_MILES_HH } from '../bench/cobahh.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';

const reference = JSON.parse(readFileSync(new URL('./reference/cobahh-neuron-brian2.json', import.meta.url), 'utf8')) as {
  dt_ms: number;
  duration_ms: number;
  currents_pA: number[];
  v0_mV: number;
  spike_steps: number[][];
  final_v: number[];
};

describe('cobahh benchmark (bench/cobahh.ts)', () => {
  it("integrates the neuron as bench/brian2/cobahh.py does: Brian2's spike steps and final V", () => {
    const n = reference.currents_pA.length;
    const zeros = () => new Float64Array(n);
    const group = new EquationGroup(n, TRAUB_MILES_HH, P, { V: new Float64Array(n).fill(reference.v0_mV), m: zeros(), h: zeros(), n: zeros() }, { name: 'G', method: 'exponential_euler' });
    const runner = new Runner(group, { monitors: ['spike'], inputs: [['input', Float64Array.from(reference.currents_pA)]], dt: reference.dt_ms, progress: false });
    runner.run(reference.duration_ms);
    const spikes = runner.mon.get('spike');
    for (let k = 0; k < n; k++) {
      const steps: number[] = [];
      for (let r = 0; r < spikes.rows; r++) if (spikes.data[r * n + k]) steps.push(Math.round(runner.mon.ts[r] / reference.dt_ms));
      expect(steps).toEqual(reference.spike_steps[k]);
      expect(group.variables().V[k]).toBeCloseTo(reference.final_v[k], 6);
    }
  });

  it('builds 80 synapses per neuron on average and fires', () => {
    const result = runCobahh({ n: 500, duration: 50, seed: 3 });
    // 500 * 80 connections drawn with p = 0.16: the binomial standard deviation is 73.
    expect(Math.abs(result.synapses - 500 * 80)).toBeLessThan(5 * 73);
    expect(result.spikes).toBeGreaterThan(0);
    expect(result).toMatchObject({ simulator: 'neurodyn', model: 'cobahh', N: 500, duration_ms: 50, dt_ms: 0.1 });
  });
});
