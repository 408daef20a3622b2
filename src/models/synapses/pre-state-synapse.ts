import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { ParameterError } from '../../core/errors.js';
import { float64Array, type FloatArray, type NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
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
  }

  /** Which backend ran the state kernel ('wasm' where the presynaptic group's backend chose it); undefined before the first step. */
  get kernelBackend(): 'js' | 'wasm' | undefined {
    return this.kernel.kernelBackend;
  }

  override variables(): Record<string, NumericArray> {
    return { ...this.state, g_post: this.g_post, ...this.plasticityVariables() };
  }

  /** Advance the per-presynaptic state by one step, given the spikes arriving now. */
  protected abstract advance(ctx: StepContext, spikes: Int32Array): void;

  /** The per-presynaptic value that is transmitted (BrainPy's g). */
  protected abstract transmitted(): Float64Array;

  update(ctx: StepContext): void {
    this.advance(ctx, this.spikesWithPlasticity(ctx));
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
