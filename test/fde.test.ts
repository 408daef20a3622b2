import { describe, expect, it } from 'vitest';
import { CaputoL1Memory, fdeint, GLShortMemory } from '../src/integrators/fde.js';
import { gamma, mittagLeffler } from '../src/integrators/gamma.js';
import { EquationField } from '../src/integrators/joint-eq.js';
import { IntegratorRunner } from '../src/integrators/integrator-runner.js';
import { type Integrator, odeIntegrator } from '../src/integrators/field-integrator.js';

/** Integrate D^alpha y = f(y) on [0, T] with one memory; returns y(T). */
function solve(make: (dt: number) => CaputoL1Memory | GLShortMemory, f: (y: number) => number, y0: number, dt: number, T: number): number {
  const memory = make(dt);
  const y = Float64Array.of(y0);
  const dydt = new Float64Array(1);
  for (let k = 0; k < Math.round(T / dt); k++) {
    dydt[0] = f(y[0]);
    memory.advance(y, dydt);
  }
  return y[0];
}

describe('special functions', () => {
  it('Gamma and Mittag-Leffler take their known values', () => {
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(gamma(5)).toBeCloseTo(24, 11);
    expect(gamma(1.5)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 13);
    // E_1(z) = exp(z), E_2(-z^2) = cos(z), E_{1/2}(-z) = exp(z^2) erfc(z): erfc(1) = 0.157299207050285.
    expect(mittagLeffler(1, -2)).toBeCloseTo(Math.exp(-2), 13);
    expect(mittagLeffler(2, -4)).toBeCloseTo(Math.cos(2), 12);
    expect(mittagLeffler(0.5, -1)).toBeCloseTo(Math.E * 0.157299207050285, 12);
  });
});

describe('fractional schemes against the Mittag-Leffler solution of linear equations', () => {
  for (const alpha of [0.5, 0.8]) {
    it(`Caputo L1, alpha = ${alpha}: D^a y = -y, y(0) = 1 gives E_a(-t^a); the error falls with dt`, () => {
      const exact = mittagLeffler(alpha, -1);
      const error = (dt: number) => Math.abs(solve((h) => new CaputoL1Memory(1, alpha, 4000, h, [1]), (y) => -y, 1, dt, 1) - exact);
      expect(error(1e-3)).toBeLessThan(5e-3);
      expect(error(1e-3)).toBeLessThan(error(4e-3) / 2);
    });

    it(`Grünwald-Letnikov, alpha = ${alpha}: D^a y = 1 - y, y(0) = 0 gives 1 - E_a(-t^a)`, () => {
      const exact = 1 - mittagLeffler(alpha, -1);
      const error = (dt: number) => Math.abs(solve((h) => new GLShortMemory(1, alpha, 4000, h, [0]), (y) => 1 - y, 0, dt, 1) - exact);
      expect(error(1e-3)).toBeLessThan(5e-3);
      expect(error(1e-3)).toBeLessThan(error(4e-3) / 2);
    });
  }

  it('a short memory truncates the power-law tail: the error grows as num_memory shrinks', () => {
    const exact = mittagLeffler(0.7, -(5 ** 0.7));
    const at = (memory: number) => Math.abs(solve((h) => new GLShortMemory(1, 0.7, memory, h, [0]), (y) => 1 - y, 0, 0.005, 5) - (1 - exact));
    expect(at(1000)).toBeLessThan(at(100));
    expect(at(100)).toBeLessThan(at(10));
  });

  it('with alpha = 1 both schemes are forward Euler, through fdeint and IntegratorRunner', () => {
    const lorenz = new EquationField('Lorenz', { x: 'a * (y - x)', y: 'x * (b - z) - y', z: 'x * y - c * z' }, { a: 10, b: 28, c: 8 / 3 });
    const finalState = (integrator: Integrator) => {
      const runner = new IntegratorRunner(integrator, { inits: [1, 2, 3], dt: 0.001 });
      runner.run(1);
      return Object.values(runner.state).map((v) => v[0]);
    };
    const euler = finalState(odeIntegrator(lorenz, { method: 'euler' }));
    for (const method of ['l1', 'short-memory'] as const) {
      const fractional = finalState(fdeint(lorenz, { alpha: 1, numMemory: 50, method }));
      fractional.forEach((v, i) => expect(v).toBeCloseTo(euler[i], 9));
    }
  });

  it('per-variable orders and bad input', () => {
    const field = new EquationField('Two', { x: '-x', y: '-y' });
    const runner = new IntegratorRunner(fdeint(field, { alpha: [1, 0.5], numMemory: 2000 }), { inits: [1, 1], dt: 0.001 });
    runner.run(1);
    expect(runner.state.x[0]).toBeCloseTo(0.999 ** 1000, 9);
    expect(Math.abs(runner.state.y[0] - mittagLeffler(0.5, -1))).toBeLessThan(5e-3);
    expect(() => fdeint(field, { alpha: 1.5, numMemory: 10 })).toThrow(/alpha must lie in \(0, 1\], got 1.5/);
    expect(() => fdeint(field, { alpha: 0.5, numMemory: 0 })).toThrow(/num_memory must be a positive integer/);
  });
});
