import type { StepContext } from '../../core/context.js';
import { LengthDelay } from '../../core/delay-buffer.js';
import { ParameterError } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import { NeuGroup, type NeuGroupOptions } from '../../core/neu-group.js';
import { type RandomStream, streamFor } from '../../core/random.js';
import { EquationField } from '../../integrators/joint-eq.js';
import { rungeKuttaStepper } from '../../integrators/field-integrator.js';
import { TABLEAUS } from '../../integrators/tableaus.js';

export interface MackeyGlassOptions extends NeuGroupOptions {
  beta?: number;
  gamma?: number;
  /** Delay (ms of model time). */
  tau?: number;
  n?: number;
  /** Seed of the random initial history (default: drawn from the global stream). */
  seed?: number;
}

/**
 * The Mackey-Glass delay equation dx/dt = beta x_tau / (1 + x_tau^n) - gamma x (the seed's
 * MackeyGlassEq): x_tau is read from a LengthDelay of tau/dt steps whose initial history is
 * 1.2 + 0.2 (U - 0.5); x starts at 0. Integrated by exponential Euler (exact in the linear
 * decay), the seed's exp_auto. `x_oldest` holds x_tau after each step, as in the seed.
 */
export class MackeyGlassEq extends NeuGroup {
  readonly x: FloatArray;
  readonly x_oldest: FloatArray;
  readonly beta: number;
  readonly gamma: number;
  readonly tau: number;
  readonly n: number;
  private delay: { dt: number; buffer: LengthDelay } | undefined;
  private readonly stream: RandomStream;

  constructor(num: number, options: MackeyGlassOptions = {}) {
    const { beta = 2, gamma = 1, tau = 2, n = 9.65, seed, ...rest } = options;
    super(num, rest);
    if (!(tau > 0)) throw new ParameterError(`MackeyGlassEq tau must be positive, got ${tau}`);
    this.beta = beta;
    this.gamma = gamma;
    this.tau = tau;
    this.n = n;
    this.stream = streamFor(seed);
    this.x = this.addVariable('x');
    this.x_oldest = this.addVariable('x_oldest');
  }

  /** Delay length in steps: int(tau / dt), as the seed computes it. */
  delaySteps(dt: number): number {
    return Math.floor(this.tau / dt + 1e-9);
  }

  override prepare(dt: number): void {
    if (this.delay?.dt === dt) return;
    const steps = this.delaySteps(dt);
    const buffer = new LengthDelay(this.x, steps, (size) => Float64Array.from({ length: size }, () => 1.2 + 0.2 * (this.stream.random() - 0.5)));
    this.delay = { dt, buffer };
    this.x_oldest.set(buffer.retrieve(steps));
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const { buffer } = this.delay as { buffer: LengthDelay };
    const factor = this.gamma === 0 ? ctx.dt : -Math.expm1(-this.gamma * ctx.dt) / this.gamma;
    for (let k = 0; k < this.num; k++) {
      const xt = this.x_oldest[k];
      const f = (this.beta * xt) / (1 + xt ** this.n) - this.gamma * this.x[k];
      this.x[k] += factor * f;
    }
    buffer.update(this.x);
    this.x_oldest.set(buffer.retrieve(this.delaySteps(ctx.dt)));
    this.recordSpikes(0);
  }
}

export interface ModifiedLuChenOptions extends NeuGroupOptions {
  a?: number;
  b?: number;
  c?: number;
  d0?: number;
  d1?: number;
  d2?: number;
  /** Delay of z in the feedback f = d0 z + d1 z_tau - d2 sin(z_tau). */
  tau?: number;
}

/**
 * The modified Lu-Chen system with a delayed feedback (the seed's ModifiedLuChenSystem):
 *   dx = a (y - x),  dy = (c - a) x - x f + c y,  dz = x y - b z,  f = d0 z + d1 z_tau - d2 sin(z_tau),
 * integrated by rk4 with z_tau held over the step; z starts at 14 with a constant history of 14,
 * x and y at 1. The delay is int(tau / dt) steps.
 */
export class ModifiedLuChenSystem extends NeuGroup {
  readonly x: FloatArray;
  readonly y: FloatArray;
  readonly z: FloatArray;
  readonly field: EquationField;
  readonly tau: number;
  private delay: { dt: number; buffer: LengthDelay; steps: number; step: (y: Float64Array, t: number) => void } | undefined;
  private readonly args: Record<string, number>;
  private readonly state = new Float64Array(3);

  constructor(num: number, options: ModifiedLuChenOptions = {}) {
    const { a = 35, b = 3, c = 28, d0 = 1, d1 = 1, d2 = 0, tau = 0.2, ...rest } = options;
    super(num, rest);
    this.tau = tau;
    this.args = { a, b, c, d0, d1, d2, z_delay: 14 };
    this.field = new EquationField(
      'ModifiedLuChen',
      { x: 'a * (y - x)', y: '(c - a) * x - x * (d0 * z + d1 * z_delay - d2 * sin(z_delay)) + c * y', z: 'x * y - b * z' },
      this.args,
    );
    this.x = this.addVariable('x', new Float64Array(this.num).fill(1));
    this.y = this.addVariable('y', new Float64Array(this.num).fill(1));
    this.z = this.addVariable('z', new Float64Array(this.num).fill(14));
  }

  override prepare(dt: number): void {
    if (this.delay?.dt === dt) return;
    const steps = Math.floor(this.tau / dt + 1e-9);
    // The stepper reads this.args at every stage, so z_delay can change between steps.
    this.delay = { dt, steps, buffer: new LengthDelay(this.z, steps, 14), step: rungeKuttaStepper(this.field, TABLEAUS.rk4, dt, this.args) };
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const { buffer, steps, step } = this.delay as NonNullable<typeof this.delay>;
    const delayed = buffer.retrieve(steps);
    for (let k = 0; k < this.num; k++) {
      this.args.z_delay = delayed[k];
      this.state[0] = this.x[k];
      this.state[1] = this.y[k];
      this.state[2] = this.z[k];
      step(this.state, ctx.t);
      this.x[k] = this.state[0];
      this.y[k] = this.state[1];
      this.z[k] = this.state[2];
    }
    buffer.update(this.z);
    this.recordSpikes(0);
  }
}
