import { describe, expect, it } from 'vitest';
import { ParameterError } from '../src/core/errors.js';
import { seed } from '../src/core/random.js';
import { Constant, initialize, Normal, OneInit, Uniform, ZeroInit } from '../src/init/index.js';

function stats(xs: ArrayLike<number>): { mean: number; sd: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i];
    min = Math.min(min, xs[i]);
    max = Math.max(max, xs[i]);
  }
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (xs.length - 1)), min, max };
}

describe('Normal', () => {
  it('has the requested mean and standard deviation', () => {
    const n = 200_000;
    const { mean, sd } = stats(initialize(new Normal(-65, 4, { seed: 1 }), n, 'float64', 'V'));
    expect(Math.abs(mean + 65)).toBeLessThan((4 * 4) / Math.sqrt(n));
    expect(Math.abs(sd - 4) / 4).toBeLessThan(0.01);
  });

  it('defaults to mean 0 and scale 1', () => {
    const init = new Normal();
    expect(init.describe()).toBe('Normal(mean=0, scale=1)');
    const { mean, sd } = stats(initialize(init, 100_000, 'float32', 'x'));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('is reproducible with a seed and takes its stream at construction otherwise', () => {
    const a = initialize(new Normal(0, 1, { seed: 3 }), 10, 'float64', 'x');
    expect(initialize(new Normal(0, 1, { seed: 3 }), 10, 'float64', 'x')).toEqual(a);
    expect(initialize(new Normal(0, 1, { seed: 4 }), 10, 'float64', 'x')).not.toEqual(a);
    seed(8);
    const first = new Normal();
    seed(8);
    const again = new Normal();
    expect(initialize(again, 10, 'float64', 'x')).toEqual(initialize(first, 10, 'float64', 'x'));
  });

  it('rejects a negative scale', () => {
    expect(() => new Normal(0, -1)).toThrow(ParameterError);
    expect(() => new Normal(0, -1)).toThrow(/scale/);
  });
});

describe('Uniform', () => {
  it('stays within [min_val, max_val) and has the right mean', () => {
    const xs = initialize(new Uniform(-2, 6, { seed: 5 }), 100_000, 'float64', 'w');
    const { mean, min, max } = stats(xs);
    expect(min).toBeGreaterThanOrEqual(-2);
    expect(max).toBeLessThan(6);
    expect(min).toBeLessThan(-1.99);
    expect(max).toBeGreaterThan(5.99);
    expect(Math.abs(mean - 2)).toBeLessThan(0.05);
  });

  it('defaults to [0, 1)', () => {
    const { min, max } = stats(initialize(new Uniform(), 1000, 'float64', 'w'));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('rejects max_val < min_val', () => {
    expect(() => new Uniform(1, 0)).toThrow(ParameterError);
    expect(() => new Uniform(1, 0)).toThrow(/min_val=1 > max_val=0/);
  });
});

describe('constant initialisers', () => {
  it('OneInit, its alias Constant and ZeroInit fill constants', () => {
    expect(Array.from(initialize(new OneInit(), 3, 'float64', 'x'))).toEqual([1, 1, 1]);
    expect(Array.from(initialize(new Constant(2.5), 3, 'float32', 'x'))).toEqual([2.5, 2.5, 2.5]);
    expect(new Constant(2)).toBeInstanceOf(OneInit);
    expect(Array.from(initialize(new ZeroInit(), 2, 'float64', 'x'))).toEqual([0, 0]);
  });
});

describe('initialize', () => {
  it('accepts a number', () => {
    const out = initialize(-70, 4, 'float32', 'V_rest');
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([-70, -70, -70, -70]);
  });

  it('accepts arrays and typed arrays of the right length', () => {
    expect(Array.from(initialize([1, 2, 3], 3, 'float64', 'tau'))).toEqual([1, 2, 3]);
    const out = initialize(Float64Array.of(4, 5), 2, 'float64', 'tau');
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([4, 5]);
  });

  it('names the parameter and both lengths when an array has the wrong length', () => {
    expect(() => initialize([1, 2, 3], 5, 'float64', 'LIF tau')).toThrow(ParameterError);
    expect(() => initialize([1, 2, 3], 5, 'float64', 'LIF tau')).toThrow(/LIF tau has 3 values .* 5 neurons/);
  });

  it('rejects NaN', () => {
    expect(() => initialize(Number.NaN, 2, 'float64', 'V_th')).toThrow(/V_th/);
  });
});
