import type { StepContext } from './context.js';
import { NonFiniteStateError, ParameterError, synapticStateNotFinite } from './errors.js';
import {
  type AttachedSynapse,
  attachedArray,
  type CompiledGroupKernel,
  compileGroupKernel,
  LAST_SPIKE_TIME,
  REFRACTORY_FLAG,
  SPIKE_ARRAY,
  SPIKE_LIST,
} from './group-kernel.js';
import type { Backend } from './backend.js';
import type { GroupKernel } from './kernel-ir.js';
import { type FloatArray, flagArray, float64Array, type NumericArray } from './matrix.js';
import { isShareable } from './range-events.js';
import { WasmArena } from '../wasm/arena.js';
import { wasmKernelFor } from '../wasm/kernel-for.js';
import { type KernelThreadPool, MIN_NEURONS_PER_THREAD, type SplitKernel } from './kernel-threads.js';
import { NeuGroup, type NeuGroupOptions, type Size } from './neu-group.js';
import { type Model, usesRandomFunctions } from './model.js';
import { resolveMethod } from '../integrators/methods.js';
import { symbolsOf } from '../expr/ast.js';
import { type RandomStream, streamFor } from './random.js';

export interface EquationGroupOptions extends NeuGroupOptions {
  /** Integration method: euler, rk2, heun, rk4, exp_euler or exp_auto (default). */
  method?: string;
  /** Seed of the stream rand()/randn() in the equations draw from (default: from the global seed). */
  seed?: number;
}

/** A parameter value: one number for the whole group, or one per neuron. */
export type ParamValue = number | ArrayLike<number>;

interface PreparedKernel {
  dt: number;
  kernel: CompiledGroupKernel;
  arrays: NumericArray[];
  attached: readonly AttachedSynapse[];
  /** The kernel that runs: the JavaScript one, or the same plan compiled to WebAssembly. */
  run: GroupKernel;
  backend: Backend;
}

