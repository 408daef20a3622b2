/**
 * The expression AST every model is described in. Equations, thresholds, resets and synaptic
 * outputs are trees of these nodes; the integrators, the symbolic derivative and the code
 * emitter all work on them, never on user text.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '**' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] };

/**
 * Where the parser found each node (0-based index in the source text), kept beside the tree so
 * that errors found later (unknown symbols, unit mismatches) can name the column while nodes stay
 * plain data; nodes built by code have no position.
 */
const POSITIONS = new WeakMap<Expr, number>();

export function withPosition<E extends Expr>(expr: E, pos: number): E {
  POSITIONS.set(expr, pos);
  return expr;
}

export function positionOf(expr: Expr): number | undefined {
  return POSITIONS.get(expr);
}

export const num = (value: number): Expr => ({ kind: 'num', value });
export const sym = (name: string): Expr => ({ kind: 'sym', name });
export const neg = (arg: Expr): Expr => ({ kind: 'unary', op: '-', arg });
export const not = (arg: Expr): Expr => ({ kind: 'unary', op: 'not', arg });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const add = (a: Expr, b: Expr): Expr => bin('+', a, b);
export const sub = (a: Expr, b: Expr): Expr => bin('-', a, b);
export const mul = (a: Expr, b: Expr): Expr => bin('*', a, b);
export const div = (a: Expr, b: Expr): Expr => bin('/', a, b);

/** Every symbol name an expression refers to. */
export function symbolsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'num':
      break;
    case 'sym':
      into.add(expr.name);
      break;
    case 'unary':
      symbolsOf(expr.arg, into);
      break;
    case 'binary':
      symbolsOf(expr.left, into);
      symbolsOf(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) symbolsOf(a, into);
      break;
  }
  return into;
}

/** Every function name an expression calls. */
export function callsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'unary':
      callsOf(expr.arg, into);
      break;
    case 'binary':
      callsOf(expr.left, into);
      callsOf(expr.right, into);
      break;
    case 'call':
      into.add(expr.fn);
      for (const a of expr.args) callsOf(a, into);
      break;
  }
  return into;
}

/** The same node with each child replaced by f(child). */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return e;
    case 'unary':
      return { ...e, arg: f(e.arg) };
    case 'binary':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'call':
      return { ...e, args: e.args.map(f) };
  }
}

/** Replace symbols by expressions (used to fold parameters and to build integrator stages). */
export function substitute(expr: Expr, replace: (name: string) => Expr | undefined): Expr {
  switch (expr.kind) {
    case 'num':
      return expr;
    case 'sym':
      return replace(expr.name) ?? expr;
    case 'unary':
      return { ...expr, arg: substitute(expr.arg, replace) };
    case 'binary':
      return { ...expr, left: substitute(expr.left, replace), right: substitute(expr.right, replace) };
    case 'call':
      return { ...expr, args: expr.args.map((a) => substitute(a, replace)) };
  }
}

/** Human-readable form, used in error messages and documentation. */
export function show(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return String(expr.value);
    case 'sym':
      return expr.name;
    case 'unary':
      return expr.op === '-' ? `-(${show(expr.arg)})` : `not (${show(expr.arg)})`;
    case 'binary':
      return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case 'call':
      return `${expr.fn}(${expr.args.map(show).join(', ')})`;
  }
}
