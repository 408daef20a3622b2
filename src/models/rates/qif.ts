import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * Mean-field model of a population of quadratic integrate-and-fire neurons (Montbrio, Pazo &
 * Roxin 2015; BrainPy's rates.QIF), with x the mean membrane potential and y the firing rate:
 *   tau dx/dt = x^2 + eta + x_ext + input + J y tau - (pi y tau)^2
 *   tau dy/dt = delta / (pi tau) + 2 x y + y_ext + input_y
 */
const PI = String(Math.PI);
export const QIF_MODEL = defineModel(
  'QIF',
  {
    equations: {
      x: `(x * x + eta + x_ext + input + J * y * tau - (${PI} * y * tau) * (${PI} * y * tau)) / tau`,
      y: `(delta / (${PI} * tau) + 2 * x * y + y_ext + input_y) / tau`,
    },
    inputs: ['input', 'input_y'],
  },
  ['tau', 'eta', 'delta', 'J', 'x_ext', 'y_ext'],
);

export interface QIFOptions extends EquationGroupOptions {
  /** Population time constant (ms). */
  tau?: ParamValue;
  /** Centre of the Lorentzian distribution of excitabilities. */
  eta?: ParamValue;
  /** Half-width of that distribution. */
  delta?: ParamValue;
  /** Recurrent coupling. */
  J?: ParamValue;
  x_ext?: ParamValue;
  y_ext?: ParamValue;
  x_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: QIF_MODEL,
  defaults: { tau: 1, eta: -5, delta: 1, J: 15, x_ext: 0, y_ext: 0 },
  positive: ['tau'],
  initial: { x: ['x_initializer', () => new Uniform(0, 0.05)], y: ['y_initializer', () => new Uniform(0, 0.05)] },
};

export class QIF extends EquationGroup {
  constructor(size: Size, options: QIFOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