const NONE: readonly AttachedSynapse[] = [];

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
  private compiled: PreparedKernel | undefined;
  private fused: PreparedKernel | undefined;
  private threads: KernelThreadPool | undefined;
  private split: { prepared: PreparedKernel; kernel: SplitKernel } | undefined;
  private note: string | undefined;

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
    this.rng = usesRandomFunctions(model) ? streamFor(options.seed) : undefined;
    if (this.hasRefractory) {
      this.registerVariable(LAST_SPIKE_TIME, float64Array(this.num, this.storage).fill(-1e7));
      this.registerVariable(REFRACTORY_FLAG, flagArray(this.num, this.storage));
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
        const array = float64Array(this.num, this.storage);
        array.set(value);
        out[name] = array;
      }
    }
    return out;
  }

  override prepare(dt: number): void {
    if (this.compiled?.dt !== dt) this.compiled = this.compile(dt, NONE);
  }

  private compile(dt: number, attached: readonly AttachedSynapse[]): PreparedKernel {
    const kernel = this.compileJs(dt, attached);
    const vars = this.variables();
    const named: Record<string, NumericArray> = { ...vars, [SPIKE_LIST]: this.spikeList, [SPIKE_ARRAY]: this.spike };
    for (const [name, value] of Object.entries(this.params)) if (typeof value !== 'number') named[name] = value;
    attached.forEach((syn, j) => {
      for (const [v, array] of Object.entries(syn.states)) named[attachedArray(j, v)] = array;
      named[attachedArray(j, '$inc')] = syn.increment;
    });
    const arrays = kernel.arrayOrder.map((name) => named[name]);
    const wasm = wasmKernelFor(kernel.plan, arrays, this.backend, this.rng);
    this.note = wasm.note;
    return { dt, kernel, arrays, attached, run: wasm.kernel ?? kernel.kernel, backend: wasm.kernel ? 'wasm' : 'js' };
  }

  private compileJs(dt: number, attached: readonly AttachedSynapse[]): CompiledGroupKernel {
    return compileGroupKernel(this.model, this.params, this.method, dt, this.refractoryPeriod, { attached, float32: this.dtype === 'float32' });
  }

  /** The generated update function's JavaScript source, for inspection. */
  kernelSource(dt: number, attached: readonly AttachedSynapse[] = NONE): string {
    return this.compileJs(dt, attached).source;
  }

  /**
   * Which backend ran the last prepared kernel: 'wasm' when the group's backend ('wasm' or 'auto')
   * chose it and its plan compiled, else 'js' (kernelNote says why). Undefined before the first prepare.
   */
  get kernelBackend(): Backend | undefined {
    return (this.fused ?? this.compiled)?.backend;
  }

  /** Why a group with backend 'wasm' or 'auto' runs JavaScript instead, if it does. */
  get kernelNote(): string | undefined {
    return this.note;
  }

  /**
   * Whether a synapse's state and output can be integrated inside this group's kernel: the group
   * keeps the generated update, and the output reads and writes only the model's states and inputs.
   */
  canAttach(synapse: AttachedSynapse): boolean {
    // A subclass that writes its own update() would be bypassed by a fused kernel.
    if (this.update !== EquationGroup.prototype.update) return false;
    const own = new Set([...this.model.states, ...this.model.inputs]);
    return own.has(synapse.target) && [...symbolsOf(synapse.current)].every((s) => s === 'g' || own.has(s));
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    this.run(ctx, this.compiled as PreparedKernel);
  }

  /** One step with the given synapses integrated in the same loop (src/core/fusion.ts). */
  updateWith(ctx: StepContext, attached: readonly AttachedSynapse[]): void {
    this.run(ctx, this.fusedKernel(ctx.dt, attached));
  }

  /**
   * Compiles the kernel that integrates `attached` (none: the group's own) and, if the group is
   * shared among threads, hands it to them now, so that set-up (a thread compiling its module)
   * does not fall into the first step.
   */
  prepareWith(dt: number, attached: readonly AttachedSynapse[]): void {
    this.prepare(dt);
    const prepared = attached.length === 0 ? (this.compiled as PreparedKernel) : this.fusedKernel(dt, attached);
    if (this.threads) this.splitKernel(prepared, this.threads);
  }

  private fusedKernel(dt: number, attached: readonly AttachedSynapse[]): PreparedKernel {
    if (this.fused?.dt !== dt || this.fused.attached !== attached) this.fused = this.compile(dt, attached);
    return this.fused;
  }

  /**
   * Share this group's update among kernel threads (undefined: one thread). Groups that draw
   * random numbers (one stream, one order) and small groups stay on one thread.
   */
  useThreads(pool: KernelThreadPool | undefined): void {
    this.threads = pool && !this.rng && this.num >= MIN_NEURONS_PER_THREAD * pool.threads ? pool : undefined;
    this.split = undefined;
  }

  /** Whether this group's update is shared among threads. */
  get threaded(): boolean {
    return this.threads !== undefined;
  }

  private run(ctx: StepContext, prepared: PreparedKernel): void {
    const count = this.threads
      ? this.splitKernel(prepared, this.threads).step(ctx.t, this.spikeCount)
      : prepared.run(this.num, ctx.t, prepared.arrays, this.rng, this.spikeCount);
    if (count < 0) this.reportNonFinite(-count - 1, prepared.attached, ctx.t);
    this.recordSpikes(count);
  }

  /**
   * Whether this group's kernel threads deliver the events of an attached synapse, each to its
   * own range, in the group's step (the network then skips the synapse's own delivery).
   */
  deliversEventsOf(synapse: AttachedSynapse): boolean {
    return this.threads !== undefined && synapse.events !== undefined && isShareable(synapse.events);
  }

  private splitKernel(prepared: PreparedKernel, threads: KernelThreadPool): SplitKernel {
    if (this.split?.prepared !== prepared) {
      const wasm = prepared.backend === 'wasm' && this.storage instanceof WasmArena ? { arena: this.storage, run: prepared.run } : undefined;
      const events = prepared.attached.flatMap((synapse) => (synapse.events && this.deliversEventsOf(synapse) ? [synapse.events] : []));
      this.split = { prepared, kernel: threads.split(prepared.kernel, prepared.arrays, this.num, this.spikeList, `group '${this.name}'`, { wasm, events }) };
    }
    return this.split.kernel;
  }

  override clearInputs(): void {
    const vars = this.variables();
    for (const v of this.model.inputs) this.storage.zero(vars[v]);
  }

  /** Decode a kernel's failure code -(1 + k * S + s) over the model's states, then the attached synapses'. */
  private reportNonFinite(code: number, attached: readonly AttachedSynapse[], t: number): never {
    const owners = [{ name: undefined as string | undefined, model: this.model }, ...attached.map((syn) => ({ name: syn.name, model: syn.model }))];
    const states = owners.flatMap((owner) => owner.model.states.map((v) => ({ ...owner, v })));
    const element = Math.floor(code / states.length);
    const bad = states[code % states.length];
    if (bad.name !== undefined) throw synapticStateNotFinite(`synapse '${bad.name}'`, bad.model.name, bad.v, element, t);
    this.reportNonFiniteNeuron(element, bad.v, t);
  }

  private reportNonFiniteNeuron(neuron: number, bad: string, t: number): never {
    const vars = this.variables();
    const inputs = this.model.inputs.map((v) => `${v} = ${vars[v][neuron]}`).join(', ');
    throw new NonFiniteStateError(
      `variable '${bad}' of neuron ${neuron} in group '${this.name}' (${this.model.name}) became non-finite at t = ${t.toFixed(4)} ms ` +
        `(last finite values: ${this.model.states.map((v) => `${v} = ${vars[v][neuron]}`).join(', ')}${inputs ? `; ${inputs}` : ''}). ` +
        'Check the parameters and inputs, or use a smaller dt or another method.',
    );
  }
}
