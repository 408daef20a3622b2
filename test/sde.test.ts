import { describe, expect, it } from 'vitest';
import { sdeint, sdeIntegrator } from '../src/integrators/sde.js';
import { sdeStep, type SdeMethod, type IntegralType } from '../src/integrators/sde-schemes.js';
import { RandomStream, seed } from '../src/core/random.js';
import { EquationField } from '../src/integrators/joint-eq.js';
import { IntegratorRunner } from '../src/integrators/integrator-runner.js';
import { sdeFromEquations } from '../src/integrators/sde-equations.js';

/** Geometric Brownian motion dX = mu X dt + sigma X dW. */
const MU = 0.5;
const SIGMA = 0.4;

function meanAndVariance(values: Float64Array) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const squares = values.map((v) => (v - mean) ** 2);
  const variance = squares.reduce((a, b) => a + b, 0) / (n - 1);
  const varianceOfSquares = squares.reduce((a, s) => a + (s - variance) ** 2, 0) / (n - 1);
  return { mean, variance, meanSE: Math.sqrt(variance / n), varianceSE: Math.sqrt(varianceOfSquares / n) };
}

describe('weak convergence on geometric Brownian motion (20 000 paths, T = 1, dt = 0.01)', () => {
  const paths = 20000;
  const dt = 0.01;
  const cases: [string, IntegralType, number][] = [
    ['euler', 'ito', MU],
    ['milstein', 'ito', MU],
    ['srk1w1', 'ito', MU],
    ['heun', 'stratonovich', MU + SIGMA ** 2 / 2],
    ['milstein', 'stratonovich', MU + SIGMA ** 2 / 2],
  ];
  for (const [method, intgType, growth] of cases) {
    it(`${method} (${intgType}): mean and variance match exp(${growth.toFixed(2)} T) and its analytic variance`, () => {
      // An Ito GBM has E X = exp(mu T); the Stratonovich one has drift mu + sigma^2/2 in Ito terms.
      const step = sdeint((x) => MU * x, (x) => SIGMA * x, { method, intgType, seed: 7 });
      const finals = new Float64Array(paths);
      for (let p = 0; p < paths; p++) {
        let x = 1;
        for (let i = 0; i < 100; i++) x = step(x, i * dt, dt);
        finals[p] = x;
      }
      const stats = meanAndVariance(finals);
      const mean = Math.exp(growth);
      const variance = Math.exp(2 * growth) * (Math.exp(SIGMA ** 2) - 1);
      expect(Math.abs(stats.mean - mean)).toBeLessThan(4 * stats.meanSE);
      expect(Math.abs(stats.variance - variance)).toBeLessThan(4 * stats.varianceSE);
    });
  }
});

describe('strong order on geometric Brownian motion with its exact solution', () => {
  const fineSteps = 2 ** 10;
  const levels = [4, 5, 6, 7];
  const paths = 400;

  function strongErrors(method: SdeMethod, intgType: IntegralType): number[] {
    const stream = new RandomStream(11);
    const errors = levels.map(() => 0);
    const h = 1 / fineSteps;
    const dW = new Float64Array(fineSteps);
    const fineI10 = new Float64Array(fineSteps);
    const f = (y: Float64Array, _t: number, out: Float64Array) => (out[0] = MU * y[0]);
    const g = (y: Float64Array, _t: number, out: Float64Array) => (out[0] = SIGMA * y[0]);
    const step = sdeStep(method, intgType, 1, f, g);
    for (let p = 0; p < paths; p++) {
      let W = 0;
      for (let k = 0; k < fineSteps; k++) {
        dW[k] = Math.sqrt(h) * stream.normal();
        fineI10[k] = 0.5 * h * (dW[k] + (Math.sqrt(h) * stream.normal()) / Math.sqrt(3));
        W += dW[k];
      }
      const exact = Math.exp((intgType === 'ito' ? MU - SIGMA ** 2 / 2 : MU) + SIGMA * W);
      levels.forEach((level, l) => {
        const steps = 2 ** level;
        const per = fineSteps / steps;
        const y = Float64Array.of(1);
        for (let s = 0; s < steps; s++) {
          // Coarse increments are sums of the fine ones; I10 adds (W - W_start) h per fine step.
          let I1 = 0;
          let I10 = 0;
          for (let k = s * per; k < (s + 1) * per; k++) {
            I10 += I1 * h + fineI10[k];
            I1 += dW[k];
          }
          step(y, s / steps, 1 / steps, { I1: Float64Array.of(I1), I10: Float64Array.of(I10) });
        }
        errors[l] += Math.abs(y[0] - exact) / paths;
      });
    }
    return errors;
  }

  /** Least-squares slope of log error against log dt. */
  function slope(errors: number[]): number {
    const xs = levels.map((l) => -l * Math.LN2);
    const ys = errors.map(Math.log);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    return xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  }

  it('Euler-Maruyama has order 1/2 and Milstein order 1 (Ito); Milstein has the smaller error', () => {
    const euler = strongErrors('euler', 'ito');
    const milstein = strongErrors('milstein', 'ito');
    expect(slope(euler)).toBeGreaterThan(0.35);
    expect(slope(euler)).toBeLessThan(0.7);
    expect(slope(milstein)).toBeGreaterThan(0.85);
    expect(slope(milstein)).toBeLessThan(1.2);
    expect(milstein[3]).toBeLessThan(euler[3] / 3);
  });

  it('srk1w1 has order 1.5 (Ito); Heun and Milstein have order 1 (Stratonovich)', () => {
    const srk = slope(strongErrors('srk1w1', 'ito'));
    expect(srk).toBeGreaterThan(1.3);
    expect(srk).toBeLessThan(1.8);
    for (const method of ['heun', 'milstein'] as const) {
      const p = slope(strongErrors(method, 'stratonovich'));
      expect(p, method).toBeGreaterThan(0.85);
      expect(p, method).toBeLessThan(1.25);
    }
  });
});

