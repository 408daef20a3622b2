import { ParameterError } from '../core/errors.js';
import { type Dimension, DIMENSIONLESS, divideDims, formatDim, internalExponent, multiplyDims, sameDim } from './dimension.js';

/**
 * A number with a physical dimension. Quantities are built by calling a unit (`mV(20)`,
 * `ms(0.5)`) and combined with `times`/`div`. The value is kept in Neurodyn's internal units
 * (ms, mV, nS, pF, pA: a coherent system, so products need no conversion), which is the number
 * a model uses; conversion happens once, when a unit is defined.
 */
export class Quantity {
  constructor(
    /** Value in internal units. */
    readonly value: number,
    readonly dim: Dimension,
  ) {}

  static fromSI(si: number, dim: Dimension): Quantity {
    return new Quantity(si * 10 ** -internalExponent(dim), dim);
  }

  /** Value in SI units. */
  get si(): number {
    return this.value * 10 ** internalExponent(this.dim);
  }

  times(other: Quantity | number): Quantity {
    return typeof other === 'number' ? new Quantity(this.value * other, this.dim) : new Quantity(this.value * other.value, multiplyDims(this.dim, other.dim));
  }

  div(other: Quantity | number): Quantity {
    return typeof other === 'number' ? new Quantity(this.value / other, this.dim) : new Quantity(this.value / other.value, divideDims(this.dim, other.dim));
  }

  /** The value in Neurodyn's internal units: 20 mV -> 20, 10 Hz -> 0.01 (per ms). */
  inInternalUnits(): number {
    return this.value;
  }

  /** The value in the given unit, checking the dimension: `mV(20).in(volt)` -> 0.02. */
  in(unit: Quantity | Unit): number {
    const q = unit instanceof Quantity ? unit : unit.quantity;
    if (!sameDim(q.dim, this.dim)) throw new ParameterError(`cannot express ${formatDim(this.dim)} in ${formatDim(q.dim)}`);
    return this.value / q.value;
  }

  toString(): string {
    return `${this.si} ${formatDim(this.dim)}`;
  }
}

/** A unit: call it with a number to get a quantity (`mV(20)`); `.quantity` is one of it. */
export interface Unit {
  (value: number): Quantity;
  readonly unitName: string;
  readonly quantity: Quantity;
}

export function makeUnit(unitName: string, quantity: Quantity): Unit {
  const unit = (value: number) => quantity.times(value);
  return Object.assign(unit, { unitName, quantity }) as Unit;
}

export const dimensionless = (value: number): Quantity => new Quantity(value, DIMENSIONLESS);
