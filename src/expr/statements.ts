import { EquationError } from '../core/errors.js';
import { bin, type BinaryOp, type Expr, sym, withPosition } from './ast.js';
import { parseExpression } from './parse.js';

/**
 * Blocks of statements, as in Brian2 resets and on_pre/on_post code: `v = c; u += d`, one per
 * line or separated by ';', with `=`, `+=`, `-=`, `*=`, `/=`, and `#` comments. Positions count
 * from the start of the block so that later errors can name the column.
 */
export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=';

export interface Statement {
  readonly target: string;
  readonly op: AssignOp;
  readonly value: Expr;
  /** 0-based index of the target name in the block. */
  readonly pos: number;
}

const ASSIGNMENT = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(=|\+=|-=|\*=|\/=)(?!=)/;

export function parseStatements(source: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  for (const piece of source.split(/([;\n])/)) {
    if (piece !== ';' && piece !== '\n') {
      const comment = piece.indexOf('#');
      const code = comment >= 0 ? piece.slice(0, comment) : piece;
      if (code.trim() !== '') statements.push(parseOne(source, start, code));
    }
    start += piece.length;
  }
  return statements;
}

function parseOne(source: string, start: number, code: string): Statement {
  const match = ASSIGNMENT.exec(code);
  if (!match) {
    const column = start + code.search(/\S/) + 1;
    throw new EquationError(`expected 'name = expression' (or +=, -=, *=, /=) at column ${column} of '${source}'`);
  }
  const valueStart = start + match[0].length;
  return {
    target: match[2],
    op: match[3] as AssignOp,
    value: parseExpression(source, valueStart, start + code.length),
    pos: start + match[1].length,
  };
}

/** The new value a statement assigns: `u += d` -> u + d. */
export function assignedValue(statement: Statement): Expr {
  if (statement.op === '=') return statement.value;
  const op = statement.op[0] as BinaryOp;
  return withPosition(bin(op, withPosition(sym(statement.target), statement.pos), statement.value), statement.pos);
}
