import { type BinaryOp, type Expr, num } from './ast.js';
import { MATH_FUNCTIONS } from './functions.js';

/**
 * Constant folding and the algebraic identities that keep derivatives and folded kernels small
 * (x*0, x*1, x+0, x-0, x/1, x**1, --x). Exact in IEEE arithmetic except where x is NaN or
 * infinite, which the runtime checks report anyway.
 */

const isNum = (e: Expr, value?: number): e is { kind: 'num'; value: number } =>
  e.kind === 'num' && (value === undefined || e.value === value);

function foldBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '**': return a ** b;
    case '<': return Number(a < b);
    case '<=': return Number(a <= b);
    case '>': return Number(a > b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case 'and': return Number(Boolean(a) && Boolean(b));
    case 'or': return Number(Boolean(a) || Boolean(b));
  }
}

function simplifyBinary(op: BinaryOp, left: Expr, right: Expr): Expr {
  if (isNum(left) && isNum(right)) return num(foldBinary(op, left.value, right.value));
  switch (op) {
    case '+':
      if (isNum(left, 0)) return right;
      if (isNum(right, 0)) return left;
      if (right.kind === 'unary' && right.op === '-') return simplifyBinary('-', left, right.arg);
      break;
    case '-':
      if (isNum(right, 0)) return left;
      if (isNum(left, 0)) return simplify({ kind: 'unary', op: '-', arg: right });
      break;
    case '*':
      if (isNum(left, 0) || isNum(right, 0)) return num(0);
      if (isNum(left, 1)) return right;
      if (isNum(right, 1)) return left;
      if (isNum(left, -1)) return simplify({ kind: 'unary', op: '-', arg: right });
      if (isNum(right, -1)) return simplify({ kind: 'unary', op: '-', arg: left });
      break;
    case '/':
      if (isNum(right, 1)) return left;
      if (isNum(left, 0) && !isNum(right, 0)) return num(0);
      break;
    case '**':
      if (isNum(right, 1)) return left;
      if (isNum(right, 0)) return num(1);
      break;
  }
  return { kind: 'binary', op, left, right };
}

export function simplify(expr: Expr): Expr {
  switch (expr.kind) {
    case 'num':
    case 'sym':
      return expr;
    case 'unary': {
      const arg = simplify(expr.arg);
      if (isNum(arg)) return num(expr.op === '-' ? -arg.value : Number(!arg.value));
      if (expr.op === '-' && arg.kind === 'unary' && arg.op === '-') return arg.arg;
      return { kind: 'unary', op: expr.op, arg };
    }
    case 'binary':
      return simplifyBinary(expr.op, simplify(expr.left), simplify(expr.right));
    case 'call': {
      const args = expr.args.map(simplify);
      if (!MATH_FUNCTIONS[expr.fn].random && args.every((a) => isNum(a))) {
        return num(MATH_FUNCTIONS[expr.fn].evaluate(...args.map((a) => (a as { value: number }).value)));
      }
      return { kind: 'call', fn: expr.fn, args };
    }
  }
}
