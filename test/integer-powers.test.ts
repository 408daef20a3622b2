import { describe, expect, it } from 'vitest';
import { show } from '../src/expr/ast.js';
import { compileFunction, emit } from '../src/expr/emit.js';
import { expandIntegerPowers } from '../src/expr/integer-powers.js';
import { parseExpression } from '../src/expr/parse.js';
import { HH } from '../src/models/neurons/index.js';

const compiled = (text: string, expand: boolean) => {
  const e = parseExpression(text);
  return compileFunction<(x: number) => number>(['x'], `return ${emit(expand ? expandIntegerPowers(e) : e, (n) => (n === 'x' ? 'x' : undefined))};`);
};

describe('small integer powers written as products', () => {
  it('rewrites x**2, x**3 and x**4 only', () => {
    expect(show(expandIntegerPowers(parseExpression('m ** 3 * h + n ** 4 + v ** 2')))).toBe('(((((m * m) * m) * h) + ((n * n) * (n * n))) + (v * v))');
    for (const kept of ['x ** 5', 'x ** 2.5', 'x ** -2', 'x ** y', '2 ** x']) expect(show(expandIntegerPowers(parseExpression(kept)))).toBe(show(parseExpression(kept)));
  });

  it('agrees with pow within three roundings (7e-16 relative), and exactly on zeros, infinities and NaN', () => {
    for (const power of [2, 3, 4]) {
      const [pow, product] = [compiled(`x ** ${power}`, false), compiled(`x ** ${power}`, true)];
      for (let i = 0; i < 20000; i++) {
        const x = (Math.random() - 0.5) * 10 ** ((i % 20) - 10);
        expect(Math.abs(product(x) - pow(x))).toBeLessThanOrEqual(7e-16 * Math.abs(pow(x)));
      }
      for (const x of [0, -0, Infinity, -Infinity, NaN, 1, -1]) expect(Object.is(product(x), pow(x)), `${x} ** ${power}`).toBe(true);
    }
  });

  it('leaves no pow in the HH kernel', () => {
    expect(new HH(2).kernelSource(0.01)).not.toMatch(/\*\*|Math\.pow/);
  });
});
