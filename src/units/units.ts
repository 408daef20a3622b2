import { type Dimension, dimensionOf, powerDim } from './dimension.js';
import { makeUnit, Quantity, type Unit } from './quantity.js';

/**
 * The unit names model strings and TypeScript code may use, as in Brian2: base and derived SI
 * units by their long names (volt, siemens, ...), with SI prefixes in long (mvolt, nsiemens) and
 * short form (mV, nS, pF, ms, kHz, um, mM), and squared/cubed lengths (cm2, um2, um3).
 */

const PREFIXES: readonly [string, string, number][] = [
  ['femto', 'f', 1e-15], ['pico', 'p', 1e-12], ['nano', 'n', 1e-9], ['micro', 'u', 1e-6], ['milli', 'm', 1e-3],
  ['centi', 'c', 1e-2], ['deci', 'd', 1e-1], ['kilo', 'k', 1e3], ['mega', 'M', 1e6], ['giga', 'G', 1e9],
];

const VOLT = dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -1 });
const AMP = dimensionOf({ amp: 1 });
const SECOND = dimensionOf({ second: 1 });
const SIEMENS = dimensionOf({ kilogram: -1, metre: -2, second: 3, amp: 2 });
const METRE = dimensionOf({ metre: 1 });
const MOLE = dimensionOf({ mole: 1 });

/** long name, short symbol (undefined: none), SI value of one unit, dimension */
const BASE_UNITS: readonly [string, string | undefined, number, Dimension][] = [
  ['volt', 'V', 1, VOLT],
  ['amp', 'A', 1, AMP],
  ['second', 's', 1, SECOND],
  ['siemens', 'S', 1, SIEMENS],
  ['farad', 'F', 1, dimensionOf({ kilogram: -1, metre: -2, second: 4, amp: 2 })],
  ['ohm', 'ohm', 1, dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -2 })],
  ['hertz', 'Hz', 1, dimensionOf({ second: -1 })],
  ['metre', 'm', 1, METRE],
  ['meter', undefined, 1, METRE],
  ['gram', 'g', 1e-3, dimensionOf({ kilogram: 1 })],
  ['mole', 'mol', 1, MOLE],
  ['molar', 'M', 1e3, dimensionOf({ mole: 1, metre: -3 })],
  ['liter', 'l', 1e-3, powerDim(METRE, 3)],
  ['litre', undefined, 1e-3, powerDim(METRE, 3)],
  ['coulomb', 'C', 1, dimensionOf({ amp: 1, second: 1 })],
  ['joule', 'J', 1, dimensionOf({ kilogram: 1, metre: 2, second: -2 })],
  ['watt', 'W', 1, dimensionOf({ kilogram: 1, metre: 2, second: -3 })],
  ['kelvin', undefined, 1, dimensionOf({ kelvin: 1 })],
  ['candela', undefined, 1, dimensionOf({ candela: 1 })],
];

/** Single letters stay free for model variables (m, h, n, V, ...); only these short forms stand alone. */
const BARE_SHORT = new Set(['Hz', 'ohm', 'mol']);

function buildTable(): Map<string, Unit> {
  const table = new Map<string, Unit>();
  const put = (name: string, si: number, dim: Dimension) => table.set(name, makeUnit(name, new Quantity(si, dim)));
  for (const [long, short, si, dim] of BASE_UNITS) {
    put(long, si, dim);
    if (short && BARE_SHORT.has(short)) put(short, si, dim);
    for (const [longPrefix, shortPrefix, factor] of PREFIXES) {
      put(longPrefix + long, si * factor, dim);
      if (short) put(shortPrefix + short, si * factor, dim);
    }
  }
  put('amperes', 1, AMP);
  put('kilogram', 1, dimensionOf({ kilogram: 1 }));
  for (const length of ['metre', 'meter', 'cm', 'mm', 'um', 'nm']) {
    const base = table.get(length) as Unit;
    put(`${length}2`, base.quantity.si ** 2, powerDim(METRE, 2));
    put(`${length}3`, base.quantity.si ** 3, powerDim(METRE, 3));
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
