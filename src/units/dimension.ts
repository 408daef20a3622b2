/**
 * Physical dimensions as exponent vectors over the seven SI base quantities, and the scale of
 * Neurodyn's internal unit system. Models run in ms, mV, nS, pF, pA (the BrainPy convention the
 * rest of Neurodyn uses); a quantity is converted once, when it enters a model.
 */

export const BASE_NAMES = ['metre', 'kilogram', 'second', 'amp', 'kelvin', 'mole', 'candela'] as const;
const BASE_SYMBOLS = ['m', 'kg', 's', 'A', 'K', 'mol', 'cd'];

/** Exponents of metre, kilogram, second, ampere, kelvin, mole, candela. */
export type Dimension = readonly [number, number, number, number, number, number, number];

export const DIMENSIONLESS: Dimension = [0, 0, 0, 0, 0, 0, 0];

/**
 * Decimal exponent of the SI value of one internal unit of each base quantity. Time in ms and
 * current in pA; with length in um and mass in 1e-12 kg the derived units come out as mV, nS, pF
 * and Hz -> 1/ms. Powers of ten keep unit conversions exact (mV(-70) is -70, not -70.00000000000001).
 */
const INTERNAL_BASE_EXPONENT = [-6, -12, -3, -12, 0, 0, 0];

export function dimensionOf(exponents: Partial<Record<(typeof BASE_NAMES)[number], number>>): Dimension {
  return BASE_NAMES.map((name) => exponents[name] ?? 0) as unknown as Dimension;
}

export const multiplyDims = (a: Dimension, b: Dimension): Dimension => a.map((x, k) => x + b[k]) as unknown as Dimension;
export const divideDims = (a: Dimension, b: Dimension): Dimension => a.map((x, k) => x - b[k]) as unknown as Dimension;
export const powerDim = (a: Dimension, p: number): Dimension => a.map((x) => x * p) as unknown as Dimension;
export const sameDim = (a: Dimension, b: Dimension): boolean => a.every((x, k) => Math.abs(x - b[k]) < 1e-12);
export const isDimensionless = (a: Dimension): boolean => sameDim(a, DIMENSIONLESS);

/** Decimal exponent of the SI value of one internal unit of this dimension (-3 for volt: the internal unit is mV). */
export function internalExponent(dim: Dimension): number {
  return dim.reduce((sum, exponent, k) => sum + INTERNAL_BASE_EXPONENT[k] * exponent, 0);
}

const NAMED: readonly [string, Dimension][] = [
  ['volt', dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -1 })],
  ['amp', dimensionOf({ amp: 1 })],
  ['second', dimensionOf({ second: 1 })],
  ['siemens', dimensionOf({ kilogram: -1, metre: -2, second: 3, amp: 2 })],
  ['farad', dimensionOf({ kilogram: -1, metre: -2, second: 4, amp: 2 })],
  ['ohm', dimensionOf({ kilogram: 1, metre: 2, second: -3, amp: -2 })],
  ['hertz', dimensionOf({ second: -1 })],
  ['metre', dimensionOf({ metre: 1 })],
];

/** Readable form, e.g. 'volt', 'volt/second', 'm^2 kg s^-3 A^-1'. */
export function formatDim(dim: Dimension): string {
  if (isDimensionless(dim)) return '1 (dimensionless)';
  for (const [name, named] of NAMED) if (sameDim(dim, named)) return name;
  for (const [top, a] of NAMED) {
    for (const [bottom, b] of NAMED) if (top !== bottom && sameDim(dim, divideDims(a, b))) return `${top}/${bottom}`;
    if (sameDim(dim, powerDim(a, -1))) return `1/${top}`;
  }
  return dim
    .map((x, k) => (x === 0 ? '' : x === 1 ? BASE_SYMBOLS[k] : `${BASE_SYMBOLS[k]}^${x}`))
    .filter(Boolean)
    .join(' ');
}
