import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import type { SystemOptions } from '../../core/dynamical-system.js';
import { DelayedEvents } from '../../core/delay-events.js';
import type { EventPathway } from '../../core/range-events.js';
import { ParameterError } from '../../core/errors.js';
import { type FloatArray, floatArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { TwoEndConn } from '../../core/two-end-conn.js';
import { resolveMethod } from '../../integrators/methods.js';
import type { ShortTermPlasticity } from '../stp/plasticity.js';
import type { SynOut } from '../synouts/syn-out.js';
import { addScaledSpikeEvents } from './event-sums.js';

export interface SynapseOptions extends SystemOptions {
  /**
   * Transmission delay in steps: one number for all connections, or one per connection (in
   * pre2post order) for heterogeneous delays.
   */
  delay_step?: number | ArrayLike<number>;
  /** Synaptic weight: one number, or one value per connection (in pre2post order). */
  g_max?: number | ArrayLike<number>;
  /** How the conductance acts on the postsynaptic neurons. */
  output?: SynOut;
  /** Short-term plasticity (STD, STP), one instance per synapse. */
  stp?: ShortTermPlasticity;
  /** Integration method of the synaptic state. Default exp_auto. */
  method?: string;
}

/**
 * What the library's synapses share: weights per connection or one weight, an output, optional
 * short-term plasticity, and homogeneous or per-connection delays. Subclasses integrate their
 * own state in `update`.
 */
export abstract class Synapse extends TwoEndConn {
  readonly g_max: number | FloatArray;
  readonly output: SynOut;
  readonly stp: ShortTermPlasticity | undefined;
  readonly method: string;
  /** Present when delay_step was given per connection. */
  protected readonly delayed: DelayedEvents | undefined;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: SynapseOptions, defaults: { g_max: number; output: SynOut }) {
    const { delay_step = 0, g_max = defaults.g_max, output = defaults.output, stp, method = 'exp_auto', ...rest } = options;
    const homogeneous = typeof delay_step === 'number';
    super(pre, post, conn, { ...rest, delay_step: homogeneous ? delay_step : 0 });
    this.g_max = this.checkWeights(g_max);
    this.output = output;
    this.method = resolveMethod(method, `synapse '${this.name}'`);
    this.stp = stp;
    this.delayed = homogeneous ? undefined : new DelayedEvents(this.conn, delay_step, `synapse '${this.name}'`);
    if (this.delayed && stp) {
      throw new ParameterError(`synapse '${this.name}': short-term plasticity is kept per presynaptic neuron and needs one delay for all connections; give delay_step as one number`);
    }
    stp?.attach(pre.num, `synapse '${this.name}'`);
  }

  private checkWeights(g_max: number | ArrayLike<number>): number | FloatArray {
    const values = typeof g_max === 'number' ? [g_max] : Array.from(g_max);
    const bad = values.findIndex((w) => !Number.isFinite(w));
    if (bad >= 0) throw new ParameterError(`synapse '${this.name}': g_max must be finite, got ${values[bad]}${typeof g_max === 'number' ? '' : ` at connection ${bad}`}`);
    if (typeof g_max === 'number') return g_max;
    if (values.length !== this.conn.numConnections) {
      throw new ParameterError(`synapse '${this.name}': g_max has ${values.length} values for ${this.conn.numConnections} connections`);
    }
    return Float64Array.from(values);
  }

  /** A postsynaptic array in the post group's storage type. */
  protected postArray(): FloatArray {
    return floatArray(this.post.group.dtype, this.post.num, this.post.group.storage);
  }

  /**
   * The presynaptic spikes that reach the synapse this step, after updating the plasticity with
   * them (every step, so that it relaxes between spikes).
   */
  protected spikesWithPlasticity(ctx: StepContext): Int32Array {
    const spikes = this.arrivingSpikes();
    this.stp?.update(ctx.t, ctx.dt, spikes);
    return spikes;
  }

  /**
   * Add this step's events (weight x plasticity efficacy) to a postsynaptic array: those
   * arriving now with a homogeneous delay, or those whose per-connection delay ends now.
   */
  protected addEvents(ctx: StepContext, target: FloatArray): void {
    if (this.delayed) {
      this.delayed.schedule(this.pre.spikesAgo(0), this.g_max);
      this.delayed.deliver(target);
      return;
    }
    const spikes = this.spikesWithPlasticity(ctx);
    addScaledSpikeEvents(target, spikes, this.conn, this.g_max, this.stp?.efficacy);
  }

  /**
   * The events addEvents would add to `target`, as a pathway a kernel thread can deliver to its
   * own range of postsynaptic neurons (src/core/range-events.ts): only plain events (no
   * plasticity, no delay) over explicit connections; undefined otherwise.
   */
  protected eventPathway(target: FloatArray): EventPathway | undefined {
    if (this.stp || this.delayed || this.delayStep !== 0 || this.conn.allToAll) return undefined;
    const { group, offset, num } = this.pre;
    return { spikeList: group.spikeList, spikeCount: () => group.spikeCount, preStart: offset, preEnd: offset + num, conn: this.conn, weight: this.g_max, increment: target };
  }

  /** The plasticity's state arrays under 'stp_<name>' (monitor 'syn.stp_x'). */
  protected plasticityVariables(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [name, array] of Object.entries(this.stp?.variables() ?? {})) out[`stp_${name}`] = array;
    return out;
  }
}
