import { describe, expect, it } from 'vitest';
import { HenonMap, LogisticMap } from '../src/models/chaos/maps.js';
import { DiscreteMapGroup } from '../src/integrators/discrete-map.js';
import { Runner } from '../src/runner/runner.js';

describe('discrete maps as groups (dt = 1)', () => {
  it('the Hénon map with a per-unit parameter: a period-2 orbit that matches the analytic one, and an escape for a = 2', () => {
    const map = new HenonMap(4, { a: [0.5, 1.0, 1.4, 2.0] });
    const runner = new Runner(map, { monitors: ['x'], dt: 1, progress: false });
    runner.run(2000);
    const x = runner.mon.get('x');
    const last = (col: number, back: number) => x.data[(x.rows - 1 - back) * 4 + col];
    // For a = 0.5, b = 0.3 the period-2 points satisfy x1 + x2 = (1 - b)/a and x1 x2 = ((1 - b)^2 - a)/a^2.
    expect(last(0, 0) + last(0, 1)).toBeCloseTo(1.4, 10);
    expect(last(0, 0) * last(0, 1)).toBeCloseTo(-0.04, 10);
    expect(last(0, 0)).toBeCloseTo(last(0, 2), 10);
    // a = 1.0 lies beyond the second period doubling (a = 0.9125): period 4.
    expect(last(1, 0)).toBeCloseTo(last(1, 4), 10);
    expect(Math.abs(last(1, 0) - last(1, 2))).toBeGreaterThan(1e-3);
    // a = 1.4: the strange attractor stays within |x| < 1.3.
    for (let r = 100; r < x.rows; r++) expect(Math.abs(x.data[r * 4 + 2])).toBeLessThan(1.3);
    expect(last(3, 0)).toBe(-Infinity);
  });

  it('the logistic map: fixed point, period 2 with its analytic values, period 4, and ln 2 as the Lyapunov exponent at mu = 4', () => {
    const map = new LogisticMap(5, 2, 4);
    expect(Array.from(map.mu)).toEqual([2, 2.5, 3, 3.5, 4]);
    const single = (mu: number) => {
      const m = new LogisticMap(1, mu, mu);
      const runner = new Runner(m, { monitors: ['x'], dt: 1, progress: false });
      runner.run(3000);
      return runner.mon.get('x').data;
    };
    const fixed = single(2.8);
    expect(fixed[2999]).toBeCloseTo(1 - 1 / 2.8, 12);
    const two = single(3.2);
    const [hi, lo] = [Math.max(two[2998], two[2999]), Math.min(two[2998], two[2999])];
    const root = Math.sqrt((3.2 - 3) * (3.2 + 1));
    expect(hi).toBeCloseTo((3.2 + 1 + root) / (2 * 3.2), 10);
    expect(lo).toBeCloseTo((3.2 + 1 - root) / (2 * 3.2), 10);
    const four = single(3.5);
    expect(four[2999]).toBeCloseTo(four[2995], 10);
    expect(Math.abs(four[2999] - four[2997])).toBeGreaterThan(1e-3);
    const chaos = single(4);
    let sum = 0;
    for (let k = 100; k < 3000; k++) sum += Math.log(Math.abs(4 * (1 - 2 * chaos[k - 1])));
    expect(sum / 2900).toBeGreaterThan(Math.LN2 - 0.06);
    expect(sum / 2900).toBeLessThan(Math.LN2 + 0.06);
  });

  it('names bad maps and parameters', () => {
    expect(() => new HenonMap(3, { a: [1, 2] })).toThrow(/parameter 'a' has 2 values for 3 elements/);
    expect(() => new DiscreteMapGroup(1, 'Bad', { x: 'x + q' }, {}, { x: 0 })).toThrow(/unknown symbol 'q'/);
    expect(() => new DiscreteMapGroup(1, 'NoInit', { x: 'x' }, {}, {})).toThrow(/needs an initial value for 'x'/);
  });
});
