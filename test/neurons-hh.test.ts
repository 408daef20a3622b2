import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FHN, FitzHughRinzel, HH, HindmarshRose, MorrisLecar, WangBuzsaki } from '../src/models/neurons/index.js';
import type { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';

interface HHReference {
  params: Record<string, number>;
  V_th: number;
  dt: number;
  duration: number;
  every: number;
  V0: number[];
  inputs: number[];
  initial_gates: Record<string, number[]>;
  runs: { method: string; spike_steps: number[][]; traces: Record<string, number[][]> }[];
}
const reference = JSON.parse(readFileSync(new URL('./reference/neurons-hh-brian2.json', import.meta.url), 'utf8')) as HHReference;

function run(group: EquationGroup, input: number | number[], duration: number, dt: number, monitors: string[] = []) {
  const runner = new Runner(group, { monitors: ['spike', ...monitors], inputs: [['input', input]], dt, progress: false });
  runner.run(duration);
  const spike = runner.mon.get('spike');
  const steps: number[][] = Array.from({ length: spike.cols }, () => []);
  for (let r = 0; r < spike.rows; r++) for (let c = 0; c < spike.cols; c++) if (spike.data[r * spike.cols + c]) steps[c].push(r);
  return { steps, runner };
}

const intervals = (steps: number[], dt: number) => steps.slice(1).map((s, k) => (s - steps[k]) * dt);

describe('HH against Brian2', () => {
  it('starts m, h, n at their steady states for the initial V', () => {
    const g = new HH(2, { V_initializer: reference.V0 });
    for (const gate of ['m', 'h', 'n']) {
      reference.initial_gates[gate].forEach((x, k) => expect(g.variables()[gate][k]).toBeCloseTo(x, 14));
    }
  });

  const methods: Record<string, string> = { exponential_euler: 'exp_auto', rk4: 'rk4' };
  for (const ref of reference.runs) {
    it(`${methods[ref.method]} matches Brian2's ${ref.method}: same upward crossings, states within 1e-9`, () => {
      const g = new HH(2, { ...reference.params, V_th: reference.V_th, V_initializer: reference.V0, method: methods[ref.method] });
      const { steps, runner } = run(g, reference.inputs, reference.duration, reference.dt, ['V', 'm', 'h', 'n']);
      expect(steps).toEqual(ref.spike_steps);
      expect(steps[0].length).toBeGreaterThan(3);
      for (const [state, rows] of Object.entries(ref.traces)) {
        const ours = runner.mon.get(state);
        let worst = 0;
        rows.forEach((row, j) => row.forEach((x, k) => (worst = Math.max(worst, Math.abs(ours.data[((j + 1) * reference.every - 1) * ours.cols + k] - x) / Math.max(1, Math.abs(x))))));
        expect(worst, state).toBeLessThan(1e-9);
      }
    });
  }

  it('counts one spike per action potential (upward crossing, no reset)', () => {
    const { steps, runner } = run(new HH(1, { V_initializer: -65 }), 10, 100, 0.01, ['V']);
    const V = runner.mon.get('V').data;
    let above = 0;
    for (let r = 1; r < V.length; r++) if (V[r] >= 20 && V[r - 1] < 20) above++;
    expect(steps[0].length).toBe(above);
    expect(steps[0].length).toBeGreaterThan(4);
  });
});

describe('other conductance-based and reduced neurons', () => {
  it('MorrisLecar rests without input and fires regularly with 100 uA/cm^2', () => {
    expect(run(new MorrisLecar(1), 0, 1000, 0.1).steps[0]).toHaveLength(0);
    const isi = intervals(run(new MorrisLecar(1), 100, 2000, 0.1).steps[0], 0.1).slice(2);
    expect(isi.length).toBeGreaterThan(5);
    expect(Math.max(...isi) - Math.min(...isi)).toBeLessThanOrEqual(0.2 + 1e-9);
  });

  it('WangBuzsaki fires tonically with 1 uA/cm^2 (regular ISIs)', () => {
    const isi = intervals(run(new WangBuzsaki(1), 1, 500, 0.01).steps[0], 0.01).slice(2);
    expect(isi.length).toBeGreaterThan(5);
    expect(Math.max(...isi) - Math.min(...isi)).toBeLessThanOrEqual(0.02 + 1e-9);
  });

  it('FHN relaxes to its fixed point without input and oscillates with I = 1', () => {
    // Fixed point: V - V^3/3 - (V + a)/b = 0, solved by bisection.
    const f = (V: number) => V - V ** 3 / 3 - (V + 0.7) / 0.8;
    let lo = -3, hi = 0;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    const rest = new FHN(1);
    run(rest, 0, 500, 0.1);
    expect(rest.variables().V[0]).toBeCloseTo(lo, 6);
    expect(rest.variables().w[0]).toBeCloseTo((lo + 0.7) / 0.8, 6);
    expect(run(new FHN(1), 1, 500, 0.1).steps[0].length).toBeGreaterThan(5);
  });

  it('HindmarshRose bursts with I = 3 (bimodal ISIs)', () => {
    const isi = intervals(run(new HindmarshRose(1), 3, 3000, 0.01).steps[0], 0.01);
    expect(isi.length).toBeGreaterThan(10);
    expect(Math.max(...isi) / Math.min(...isi)).toBeGreaterThan(5);
  });

  it('FitzHughRinzel bursts with I = 0.3125 (bimodal ISIs)', () => {
    const isi = intervals(run(new FitzHughRinzel(1), 0.3125, 20000, 0.1).steps[0], 0.1);
    expect(isi.length).toBeGreaterThan(10);
    expect(Math.max(...isi) / Math.min(...isi)).toBeGreaterThan(5);
  });
});
