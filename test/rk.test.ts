import { describe, expect, it } from 'vitest';
import { defineModel } from '../src/core/model.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';
import { TABLEAUS } from '../src/integrators/tableaus.js';
import { EquationField, JointEq } from '../src/integrators/joint-eq.js';
import { odeIntegrator, rungeKuttaStepper } from '../src/integrators/field-integrator.js';
import { IntegratorRunner } from '../src/integrators/integrator-runner.js';
import { adaptiveIntegrator, solveAdaptive } from '../src/integrators/adaptive.js';
import { ParameterError, UnknownNameError } from '../src/core/errors.js';
import type { VectorField } from '../src/integrators/vector-field.js';

const BRAINPY_METHODS = ['euler', 'midpoint', 'heun2', 'ralston2', 'rk2', 'rk3', 'heun3', 'ralston3', 'ssprk3', 'rk4', 'ralston4', 'rk4_38rule'];

const lorenzEquations = new EquationField('Lorenz', { x: 'sigma * (y - x)', y: 'x * (rho - z) - y', z: 'x * y - beta * z' }, { sigma: 10, rho: 28, beta: 8 / 3 });
const lorenzFunctions = new JointEq(
  { x: (s) => s.sigma * (s.y - s.x), y: (s) => s.x * (s.rho - s.z) - s.y, z: (s) => s.x * s.y - s.beta * s.z },
  { sigma: 10, rho: 28, beta: 8 / 3 },
);

