import { EquationError } from '../core/errors.js';
import { callsOf, type Expr, substitute } from './ast.js';
import { isMathFunction } from './functions.js';

/** What a model symbol stands for in generated code: an expression over generated names. */
export type SymbolResolver = (name: string) => Expr | undefined;

/**
 * Replaces every symbol of an expression by what the resolver gives for it (a kernel local, the
 * time of an integration stage) and checks every call against the whitelist, so that the result
 * refers to generated names only. A name the resolver does not know, or a function outside the
 * whitelist, is an EquationError naming `where`.
 */
export function resolveSymbols(expr: Expr, resolve: SymbolResolver, where: string): Expr {
  for (const fn of callsOf(expr)) if (!isMathFunction(fn)) throw new EquationError(`unknown function '${fn}' in ${where}`);
  return substitute(expr, (name) => {
    const resolved = resolve(name);
    if (resolved === undefined) throw new EquationError(`unknown symbol '${name}' in ${where}`);
    return resolved;
  });
}
