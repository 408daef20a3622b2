import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AdExIF, AdQuaIF, ExpIF, GIF, Izhikevich, QuaIF } from '../src/models/neurons/index.js';
import type { EquationGroup } from '../src/core/equation-group.js';
import { ParameterError } from '../src/core/errors.js';
import { Runner } from '../src/runner/runner.js';

interface Brian2Case {
  name: string;
  method: string;
  dt: number;
  duration: number;
  every: number;
  params: Record<string, number>;
  init: Record<string, number>;
  spike_steps: number[];
  traces: Record<string, number[]>;
}
const reference = JSON.parse(readFileSync(new URL('./reference/neurons-if-brian2.json', import.meta.url), 'utf8')) as { cases: Brian2Case[] };

function spikeSteps(group: EquationGroup, input: number, duration: number, dt: number, monitors: string[] = []) {
  const runner = new Runner(group, { monitors: ['spike', ...monitors], inputs: [['input', input]], dt, progress: false });
  runner.run(duration);
  const spikes = runner.mon.get('spike').data;
  const steps: number[] = [];
  for (let r = 0; r < spikes.length; r++) if (spikes[r]) steps.push(r);
  return { steps, runner };
}

function build(c: Brian2Case): EquationGroup {
  const params: Record<string, number> = { ...c.params };
  delete params.I;
  if (c.name.startsWith('izhikevich')) return new Izhikevich(1, { ...params, method: c.method, V_initializer: c.init.V, u_initializer: c.init.u });
  return new AdExIF(1, { ...params, method: c.method, V_initializer: c.init.V, w_initializer: c.init.w });
}

describe('Izhikevich and AdExIF against Brian2 (same equations, method and dt)', () => {
  for (const c of reference.cases) {
    it(`${c.name}: identical spike steps and states within 1e-9 relative`, () => {
      const { steps, runner } = spikeSteps(build(c), c.params.I, c.duration, c.dt, Object.keys(c.traces));
      expect(steps).toEqual(c.spike_steps);
      expect(steps.length).toBeGreaterThan(3);
      for (const [state, trace] of Object.entries(c.traces)) {
        const ours = runner.mon.get(state).data;
        let worst = 0;
        trace.forEach((value, j) => {
          const diff = Math.abs(ours[(j + 1) * c.every - 1] - value) / Math.max(1, Math.abs(value));
          worst = Math.max(worst, diff);
        });
        expect(worst, `${state}`).toBeLessThan(1e-9);
      }
    });
  }
});

describe('analytic rheobases', () => {
  // QuaIF: c (V - V_rest)(V - V_c) + R I has a root iff R I <= c (V_c - V_rest)^2 / 4.
  const quaRheobase = (0.07 * 15 * 15) / 4;
  // ExpIF: -(V - V_rest) + delta_T exp((V - V_T)/delta_T) + R I is smallest at V = V_T.
  const expRheobase = -59.9 + 65 - 3.48;
  const cases = [
    { name: 'QuaIF', make: () => new QuaIF(1, { V_initializer: -65 }), rheobase: quaRheobase },
    { name: 'ExpIF', make: () => new ExpIF(1, { V_initializer: -65 }), rheobase: expRheobase },
  ];
  for (const { name, make, rheobase } of cases) {
    it(`${name} stays silent 2% below its rheobase (${rheobase.toFixed(4)}) and fires 2% above`, () => {
      expect(spikeSteps(make(), 0.98 * rheobase, 1500, 0.05).steps).toHaveLength(0);
      expect(spikeSteps(make(), 1.02 * rheobase, 1500, 0.05).steps.length).toBeGreaterThan(0);
    });
  }

  it('QuaIF without input fires from above V_c and relaxes to V_rest from below', () => {
    expect(spikeSteps(new QuaIF(1, { V_initializer: -49 }), 0, 200, 0.1).steps.length).toBeGreaterThan(0);
    const below = new QuaIF(1, { V_initializer: -51 });
    expect(spikeSteps(below, 0, 500, 0.1).steps).toHaveLength(0);
    expect(below.variables().V[0]).toBeCloseTo(-65, 3);
  });
});

