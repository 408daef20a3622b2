import type { Expr } from '../expr/ast.js';
import { callsOf } from '../expr/ast.js';
import { EquationError } from '../core/errors.js';
import type { ArrayType, KernelStatement } from '../core/kernel-ir.js';

/**
 * What the WebAssembly emitters (kernel-wasm.ts, one element per iteration; kernel-pairs.ts, two
 * elements per iteration in SIMD lanes) need to know about a plan's values and locals.
 */

/**
 * What a value is at run time: a JavaScript boolean, a number (f64), or either, depending on the
 * path taken (`x and y` with a boolean and a number operand; kept as a number, where a boolean is
 * 0/1, which is what every numeric or truth use of it sees).
 */
export type Kind = 'bool' | 'num' | 'mixed';

export const join = (a: Kind, b: Kind): Kind => (a === b ? a : 'mixed');

export const describeKind = (kind: Kind): string => (kind === 'bool' ? 'boolean' : kind === 'num' ? 'number' : 'boolean-or-number');

/** Bytes per element of each array type, and their base-2 logarithm (the shift from index to byte offset). */
export const ELEMENT_BYTES: Readonly<Record<ArrayType, number>> = { f64: 8, f32: 4, u8: 1, i32: 4 };
export const LOG2_BYTES: Readonly<Record<ArrayType, number>> = { f64: 3, f32: 2, u8: 0, i32: 2 };

export const ARITHMETIC_OPERATORS: ReadonlySet<string> = new Set(['+', '-', '*', '/']);

/** The kind of `e`, given the kinds of the plan's locals (`t` and unknown names are numbers). */
export function kindOf(e: Expr, localKind: (name: string) => Kind | undefined): Kind {
  switch (e.kind) {
    case 'num':
      return 'num';
    case 'sym':
      return localKind(e.name) ?? 'num';
    case 'unary':
      return e.op === 'not' ? 'bool' : 'num';
    case 'binary':
      if (e.op === 'and' || e.op === 'or') return join(kindOf(e.left, localKind), kindOf(e.right, localKind));
      return ARITHMETIC_OPERATORS.has(e.op) || e.op === '**' ? 'num' : 'bool';
    case 'call':
      return e.fn === 'where' ? join(kindOf(e.args[1], localKind), kindOf(e.args[2], localKind)) : 'num';
  }
}

export interface Local {
  /** The function local holding it. */
  readonly index: number;
  readonly kind: Kind;
}

/** The plan's locals in block scopes, innermost last (a local declared in an `if` ends with it). */
export class LocalScopes {
  private readonly scopes: Map<string, Local>[] = [];

  enter(): void {
    this.scopes.push(new Map());
  }

  leave(): void {
    this.scopes.pop();
  }

  lookup(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const local = this.scopes[i].get(name);
      if (local) return local;
    }
    return undefined;
  }

  declared(name: string): Local {
    const local = this.lookup(name);
    if (!local) throw new EquationError(`internal: kernel plan uses the local '${name}' before declaring it`);
    return local;
  }

  declare(name: string, local: Local): Local {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope.has(name)) throw new EquationError(`internal: kernel plan declares the local '${name}' twice`);
    scope.set(name, local);
    return local;
  }

  /** The function local a plan symbol reads: a declared local, or `time` for the kernel's t. */
  indexOf(name: string, time: number): number {
    const local = this.lookup(name);
    if (local) return local.index;
    if (name === 't') return time;
    throw new EquationError(`internal: kernel plan uses the local '${name}' before declaring it`);
  }

  readonly kindOf = (e: Expr): Kind => kindOf(e, (name) => this.lookup(name)?.kind);
}

export function forEachExpr(statements: readonly KernelStatement[], visit: (e: Expr) => void): void {
  for (const s of statements) {
    if (s.kind === 'let' || s.kind === 'set' || s.kind === 'store') visit(s.value);
    if (s.kind === 'if') {
      visit(s.condition);
      forEachExpr(s.then, visit);
    }
  }
}

export function usesOperator(e: Expr, op: string): boolean {
  switch (e.kind) {
    case 'num':
    case 'sym':
      return false;
    case 'unary':
      return usesOperator(e.arg, op);
    case 'binary':
      return e.op === op || usesOperator(e.left, op) || usesOperator(e.right, op);
    case 'call':
      return e.args.some((a) => usesOperator(a, op));
  }
}

/** Whether evaluating `e` costs a function call (then `and`/`or`/`where` branch instead of evaluating both sides). */
export const callsSomething = (e: Expr): boolean => callsOf(e).size > 0 || usesOperator(e, '**');

/** Whether `if (condition) { then }` only assigns earlier locals from arithmetic (no calls), so it can run as selects. */
export const isSelectable = (condition: Expr, then: readonly KernelStatement[]): boolean =>
  !callsSomething(condition) && then.every((s) => s.kind === 'set' && !callsSomething(s.value));
