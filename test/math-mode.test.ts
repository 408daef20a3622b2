import { afterEach, describe, expect, it } from 'vitest';
import { run } from './ei-fixture.js';
import { getMathMode, setMathMode } from '../src/core/math-mode.js';
import { parseExpression } from '../src/expr/parse.js';
import { mul, num, show, sym } from '../src/expr/ast.js';
import { reciprocalDivisions } from '../src/expr/reciprocal-divisions.js';
import { streamFor } from '../src/core/random.js';

const rewritten = (text: string) => show(reciprocalDivisions(parseExpression(text)));

describe("math mode 'fast': divisions by constants as products", () => {
  afterEach(() => setMathMode('exact'));

  it('rewrites x / c and (-x) / c, and leaves other divisions alone', () => {
    expect(rewritten('x / 5')).toBe(show(parseExpression('x * 0.2')));
    expect(rewritten('(-x) / 20')).toBe(show(mul(sym('x'), num(-0.05))));
    expect(rewritten('(a + b / 4) / 8')).toBe(show(parseExpression('(a + b * 0.25) * 0.125')));
    for (const kept of ['x / y', 'x / 0', '2 / x', 'exp(x / y)']) expect(rewritten(kept)).toBe(show(parseExpression(kept)));
  });

  it('moves a quotient by at most 1 ulp, and not at all for powers of two', () => {
    const rng = streamFor(5);
    for (const c of [3, 5, 7, 10, 20, 0.3, 1e-3, 123.456, 2 ** 10, 0.125]) {
      const reciprocal = 1 / c;
      let worst = 0;
      for (let i = 0; i < 20000; i++) {
        const x = (rng.random() - 0.5) * 10 ** (rng.random() * 20 - 10);
        const quotient = x / c;
        const ulp = 2 ** (Math.floor(Math.log2(Math.abs(quotient))) - 52);
        worst = Math.max(worst, Math.abs(x * reciprocal - quotient) / ulp);
      }
      expect(worst, `c = ${c}`).toBeLessThanOrEqual(Number.isInteger(Math.log2(c)) ? 0 : 1);
    }
  });

  it('runs a network identically in both backends, within rounding of the exact mode over a short span', () => {
    setMathMode('fast');
    const wasm = run('coba', true, 'float64', 'wasm');
    const js = run('coba', true, 'float64', 'js');
    for (const path of wasm.built.paths) expect(wasm.results[path], path).toEqual(js.results[path]);
    setMathMode('exact');
    const exact = run('coba', true, 'float64', 'wasm');
    // Chaos amplifies rounding, so compare the first 20 ms (200 steps of 320 neurons).
    const early = (values: number[]) => values.slice(0, 200 * 320);
    const fastV = early(wasm.results['E.V']);
    const exactV = early(exact.results['E.V']);
    const differences = fastV.map((v, i) => Math.abs(v - exactV[i]));
    expect(Math.max(...differences)).toBeLessThan(1e-9);
    expect(differences.some((d) => d > 0)).toBe(true);
    expect(early(wasm.results['E.spike'])).toEqual(early(exact.results['E.spike']));
  });

  it('names an unknown mode', () => {
    expect(getMathMode()).toBe('exact');
    expect(() => setMathMode('quick' as 'fast')).toThrow(/setMathMode: unknown math mode 'quick' \(known: exact, fast\)/);
  });
});
