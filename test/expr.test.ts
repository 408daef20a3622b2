import { describe, expect, it } from 'vitest';
import { parseExpression } from '../src/expr/parse.js';
import { derivative } from '../src/expr/derivative.js';
import { emit, compileFunction, numberLiteral } from '../src/expr/emit.js';
import { show, symbolsOf } from '../src/expr/ast.js';
import { simplify } from '../src/expr/simplify.js';
import { defineModel } from '../src/core/model.js';
import { EquationError } from '../src/core/errors.js';

/** Evaluate an expression through the emitter with the given symbol values. */
function evaluate(source: string, values: Record<string, number>): number {
  const expr = parseExpression(source);
  const names = Object.keys(values);
  const code = emit(expr, (n) => (names.includes(n) ? `v_${n}` : undefined));
  return compileFunction<(...a: number[]) => number>(names.map((n) => `v_${n}`), `return ${code};`)(...names.map((n) => values[n]));
}

describe('expression parser and emitter', () => {
  it('follows Python precedence: unary minus binds looser than **, ** is right-associative', () => {
    expect(evaluate('-2**2', {})).toBe(-4);
    expect(evaluate('2**3**2', {})).toBe(512);
    expect(evaluate('2^3', {})).toBe(8);
    expect(evaluate('1 + 2 * 3 - 4 / 2', {})).toBe(5);
    expect(evaluate('(1 + 2) * 3', {})).toBe(9);
    expect(evaluate('V >= V_th and not (V < 0)', { V: 1, V_th: 0.5 })).toBe(true);
    expect(evaluate('where(x > 0, x, -x) + clip(5, 0, 2)', { x: -3 })).toBe(5);
    expect(evaluate('1.5e-3 * 2e3', {})).toBeCloseTo(3, 12);
  });

  it('keeps the sign of a zero literal (String(-0) would lose it)', () => {
    expect(numberLiteral(-0)).toBe('(-0)');
    const code = emit({ kind: 'binary', op: '+', left: { kind: 'sym', name: 'x' }, right: { kind: 'num', value: -0 } }, (n) => n);
    expect(Object.is(compileFunction<(x: number) => number>(['x'], `return ${code};`)(-0), -0)).toBe(true);
  });

  it('reports the position of a syntax error', () => {
    expect(() => parseExpression('(V - 1')).toThrow(/expected '\)'.*position 7/s);
    expect(() => parseExpression('V + * 2')).toThrow(/unexpected '\*' at position 5/);
    expect(() => parseExpression('V $ 2')).toThrow(/unexpected character '\$' at position 3/);
  });

  it('rejects hostile text instead of turning it into code', () => {
    const hostile = ['process.exit()', '`${process.exit()}`', 'constructor.constructor("x")()', '__proto__', 'eval(1)', 'V; process.exit(1)', "require('fs')", 'this', 'x => x'];
    for (const text of hostile) {
      let error: unknown;
      try {
        const expr = parseExpression(text);
        emit(expr, (n) => (n === 'V' ? 'v_V' : undefined));
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(EquationError);
    }
  });

  it('names unknown symbols in model equations with the known ones', () => {
    expect(() => defineModel('M', { equations: { V: '(-V + I_ext) / tau' } }, ['tau'])).toThrow(/unknown symbol 'I_ext'.*known symbols: V, tau, t/s);
    expect(() => defineModel('M', { equations: { 'V; x': '-V' } }, [])).toThrow(EquationError);
  });

  it('differentiates symbolically, matching central differences', () => {
    const cases: [string, Record<string, number>][] = [
      ['(-V + V_rest + R * I) / tau', { V: -55, V_rest: -60, R: 1, I: 20, tau: 20 }],
      ['0.04 * V**2 + 5 * V + 140 - u + I', { V: -60, u: -12, I: 10 }],
      ['0.1 * (V + 40) / (1 - exp(-(V + 40) / 10))', { V: -52.3 }],
      ['V - V**3 / 3 - w + tanh(V) * sqrt(V * V + 1) + log(V * V + 2)', { V: 0.7, w: 0.3 }],
      ['sin(V) * cos(2 * V) / (1 + abs(V))', { V: 1.3 }],
    ];
    for (const [source, values] of cases) {
      const d = derivative(parseExpression(source), 'V');
      const h = 1e-5;
      const numeric = (evaluate(source, { ...values, V: values.V + h }) - evaluate(source, { ...values, V: values.V - h })) / (2 * h);
      const exact = evaluate(show(d), values);
      expect(exact, source).toBeCloseTo(numeric, 6);
    }
  });

  it('folds constants and drops zero terms', () => {
    const d = derivative(parseExpression('(-V + V_rest + R * input) / tau'), 'V');
    expect(symbolsOf(d)).toEqual(new Set(['tau']));
    expect(simplify(parseExpression('2 * 3 + x * 0 + 1 * y'))).toEqual({ kind: 'binary', op: '+', left: { kind: 'num', value: 6 }, right: { kind: 'sym', name: 'y' } });
  });
});
