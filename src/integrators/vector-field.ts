import { ParameterError } from '../core/errors.js';

/** Named arguments of a system of equations (its parameters), e.g. { sigma: 10, rho: 28 }. */
export type Args = Readonly<Record<string, number>>;

/**
 * A system dy/dt = f(y, t; args) over named variables, evaluated into a preallocated array.
 * JointEq builds one from TypeScript functions or from equation strings; the integrators
 * (explicit Runge-Kutta, adaptive, SDE, fractional) and IntegratorRunner work on it.
 */
export interface VectorField {
  readonly vars: readonly string[];
  /** The arguments and their default values. */
  readonly args: Args;
  /** Write dy/dt at (y, t) into out. */
  evaluate(y: Float64Array, t: number, args: Args, out: Float64Array): void;
}

/** The arguments of one call: the field's defaults overridden by `given`, with unknown names rejected. */
export function mergeArgs(field: { readonly args: Args; readonly vars: readonly string[] }, given: Args | undefined, where: string): Args {
  if (!given) return field.args;
  for (const name of Object.keys(given)) {
    if (!(name in field.args)) {
      const known = Object.keys(field.args);
      throw new ParameterError(`${where}: unknown argument '${name}'; the arguments are ${known.join(', ') || '(none)'}`);
    }
    if (!Number.isFinite(given[name])) throw new ParameterError(`${where}: argument '${name}' must be a finite number, got ${given[name]}`);
  }
  return { ...field.args, ...given };
}
