import { describe, expect, it } from 'vitest';
import { FHN, FHN_MODEL, WilsonCowanModel } from '../src/models/rates/index.js';
import { ParameterError } from '../src/core/errors.js';
import { odeint } from '../src/integrators/odeint.js';
import { Runner } from '../src/runner/runner.js';

/** Independent hand-written right-hand sides (BrainPy's formulas) to check the declared equations. */
const sigmoid = (u: number, a: number, theta: number) => 1 / (1 + Math.exp(-a * (u - theta))) - 1 / (1 + Math.exp(a * theta));

describe('WilsonCowanModel', () => {
  const seedParams = { wEE: 16, wIE: 15, wEI: 12, wII: 3, E_a: 1.5, I_a: 1.5, E_theta: 3, I_theta: 3 };

  it('matches a hand-written rk4 integration of BrainPy\'s equations', () => {
    const wc = new WilsonCowanModel(1, { ...seedParams, method: 'rk4', x_initializer: 0.3, y_initializer: 0.1, x_ext: 0.2 });
    const runner = new Runner(wc, { monitors: ['x', 'y'], inputs: [['input', -0.5]], dt: 0.1, progress: false });
    runner.run(20);
    const f = ([x, y]: readonly number[]) => [
      -x + (1 - x) * sigmoid(16 * x - 15 * y + 0.2 - 0.5, 1.5, 3),
      -y + (1 - y) * sigmoid(12 * x - 3 * y, 1.5, 3),
    ];
    const step = odeint(f, { method: 'rk4', vector: true });
    let s = [0.3, 0.1];
    for (let i = 0; i < 200; i++) s = step(s, i * 0.1, 0.1);
    expect(wc.variables().x[0]).toBeCloseTo(s[0], 12);
    expect(wc.variables().y[0]).toBeCloseTo(s[1], 12);
  });

  it('with the seed parameters and input -0.5, both seed starts reach the one fixed point', () => {
    // The seed's text says "at least two stable states"; BrainPy's own equations (identical in
    // every version we read) have a single fixed point here (a nullcline scan over x_ext in
    // [-2, 2] finds one per value), so both of the seed's starts converge to it.
    const wc = new WilsonCowanModel(2, { ...seedParams, x_initializer: [-0.2, 1], y_initializer: [0, 1] });
    new Runner(wc, { inputs: [['input', -0.5]], dt: 0.1, progress: false }).run(100);
    const { x, y } = wc.variables();
    expect(x[0]).toBeCloseTo(x[1], 9);
    expect(y[0]).toBeCloseTo(y[1], 9);
    expect(-x[0] + (1 - x[0]) * sigmoid(16 * x[0] - 15 * y[0] - 0.5, 1.5, 3)).toBeCloseTo(0, 9);
    expect(-y[0] + (1 - y[0]) * sigmoid(12 * x[0] - 3 * y[0], 1.5, 3)).toBeCloseTo(0, 9);
    expect(x[0]).toBeCloseTo(-0.00644, 4);
  });

  it('rejects unknown options and non-positive time constants', () => {
    expect(() => new WilsonCowanModel(1, { wXX: 1 } as never)).toThrow(/no option 'wXX'/);
    expect(() => new WilsonCowanModel(1, { E_tau: 0 })).toThrow(ParameterError);
  });
});

describe('FHN (rate form)', () => {
  function amplitude(drive: number, via: 'input' | 'x_ext'): number {
    const fhn = new FHN(1, via === 'x_ext' ? { x_ext: drive } : {});
    const inputs: [string, number][] = via === 'input' ? [['input', drive]] : [];
    const runner = new Runner(fhn, { monitors: ['x'], inputs, dt: 0.1, progress: false });
    runner.run(1000);
    const x = runner.mon.get('x').data.slice(5000);
    return Math.max(...x) - Math.min(...x);
  }

  it('has a limit cycle inside x_ext in [0.72, 1.4] and a stable fixed point outside', () => {
    expect(amplitude(1.0, 'input')).toBeGreaterThan(0.5);
    expect(amplitude(1.0, 'x_ext')).toBeGreaterThan(0.5);
    expect(amplitude(0.5, 'input')).toBeLessThan(1e-3);
    expect(amplitude(1.6, 'x_ext')).toBeLessThan(1e-3);
  });

  it('settles on the analytic fixed point below the cycle (y = (x - delta) / epsilon)', () => {
    const fhn = new FHN(1, { x_ext: 0.3, method: 'rk4' });
    new Runner(fhn, { dt: 0.1, progress: false }).run(2000);
    const [x, y] = [fhn.variables().x[0], fhn.variables().y[0]];
    expect(y).toBeCloseTo(x / 0.5, 6);
    expect(-3 * x ** 3 + 4 * x ** 2 - 1.5 * x - y + 0.3).toBeCloseTo(0, 6);
  });

  it('exposes exact equations for analysis: x_ext is a parameter, input an accumulator', () => {
    expect(FHN_MODEL.params).toContain('x_ext');
    expect(new FHN(3).model.inputs).toEqual(['input', 'input_y']);
  });
});
