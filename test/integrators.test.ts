import { describe, expect, it } from 'vitest';
import { defineModel } from '../src/core/model.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';
import { odeint } from '../src/integrators/odeint.js';
import { ParameterError } from '../src/core/errors.js';

/** dy/dt = y cos(t), y(0) = 1, so y(t) = exp(sin t). */
const GROWTH = defineModel('Growth', { equations: { y: 'y * cos(t)' } }, []);
/** dy/dt = (a - y) / tau: linear, so exponential Euler is exact. */
const RELAX = defineModel('Relax', { equations: { y: '(a - y) / tau' } }, ['a', 'tau']);

function finalValue(model: typeof GROWTH, params: Record<string, number>, y0: number, method: string, dt: number, duration: number): number {
  const group = new EquationGroup(1, model, params, { y: [y0] }, { method });
  new Runner(group, { dt, progress: false }).run(duration);
  return group.variables().y[0];
}

function observedOrder(errorAt: (dt: number) => number): number {
  const e1 = errorAt(0.1);
  const e2 = errorAt(0.05);
  return Math.log2(e1 / e2);
}

describe('generated integrators', () => {
  const exact = Math.exp(Math.sin(2));
  const orders: [string, number][] = [['euler', 1], ['midpoint', 2], ['heun', 2], ['rk2', 2], ['rk4', 4]];
  for (const [method, order] of orders) {
    it(`${method} converges with order ${order}`, () => {
      const p = observedOrder((dt) => Math.abs(finalValue(GROWTH, {}, 1, method, dt, 2) - exact));
      expect(p).toBeGreaterThan(order - 0.25);
      expect(p).toBeLessThan(order + 0.5);
    });
  }

  it('exp_euler and exp_auto are exact on a linear equation', () => {
    for (const method of ['exp_euler', 'exp_auto']) {
      const y = finalValue(RELAX, { a: 3, tau: 7 }, -2, method, 0.5, 20);
      expect(Math.abs(y - (3 + (-2 - 3) * Math.exp(-20 / 7)))).toBeLessThan(1e-12);
    }
    // Euler on the same equation is not exact, so the check above can fail.
    const euler = finalValue(RELAX, { a: 3, tau: 7 }, -2, 'euler', 0.5, 20);
    expect(Math.abs(euler - (3 + (-2 - 3) * Math.exp(-20 / 7)))).toBeGreaterThan(1e-4);
  });

  it('exp_auto is first order on a nonlinear equation', () => {
    const p = observedOrder((dt) => Math.abs(finalValue(GROWTH, {}, 1, 'exp_auto', dt, 2) - exact));
    expect(p).toBeGreaterThan(0.75);
  });

  it('rejects an unknown method, naming the valid ones', () => {
    expect(() => new EquationGroup(1, GROWTH, {}, { y: [1] }, { method: 'rk5' })).toThrow(/unknown integration method 'rk5'.*rk4/);
  });
});

describe('odeint on plain TypeScript functions', () => {
  const f = (y: number, t: number) => y * Math.cos(t);
  function integrate(method: string, dt: number): number {
    const step = odeint(f, { method });
    let y = 1;
    const n = Math.round(2 / dt);
    for (let i = 0; i < n; i++) y = step(y, i * dt, dt);
    return y;
  }

  it('matches the orders of the generated integrators', () => {
    const exact = Math.exp(Math.sin(2));
    for (const [method, order] of [['euler', 1], ['rk2', 2], ['rk4', 4]] as const) {
      const p = observedOrder((dt) => Math.abs(integrate(method, dt) - exact));
      expect(p, method).toBeGreaterThan(order - 0.25);
    }
  });

  it('exp_auto with a numerical linear coefficient is exact on a linear equation, with extra arguments', () => {
    const step = odeint((V, _t, I) => (-V + I) / 10, { method: 'exp_auto' });
    let V = 0;
    for (let i = 0; i < 100; i++) V = step(V, i * 0.1, 0.1, 5);
    expect(V).toBeCloseTo(5 * (1 - Math.exp(-1)), 9);
  });

  it('integrates vector systems', () => {
    // Harmonic oscillator: energy is conserved to O(dt^4) by rk4 over one period.
    const step = odeint(([x, v]) => [v, -x], { method: 'rk4', vector: true });
    let y = [1, 0];
    const dt = 0.01;
    for (let i = 0; i < Math.round((2 * Math.PI) / dt); i++) y = step(y, i * dt, dt);
    expect(y[0]).toBeCloseTo(1, 4);
    expect(() => odeint(f, { method: 'nope' })).toThrow(ParameterError);
  });
});

describe('threshold by upward crossing', () => {
  it('fires once per crossing, not on every step above threshold', () => {
    // x rises linearly past 1 and stays there: a level threshold fires every step, a crossing once.
    const ramp = (thresholdCrossing: boolean) => defineModel('Ramp', { equations: { x: '1' }, threshold: 'x >= 1', thresholdCrossing }, []);
    const count = (crossing: boolean) => {
      const g = new EquationGroup(1, ramp(crossing), {}, { x: [0] }, { method: 'euler' });
      const runner = new Runner(g, { monitors: ['spike'], dt: 0.1, progress: false });
      runner.run(3);
      return Array.from(runner.mon.get('spike').data).reduce((a, b) => a + b, 0);
    };
    expect(count(true)).toBe(1);
    expect(count(false)).toBeGreaterThan(15);
  });
});
