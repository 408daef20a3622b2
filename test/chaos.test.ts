import { describe, expect, it } from 'vitest';
import { chua, doubleScroll, doubleScrollSeries, liu, lorenzSeries, luChen, MackeyGlassEq, mackeyGlassSeries, ModifiedLuChenSystem, modifiedChua, modifiedLorenz, pwlDuffing, qi, rabinovichFabrikant } from '../src/models/chaos/index.js';
import { odeIntegrator } from '../src/integrators/field-integrator.js';
import { IntegratorRunner } from '../src/integrators/integrator-runner.js';
import { Runner } from '../src/runner/runner.js';

const mean = (a: ArrayLike<number>, from = 0) => {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i];
  return s / (a.length - from);
};
const sd = (a: ArrayLike<number>, from = 0) => {
  const m = mean(a, from);
  let s = 0;
  for (let i = from; i < a.length; i++) s += (a[i] - m) ** 2;
  return Math.sqrt(s / (a.length - from));
};

describe('chaos data generators', () => {
  it('Lorenz: the seed sizes, and the long-run mean of z near 23.5 for the classic parameters', () => {
    expect(lorenzSeries(135).xs.length).toBe(13500);
    const long = lorenzSeries(500);
    // Time averages on the Lorenz attractor: <z> = 23.5 (e.g. Sprott, Chaos and Time-Series Analysis, 2003); <x> = 0 by symmetry.
    expect(Math.abs(mean(long.zs as Float64Array, 1000) - 23.5)).toBeLessThan(0.5);
    expect(Math.abs(mean(long.xs, 1000))).toBeLessThan(1.5);
  });

  it('Mackey-Glass: the seed group (exp_auto, LengthDelay, dt 0.05) and the rk4 generator (dt 0.1) give the same attractor statistics', () => {
    const series = mackeyGlassSeries(3000);
    const group = new MackeyGlassEq(1, { beta: 0.2, gamma: 0.1, tau: 17, n: 10, seed: 1 });
    const runner = new Runner(group, { monitors: ['x', 'x_oldest'], dt: 0.05, progress: false });
    runner.run(3000);
    const x = runner.mon.get('x').data;
    expect(group.delaySteps(0.05)).toBe(340);
    // x_oldest is x 340 steps earlier.
    expect(runner.mon.get('x_oldest').data[1000]).toBe(x[1000 - 340]);
    const m1 = mean(series.xs, 5000);
    const m2 = mean(x, 10000);
    expect(Math.abs(m1 - m2) / m1).toBeLessThan(0.02);
    expect(Math.abs(sd(series.xs, 5000) - sd(x, 10000)) / sd(x, 10000)).toBeLessThan(0.05);
    expect(sd(x, 10000)).toBeGreaterThan(0.15);
    expect(series.ys[series.ys.length - 1]).toBe(series.xs[series.xs.length - 1 - 170]);
  });

  it('double scroll: stays on its two-scroll attractor, visiting both signs of V1', () => {
    const s = doubleScrollSeries(400, { dt: 0.02 });
    expect(Math.max(...s.xs)).toBeLessThan(2.5);
    expect(Math.min(...s.xs)).toBeGreaterThan(-2.5);
    expect(s.xs.some((v) => v > 0.5) && s.xs.some((v) => v < -0.5)).toBe(true);
    expect(doubleScroll().vars).toEqual(['V1', 'V2', 'I']);
  });
});

describe('the multiscroll systems of the seed', () => {
  const meanX = (u: number) => {
    const runner = new IntegratorRunner(odeIntegrator(luChen(), { method: 'rk4' }), { inits: { x: 0.1, y: 0.3, z: -0.6 }, dt: 0.002 });
    runner.run(60, { u });
    const x = runner.mon.get('x').data;
    return mean(x, 10000);
  };

  it('Lu-Chen: u <= -11 gives the left scroll and u >= 11 the right one, as the seed says', () => {
    // A single scroll turns around one of the two nonzero equilibria: the mean of x has its sign.
    expect(meanX(-15.15)).toBeLessThan(-2);
    expect(meanX(12)).toBeGreaterThan(2);
  });

  it('every system runs with the seed settings and stays bounded', () => {
    const cases = [
      [chua(), { x: 0.001, y: 0, z: 0 }, 0.002, 40],
      [modifiedChua(), { x: 1, y: 1, z: 0 }, 0.01, 100],
      [pwlDuffing(), { x: 0, y: 0 }, 0.01, 100],
      [modifiedLorenz(), { x: -8, y: 4, z: 10 }, 0.001, 20],
      [rabinovichFabrikant(), { x: -1, y: 0, z: 0.5 }, 0.001, 20],
      [qi(), { x: 0.1, y: 0.2, z: 0.3 }, 0.001, 5],
      [liu(), { x: 0.2, y: 0, z: 0.5 }, 0.001, 20],
    ] as const;
    for (const [field, inits, dt, duration] of cases) {
      const runner = new IntegratorRunner(odeIntegrator(field, { method: 'rk4' }), { inits, dt });
      runner.run(duration);
      for (const v of field.vars) expect(Math.max(...runner.mon.get(v).data.map(Math.abs)), `${field.model.name}.${v}`).toBeLessThan(1e3);
    }
    const delayed = new ModifiedLuChenSystem(1);
    const runner = new Runner(delayed, { monitors: ['x', 'z'], dt: 0.001, progress: false });
    runner.run(10);
    expect(Math.max(...runner.mon.get('z').data)).toBeLessThan(100);
    expect(Math.max(...runner.mon.get('x').data.map(Math.abs))).toBeGreaterThan(1);
  });
});
