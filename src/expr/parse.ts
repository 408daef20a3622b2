import { EquationError } from '../core/errors.js';
import { bin, call, type BinaryOp, type Expr, positionOf, withPosition } from './ast.js';
import { MATH_FUNCTIONS, isMathFunction } from './functions.js';

/**
 * Parser for the expression language (Python-like, as in BrainPy and Brian2 model strings):
 * numbers, names, + - * / ** (also ^), comparisons, and/or/not, calls of whitelisted functions.
 * Errors carry the position and a caret under the offending character.
 */

type Token =
  | { type: 'num'; value: number; pos: number }
  | { type: 'name'; value: string; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'end'; pos: number };

const OPERATORS = ['**', '<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '<', '>', '(', ')', ','];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function fail(source: string, pos: number, message: string): never {
  throw new EquationError(`${message} at position ${pos + 1}:\n  ${source}\n  ${' '.repeat(pos)}^`);
}

function tokenize(source: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  while (pos < end) {
    const rest = source.slice(pos, end);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'num', value: Number(number[0]), pos });
      pos += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: 'name', value: name[0], pos });
      pos += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) fail(source, pos, `unexpected character '${rest[0]}'`);
    tokens.push({ type: 'op', value: op === '^' ? '**' : op, pos });
    pos += op.length;
  }
  tokens.push({ type: 'end', pos });
  return tokens;
}

const BINARY_PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  '<': 4, '<=': 4, '>': 4, '>=': 4, '==': 4, '!=': 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6,
  '**': 8,
};
const NOT_PRECEDENCE = 3;
const UNARY_MINUS_PRECEDENCE = 7;

class Parser {
  private index = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Expr {
    const expr = this.expression(0);
    const next = this.peek();
    if (next.type !== 'end') fail(this.source, next.pos, `unexpected '${this.describe(next)}'`);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private describe(token: Token): string {
    return token.type === 'end' ? 'end of expression' : String(token.value);
  }

  private binaryOperator(token: Token): string | undefined {
    if (token.type === 'op' && token.value in BINARY_PRECEDENCE) return token.value;
    if (token.type === 'name' && (token.value === 'and' || token.value === 'or')) return token.value;
    return undefined;
  }

  private expression(minPrecedence: number): Expr {
    let left = this.prefix();
    for (;;) {
      const op = this.binaryOperator(this.peek());
      if (op === undefined) return left;
      const precedence = BINARY_PRECEDENCE[op];
      if (precedence < minPrecedence) return left;
      this.index++;
      // ** is right-associative, everything else left-associative.
      const right = this.expression(op === '**' ? precedence : precedence + 1);
      left = withPosition(bin(op as BinaryOp, left, right), positionOf(left) ?? 0);
    }
  }

  private prefix(): Expr {
    const token = this.peek();
    this.index++;
    if (token.type === 'num') return withPosition({ kind: 'num', value: token.value }, token.pos);
    if (token.type === 'op' && token.value === '-') {
      return withPosition({ kind: 'unary', op: '-', arg: this.expression(UNARY_MINUS_PRECEDENCE) }, token.pos);
    }
    if (token.type === 'op' && token.value === '+') return this.expression(UNARY_MINUS_PRECEDENCE);
    if (token.type === 'op' && token.value === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    if (token.type === 'name') {
      if (token.value === 'not') return withPosition({ kind: 'unary', op: 'not', arg: this.expression(NOT_PRECEDENCE) }, token.pos);
      if (token.value === 'and' || token.value === 'or') fail(this.source, token.pos, `'${token.value}' needs a left operand`);
      if (this.peek().type === 'op' && (this.peek() as { value: string }).value === '(') return this.call(token);
      return withPosition({ kind: 'sym', name: token.value }, token.pos);
    }
    fail(this.source, token.pos, `unexpected '${this.describe(token)}'`);
  }

  private call(name: { value: string; pos: number }): Expr {
    if (!isMathFunction(name.value)) {
      fail(this.source, name.pos, `unknown function '${name.value}' (allowed: ${Object.keys(MATH_FUNCTIONS).filter((fn) => !fn.startsWith('$')).join(', ')})`);
    }
    this.index++; // '('
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      args.push(this.expression(0));
      while (this.isOp(',')) {
        this.index++;
        args.push(this.expression(0));
      }
    }
    this.expect(')');
    const arity = MATH_FUNCTIONS[name.value].arity;
    if (args.length !== arity) {
      fail(this.source, name.pos, `${name.value}() takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
    }
    return withPosition(call(name.value, ...args), name.pos);
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token.type === 'op' && token.value === value;
  }

  private expect(value: string): void {
    const token = this.peek();
    if (!this.isOp(value)) fail(this.source, token.pos, `expected '${value}' but found '${this.describe(token)}'`);
    this.index++;
  }
}

/**
 * Parse one expression; throws EquationError with the position of the first problem. With
 * `start`/`end`, only that part of `source` is parsed (a statement inside a block), and positions
 * in nodes and errors still count from the beginning of `source`.
 */
export function parseExpression(source: string, start = 0, end = source.length): Expr {
  return new Parser(source, tokenize(source, start, end)).parse();
}
