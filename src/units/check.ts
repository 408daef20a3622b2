import { EquationError, UnknownNameError } from '../core/errors.js';
import { type Expr, positionOf, show } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { simplify } from '../expr/simplify.js';
import { closestName } from '../expr/suggest.js';
import {
  type Dimension,
  DIMENSIONLESS,
  divideDims,
  formatDim,
  isDimensionless,
  multiplyDims,
  powerDim,
  sameDim,
} from './dimension.js';
import { Quantity } from './quantity.js';
import { UNITS } from './units.js';

/**
 * Dimensional analysis of an expression, done once when a model is compiled. Mismatches are
 * errors that name the string, the column, the offending terms and both dimensions.
 */
export interface DimensionContext {
  /** What is being checked, e.g. "threshold 'v > 30*mV'". */
  readonly where: string;
  /** Dimension of a symbol, or undefined when it is not defined. */
  readonly lookup: (name: string) => Dimension | undefined;
  /** Defined names, for the "did you mean" suggestion. */
  readonly names: () => Iterable<string>;
}

export interface Inferred {
  readonly dim: Dimension;
  /** True for comparisons and logic: the value is a condition. */
  readonly boolean: boolean;
}

const SAME_DIMENSION_FUNCTIONS = new Set(['abs', 'floor', 'ceil', 'int', 'min', 'max', 'clip', 'fround']);
const DIMENSIONLESS_FUNCTIONS = new Set(['exp', 'expm1', 'exprel', 'log', 'log1p', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh']);

export function columnOf(expr: Expr): string {
  const pos = positionOf(expr);
  return pos === undefined ? '' : ` at column ${pos + 1}`;
}

export function unknownSymbolError(name: string, expr: Expr, ctx: DimensionContext): UnknownNameError {
  const suggestion = closestName(name, ctx.names());
  return new UnknownNameError(
    `undefined symbol '${name}' in ${ctx.where}${columnOf(expr)}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
  );
}

export function inferDimension(expr: Expr, ctx: DimensionContext): Inferred {
  const value = (dim: Dimension): Inferred => ({ dim, boolean: false });
  const condition: Inferred = { dim: DIMENSIONLESS, boolean: true };
  const requireSame = (a: Expr, b: Expr, what: string): Dimension => {
    const da = inferDimension(a, ctx).dim;
    const db = inferDimension(b, ctx).dim;
    if (!sameDim(da, db)) {
      throw new EquationError(
        `unit mismatch in ${ctx.where}${columnOf(b)}: ${what} '${show(a)}' has dimension ${formatDim(da)} ` +
          `but '${show(b)}' has dimension ${formatDim(db)}`,
      );
    }
    return da;
  };
  const requireDimensionless = (arg: Expr, what: string): void => {
    const d = inferDimension(arg, ctx).dim;
    if (!isDimensionless(d)) {
      throw new EquationError(`unit mismatch in ${ctx.where}${columnOf(arg)}: ${what} '${show(arg)}' must be dimensionless, but has dimension ${formatDim(d)}`);
    }
  };
  switch (expr.kind) {
    case 'num':
      return value(DIMENSIONLESS);
    case 'sym': {
      const dim = ctx.lookup(expr.name);
      if (dim === undefined) throw unknownSymbolError(expr.name, expr, ctx);
      return value(dim);
    }
    case 'unary':
      if (expr.op === 'not') return condition;
      return inferDimension(expr.arg, ctx);
    case 'binary':
      switch (expr.op) {
        case '+':
        case '-':
          return value(requireSame(expr.left, expr.right, `the term`));
        case '*':
          return value(multiplyDims(inferDimension(expr.left, ctx).dim, inferDimension(expr.right, ctx).dim));
        case '/':
          return value(divideDims(inferDimension(expr.left, ctx).dim, inferDimension(expr.right, ctx).dim));
        case '**': {
          const base = inferDimension(expr.left, ctx).dim;
          requireDimensionless(expr.right, 'the exponent');
          if (isDimensionless(base)) return value(DIMENSIONLESS);
          const exponent = simplify(expr.right);
          if (exponent.kind !== 'num') {
            throw new EquationError(`in ${ctx.where}${columnOf(expr.right)}: a quantity with dimension ${formatDim(base)} can only be raised to a constant power, not '${show(expr.right)}'`);
          }
          return value(powerDim(base, exponent.value));
        }
        case 'and':
        case 'or':
          inferDimension(expr.left, ctx);
          inferDimension(expr.right, ctx);
          return condition;
        default:
          requireSame(expr.left, expr.right, 'the comparison of');
          return condition;
      }
    case 'call': {
      const [first] = expr.args;
      if (expr.fn === 'rand' || expr.fn === 'randn') return value(DIMENSIONLESS);
      if (DIMENSIONLESS_FUNCTIONS.has(expr.fn)) {
        requireDimensionless(first, `the argument of ${expr.fn}()`);
        return value(DIMENSIONLESS);
      }
      if (expr.fn === 'sqrt') return value(powerDim(inferDimension(first, ctx).dim, 0.5));
      if (expr.fn === 'sign') {
        inferDimension(first, ctx);
        return value(DIMENSIONLESS);
      }
      if (expr.fn === 'where') {
        inferDimension(first, ctx);
        return value(requireSame(expr.args[1], expr.args[2], 'the first branch of where()'));
      }
      if (SAME_DIMENSION_FUNCTIONS.has(expr.fn)) {
        for (const arg of expr.args.slice(1)) requireSame(first, arg, `the first argument of ${expr.fn}()`);
        return value(inferDimension(first, ctx).dim);
      }
      throw new EquationError(`in ${ctx.where}${columnOf(expr)}: no unit rule for ${expr.fn}()`);
    }
  }
}

/**
 * Evaluate a constant expression with units ('10*ms', 'volt/second', '1') to a quantity. Names
 * are units, or come from `lookup` (a namespace of constants).
 */
export function evaluateQuantity(expr: Expr, where: string, lookup: (name: string) => Quantity | undefined = () => undefined): Quantity {
  const go = (e: Expr): Quantity => {
    switch (e.kind) {
      case 'num':
        return new Quantity(e.value, DIMENSIONLESS);
      case 'sym': {
        const q = lookup(e.name) ?? UNITS.get(e.name)?.quantity;
        if (q === undefined) {
          const suggestion = closestName(e.name, UNITS.keys());
          throw new UnknownNameError(`unknown unit or constant '${e.name}' in ${where}${columnOf(e)}${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
        }
        return q;
      }
      case 'unary':
        if (e.op === '-') return go(e.arg).times(-1);
        break;
      case 'binary': {
        const a = go(e.left);
        const b = go(e.right);
        if (e.op === '*') return a.times(b);
        if (e.op === '/') return a.div(b);
        if (e.op === '**' && isDimensionless(b.dim)) return new Quantity(a.value ** b.value, powerDim(a.dim, b.value));
        if ((e.op === '+' || e.op === '-') && sameDim(a.dim, b.dim)) return new Quantity(e.op === '+' ? a.value + b.value : a.value - b.value, a.dim);
        if (e.op === '+' || e.op === '-') {
          throw new EquationError(`unit mismatch in ${where}${columnOf(e.right)}: '${show(e.left)}' has dimension ${formatDim(a.dim)} but '${show(e.right)}' has dimension ${formatDim(b.dim)}`);
        }
        break;
      }
      case 'call':
        break;
    }
    throw new EquationError(`'${show(e)}' in ${where}${columnOf(e)} is not a constant with units`);
  };
  return go(expr);
}

/** The dimension of a unit annotation such as 'volt/second' or '1'. */
export function parseUnit(text: string, where: string): Dimension {
  return evaluateQuantity(parseExpression(text), `unit '${text}' of ${where}`).dim;
}
