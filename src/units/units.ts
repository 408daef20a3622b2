import { type Dimension, dimensionOf, internalExponent, powerDim } from './dimension.js';
import { makeUnit, Quantity, type Unit } from './quantity.js';

/**
 * The unit names model strings and TypeScript code may use, as in Brian2: base and derived SI
 * units by their long names (volt, siemens, ...), with SI prefixes on long names (mvolt, nsiemens) and
 * on short ones (mV, nS, pF, ms, kHz, um, mM), and squared/cubed lengths (cm2, um2, um3).
 */

/** Prefix and decimal exponent. */
const PREFIXES: readonly [string, number][] = [
  ['f', -15], ['p', -12], ['n', -9], ['u', -6], ['m', -3], ['c', -2], ['d', -1], ['k', 3], ['M', 6], ['G', 9],
];

const VOLT = dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -1 });
const AMP = dimensionOf({ amp: 1 });
const SECOND = dimensionOf({ second: 1 });
const SIEMENS = dimensionOf({ kilogram: -1, metre: -2, second: 3, amp: 2 });
const METRE = dimensionOf({ metre: 1 });
const MOLE = dimensionOf({ mole: 1 });

/** long name, short symbol (undefined: none), decimal exponent of the SI value of one unit, dimension */
const BASE_UNITS: readonly [string, string | undefined, number, Dimension][] = [
  ['volt', 'V', 0, VOLT],
  ['amp', 'A', 0, AMP],
  ['second', 's', 0, SECOND],
  ['siemens', 'S', 0, SIEMENS],
  ['farad', 'F', 0, dimensionOf({ kilogram: -1, metre: -2, second: 4, amp: 2 })],
  ['ohm', 'ohm', 0, dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -2 })],
  ['hertz', 'Hz', 0, dimensionOf({ second: -1 })],
  ['metre', 'm', 0, METRE],
  ['meter', undefined, 0, METRE],
  ['gram', 'g', -3, dimensionOf({ kilogram: 1 })],
  ['mole', 'mol', 0, MOLE],
  ['molar', 'M', 3, dimensionOf({ mole: 1, metre: -3 })],
  ['liter', 'l', -3, powerDim(METRE, 3)],
  ['litre', undefined, -3, powerDim(METRE, 3)],
  ['coulomb', 'C', 0, dimensionOf({ amp: 1, second: 1 })],
  ['joule', 'J', 0, dimensionOf({ kilogram: 1, metre: 2, second: -2 })],
  ['watt', 'W', 0, dimensionOf({ kilogram: 1, metre: 2, second: -3 })],
  ['kelvin', undefined, 0, dimensionOf({ kelvin: 1 })],
  ['candela', undefined, 0, dimensionOf({ candela: 1 })],
];

/** Single letters stay free for model variables (m, h, n, V, ...); only these short forms stand alone. */
const BARE_SHORT = new Set(['Hz', 'ohm', 'mol']);

function buildTable(): Map<string, Unit> {
  const table = new Map<string, Unit>();
  // 10 ** integer is exact (or correctly rounded), so unit values are as exact as they can be.
  const put = (name: string, exponent: number, dim: Dimension) =>
    table.set(name, makeUnit(name, new Quantity(10 ** (exponent - internalExponent(dim)), dim)));
  for (const [long, short, exponent, dim] of BASE_UNITS) {
    put(long, exponent, dim);
    if (short && BARE_SHORT.has(short)) put(short, exponent, dim);
    for (const [prefix, p] of PREFIXES) {
      put(prefix + long, exponent + p, dim);
      if (short) put(prefix + short, exponent + p, dim);
    }
  }
  put('amperes', 0, AMP);
  put('kilogram', 0, dimensionOf({ kilogram: 1 }));
  for (const [length, p] of [['metre', 0], ['meter', 0], ['cm', -2], ['mm', -3], ['um', -6], ['nm', -9]] as const) {
    put(`${length}2`, 2 * p, powerDim(METRE, 2));
    put(`${length}3`, 3 * p, powerDim(METRE, 3));
  }
  return table;
}

export const UNITS: ReadonlyMap<string, Unit> = buildTable();

export function isUnitName(name: string): boolean {
  return UNITS.has(name);
}

const unit = (name: string): Unit => UNITS.get(name) as Unit;

export const volt = unit('volt');
export const mV = unit('mV');
export const uV = unit('uV');
export const amp = unit('amp');
export const mA = unit('mA');
export const uA = unit('uA');
export const nA = unit('nA');
export const pA = unit('pA');
export const second = unit('second');
export const ms = unit('ms');
export const us = unit('us');
export const siemens = unit('siemens');
export const mS = unit('mS');
export const uS = unit('uS');
export const nS = unit('nS');
export const pS = unit('pS');
export const farad = unit('farad');
export const uF = unit('uF');
export const nF = unit('nF');
export const pF = unit('pF');
export const ohm = unit('ohm');
export const Mohm = unit('Mohm');
export const Hz = unit('Hz');
export const kHz = unit('kHz');
export const metre = unit('metre');
export const cm = unit('cm');
export const um = unit('um');
export const cm2 = unit('cm2');
export const mM = unit('mM');