describe('resets and refractoriness', () => {
  it('GIF raises V_th to V_th_reset at a spike and applies the current resets', () => {
    const g = new GIF(1, { a: 0, b: 0, A1: 10, A2: -0.6, V_th_reset: -40, Vth_initializer: -50, method: 'euler' });
    const { steps, runner } = spikeSteps(g, 2, 100, 0.1, ['V_th', 'I1', 'I2', 'V']);
    expect(steps.length).toBeGreaterThan(0);
    const s = steps[0];
    expect(runner.mon.get('V_th').data[s]).toBe(-40);
    expect(runner.mon.get('V').data[s]).toBe(-70);
    expect(runner.mon.get('I1').data[s]).toBe(10);
    expect(runner.mon.get('I2').data[s]).toBe(-0.6);
  });

  it('Izhikevich resets V to c and adds d to u; tau_ref holds V only', () => {
    const g = new Izhikevich(1, { c: -50, d: 2, tau_ref: 2, V_initializer: -65, u_initializer: -13 });
    const { steps, runner } = spikeSteps(g, 15, 100, 0.1, ['V', 'u']);
    const s = steps[0];
    const V = runner.mon.get('V').data;
    const u = runner.mon.get('u').data;
    expect(V[s]).toBe(-50);
    for (let k = s + 1; k <= s + 20; k++) expect(V[k]).toBe(-50);
    expect(V[s + 21]).not.toBe(-50);
    expect(u[s + 1]).not.toBe(u[s]);
    expect(steps[1] - steps[0]).toBeGreaterThan(20);
  });

  it('AdQuaIF adds b to w at each spike', () => {
    const g = new AdQuaIF(1, { V_initializer: -65, method: 'euler' });
    const { steps, runner } = spikeSteps(g, 20, 50, 0.1, ['w']);
    const w = runner.mon.get('w').data;
    expect(steps.length).toBeGreaterThan(0);
    const s = steps[0];
    // w after the spike step = Euler step from w[s-1] plus b = 0.1
    expect(w[s] - w[s - 1]).toBeGreaterThan(0.09);
  });
});

describe('defaults and option checks', () => {
  it('use BrainPy 2.3 defaults', () => {
    expect(new ExpIF(1).params).toMatchObject({ V_rest: -65, V_reset: -68, V_th: -30, V_T: -59.9, delta_T: 3.48, R: 1, tau: 10 });
    expect(new AdExIF(1).params).toMatchObject({ a: 1, b: 1, tau_w: 30 });
    expect(new AdExIF(1).refractoryPeriod).toBeUndefined();
    expect(new QuaIF(1).params).toMatchObject({ V_c: -50, c: 0.07 });
    expect(new AdQuaIF(1).params).toMatchObject({ a: 1, b: 0.1, c: 0.07, tau_w: 10 });
    expect(new GIF(1).params).toMatchObject({ V_th_inf: -50, V_th_reset: -60, R: 20, tau: 20, b: 0.01, k1: 0.2, k2: 0.02, R2: 1 });
    const izh = new Izhikevich(2);
    expect(izh.params).toMatchObject({ a: 0.02, b: 0.2, c: -65, d: 8, V_th: 30 });
    expect(Array.from(izh.variables().V)).toEqual([0, 0]);
    expect(Array.from(izh.variables().u)).toEqual([1, 1]);
    expect(Array.from(new GIF(1).variables().V_th)).toEqual([-50]);
  });

  it('name the bad option and the model', () => {
    expect(() => new Izhikevich(1, { tua: 3 } as never)).toThrow(/Izhikevich has no option 'tua'/);
    expect(() => new AdExIF(1, { tau_w: 0 })).toThrow(ParameterError);
    expect(() => new AdExIF(1, { tau_w: 0 })).toThrow(/AdExIF tau_w must be positive/);
    expect(() => new ExpIF(1, { tau_ref: -1 })).toThrow(/ExpIF tau_ref/);
    expect(() => new GIF(3, { V_initializer: [1, 2] })).toThrow(/GIF V_initializer/);
    expect(() => new QuaIF(1, { method: 'rk7' })).toThrow(/unknown integration method/);
  });
});
