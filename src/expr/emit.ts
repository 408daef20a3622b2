import { EquationError } from '../core/errors.js';
import type { Expr } from './ast.js';
import { MATH_FUNCTIONS, isMathFunction } from './functions.js';

/**
 * JavaScript from a checked AST. This is the only way model text reaches generated code:
 * symbols are resolved by the caller against the model's own table (the resolver returns the
 * generated code for each name, or undefined for a name the model does not have), functions come
 * from the whitelist, and numbers are printed by JavaScript itself.
 */
export type Resolver = (name: string) => string | undefined;

const JS_OPERATORS: Record<string, string> = { and: '&&', or: '||', '==': '===', '!=': '!==' };

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new EquationError(`cannot use the non-finite number ${value} in a model`);
  // String(-0) is '0': the sign of zero is written out so that -0 stays -0, as in WebAssembly.
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${value})` : String(value);
}

export function emit(expr: Expr, resolve: Resolver, where = 'expression'): string {
  const go = (e: Expr): string => {
    switch (e.kind) {
      case 'num':
        return numberLiteral(e.value);
      case 'sym': {
        const code = resolve(e.name);
        if (code === undefined) throw new EquationError(`unknown symbol '${e.name}' in ${where}`);
        return code;
      }
      case 'unary':
        return e.op === '-' ? `(-${go(e.arg)})` : `(!${go(e.arg)})`;
      case 'binary':
        return `(${go(e.left)} ${JS_OPERATORS[e.op] ?? e.op} ${go(e.right)})`;
      case 'call':
        if (!isMathFunction(e.fn)) throw new EquationError(`unknown function '${e.fn}' in ${where}`);
        return MATH_FUNCTIONS[e.fn].js(e.args.map(go));
    }
  };
  return go(expr);
}

const SAFE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Compile generated source into a function. Parameter names are checked identifiers chosen by
 * the code generator (never user text), and the body is emitter output.
 */
export function compileFunction<F extends (...args: never[]) => unknown>(parameterNames: string[], body: string): F {
  for (const name of parameterNames) {
    if (!SAFE_IDENTIFIER.test(name)) throw new EquationError(`internal: unsafe kernel parameter name '${name}'`);
  }
  return new Function(...parameterNames, `'use strict';\n${body}`) as F;
}
