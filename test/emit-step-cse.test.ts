import { describe, expect, it } from 'vitest';
import { type Expr, num, substitute } from '../src/expr/ast.js';
import { compileFunction } from '../src/expr/emit.js';
import { parseExpression } from '../src/expr/parse.js';
import { simplify } from '../src/expr/simplify.js';
import { seed } from '../src/core/random.js';
import { Uniform } from '../src/init/index.js';
import { emitOdeStep, type OdeSystem } from '../src/integrators/emit-step.js';
import { HH, HH_MODEL } from '../src/models/neurons/hh.js';
import { Runner } from '../src/runner/runner.js';

const HH_PARAMS: Record<string, number> = { ENa: 50, gNa: 120, EK: -77, gK: 36, EL: -54.387, gL: 0.03, C: 1 };

function hhSystem(): OdeSystem {
  const rhs: Record<string, Expr> = {};
  for (const v of HH_MODEL.states) rhs[v] = simplify(substitute(HH_MODEL.equations[v], (n) => (n in HH_PARAMS ? num(HH_PARAMS[n]) : undefined)));
  return { vars: HH_MODEL.states, rhs };
}

/** A step as a function of (state..., input) returning the next state, with or without CSE. */
function compiledStep(system: OdeSystem, method: string, cse: boolean) {
  const names = { current: (v: string) => `c_${v}`, time: 't', other: (n: string) => (n === 'input' ? 'c_input' : undefined), prefix: 's_' };
  const step = emitOdeStep(system, method, 0.1, names, 'test model', { cse });
  const body = `${step.code}\nreturn [${system.vars.map((v) => step.next[v]).join(', ')}];`;
  return { code: step.code, fn: compileFunction<(...a: number[]) => number[]>([...system.vars.map((v) => `c_${v}`), 'c_input', 't'], body) };
}

const exps = (code: string) => (code.match(/Math\.exp\(/g) ?? []).length;

describe('emitOdeStep with common-subexpression elimination', () => {
  it.each(['exp_auto', 'exponential_euler', 'rk4', 'euler'])('gives the same HH step bit for bit (%s)', (method) => {
    const system = hhSystem();
    const [plain, shared] = [compiledStep(system, method, false), compiledStep(system, method, true)];
    for (let k = 0; k < 2000; k++) {
      const args = [-90 + 0.07 * k, (k % 97) / 96, (k % 89) / 88, (k % 83) / 82, (k % 13) - 6, 0];
      const [a, b] = [plain.fn(...args), shared.fn(...args)];
      a.forEach((value, i) => expect(Object.is(value, b[i])).toBe(true));
    }
  });

  it('halves the exp() calls of the HH step under exp_auto (the rate functions are shared by f and df/dx)', () => {
    const system = hhSystem();
    expect(exps(compiledStep(system, 'exp_auto', false).code)).toBe(12);
    expect(exps(compiledStep(system, 'exp_auto', true).code)).toBe(6);
    expect(exps(compiledStep(system, 'exponential_euler', true).code)).toBeLessThan(exps(compiledStep(system, 'exponential_euler', false).code));
  });

  it('keeps every random draw (two randn() stay two draws)', () => {
    const rhs = { x: parseExpression('-x + randn() * exp(x) + randn() * exp(x)') };
    const names = { current: (v: string) => `c_${v}`, time: 't', other: () => undefined, prefix: 's_' };
    const { code } = emitOdeStep({ vars: ['x'], rhs }, 'euler', 0.1, names, 'noisy');
    expect(code.match(/RNG\.normal\(\)/g)).toHaveLength(2);
    expect(exps(code)).toBe(1);
  });

  it('still names the equation that has an unknown symbol', () => {
    const rhs = { x: parseExpression('-x'), y: parseExpression('exp(x) * q + exp(x)') };
    const names = { current: (v: string) => `c_${v}`, time: 't', other: () => undefined, prefix: 's_' };
    expect(() => emitOdeStep({ vars: ['x', 'y'], rhs }, 'exp_auto', 0.1, names, 'model M')).toThrow("unknown symbol 'q' in dy/dt of model M");
  });

  // Recorded with the emitter before CSE existed (same seed, same network): the library's HH
  // group through EquationGroup's generated kernel must give the same spikes and the same state
  // bits after 2000 steps. The hashes were recorded again when m ** 3 and n ** 4 became products
  // (src/expr/integer-powers.ts, a deliberate last-bit change); the spike counts did not change.
  it.each([
    ['exp_auto', 251, '96937787'],
    ['exponential_euler', 251, 'bb5cf390'],
    ['rk4', 260, '672f252d'],
  ])('leaves an HH group bit-identical to before CSE (%s)', (method, spikes, hash) => {
    seed(7);
    const n = 40;
    const gNa = Float64Array.from({ length: n }, (_, k) => 100 + k);
    const group = new HH(n, { method, gNa, V_initializer: new Uniform(-75, -55), name: 'hh' });
    let count = 0;
    const runner = new Runner(group, { monitors: [{ key: 's', fn: () => (count += group.spikeCount) }], inputs: [['input', 8]], dt: 0.05, progress: false });
    runner.run(100);
    const state = new Float64Array(['V', 'm', 'h', 'n'].flatMap((v) => Array.from(group.variables()[v] as Float64Array)));
    let fnv = 0x811c9dc5;
    for (const byte of new Uint8Array(state.buffer)) fnv = Math.imul(fnv ^ byte, 0x01000193) >>> 0;
    expect(count).toBe(spikes);
    expect(fnv.toString(16)).toBe(hash);
  });
});
