import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * FitzHugh-Nagumo rate model (BrainPy's rates.FHN, after Kostova et al. 2004):
 *   dx/dt = -alpha x^3 + beta x^2 + gamma x - y + x_ext + input
 *   dy/dt = (x - delta - epsilon y) / tau + y_ext + input_y
 * `x_ext`/`y_ext` are constant drives kept as parameters (bifurcation analysis varies x_ext);
 * `input`/`input_y` are the accumulators runner inputs and couplings add to. With the defaults
 * the model has a limit cycle for a total x drive in about [0.72, 1.4]. Defaults are BrainPy's.
 */
export const FHN_MODEL = defineModel(
  'FHN',
  {
    equations: {
      x: '-alpha * x * x * x + beta * x * x + gamma * x - y + x_ext + input',
      y: '(x - delta - epsilon * y) / tau + y_ext + input_y',
    },
    inputs: ['input', 'input_y'],
  },
  ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'tau', 'x_ext', 'y_ext'],
);

export interface FHNOptions extends EquationGroupOptions {
  alpha?: ParamValue;
  beta?: ParamValue;
  gamma?: ParamValue;
  delta?: ParamValue;
  epsilon?: ParamValue;
  /** Time constant of the recovery variable y (ms). */
  tau?: ParamValue;
  /** Constant drive of x (a parameter, so analysis can vary it). */
  x_ext?: ParamValue;
  /** Constant drive of y. */
  y_ext?: ParamValue;
  x_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: FHN_MODEL,
  defaults: { alpha: 3, beta: 4, gamma: -1.5, delta: 0, epsilon: 0.5, tau: 20, x_ext: 0, y_ext: 0 },
  positive: ['tau'],
  initial: { x: ['x_initializer', () => new Uniform(0, 0.05)], y: ['y_initializer', () => new Uniform(0, 0.05)] },
};

export class FHN extends EquationGroup {
  constructor(size: Size, options: FHNOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
