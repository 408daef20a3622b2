import { EquationError } from '../core/errors.js';
import type { Expr } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import type { Dimension } from '../units/dimension.js';
import { parseUnit } from '../units/check.js';

/**
 * The Brian2 equation block: one declaration per line,
 *   dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1 (unless refractory)   differential equation
 *   I_syn = g*(E - v) : amp                                               subexpression
 *   a : 1/second (constant)                                               parameter
 * with the unit after ':' and optional flags in parentheses; '#' starts a comment.
 */
export type DeclarationKind = 'differential' | 'subexpression' | 'parameter';

export interface Declaration {
  readonly kind: DeclarationKind;
  readonly name: string;
  /** Right-hand side (differential equations and subexpressions); positions count in `line`. */
  readonly expr?: Expr;
  readonly dim: Dimension;
  readonly unit: string;
  readonly flags: readonly string[];
  /** The declaration's text, for error messages. */
  readonly line: string;
}

export const KNOWN_FLAGS = ['unless refractory', 'constant', 'summed', 'clock-driven', 'event-driven'];
/** Brian2 flags the front end does not implement yet: an error rather than a silent per-element variable. */
const UNSUPPORTED_FLAGS = ['shared', 'constant over dt'];

const DIFFERENTIAL = /^\s*d([A-Za-z_][A-Za-z0-9_]*)\s*\/\s*dt\s*=/;
const SUBEXPRESSION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/;
const PARAMETER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;
const FLAGS = /\(([^()]*)\)\s*$/;

export function parseEquations(source: string): Declaration[] {
  const declarations: Declaration[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const declaration = parseLine(line);
    if (declarations.some((d) => d.name === declaration.name)) {
      throw new EquationError(`'${declaration.name}' is declared twice in the equations (second time in '${line.trim()}')`);
    }
    declarations.push(declaration);
  }
  return declarations;
}

function parseLine(line: string): Declaration {
  const colon = line.lastIndexOf(':');
  if (colon < 0) throw new EquationError(`missing ': unit' in equation '${line.trim()}' (write '1' for a dimensionless variable)`);
  let unitPart = line.slice(colon + 1);
  const flags: string[] = [];
  const flagMatch = FLAGS.exec(unitPart);
  if (flagMatch) {
    for (const flag of flagMatch[1].split(',').map((f) => f.trim().replace(/\s+/g, ' '))) {
      if (UNSUPPORTED_FLAGS.includes(flag)) throw new EquationError(`flag '(${flag})' in '${line.trim()}' is not supported yet`);
      if (!KNOWN_FLAGS.includes(flag)) {
        throw new EquationError(`unknown flag '(${flag})' at column ${colon + 2 + flagMatch.index} of '${line.trim()}'; known flags: ${KNOWN_FLAGS.join(', ')}`);
      }
      flags.push(flag);
    }
    unitPart = unitPart.slice(0, flagMatch.index);
  }
  const unit = unitPart.trim();
  if (unit === '') throw new EquationError(`missing unit after ':' in '${line.trim()}'`);
  const head = line.slice(0, colon);
  const dim = parseUnit(unit, `'${line.trim()}'`);
  const differential = DIFFERENTIAL.exec(head);
  if (differential) {
    return { kind: 'differential', name: differential[1], expr: parseExpression(line, differential[0].length, colon), dim, unit, flags, line };
  }
  const sub = SUBEXPRESSION.exec(head);
  if (sub) return { kind: 'subexpression', name: sub[1], expr: parseExpression(line, sub[0].length, colon), dim, unit, flags, line };
  const param = PARAMETER.exec(head);
  if (param) return { kind: 'parameter', name: param[1], dim, unit, flags, line };
  throw new EquationError(`cannot read equation '${line.trim()}': expected 'dx/dt = ... : unit', 'x = ... : unit' or 'x : unit'`);
}
