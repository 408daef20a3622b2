import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * Wilson-Cowan excitatory/inhibitory population model (BrainPy's rates.WilsonCowanModel):
 *   E_tau dx/dt = -x + (1 - r x) F(wEE x - wIE y + x_ext + input, E_a, E_theta)
 *   I_tau dy/dt = -y + (1 - r y) F(wEI x - wII y + y_ext + input_y, I_a, I_theta)
 * with the shifted sigmoid F(u, a, theta) = 1/(1 + exp(-a (u - theta))) - 1/(1 + exp(a theta)),
 * which is 0 at u = 0. `x_ext`/`y_ext` are constant drives kept as parameters (so that
 * bifurcation analysis can vary them); `input`/`input_y` are the per-step accumulators that
 * runner inputs and couplings add to. Defaults are BrainPy's.
 */
export const WILSON_COWAN_MODEL = defineModel(
  'WilsonCowanModel',
  {
    equations: {
      x: '(-x + (1 - r * x) * (1 / (1 + exp(-E_a * (wEE * x - wIE * y + x_ext + input - E_theta))) - 1 / (1 + exp(E_a * E_theta)))) / E_tau',
      y: '(-y + (1 - r * y) * (1 / (1 + exp(-I_a * (wEI * x - wII * y + y_ext + input_y - I_theta))) - 1 / (1 + exp(I_a * I_theta)))) / I_tau',
    },
    inputs: ['input', 'input_y'],
  },
  ['E_tau', 'E_a', 'E_theta', 'I_tau', 'I_a', 'I_theta', 'wEE', 'wIE', 'wEI', 'wII', 'r', 'x_ext', 'y_ext'],
);

export interface WilsonCowanOptions extends EquationGroupOptions {
  /** Excitatory time constant (ms). */
  E_tau?: ParamValue;
  /** Excitatory gain. */
  E_a?: ParamValue;
  /** Excitatory firing threshold. */
  E_theta?: ParamValue;
  /** Inhibitory time constant (ms). */
  I_tau?: ParamValue;
  I_a?: ParamValue;
  I_theta?: ParamValue;
  /** Local E->E coupling. */
  wEE?: ParamValue;
  /** Local I->E coupling (inhibition of x by y). */
  wIE?: ParamValue;
  /** Local E->I coupling. */
  wEI?: ParamValue;
  /** Local I->I coupling. */
  wII?: ParamValue;
  /** Refractoriness factor. */
  r?: ParamValue;
  /** Constant drive of x (a parameter, so analysis can vary it). */
  x_ext?: ParamValue;
  /** Constant drive of y. */
  y_ext?: ParamValue;
  x_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: WILSON_COWAN_MODEL,
  defaults: { E_tau: 1, E_a: 1.2, E_theta: 2.8, I_tau: 1, I_a: 1, I_theta: 4, wEE: 12, wIE: 4, wEI: 13, wII: 11, r: 1, x_ext: 0, y_ext: 0 },
  positive: ['E_tau', 'I_tau'],
  // A fresh initialiser per group, so each draws its own stream (BrainPy: Uniform(max_val=0.05)).
  initial: { x: ['x_initializer', () => new Uniform(0, 0.05)], y: ['y_initializer', () => new Uniform(0, 0.05)] },
};

export class WilsonCowanModel extends EquationGroup {
  constructor(size: Size, options: WilsonCowanOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
