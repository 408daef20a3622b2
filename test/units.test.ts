import { describe, expect, it } from 'vitest';
import { parseExpression } from '../src/expr/parse.js';
import { dimensionOf, formatDim, sameDim } from '../src/units/dimension.js';
import { evaluateQuantity, inferDimension, parseUnit } from '../src/units/check.js';
import { Hz, mV, ms, nA, nS, pA, pF, second, siemens, UNITS, volt } from '../src/units/units.js';

const VOLT = dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -1 });

describe('units', () => {
  it('converts quantities once into the internal ms/mV/nS/pF/pA system', () => {
    expect(mV(20).inInternalUnits()).toBeCloseTo(20, 12);
    expect(second(1).inInternalUnits()).toBeCloseTo(1000, 9);
    expect(Hz(10).inInternalUnits()).toBeCloseTo(0.01, 15);
    expect(nS(3).inInternalUnits()).toBeCloseTo(3, 12);
    expect(pF(200).inInternalUnits()).toBeCloseTo(200, 9);
    expect(nA(0.5).inInternalUnits()).toBeCloseTo(500, 9);
    // Coherence: nS * mV = pA, pF * mV / ms = pA.
    expect(nS(2).times(mV(5)).inInternalUnits()).toBeCloseTo(10, 12);
    expect(pF(100).times(mV(1)).div(ms(1)).in(pA)).toBeCloseTo(100, 9);
    expect(mV(20).in(volt)).toBeCloseTo(0.02, 15);
  });

  it('refuses to express a quantity in a unit of another dimension', () => {
    expect(() => mV(1).in(siemens)).toThrow(/cannot express volt in siemens/);
  });

  it('knows prefixed long and short names', () => {
    for (const name of ['mV', 'mvolt', 'nS', 'nsiemens', 'pF', 'pfarad', 'ms', 'msecond', 'kHz', 'um2', 'cm2', 'Mohm', 'mM', 'namp']) {
      expect(UNITS.has(name), name).toBe(true);
    }
    // Single letters stay free for variables such as m, h, n, V.
    for (const name of ['m', 'h', 'n', 'V', 'A', 's']) expect(UNITS.has(name), name).toBe(false);
  });

  it('parses unit annotations', () => {
    expect(formatDim(parseUnit('volt/second', 'test'))).toBe('volt/second');
    expect(formatDim(parseUnit('1', 'test'))).toBe('1 (dimensionless)');
    expect(formatDim(parseUnit('amp', 'test'))).toBe('amp');
    expect(sameDim(parseUnit('mV/ms', 'test'), parseUnit('volt/second', 'test'))).toBe(true);
    expect(() => parseUnit('vlot', 'test')).toThrow(/unknown unit or constant 'vlot'.*did you mean 'volt'/);
  });

  it('evaluates constant expressions with units', () => {
    expect(evaluateQuantity(parseExpression('10*ms + 0.5*second'), 'test').inInternalUnits()).toBeCloseTo(510, 9);
    expect(() => evaluateQuantity(parseExpression('10*ms + 5*mV'), 'test')).toThrow(/unit mismatch.*second.*volt/);
  });

  it('infers dimensions and reports a mismatch with both dimensions and the column', () => {
    const dims: Record<string, ReturnType<typeof dimensionOf>> = { v: VOLT, tau: dimensionOf({ second: 1 }), g: parseUnit('siemens', 't') };
    const ctx = { where: "equation 'x'", lookup: (n: string) => dims[n], names: () => Object.keys(dims) };
    expect(formatDim(inferDimension(parseExpression('v/tau'), ctx).dim)).toBe('volt/second');
    expect(inferDimension(parseExpression('v > 0*v'), ctx).boolean).toBe(true);
    expect(() => inferDimension(parseExpression('v + g'), ctx)).toThrow(/unit mismatch in equation 'x' at column 5: the term 'v' has dimension volt but 'g' has dimension siemens/);
    expect(() => inferDimension(parseExpression('exp(v)'), ctx)).toThrow(/argument of exp\(\).*must be dimensionless.*volt/);
    expect(() => inferDimension(parseExpression('v + vv'), ctx)).toThrow(/undefined symbol 'vv'.*column 5.*did you mean 'v'/);
    expect(formatDim(inferDimension(parseExpression('sqrt(v**2)'), ctx).dim)).toBe('volt');
  });
});
