import { describe, expect, it } from 'vitest';
import { EquationGroup } from '../src/core/equation-group.js';
import { defineModel } from '../src/core/model.js';
import { seed } from '../src/core/random.js';
import { show } from '../src/expr/ast.js';
import { derivative } from '../src/expr/derivative.js';
import { linearPart } from '../src/expr/linear-part.js';
import { parseExpression } from '../src/expr/parse.js';
import { simplify } from '../src/expr/simplify.js';
import { assignedValue, parseStatements } from '../src/expr/statements.js';
import { closestName } from '../src/expr/suggest.js';
import { Runner } from '../src/runner/runner.js';

/** The language extensions behind the string front end, tested on their own. */
describe('statements', () => {
  it('splits on ; and newlines, skips comments, keeps columns', () => {
    const block = 'v = c; u += d # adapt\n  g_exc = 0';
    const statements = parseStatements(block);
    expect(statements.map((s) => [s.target, s.op, s.pos])).toEqual([['v', '=', 0], ['u', '+=', 7], ['g_exc', '=', 24]]);
    expect(show(assignedValue(statements[1]))).toBe('(u + d)');
    expect(() => parseStatements('v == 1')).toThrow(/expected 'name = expression'.*column 1/);
    expect(() => parseStatements('v = 1; u +=')).toThrow(/position 12/);
  });
});

describe('random and integer functions', () => {
  it('rand() and randn() are never folded and differentiate to 0; int truncates', () => {
    expect(show(simplify(parseExpression('rand() * (2 * 3)')))).toBe('(rand() * 6)');
    expect(show(derivative(parseExpression('v * randn()'), 'v'))).toBe('randn()');
    expect(show(simplify(parseExpression('int(-2.7) + int(2.7)')))).toBe('0');
  });

  it('a model calling randn() gets its own seeded stream; models without random calls do not draw one', () => {
    const noisy = defineModel('noisy', { equations: { x: 'randn()' } }, []);
    const quiet = defineModel('quiet', { equations: { x: '-x' } }, []);
    seed(5);
    const a = new EquationGroup(3, noisy, {}, {}, { method: 'euler' });
    expect(a.rng).toBeDefined();
    expect(new EquationGroup(3, quiet, {}, {}).rng).toBeUndefined();
    new Runner(a, { dt: 0.1 }).run(1);
    const x = a.variables().x;
    expect(new Set(x).size).toBe(3);
  });
});

describe('models: ordered resets and refractory conditions', () => {
  it('applies a reset given as a list, in order, assigning a variable twice', () => {
    const model = defineModel(
      'm',
      { equations: { v: '1', u: '0' }, threshold: 'v > 1', reset: [['u', 'u + v'], ['v', '0'], ['u', 'u * 2']] },
      [],
    );
    const g = new EquationGroup(1, model, {}, { v: [0.95], u: [0] }, { method: 'euler' });
    new Runner(g, { dt: 0.1 }).run(0.1);
    expect(g.variables().v[0]).toBe(0);
    expect(g.variables().u[0]).toBeCloseTo(2 * 1.05, 12);
  });

  it('holds variables and blocks spikes while a refractory condition (with t_last_spike and dt) is true', () => {
    const model = defineModel(
      'm',
      {
        equations: { v: '1' },
        threshold: 'v > 1',
        reset: { v: '0' },
        refractory: { condition: 't - t_last_spike < 10*dt', hold: ['v'], blocksThreshold: true },
      },
      [],
    );
    const g = new EquationGroup(1, model, {}, { v: [0.95] }, { method: 'euler' });
    const runner = new Runner(g, { dt: 0.1, monitors: ['v', 'spike'] });
    runner.run(3);
    const v = runner.mon.get('v').data;
    expect(runner.mon.get('spike').data[0]).toBe(1);
    for (let k = 1; k < 10; k++) expect(v[k]).toBe(0);
    expect(v[10]).toBeCloseTo(0.1, 12);
    expect(() => defineModel('m', { equations: { v: '1' }, refractory: { hold: ['v'] } }, [])).toThrow(/exactly one of 'period' and 'condition'/);
  });
});

describe("Brian2's exponential_euler", () => {
  it('splits f into A*x + B with nonlinear terms in B', () => {
    const { a, b } = linearPart(parseExpression('(gL*(EL - v) + gL*D*exp((v - VT)/D) - w)/C'), 'v');
    expect(show(a)).toBe('(-(gL) / C)');
    expect(show(b)).toContain('exp');
  });

  it('is exact for a linear equation', () => {
    const model = defineModel('lin', { equations: { x: '(2 - x)/5' } }, []);
    const g = new EquationGroup(1, model, {}, { x: [0] }, { method: 'exponential_euler' });
    new Runner(g, { dt: 0.5 }).run(10);
    expect(g.variables().x[0]).toBeCloseTo(2 * (1 - Math.exp(-2)), 13);
  });
});

describe('suggestions', () => {
  it('names the closest defined symbol, or none when nothing is close', () => {
    expect(closestName('Vrest', ['V_rest', 'tau'])).toBe('V_rest');
    expect(closestName('TAU', ['V_rest', 'tau'])).toBe('tau');
    expect(closestName('xyz', ['V_rest', 'tau'])).toBeUndefined();
  });
});
