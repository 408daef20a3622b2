import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import { type InitValue, Uniform } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * FitzHugh-Nagumo model with delayed recurrent feedback (Plant 1981; BrainPy's
 * rates.FeedbackFHN):
 *   dx/dt = x - x^3/3 - y + x_ext + input + mu (x(t - delay) - v0)
 *   dy/dt = (x + a - b y + y_ext + input_y) / tau
 * The delayed value enters the equations as `x_delay`, filled before each step from a ring
 * buffer of past x (the delay rounded to whole steps, held constant within a step); before
 * t = 0 the history is 0, as in BrainPy's TimeDelay.
 */
export const FEEDBACK_FHN_MODEL = defineModel(
  'FeedbackFHN',
  {
    equations: {
      x: 'x - x * x * x / 3 - y + x_ext + input + mu * (x_delay - v0)',
      y: '(x + a - b * y + y_ext + input_y) / tau',
    },
    inputs: ['input', 'input_y', 'x_delay'],
  },
  ['a', 'b', 'tau', 'mu', 'v0', 'x_ext', 'y_ext'],
);

export interface FeedbackFHNOptions extends EquationGroupOptions {
  a?: ParamValue;
  b?: ParamValue;
  /** Feedback delay (ms), one value for the group. */
  delay?: number;
  /** Time constant of y (ms). */
  tau?: ParamValue;
  /** Feedback strength: excitatory when positive. */
  mu?: ParamValue;
  /** Resting potential the feedback is measured from. */
  v0?: ParamValue;
  x_ext?: ParamValue;
  y_ext?: ParamValue;
  x_initializer?: InitValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: FEEDBACK_FHN_MODEL,
  defaults: { a: 0.7, b: 0.8, delay: 10, tau: 12.5, mu: 1.6886, v0: -1, x_ext: 0, y_ext: 0 },
  positive: ['tau'],
  initial: { x: ['x_initializer', () => new Uniform(0, 0.05)], y: ['y_initializer', () => new Uniform(0, 0.05)] },
};

export class FeedbackFHN extends EquationGroup {
  readonly delay: number;
  private pastX = new Float64Array(0);
  private head = 0;
  private delaySteps = -1;

  constructor(size: Size, options: FeedbackFHNOptions = {}) {
    const { delay = 10 } = options;
    if (typeof delay !== 'number' || !(delay >= 0)) throw new ParameterError(`FeedbackFHN delay must be a number >= 0 ms, got ${String(delay)}`);
    super(...builtinArgs(SPEC, size, options));
    this.delay = delay;
  }

  override prepare(dt: number): void {
    super.prepare(dt);
    const steps = Math.round(this.delay / dt);
    if (steps === this.delaySteps) return;
    this.delaySteps = steps;
    this.pastX = new Float64Array(steps * this.num);
    this.head = 0;
  }

  override update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const { x, x_delay } = this.variables();
    if (this.delaySteps === 0) {
      x_delay.set(x);
    } else {
      // the oldest row is x(t - delay); replace it with x(t)
      const row = this.pastX.subarray(this.head * this.num, (this.head + 1) * this.num);
      x_delay.set(row);
      row.set(x);
      this.head = (this.head + 1) % this.delaySteps;
    }
    super.update(ctx);
  }
}
