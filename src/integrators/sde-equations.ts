import { EquationError } from '../core/errors.js';
import { defineModel } from '../core/model.js';
import { num, show, substitute, symbolsOf } from '../expr/ast.js';
import { derivative } from '../expr/derivative.js';
import { simplify } from '../expr/simplify.js';
import type { Integrator } from './field-integrator.js';
import { EquationField } from './joint-eq.js';
import { sdeIntegrator, type SdeintOptions } from './sde.js';
import type { Args } from './vector-field.js';

/** The symbol of white noise in equation strings, as in Brian2: dx/dt = f + g * xi. */
export const NOISE_SYMBOL = 'xi';

/**
 * Splits stochastic equations written with white noise `xi` (Brian2's convention, units of
 * 1/sqrt(time)), e.g. `(-V + mu) / tau + sigma * sqrt(2 / tau) * xi`, into drift f (xi = 0) and
 * diffusion g = d(rhs)/d(xi), and integrates them with sdeint's methods. xi must enter linearly;
 * each variable gets its own Wiener process unless wienerType is 'scalar'.
 */
export function sdeFromEquations(name: string, equations: Readonly<Record<string, string>>, args: Args = {}, options: SdeintOptions = {}): Integrator {
  if (NOISE_SYMBOL in args) throw new EquationError(`${name}: '${NOISE_SYMBOL}' is the noise symbol and cannot be an argument`);
  const model = defineModel(name, { equations }, [...Object.keys(args), NOISE_SYMBOL]);
  const drift: Record<string, string> = {};
  const diffusion: Record<string, string> = {};
  for (const v of model.states) {
    const rhs = model.equations[v];
    const g = derivative(rhs, NOISE_SYMBOL);
    if (symbolsOf(g).has(NOISE_SYMBOL)) throw new EquationError(`${name}: d${v}/dt = ${equations[v]} is not linear in the noise ${NOISE_SYMBOL}`);
    drift[v] = show(simplify(substitute(rhs, (s) => (s === NOISE_SYMBOL ? num(0) : undefined))));
    diffusion[v] = show(g);
  }
  if (Object.values(diffusion).every((g) => g === '0')) throw new EquationError(`${name}: no equation contains the noise ${NOISE_SYMBOL}; use odeIntegrator`);
  return sdeIntegrator(new EquationField(`${name}_drift`, drift, args), new EquationField(`${name}_diffusion`, diffusion, args), { wienerType: 'vector', ...options });
}
