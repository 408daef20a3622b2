import { describe, expect, it } from 'vitest';
import { add, call, div, type Expr, mul, num, show, sym } from '../src/expr/ast.js';
import { eliminateCommonSubexpressions } from '../src/expr/cse.js';
import { derivative } from '../src/expr/derivative.js';
import { compileFunction, emit } from '../src/expr/emit.js';
import { parseExpression } from '../src/expr/parse.js';

/** Compile expressions (with CSE bindings, if given) into one function of the named symbols returning all values. */
function evaluator(exprs: readonly Expr[], symbols: readonly string[], bindings: readonly { name: string; expr: Expr }[] = []) {
  const resolve = (name: string) => (symbols.includes(name) || bindings.some((b) => b.name === name) ? name : undefined);
  const body = [...bindings.map((b) => `const ${b.name} = ${emit(b.expr, resolve)};`), `return [${exprs.map((e) => emit(e, resolve)).join(', ')}];`].join('\n');
  return compileFunction<(...values: number[]) => number[]>([...symbols], body);
}

const parse = (sources: string[]) => sources.map((s) => parseExpression(s));

describe('common-subexpression elimination', () => {
  it('shares the rate functions of an HH gate between f and df/dm, with the same values bit for bit', () => {
    const f = parseExpression('0.32 * (13 - V) / (exp((13 - V) / 4) - 1) * (1 - m) - 0.28 * (V - 40) / (exp((V - 40) / 5) - 1) * m');
    const exprs = [f, derivative(f, 'm')];
    const { bindings, exprs: rewritten } = eliminateCommonSubexpressions(exprs, 't');
    const exps = (e: Expr) => (show(e).match(/exp\(/g) ?? []).length;
    expect(exprs.reduce((n, e) => n + exps(e), 0)).toBe(4);
    expect([...bindings.map((b) => b.expr), ...rewritten].reduce((n, e) => n + exps(e), 0)).toBe(2);
    const before = evaluator(exprs, ['V', 'm']);
    const after = evaluator(rewritten, ['V', 'm'], bindings);
    for (let k = 0; k < 500; k++) {
      const V = -90 + 0.37 * k;
      const m = (k % 101) / 100;
      const [a, b] = [before(V, m), after(V, m)];
      for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i])).toBe(true);
    }
  });

  it('names the bindings in evaluation order, and puts back a subtree used only inside a repeated one', () => {
    const { bindings, exprs } = eliminateCommonSubexpressions(parse(['exp(x) + 1', 'exp(x) * 3', 'exp(x) * 3 - y']), 't');
    expect(bindings.map((b) => `${b.name} = ${show(b.expr)}`)).toEqual(['t0 = exp(x)', 't1 = (t0 * 3)']);
    expect(exprs.map(show)).toEqual(['(t0 + 1)', 't1', '(t1 - y)']);
    // exp(x) occurs twice, but only inside the repeated (exp(x) * 2 + 1): one binding.
    const nested = eliminateCommonSubexpressions(parse(['exp(x) * 2 + 1', 'exp(x) * 2 + 1']), 't');
    expect(nested.bindings.map((b) => `${b.name} = ${show(b.expr)}`)).toEqual(['t0 = ((exp(x) * 2) + 1)']);
    expect(nested.exprs.map(show)).toEqual(['t0', 't0']);
  });

  it('leaves expressions without repeats alone and never binds numbers, symbols or -x', () => {
    const input = parse(['a * b + c', '-a + 2', 'exp(a) - b']);
    const { bindings, exprs } = eliminateCommonSubexpressions(input, 't');
    expect(bindings).toEqual([]);
    expect(exprs.map(show)).toEqual(input.map(show));
  });

  it('never merges random draws, but shares pure subtrees around them', () => {
    expect(eliminateCommonSubexpressions(parse(['rand() + x', 'rand() + x']), 't').bindings).toEqual([]);
    const { bindings, exprs } = eliminateCommonSubexpressions(parse(['randn() * exp(x)', 'randn() * exp(x)']), 't');
    expect(bindings.map((b) => show(b.expr))).toEqual(['exp(x)']);
    expect(exprs.map(show)).toEqual(['(randn() * t0)', '(randn() * t0)']);
  });

  it('picks names that no input symbol uses', () => {
    const { bindings, exprs } = eliminateCommonSubexpressions(parse(['sqrt(t0) + sqrt(t0)', 't2 * 1']), 't');
    expect(bindings.map((b) => b.name)).toEqual(['t1']);
    expect(show(exprs[0])).toBe('(t1 + t1)');
  });

  it('keeps 0 and -0 apart (x + 0 and x + -0 differ at x = -0)', () => {
    const x = sym('x');
    const exprs = [div(num(1), add(x, num(0))), div(num(1), add(x, num(-0))), mul(num(2), div(num(1), add(x, num(0))))];
    const { bindings, exprs: rewritten } = eliminateCommonSubexpressions(exprs, 't');
    expect(bindings.map((b) => show(b.expr))).toEqual(['(1 / (x + 0))']);
    const [after, before] = [evaluator(rewritten, ['x'], bindings)(-0), evaluator(exprs, ['x'])(-0)];
    after.forEach((value, i) => expect(Object.is(value, before[i])).toBe(true));
  });

  it('matches calls by function and arguments', () => {
    const { bindings } = eliminateCommonSubexpressions([call('exp', sym('x')), call('expm1', sym('x')), call('exp', sym('x')), add(call('min', sym('a'), sym('b')), call('min', sym('b'), sym('a')))], 't');
    expect(bindings.map((b) => show(b.expr))).toEqual(['exp(x)']);
  });
});
