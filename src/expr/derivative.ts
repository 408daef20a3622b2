import { EquationError } from '../core/errors.js';
import { add, bin, call, div, type Expr, mul, neg, num, show, sub, symbolsOf } from './ast.js';
import { simplify } from './simplify.js';

/**
 * Symbolic partial derivative d(expr)/d(name), simplified. Used by exponential Euler (the linear
 * coefficient of each equation in its own variable) and, later, by the analysis tools for exact
 * Jacobians.
 */
export function derivative(expr: Expr, name: string): Expr {
  return simplify(d(expr, name));
}

function d(e: Expr, x: string): Expr {
  if (!symbolsOf(e).has(x)) return num(0);
  switch (e.kind) {
    case 'num':
      return num(0);
    case 'sym':
      return num(e.name === x ? 1 : 0);
    case 'unary':
      if (e.op === '-') return neg(d(e.arg, x));
      return num(0);
    case 'binary':
      return dBinary(e, x);
    case 'call':
      return dCall(e, x);
  }
}

function dBinary(e: Extract<Expr, { kind: 'binary' }>, x: string): Expr {
  const { op, left: u, right: v } = e;
  switch (op) {
    case '+':
      return add(d(u, x), d(v, x));
    case '-':
      return sub(d(u, x), d(v, x));
    case '*':
      return add(mul(d(u, x), v), mul(u, d(v, x)));
    case '/':
      return div(sub(mul(d(u, x), v), mul(u, d(v, x))), bin('**', v, num(2)));
    case '**':
      if (!symbolsOf(v).has(x)) return mul(mul(v, bin('**', u, sub(v, num(1)))), d(u, x));
      // General case u**v = exp(v*log(u)).
      return mul(e, add(mul(d(v, x), call('log', u)), div(mul(v, d(u, x)), u)));
    default:
      // Comparisons and logic are piecewise constant.
      return num(0);
  }
}

function dCall(e: Extract<Expr, { kind: 'call' }>, x: string): Expr {
  const [u, a, b] = e.args;
  const du = d(u, x);
  switch (e.fn) {
    case 'exp':
      return mul(e, du);
    case 'expm1':
      return mul(call('exp', u), du);
    case 'log':
      return div(du, u);
    case 'log1p':
      return div(du, add(num(1), u));
    case 'sqrt':
      return div(du, mul(num(2), e));
    case 'exprel':
      // (exp(u) - exprel(u)) / u, 1/2 at u = 0
      return mul(call('where', bin('==', u, num(0)), num(0.5), div(sub(call('exp', u), e), u)), du);
    case 'fround':
      // Rounding is the identity up to the float32 grid.
      return du;
    case 'sin':
      return mul(call('cos', u), du);
    case 'cos':
      return neg(mul(call('sin', u), du));
    case 'tan':
      return div(du, bin('**', call('cos', u), num(2)));
    case 'sinh':
      return mul(call('cosh', u), du);
    case 'cosh':
      return mul(call('sinh', u), du);
    case 'tanh':
      return mul(sub(num(1), bin('**', e, num(2))), du);
    case 'abs':
      return mul(call('sign', u), du);
    case 'floor':
    case 'int':
    case 'ceil':
    case 'sign':
      return num(0);
    case 'min':
      return call('where', bin('<=', u, a), du, d(a, x));
    case 'max':
      return call('where', bin('>=', u, a), du, d(a, x));
    case 'clip':
      return call('where', bin('and', bin('>', u, a), bin('<', u, b)), du, num(0));
    case 'where':
      return call('where', u, d(a, x), d(b, x));
    default:
      throw new EquationError(`no derivative rule for ${e.fn}() in ${show(e)}`);
  }
}
