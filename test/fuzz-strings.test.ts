import { describe, expect, it } from 'vitest';
import { EquationError, NonFiniteStateError, UnknownNameError } from '../src/core/errors.js';
import { RandomStream } from '../src/core/random.js';
import { NeuronGroup } from '../src/strings/neuron-group.js';
import { Synapses } from '../src/strings/synapses.js';

/**
 * Random and hostile strings in every place a model string goes must only ever produce an
 * EquationError / UnknownNameError (parse, name or unit errors) or a working model, never run
 * anything: a canary on globalThis records any code that did execute.
 */
const HOSTILE = [
  'constructor', '__proto__', 'prototype', 'process.exit()', 'process', 'globalThis', 'this', 'eval("1")',
  '`${process.exit()}`', "require('fs')", 'import("fs")', 'Function("return 1")()', 'x[0]', 'a.b', '(() => 1)()',
  '\\u0061', '"str"', "'str'", '1; globalThis.fuzzCanary = 1', 'v = 1 } globalThis.fuzzCanary = 1; {', '/* */', '// x',
  'new Date()', 'toString()', 'valueOf()', 'hasOwnProperty("v")', '__defineGetter__', 'NaN', 'Infinity', 'v => v',
  'v ? 1 : 2', 'v || process', 'rand', 'rand(1)', 'exp()', 'where(1)', '1e999', '0x10', '$', '@', 'v;;v', '\n\n', 'v ** ** 2',
];
const PIECES = ['v', 'u', 'w', ' ', '+', '-', '*', '/', '**', '(', ')', '1', '0.5', 'e', '<', '>=', '==', 'and', 'not', ',', ';',
  '=', '+=', 'exp(', 'rand()', 'mV', 'ms', ':', '_pre', '_post', 'constructor', '__proto__', '`', '$', '{', '}', '[', ']', '.', '"', "'"];

function randomString(rng: RandomStream): string {
  const n = 1 + rng.integer(8);
  return Array.from({ length: n }, () => PIECES[rng.integer(PIECES.length)]).join('');
}

const canary = globalThis as { fuzzCanary?: number };

/** Build, and when that worked compile and run one step, so generated code is exercised too. */
function expectSafe(build: () => unknown): void {
  try {
    const built = build();
    if (built instanceof NeuronGroup) built.update({ t: 0, i: 0, dt: 0.1 });
    if (built instanceof Synapses) built.prepare(0.1);
  } catch (error) {
    if (!(error instanceof EquationError || error instanceof UnknownNameError || error instanceof NonFiniteStateError)) throw error;
  }
  expect(canary.fuzzCanary).toBeUndefined();
}

const base = 'dv/dt = -v/ms : 1\nu : 1';
const places: [string, (s: string) => unknown][] = [
  ['equation right-hand side', (s) => new NeuronGroup(2, `dv/dt = ${s} : 1\nu : 1`)],
  ['unit annotation', (s) => new NeuronGroup(2, `dv/dt = -v/ms : ${s}`)],
  ['threshold', (s) => new NeuronGroup(2, base, { threshold: s })],
  ['reset', (s) => new NeuronGroup(2, base, { threshold: 'v > 1', reset: s })],
  ['refractory', (s) => new NeuronGroup(2, base, { threshold: 'v > 1', refractory: s })],
  ['value string', (s) => new NeuronGroup(2, base).set('v', s)],
  ['on_pre', (s) => new Synapses(new NeuronGroup(2, base), new NeuronGroup(2, base), { model: 'w : 1', onPre: s })],
  ['synapse model', (s) => new Synapses(new NeuronGroup(2, base), new NeuronGroup(2, base), { model: s })],
  ['connect condition', (s) => new Synapses(new NeuronGroup(2, base), new NeuronGroup(2, base)).connect({ condition: s })],
];

describe('fuzz: model strings never execute anything', () => {
  for (const [place, build] of places) {
    it(`hostile strings in the ${place}`, () => {
      for (const s of HOSTILE) expectSafe(() => build(s));
    });
    it(`random strings in the ${place}`, () => {
      const rng = new RandomStream(place.length * 7919);
      for (let k = 0; k < 150; k++) expectSafe(() => build(randomString(rng)));
    });
  }

  it('a hostile name is rejected as a name, with its position', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = constructor/ms : 1')).toThrow(/undefined symbol 'constructor'.*column 9/);
    expect(() => new NeuronGroup(1, 'dv/dt = process.exit()/ms : 1')).toThrow(/unexpected character '\.' at position 16/);
    expect(() => new NeuronGroup(1, 'dv/dt = `x`/ms : 1')).toThrow(/unexpected character '`'/);
    expect(() => new NeuronGroup(1, 'x : 1').set('x', '__proto__')).toThrow(/undefined symbol '__proto__'/);
  });
});
