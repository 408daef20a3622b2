import { ParameterError } from '../core/errors.js';
import { METHOD_ALIASES, TABLEAUS } from './tableaus.js';

export const EXPONENTIAL_METHODS = ['exp_auto', 'exponential_euler'] as const;

/** All method names a user may pass, for error messages and the documentation. */
export function methodNames(): string[] {
  return [...Object.keys(TABLEAUS), ...Object.keys(METHOD_ALIASES), ...EXPONENTIAL_METHODS].sort();
}

/** The canonical method name, or a ParameterError listing the valid ones. */
export function resolveMethod(method: string, where: string): string {
  const canonical = METHOD_ALIASES[method] ?? method;
  if (canonical in TABLEAUS || (EXPONENTIAL_METHODS as readonly string[]).includes(canonical)) return canonical;
  throw new ParameterError(`unknown integration method '${method}' for ${where}; choose one of ${methodNames().join(', ')}`);
}
