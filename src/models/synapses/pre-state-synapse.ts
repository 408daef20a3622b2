import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import { float64Array, type FloatArray, type NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
import type { TwoEndConn } from '../../core/two-end-conn.js';
import { arenaOf } from '../../wasm/arena.js';
import type { SynOut } from '../synouts/syn-out.js';
import { addPresynapticValues } from './event-sums.js';
import { StateKernel } from './state-kernel.js';
import { Synapse, type SynapseOptions } from './synapse.js';

/**
 * A synapse with nonlinear (saturating) kinetics, kept as BrainPy 2.3 keeps AMPA, GABAa and NMDA:
 * one state per presynaptic neuron (all synapses of a neuron see the same spikes with a
 * homogeneous delay, so they share their state). Each step the subclass advances the state
 * (`advance`), then the postsynaptic conductance g_post[j] = sum_i g_max_ij * g_i (times the
 * plasticity efficacy of i) is formed and the output applied. Cost per step:
 * O(connections of active presynaptic neurons); O(numPre + numPost) for all-to-all with one weight.
 * Per-connection delays would need per-synapse state and are refused.
 */
export abstract class PreStateSynapse extends Synapse {
  /** Summed conductance per postsynaptic neuron (with g_max). */
  readonly g_post: FloatArray;
  protected readonly state: Record<string, Float64Array> = {};
  protected readonly kernel: StateKernel;
  private readonly applyOutput: () => void;
  private readonly scaled: Float64Array;
  private readonly kinetics: { readonly model: Model; readonly params: Readonly<Record<string, number>> };
  /**
   * An identical synapse earlier in the step whose updated state this one takes
   * (src/core/state-sharing.ts): whether it kept this step's start, this synapse's state arrays,
   * and the source's start and end of the step, array by array in the same order.
   */
  private stateSource: { keptAt: (step: number) => boolean; own: Float64Array[]; before: Float64Array[]; after: Float64Array[] } | undefined;
  /**
   * This step's state before advancing, kept while other synapses take their state from this one
   * (`keepsBefore`); allocated once, since the group's memory never frees an array.
   */
  private before: Float64Array[] | undefined;
  private keepsBefore = false;
  /** The step index of the last advance. */
  private advancedAt = Number.NaN;
  private ordered: Float64Array[] | undefined;

  constructor(
    pre: Population,
    post: Population,
    conn: Connector | Connectivity,
    options: SynapseOptions,
    defaults: { g_max: number; output: SynOut },
    spec: { model: Model; params: Readonly<Record<string, number>>; inputs?: readonly string[] },
  ) {
    super(pre, post, conn, options, defaults);
    if (this.delayed) throw new ParameterError(`synapse '${this.name}' keeps its state per presynaptic neuron and needs one delay_step for all connections`);
    // In the presynaptic group's memory, so that the state kernel can run where the group's does.
    for (const v of [...spec.model.states, ...(spec.inputs ?? [])]) this.state[v] = float64Array(pre.num, pre.group.storage);
    this.kernel = new StateKernel(spec.model, spec.params, this.state, this.method, `synapse '${this.name}'`, {}, pre.group.backend);
    this.g_post = this.postArray();
    this.scaled = new Float64Array(this.stp ? pre.num : 0);
    this.applyOutput = this.output.bind(post, this.g_post, this.name);
    this.kinetics = { model: spec.model, params: spec.params };
  }

  /** What advance() reads besides the state, the spikes and the model's parameters (AMPA: its pulse). */
  protected kineticsDetails(): readonly number[] {
    return [];
  }

  override stateKey(): string | undefined {
    if (this.stp) return undefined;
    const { model, params } = this.kinetics;
    return JSON.stringify([this.constructor.name, model.name, params, this.method, this.pre.offset, this.pre.num, this.delayStep, this.kineticsDetails()]);
  }

  override takeStateFrom(other: TwoEndConn | undefined): void {
    this.keepsBefore = false;
    this.stateSource = undefined;
    // The key names the class too, but a minified bundle may give two classes one name.
    if (other?.constructor !== this.constructor) return;
    const source = other as PreStateSynapse;
    source.keepsBefore = true;
    source.before ??= source.stateArrays().map((array) => float64Array(array.length, source.pre.group.storage));
    // The source's `before` and state are a step's start and end only while it keeps `before`.
    const keptAt = (step: number) => source.keepsBefore && source.advancedAt === step;
    this.stateSource = { keptAt, own: this.stateArrays(), before: source.before, after: source.stateArrays() };
  }

  /** The state arrays in a fixed order (the same for two synapses of one class), listed at first use. */
  private stateArrays(): Float64Array[] {
    this.ordered ??= Object.keys(this.state)
      .sort()
      .map((v) => this.state[v]);
    return this.ordered;
  }

  /** Which backend ran the state kernel ('wasm' where the presynaptic group's backend chose it); undefined before the first step. */
  get kernelBackend(): 'js' | 'wasm' | undefined {
    return this.kernel.kernelBackend;
  }

  override variables(): Record<string, NumericArray> {
    return { ...this.state, g_post: this.g_post, ...this.plasticityVariables() };
  }

  /**
   * Takes the source's state of this step when this synapse's state before the step is bit for
   * bit the source's: the same update from the same spikes would give the same result.
   */
  private takeSourceState(step: number): boolean {
    if (!this.stateSource?.keptAt(step)) return false;
    const { own, before, after } = this.stateSource;
    for (let k = 0; k < own.length; k++) if (!sameBits(own[k], before[k])) return false;
    for (let k = 0; k < own.length; k++) copy(own[k], after[k]);
    return true;
  }

  /** Advance the per-presynaptic state by one step, given the spikes arriving now. */
  protected abstract advance(ctx: StepContext, spikes: Int32Array): void;

  /** The per-presynaptic value that is transmitted (BrainPy's g). */
  protected abstract transmitted(): Float64Array;

  update(ctx: StepContext): void {
    if (!this.takeSourceState(ctx.i)) {
      const before = this.keepsBefore ? this.before : undefined;
      if (before) this.stateArrays().forEach((array, k) => copy(before[k], array));
      this.advance(ctx, this.spikesWithPlasticity(ctx));
      this.advancedAt = ctx.i;
    }
    let values = this.transmitted();
    if (this.stp) {
      const efficacy = this.stp.efficacy;
      for (let i = 0; i < values.length; i++) this.scaled[i] = values[i] * efficacy[i];
      values = this.scaled;
    }
    this.g_post.fill(0);
    addPresynapticValues(this.g_post, values, this.conn, this.g_max);
    this.applyOutput();
  }
}

/**
 * Whether two arrays hold the same values, -0 apart from +0: a memcmp in WebAssembly for arrays
 * of one WebAssembly memory, else element by element (where NaN never matches).
 */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  const same = arenaOf(a)?.sameBits(a, b);
  if (same !== undefined) return same;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x !== b[i] || (x === 0 && 1 / x !== 1 / b[i])) return false;
  }
  return true;
}

/** destination.set(source), as a memory.copy when both live in one WebAssembly memory (set on shared memory copies element by element). */
function copy(destination: Float64Array, source: Float64Array): void {
  if (!arenaOf(destination)?.copy(destination, source)) destination.set(source);
}
