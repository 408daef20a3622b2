import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/core/backend.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { defineModel } from '../src/core/model.js';
import { Network } from '../src/core/network.js';
import { derivative } from '../src/expr/derivative.js';
import { compileFunction, emit } from '../src/expr/emit.js';
import { expandExprel, exprel } from '../src/expr/exprel.js';
import { parseExpression } from '../src/expr/parse.js';
import { Runner } from '../src/runner/runner.js';

const compiled = (e: ReturnType<typeof parseExpression>) => compileFunction<(x: number) => number>(['x'], `return ${emit(e, (n) => (n === 'x' ? 'x' : undefined))};`);

/** exprel(x) = (exp(x) - 1) / x, 1 at 0: Brian2's function for the removable singularity of HH rate functions. */
describe('exprel', () => {
  it('is (exp(x) - 1) / x from expm1, and 1 at +0 and -0', () => {
    expect(exprel(0)).toBe(1);
    expect(exprel(-0)).toBe(1);
    expect(exprel(1e-300)).toBe(1);
    expect(exprel(1)).toBe(Math.E - 1);
    expect(exprel(-Infinity)).toBe(0);
    expect(exprel(800)).toBe(Infinity);
    expect(Number.isNaN(exprel(NaN))).toBe(true);
    // Accurate near 0, where (exp(x) - 1) / x loses digits: exprel(x) = 1 + x/2 + x^2/6 + ...
    expect(Math.abs(exprel(1e-9) - (1 + 5e-10))).toBeLessThan(1e-16);
  });

  it('is the same function in equations, expanded in kernels (where/expm1), and differentiated', () => {
    const direct = compiled(parseExpression('exprel(x)'));
    const expanded = compiled(expandExprel(parseExpression('exprel(x)')));
    const slope = compiled(derivative(parseExpression('exprel(x)'), 'x'));
    for (const x of [0, -0, 1e-12, -3.5, 0.25, 7, 720, -800, NaN]) {
      expect(Object.is(expanded(x), direct(x)) || (Number.isNaN(direct(x)) && Number.isNaN(expanded(x))), `${x}`).toBe(true);
      expect(Object.is(direct(x), exprel(x)) || Number.isNaN(x)).toBe(true);
    }
    expect(slope(0)).toBe(0.5);
    for (const x of [-2, 0.3, 4]) expect(slope(x)).toBeCloseTo((exprel(x + 1e-6) - exprel(x - 1e-6)) / 2e-6, 6);
  });

  it('keeps an HH-type rate finite at the singular voltage, with the same bits in JavaScript and WebAssembly', () => {
    // alpha(V) = 0.1 (V + 40) / (1 - exp(-(V + 40) / 10)) = 1 / exprel(-(V + 40) / 10)
    const model = defineModel('Rate', { equations: { m: '1 / exprel(-(V + 40) / 10) * (1 - m) - m', V: '0' } }, []);
    const singular = defineModel('RateSingular', { equations: { m: '0.1 * (V + 40) / (1 - exp(-(V + 40) / 10)) * (1 - m) - m', V: '0' } }, []);
    const voltages = [-42, -41.5, -41, -40.5, -40, -39.5, -39, -38.5, -38];
    const simulate = (m: typeof model, backend: Backend, V: number[]) => {
      const group = new EquationGroup(V.length, m, {}, { m: new Float64Array(V.length), V }, { method: 'exp_auto', backend, name: 'G' });
      new Runner(new Network({ G: group }), { progress: false }).run(1);
      return Array.from(group.variables().m);
    };
    const [wasm, js] = [simulate(model, 'wasm', voltages), simulate(model, 'js', voltages)];
    expect(wasm).toEqual(js);
    expect(js.every((m) => m > 0 && m < 1)).toBe(true);
    // The quotient fails at V = -40 exactly; elsewhere it gives the same values to rounding.
    expect(() => simulate(singular, 'js', voltages)).toThrow(/neuron 4 .*RateSingular/);
    const away = voltages.filter((V) => V !== -40);
    const reference = simulate(singular, 'js', away);
    away.forEach((V, i) => expect(js[voltages.indexOf(V)]).toBeCloseTo(reference[i], 12));
  });
});
