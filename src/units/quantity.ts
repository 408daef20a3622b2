import { ParameterError } from '../core/errors.js';
import { type Dimension, DIMENSIONLESS, divideDims, formatDim, internalScale, multiplyDims, sameDim } from './dimension.js';

/**
 * A number with a physical dimension, stored in SI. Quantities are built by calling a unit
 * (`mV(20)`, `ms(0.5)`) and combined with `times`/`div`; `inInternalUnits()` gives the number a
 * model uses (mV, ms, nS, ...), computed once when the value enters a model.
 */
export class Quantity {
  constructor(
    /** Value in SI units. */
    readonly si: number,
    readonly dim: Dimension,
  ) {}

  times(other: Quantity | number): Quantity {
    return typeof other === 'number' ? new Quantity(this.si * other, this.dim) : new Quantity(this.si * other.si, multiplyDims(this.dim, other.dim));
  }

  div(other: Quantity | number): Quantity {
    return typeof other === 'number' ? new Quantity(this.si / other, this.dim) : new Quantity(this.si / other.si, divideDims(this.dim, other.dim));
  }

  /** The value in Neurodyn's internal units: 20 mV -> 20, 10 Hz -> 0.01 (per ms). */
  inInternalUnits(): number {
    return this.si / internalScale(this.dim);
  }

  /** The value in the given unit, checking the dimension: `mV(20).in(volt)` -> 0.02. */
  in(unit: Quantity | Unit): number {
    const q = unit instanceof Quantity ? unit : unit.quantity;
    if (!sameDim(q.dim, this.dim)) throw new ParameterError(`cannot express ${formatDim(this.dim)} in ${formatDim(q.dim)}`);
    return this.si / q.si;
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
