import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import { NeuGroup, type NeuGroupOptions, type Size } from '../../core/neu-group.js';
import { type FractionalMemory } from '../../integrators/fde.js';

export interface FractionalNeuronOptions extends NeuGroupOptions {
  /** Fractional order of the derivatives, in (0, 1]. */
  alpha: number;
  /** Number of past steps the fractional derivative remembers (BrainPy's num_memory). */
  num_memory: number;
}

export type MemoryFactory = (size: number, alpha: number, numMemory: number, dt: number, y0: Float64Array) => FractionalMemory;

/**
 * A neuron group whose states obey fractional-order equations D^alpha x = f(x, input): the
 * subclass writes f for every neuron into `dydt` (state-major: all of the first state, then all
 * of the second, ...) and handles spikes after the step. The memory is made at the first run,
 * from the states at that time, and lives as long as the group.
 */
export abstract class FractionalNeuron extends NeuGroup {
  readonly alpha: number;
  readonly numMemory: number;
  readonly input: FloatArray;
  protected readonly dydt: Float64Array;
  private readonly packed: Float64Array;
  private memory: { dt: number; memory: FractionalMemory } | undefined;

  constructor(
    size: Size,
    protected readonly stateNames: readonly string[],
    options: FractionalNeuronOptions,
    private readonly makeMemory: MemoryFactory,
  ) {
    super(size, options);
    if (!(options.alpha > 0 && options.alpha <= 1)) throw new ParameterError(`${new.target.name} alpha must lie in (0, 1], got ${options.alpha}`);
    if (!Number.isInteger(options.num_memory) || options.num_memory < 1) {
      throw new ParameterError(`${new.target.name} num_memory must be a positive integer, got ${options.num_memory}`);
    }
    this.alpha = options.alpha;
    this.numMemory = options.num_memory;
    this.input = this.addVariable('input');
    this.dydt = new Float64Array(stateNames.length * this.num);
    this.packed = new Float64Array(stateNames.length * this.num);
  }

  /** Write the fractional derivative of every state of every neuron into `dydt`. */
  protected abstract derivatives(t: number): void;

  /** Spike detection and resets after the states advanced; returns the number of spikes. */
  protected abstract afterStep(t: number, old: Float64Array): number;

  update(ctx: StepContext): void {
    const vars = this.variables();
    const n = this.num;
    this.stateNames.forEach((name, s) => this.packed.set(vars[name], s * n));
    if (this.memory?.dt !== ctx.dt) {
      this.memory = { dt: ctx.dt, memory: this.makeMemory(this.packed.length, this.alpha, this.numMemory, ctx.dt, Float64Array.from(this.packed)) };
    }
    const old = Float64Array.from(this.packed);
    this.derivatives(ctx.t);
    this.memory.memory.advance(this.packed, this.dydt);
    this.stateNames.forEach((name, s) => vars[name].set(this.packed.subarray(s * n, (s + 1) * n)));
    this.recordSpikes(this.afterStep(ctx.t, old));
  }

  override clearInputs(): void {
    this.input.fill(0);
  }
}
