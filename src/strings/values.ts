import { ParameterError } from '../core/errors.js';
import type { Expr } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { type Dimension, formatDim, isDimensionless, sameDim } from '../units/dimension.js';
import { Quantity, type Unit } from '../units/quantity.js';
import { type Constant, toQuantity } from './scope.js';

/**
 * A value assigned to a variable from TypeScript: a number (dimensionless variables, or numbers
 * in `unit`), a quantity (`mV(-65)`), an array (one per element, in `unit`), or an expression
 * string evaluated per element (`'-65*mV + 15*mV*rand()**2'`).
 */
export type VariableValue = Constant | ArrayLike<number> | string;

/**
 * Convert a value to internal units for `count` elements. Strings are handed to `evaluate`
 * (parsed expression, expected dimension), which the owner implements with its own scope.
 */
export function toInternalValues(
  value: VariableValue,
  count: number,
  dim: Dimension,
  what: string,
  evaluate: (expr: Expr, source: string) => Float64Array,
  unit?: Unit | Quantity,
): Float64Array {
  if (typeof value === 'string') return evaluate(parseExpression(value), value);
  const scale = unit === undefined ? undefined : toQuantity(unit, `unit for ${what}`);
  const factor = (): number => {
    const given = scale?.dim;
    if (given === undefined) {
      if (!isDimensionless(dim)) {
        throw new ParameterError(`${what} has dimension ${formatDim(dim)}: give a quantity such as mV(-65), a string such as '-65*mV', or numbers with a unit`);
      }
      return 1;
    }
    if (!sameDim(given, dim)) throw new ParameterError(`${what} has dimension ${formatDim(dim)}, but the unit given is ${formatDim(given)}`);
    return (scale as Quantity).inInternalUnits();
  };
  if (typeof value === 'number') return new Float64Array(count).fill(value * factor());
  if (value instanceof Quantity || typeof value === 'function') {
    const q = toQuantity(value as Constant, what).times(scale ?? 1);
    if (!sameDim(q.dim, dim)) throw new ParameterError(`${what} has dimension ${formatDim(dim)}, but the value given is ${formatDim(q.dim)}`);
    return new Float64Array(count).fill(q.inInternalUnits());
  }
  if (value.length !== count) throw new ParameterError(`${what}: ${value.length} values given for ${count} elements`);
  const f = factor();
  return Float64Array.from(value, (x) => x * f);
}
