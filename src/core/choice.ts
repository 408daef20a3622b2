import { ParameterError } from './errors.js';

/**
 * The check of a setting given by name (a backend, a math mode, ...): the name when it is one of
 * `known`, else an error naming where it came from and the names known.
 */
export function choiceChecker<T extends string>(known: readonly T[], what: string): (value: string, where: string) => T {
  return (value, where) => {
    if (!(known as readonly string[]).includes(value)) throw new ParameterError(`${where}: unknown ${what} '${value}' (known: ${known.join(', ')})`);
    return value as T;
  };
}
