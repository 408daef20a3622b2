import { describe, expect, it } from 'vitest';
import { defineModel } from '../src/core/model.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';

const OU = defineModel('OU', { equations: { V: '-V / tau + sigma * sqrt(2 / tau) * xi' } }, ['tau', 'sigma']);
const DIFFUSION = defineModel('Diffusion', { equations: { x: 'sigma * xi', y: 'sigma * xi' } }, ['sigma']);

function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  const mean = Array.from(values).reduce((a, b) => a + b, 0) / n;
  const variance = Array.from(values).reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe('white noise xi in generated group kernels (Euler-Maruyama)', () => {
  it('pure diffusion has variance sigma^2 t, and each equation draws its own noise', () => {
    const n = 4000;
    const g = new EquationGroup(n, DIFFUSION, { sigma: 0.5 }, { x: new Float64Array(n), y: new Float64Array(n) }, { method: 'euler', seed: 1 });
    new Runner(g, { dt: 0.1, progress: false }).run(100);
    const { x, y } = g.variables();
    const mx = moments(x);
    expect(Math.abs(mx.mean)).toBeLessThan(4 * Math.sqrt(25 / n));
    expect(Math.abs(mx.variance / 25 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const covariance = Array.from(x).reduce((a, xi, k) => a + xi * y[k], 0) / n;
    expect(Math.abs(covariance / 25)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('an OU process reaches the stationary variance of its Euler-Maruyama recursion', () => {
    const n = 4000, tau = 10, sigma = 2, dt = 0.1;
    const g = new EquationGroup(n, OU, { tau, sigma }, { V: new Float64Array(n) }, { method: 'euler', seed: 2 });
    new Runner(g, { dt, progress: false }).run(200);
    const a = 1 - dt / tau;
    const stationary = (sigma ** 2 * 2 * dt) / tau / (1 - a * a);
    const expected = stationary * (1 - a ** (2 * 2000));
    expect(Math.abs(moments(g.variables().V).variance / expected - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('is reproducible per seed and refuses methods other than Euler', () => {
    const run = (seed: number) => {
      const g = new EquationGroup(10, OU, { tau: 10, sigma: 1 }, { V: new Float64Array(10) }, { method: 'euler', seed });
      new Runner(g, { progress: false }).run(5);
      return Array.from(g.variables().V);
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
    const g = new EquationGroup(1, OU, { tau: 10, sigma: 1 }, { V: [0] }, { method: 'rk4' });
    expect(() => new Runner(g, { progress: false }).run(1)).toThrow(/noise term xi.*Euler-Maruyama.*'rk4'/);
  });
});
