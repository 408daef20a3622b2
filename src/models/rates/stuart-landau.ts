import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * Stuart-Landau oscillator, the normal form of a supercritical Hopf bifurcation (BrainPy's
 * rates.StuartLandauOscillator):
 *   dx/dt = (a - x^2 - y^2) x - w y + x_ext + input
 *   dy/dt = (a - x^2 - y^2) y + w x + y_ext + input_y
 * For a > 0 it has a limit cycle of radius sqrt(a) and angular frequency w (rad/ms); for a < 0
 * a stable focus. (BrainPy 2.4's rates module had `- w y` in dy/dt, a typo later corrected to
 * `+ w x`; this is the corrected form.)
 */
export const STUART_LANDAU_MODEL = defineModel(
  'StuartLandauOscillator',
  {
    equations: {
      x: '(a - x * x - y * y) * x - w * y + x_ext + input',
      y: '(a - x * x - y * y) * y + w * x + y_ext + input_y',
    },
    inputs: ['input', 'input_y'],
  },
  ['a', 'w', 'x_ext', 'y_ext'],
);

export interface StuartLandauOptions extends EquationGroupOptions {
  /** Bifurcation parameter: the squared radius of the cycle when positive. */
  a?: ParamValue;
  /** Angular frequency (rad/ms). */
  w?: ParamValue;
  x_ext?: ParamValue;
  y_ext?: ParamValue;
  x_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: STUART_LANDAU_MODEL,
  defaults: { a: 0.25, w: 0.2, x_ext: 0, y_ext: 0 },
  initial: { x: ['x_initializer', () => new Uniform(0, 0.5)], y: ['y_initializer', () => new Uniform(0, 0.5)] },
};

export class StuartLandauOscillator extends EquationGroup {
  constructor(size: Size, options: StuartLandauOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