function integrate(field: VectorField, method: string, y0: number[], dt: number, duration: number): Float64Array {
  const y = Float64Array.from(y0);
  const step = rungeKuttaStepper(field, TABLEAUS[method], dt, field.args);
  const n = Math.round(duration / dt);
  for (let i = 0; i < n; i++) step(y, i * dt);
  return y;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('Butcher tableaus', () => {
  it('contains every explicit method BrainPy names, each consistent to its order', () => {
    for (const name of BRAINPY_METHODS) {
      const { a, b, c, order } = TABLEAUS[name];
      expect(b.reduce((s, x) => s + x, 0), name).toBeCloseTo(1, 12);
      a.forEach((row, s) => expect(row.reduce((sum, x) => sum + x, 0), `${name} c${s}`).toBeCloseTo(c[s], 12));
      // The quadrature conditions sum b_i c_i^(q-1) = 1/q hold up to the order.
      for (let q = 1; q <= order; q++) expect(b.reduce((sum, bi, i) => sum + bi * c[i] ** (q - 1), 0), `${name} q=${q}`).toBeCloseTo(1 / q, 12);
    }
  });
});

describe('every explicit Runge-Kutta method on Lorenz (t = 0.5) against rk4 with a tiny step', () => {
  const y0 = [1, 2, 3];
  const reference = integrate(lorenzFunctions, 'rk4', y0, 1e-5, 0.5);
  for (const method of BRAINPY_METHODS) {
    it(method, () => {
      const dt = 1e-3;
      const order = TABLEAUS[method].order;
      const error = maxDiff(integrate(lorenzFunctions, method, y0, dt, 0.5), reference);
      const halved = maxDiff(integrate(lorenzFunctions, method, y0, dt / 2, 0.5), reference);
      // The global error of an order-p method scales as C dt^p; over 0.5 time units of Lorenz C is about 2e4.
      expect(error).toBeLessThan(1e5 * dt ** order);
      expect(Math.log2(error / halved)).toBeGreaterThan(order - 0.3);
      // The generated code for equation strings gives the same numbers as the loop over functions.
      const runner = new IntegratorRunner(odeIntegrator(lorenzEquations, { method }), { inits: y0, dt });
      runner.run(0.5);
      const generated = ['x', 'y', 'z'].map((v) => runner.mon.get(v).data[runner.mon.get(v).rows - 1]);
      expect(maxDiff(generated, integrate(lorenzFunctions, method, y0, dt, 0.5))).toBeLessThan(1e-9);
    });
  }
});

describe('order of convergence on a smooth problem (dy/dt = y cos t, y = exp(sin t))', () => {
  const growth = defineModel('Growth', { equations: { y: 'y * cos(t)' } }, []);
  const exact = Math.exp(Math.sin(2));
  const groupValue = (method: string, dt: number) => {
    const group = new EquationGroup(1, growth, {}, { y: [1] }, { method });
    new Runner(group, { dt, progress: false }).run(2);
    return group.variables().y[0];
  };
  const field = new JointEq({ y: (s, t) => s.y * Math.cos(t) });
  for (const method of BRAINPY_METHODS) {
    it(`${method} has order ${TABLEAUS[method].order}, in generated group kernels and on functions`, () => {
      const order = TABLEAUS[method].order;
      // Steps small enough to be in the asymptotic regime (Ralston's methods approach it late), large enough to stay above rounding.
      const [h1, h2] = order >= 3 ? [0.025, 0.0125] : [0.1, 0.05];
      const observed = (value: (dt: number) => number) => Math.log2(Math.abs(value(h1) - exact) / Math.abs(value(h2) - exact));
      const group = observed((dt) => groupValue(method, dt));
      const functions = observed((dt) => integrate(field, method, [1], dt, 2)[0]);
      for (const p of [group, functions]) {
        expect(p).toBeGreaterThan(order - 0.3);
        expect(p).toBeLessThan(order + 0.6);
      }
    });
  }
});

describe('adaptive Runge-Kutta', () => {
  const field = new JointEq({ y: (s, t) => s.y * Math.cos(t) });
  for (const method of ['rkf45', 'dopri5']) {
    it(`${method} keeps the error below the tolerance and uses fewer steps for a looser one`, () => {
      const tight = solveAdaptive(field, [1], [0, 10], { method, rtol: 1e-9, atol: 1e-12 });
      const loose = solveAdaptive(field, [1], [0, 10], { method, rtol: 1e-5, atol: 1e-8 });
      for (const [solution, tol] of [[tight, 1e-9], [loose, 1e-5]] as const) {
        expect(solution.maxErrorRatio).toBeLessThanOrEqual(1);
        const rows = solution.ts.length;
        let worst = 0;
        for (let r = 0; r < rows; r++) worst = Math.max(worst, Math.abs(solution.ys[r] - Math.exp(Math.sin(solution.ts[r]))) / Math.exp(Math.sin(solution.ts[r])));
        // Local control at rtol keeps the global relative error within a small multiple of it over ten time units.
        expect(worst).toBeLessThan(20 * tol);
        expect(solution.ts[rows - 1]).toBeCloseTo(10, 12);
      }
      expect(loose.accepted).toBeLessThan(tight.accepted / 4);
    });
  }

  it('follows Lorenz over a short horizon as rk4 with a tiny step does, on a regular output grid', () => {
    const runner = new IntegratorRunner(adaptiveIntegrator(lorenzFunctions, { method: 'dopri5', rtol: 1e-10, atol: 1e-10 }), { inits: [1, 2, 3], dt: 0.05 });
    runner.run(0.5);
    const reference = integrate(lorenzFunctions, 'rk4', [1, 2, 3], 1e-5, 0.5);
    const last = ['x', 'y', 'z'].map((v) => runner.mon.get(v).data[9]);
    expect(runner.mon.ts[9]).toBeCloseTo(0.5, 12);
    expect(maxDiff(last, reference)).toBeLessThan(1e-6);
  });

  it('rejects an unknown method and a stuck integration clearly', () => {
    expect(() => solveAdaptive(field, [1], [0, 1], { method: 'rk45x' })).toThrow(/unknown adaptive method 'rk45x'.*rkf45, dopri5/);
    const blowUp = new JointEq({ y: (s) => s.y * s.y });
    expect(() => solveAdaptive(blowUp, [1], [0, 2], { maxSteps: 500 })).toThrow(ParameterError);
  });
});

describe('IntegratorRunner', () => {
  it('runs several trajectories with per-run arguments, as BrainPy does for Chua with two initial points', () => {
    const decay = new EquationField('Decay', { x: '-k * x' }, { k: 1 });
    const runner = new IntegratorRunner(odeIntegrator(decay, { method: 'exp_auto' }), { inits: { x: [1, 2] }, dt: 0.1 });
    runner.run(1, { k: 2 });
    const x = runner.mon.get('x');
    expect([x.rows, x.cols]).toEqual([10, 2]);
    expect(x.data[19]).toBeCloseTo(2 * Math.exp(-2), 12);
    runner.run(1);
    expect(runner.state.x[0]).toBeCloseTo(Math.exp(-3), 12);
    expect(runner.t).toBeCloseTo(2, 12);
  });

  it('names the problem in bad input', () => {
    const integrator = odeIntegrator(lorenzEquations, { method: 'rk4' });
    expect(() => new IntegratorRunner(integrator, { inits: { x: 1, y: 1 } })).toThrow(/no initial value for 'z'/);
    expect(() => new IntegratorRunner(integrator, { inits: [1, 1, 1], monitors: ['w'] })).toThrow(UnknownNameError);
    expect(() => new IntegratorRunner(integrator, { inits: [1, 1, 1], args: { gamma: 1 } })).toThrow(/unknown argument 'gamma'.*sigma, rho, beta/);
    expect(() => new EquationField('Bad', { x: 'q * x' }, {})).toThrow(/unknown symbol 'q'/);
  });
});
