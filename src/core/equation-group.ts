import type { StepContext } from './context.js';
import { NonFiniteStateError, ParameterError } from './errors.js';
import {
  type CompiledGroupKernel,
  compileGroupKernel,
  LAST_SPIKE_TIME,
  REFRACTORY_FLAG,
  SPIKE_ARRAY,
  SPIKE_LIST,
} from './group-kernel.js';
import type { FloatArray, NumericArray } from './matrix.js';
import { NeuGroup, type NeuGroupOptions, type Size } from './neu-group.js';
import { type Model, usesNoise } from './model.js';
import { resolveMethod } from '../integrators/methods.js';
import { type Expr, callsOf } from '../expr/ast.js';
import { MATH_FUNCTIONS } from '../expr/functions.js';
import { type RandomStream, streamFor } from './random.js';

function usesRandom(model: Model): boolean {
  const exprs: (Expr | undefined)[] = [...Object.values(model.equations), model.threshold, model.refractory?.condition, ...model.reset.map(([, e]) => e)];
  return usesNoise(model) || exprs.some((e) => e !== undefined && [...callsOf(e)].some((fn) => MATH_FUNCTIONS[fn].random));
}

export interface EquationGroupOptions extends NeuGroupOptions {
  /** Integration method: euler, rk2, heun, rk4, exp_euler or exp_auto (default). */
  method?: string;
  /** Seed of the stream rand()/randn() in the equations draw from (default: from the global seed). */
  seed?: number;
}

/** A parameter value: one number for the whole group, or one per neuron. */
export type ParamValue = number | ArrayLike<number>;

/**
 * A neuron group whose update is generated from its model's equations. Subclasses (LIF, ...)
 * give the model, the parameter values and the initial state; the kernel is compiled for the dt
 * of each run.
 */
export class EquationGroup extends NeuGroup {
  readonly model: Model;
  readonly method: string;
  readonly params: Readonly<Record<string, number | FloatArray>>;
  /** Only models that call rand()/randn() own a stream, so other groups leave the global seed sequence alone. */
  readonly rng: RandomStream | undefined;
  private compiled: { dt: number; kernel: CompiledGroupKernel; arrays: NumericArray[] } | undefined;

  constructor(
    size: Size,
    model: Model,
    params: Readonly<Record<string, ParamValue | undefined>>,
    initial: Readonly<Record<string, ArrayLike<number>>>,
    options: EquationGroupOptions = {},
  ) {
    super(size, options);
    this.model = model;
    this.method = resolveMethod(options.method ?? 'exp_auto', `group '${this.name}'`);
    this.params = this.checkParams(params);
    for (const v of model.states) this.addVariable(v, initial[v]);
    for (const v of model.inputs) this.addVariable(v);
    this.rng = usesRandom(model) ? streamFor(options.seed) : undefined;
    if (this.hasRefractory) {
      this.registerVariable(LAST_SPIKE_TIME, new Float64Array(this.num).fill(-1e7));
      this.registerVariable(REFRACTORY_FLAG, new Uint8Array(this.num));
    }
  }

  /** The refractory period in ms, or undefined when the model has none. */
  get refractoryPeriod(): number | undefined {
    const name = this.model.refractory?.period;
    const value = name === undefined ? undefined : this.params[name];
    return typeof value === 'number' && value > 0 ? value : undefined;
  }

  /** Whether the neurons can be refractory: a positive period, or a refractory condition. */
  get hasRefractory(): boolean {
    return this.model.refractory?.condition !== undefined || this.refractoryPeriod !== undefined;
  }

  private checkParams(params: Readonly<Record<string, ParamValue | undefined>>): Record<string, number | FloatArray> {
    const out: Record<string, number | FloatArray> = {};
    for (const name of this.model.params) {
      const value = params[name];
      if (value === undefined) {
        if (name === this.model.refractory?.period) continue;
        throw new ParameterError(`group '${this.name}' (${this.model.name}) needs parameter '${name}'`);
      }
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new ParameterError(`parameter '${name}' of group '${this.name}' must be finite, got ${value}`);
        out[name] = value;
      } else {
        if (value.length !== this.num) {
          throw new ParameterError(`parameter '${name}' of group '${this.name}' has ${value.length} values for ${this.num} neurons`);
        }
        out[name] = Float64Array.from(value);
      }
    }
    return out;
  }

  override prepare(dt: number): void {
    if (this.compiled?.dt === dt) return;
    const kernel = compileGroupKernel(this.model, this.params, this.method, dt, this.refractoryPeriod);
    const vars = this.variables();
    const arrays = kernel.arrayOrder.map((name) => (name === SPIKE_LIST ? this.spikeList : name === SPIKE_ARRAY ? this.spike : vars[name] ?? (this.params[name] as FloatArray)));
    this.compiled = { dt, kernel, arrays };
  }

  /** The generated update function's source, for inspection. */
  kernelSource(dt: number): string {
    this.prepare(dt);
    return (this.compiled as { kernel: CompiledGroupKernel }).kernel.source;
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const { kernel, arrays } = this.compiled as { kernel: CompiledGroupKernel; arrays: NumericArray[] };
    const count = kernel.kernel(this.num, ctx.t, arrays, this.rng);
    if (count < 0) {
      const code = -count - 1;
      const numStates = this.model.states.length;
      this.reportNonFinite(Math.floor(code / numStates), this.model.states[code % numStates], ctx.t);
    }
    this.recordSpikes(count);
  }

  override clearInputs(): void {
    const vars = this.variables();
    for (const v of this.model.inputs) vars[v].fill(0);
  }

  private reportNonFinite(neuron: number, bad: string, t: number): never {
    const vars = this.variables();
    const inputs = this.model.inputs.map((v) => `${v} = ${vars[v][neuron]}`).join(', ');
    throw new NonFiniteStateError(
      `variable '${bad}' of neuron ${neuron} in group '${this.name}' (${this.model.name}) became non-finite at t = ${t.toFixed(4)} ms ` +
        `(last finite values: ${this.model.states.map((v) => `${v} = ${vars[v][neuron]}`).join(', ')}${inputs ? `; ${inputs}` : ''}). ` +
        'Check the parameters and inputs, or use a smaller dt or another method.',
    );
  }
}