describe('noise streams and shapes', () => {
  it('is reproducible from a seed, through the global stream or the integrator seed', () => {
    const path = (make: () => (y: number, t: number, dt: number) => number) => {
      const step = make();
      let x = 0;
      const out: number[] = [];
      for (let i = 0; i < 50; i++) out.push((x = step(x, i * 0.1, 0.1)));
      return out;
    };
    seed(3);
    const a = path(() => sdeint((x) => -x, 1));
    seed(3);
    const b = path(() => sdeint((x) => -x, 1));
    seed(4);
    const c = path(() => sdeint((x) => -x, 1));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(path(() => sdeint((x) => -x, 1, { seed: 9 }))).toEqual(path(() => sdeint((x) => -x, 1, { seed: 9 })));
  });

  it('shares one Wiener process across components for scalar noise and draws one per component for vector noise', () => {
    const run = (wienerType: 'scalar' | 'vector') => {
      const step = sdeint(() => [0, 0], 1, { vector: true, wienerType, seed: 5 });
      let y = [0, 0];
      for (let i = 0; i < 1000; i++) y = step(y, i * 0.01, 0.01);
      return y;
    };
    const [s1, s2] = run('scalar');
    expect(s1).toBe(s2);
    const [v1, v2] = run('vector');
    expect(v1).not.toBe(v2);
  });

  it('runs in IntegratorRunner from equation strings: an Ornstein-Uhlenbeck process reaches its stationary variance', () => {
    const drift = new EquationField('OUDrift', { x: '-x / tau' }, { tau: 10 });
    const diffusion = new EquationField('OUNoise', { x: 'sigma * sqrt(2 / tau)' }, { sigma: 2, tau: 10 });
    const start = new Array(1000).fill(0);
    const runner = new IntegratorRunner(sdeIntegrator(drift, diffusion, { method: 'milstein', seed: 1 }), { inits: { x: start }, dt: 0.1 });
    runner.run(100);
    const x = runner.state.x;
    const { mean, variance, meanSE, varianceSE } = meanAndVariance(x);
    // Exact discrete-time variance of Euler-type schemes differs from sigma^2 by O(dt/tau) = 1 %.
    expect(Math.abs(mean)).toBeLessThan(4 * meanSE);
    expect(Math.abs(variance - 4 * (1 - Math.exp(-20)))).toBeLessThan(4 * varianceSE + 0.04 * 4);
  });

  it('rejects a method that does not integrate the requested calculus', () => {
    expect(() => sdeint((x) => x, 1, { method: 'heun' })).toThrow(/'heun' integrates stratonovich SDEs, not ito/);
    expect(() => sdeint((x) => x, 1, { method: 'euler', intgType: 'stratonovich' })).toThrow(/use 'heun' or 'milstein'/);
    expect(() => sdeint((x) => x, 1, { method: 'rk9' })).toThrow(/unknown SDE method 'rk9'.*euler, milstein, heun, srk1w1/);
  });
});

describe('stochastic equation strings with xi', () => {
  it('splits drift and diffusion: an Ornstein-Uhlenbeck process written with xi has the analytic mean and variance', () => {
    const integrator = sdeFromEquations('OU', { x: '(mu - x) / tau + sigma * sqrt(2 / tau) * xi' }, { mu: 3, tau: 5, sigma: 0.5 }, { seed: 2 });
    const runner = new IntegratorRunner(integrator, { inits: { x: new Array(1000).fill(0) }, dt: 0.05 });
    runner.run(10);
    const { mean, variance, meanSE, varianceSE } = meanAndVariance(runner.state.x);
    // x(t) = mu (1 - e^{-t/tau}) + noise with variance sigma^2 (1 - e^{-2t/tau}); Euler-Maruyama adds O(dt/tau) = 1 %.
    expect(Math.abs(mean - 3 * (1 - Math.exp(-2)))).toBeLessThan(4 * meanSE + 0.01);
    expect(Math.abs(variance - 0.25 * (1 - Math.exp(-4)))).toBeLessThan(4 * varianceSE + 0.01);
  });

  it('rejects noise that is not additive-linear and equations without noise', () => {
    expect(() => sdeFromEquations('Bad', { x: 'xi * xi' })).toThrow(/not linear in the noise xi/);
    expect(() => sdeFromEquations('Plain', { x: '-x' })).toThrow(/no equation contains the noise xi/);
  });
});
