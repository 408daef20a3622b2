import { EquationError, ParameterError } from '../core/errors.js';
import { type Expr, num, show, substitute } from '../expr/ast.js';
import { type Dimension, DIMENSIONLESS, formatDim, sameDim } from '../units/dimension.js';
import { columnOf, type DimensionContext, type Inferred, inferDimension } from '../units/check.js';
import { Quantity, type Unit } from '../units/quantity.js';
import { UNITS } from '../units/units.js';

/** A constant a model string may name: a quantity (`mV(20)`), a unit, or a plain (dimensionless) number. */
export type Constant = Quantity | Unit | number;
export type Namespace = Readonly<Record<string, Constant>>;

export function toQuantity(value: Constant, what: string): Quantity {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ParameterError(`${what} must be finite, got ${value}`);
    return new Quantity(value, DIMENSIONLESS);
  }
  if (value instanceof Quantity) return value;
  if (typeof value === 'function' && value.quantity instanceof Quantity) return value.quantity;
  throw new ParameterError(`${what} must be a number, a quantity such as mV(20), or a unit`);
}

/**
 * The names a model's strings can use, with their dimensions: the model's variables, its
 * subexpressions, special symbols (t, dt, i, ...), constants from the user's namespace and unit
 * names, in that order of precedence. `lower` turns a checked expression into the model-ready
 * form: constants and units become numbers in internal units, subexpressions are inlined.
 */
export class Scope {
  private readonly subexpressions = new Map<string, { expr: Expr; dim: Dimension }>();
  private readonly constants = new Map<string, Quantity>();

  constructor(
    readonly variables: ReadonlyMap<string, Dimension>,
    readonly special: ReadonlyMap<string, Dimension>,
    readonly namespace: Namespace = {},
  ) {
    for (const [name, value] of Object.entries(namespace)) this.constants.set(name, toQuantity(value, `namespace entry '${name}'`));
  }

  /** Declare a subexpression; check it with checkExpr once all are declared (they may refer to each other). */
  registerSubexpression(name: string, expr: Expr, dim: Dimension): void {
    this.subexpressions.set(name, { expr, dim });
  }

  dimensionOf(name: string): Dimension | undefined {
    return (
      this.variables.get(name) ??
      this.subexpressions.get(name)?.dim ??
      this.special.get(name) ??
      this.constants.get(name)?.dim ??
      UNITS.get(name)?.quantity.dim
    );
  }

  context(where: string): DimensionContext {
    return {
      where,
      lookup: (name) => this.dimensionOf(name),
      names: () => [...this.variables.keys(), ...this.subexpressions.keys(), ...this.special.keys(), ...this.constants.keys()],
    };
  }

  /** Check an expression; with `expected`, its dimension must match. */
  checkExpr(expr: Expr, where: string, expected?: Dimension, expectedWhat = 'the declared unit'): Inferred {
    const inferred = inferDimension(expr, this.context(where));
    if (expected && !sameDim(inferred.dim, expected)) {
      throw new EquationError(
        `unit mismatch in ${where}${columnOf(expr)}: '${show(expr)}' has dimension ${formatDim(inferred.dim)} but ${expectedWhat} is ${formatDim(expected)}`,
      );
    }
    return inferred;
  }

  lower(expr: Expr, inlining: readonly string[] = []): Expr {
    return substitute(expr, (name) => {
      if (this.variables.has(name) || this.special.has(name)) return undefined;
      const sub = this.subexpressions.get(name);
      if (sub) {
        if (inlining.includes(name)) throw new EquationError(`subexpressions refer to each other in a cycle: ${[...inlining, name].join(' -> ')}`);
        return this.lower(sub.expr, [...inlining, name]);
      }
      const q = this.constants.get(name) ?? UNITS.get(name)?.quantity;
      return q === undefined ? undefined : num(q.inInternalUnits());
    });
  }
}
