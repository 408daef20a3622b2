import type { Connectivity } from '../connect/connector.js';
import { Connector } from '../connect/connector.js';
import { DynamicalSystem, type SystemOptions } from './dynamical-system.js';
import { ParameterError } from './errors.js';
import type { FusedSynapse } from './fusion.js';
import type { Population } from './neu-group.js';

export interface TwoEndConnOptions extends SystemOptions {
  /** Homogeneous transmission delay in steps (0: spikes of the previous step arrive now). */
  delay_step?: number;
}

/**
 * A synapse population between a presynaptic and a postsynaptic population (groups or slices).
 * It reads the presynaptic spike list `delay_step` steps back and writes into postsynaptic
 * arrays. Networks update all synapses before the neurons, so input arrives before integration.
 */
export abstract class TwoEndConn extends DynamicalSystem {
  readonly pre: Population;
  readonly post: Population;
  readonly conn: Connectivity;
  readonly delayStep: number;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: TwoEndConnOptions = {}) {
    super(options);
    this.pre = pre;
    this.post = post;
    // A whole group passes its shape (grid rules need it); a slice is a line of its neurons.
    const shapes = { pre: pre.group === pre ? pre.group.size : pre.num, post: post.group === post ? post.group.size : post.num };
    this.conn = conn instanceof Connector ? conn.build(pre.num, post.num, shapes) : conn;
    if (this.conn.numPre !== pre.num || this.conn.numPost !== post.num) {
      throw new ParameterError(
        `synapse '${this.name}': connectivity is ${this.conn.numPre} x ${this.conn.numPost} but pre has ${pre.num} and post ${post.num} neurons`,
      );
    }
    this.delayStep = options.delay_step ?? 0;
    pre.group.requireSpikeHistory(this.delayStep);
  }

  /**
   * The part of this synapse a network may integrate inside the postsynaptic group's kernel
   * (src/core/fusion.ts), or undefined when it must update on its own (the default).
   */
  fusion(): FusedSynapse | undefined {
    return undefined;
  }

  /**
   * For synapses whose state is kept per presynaptic neuron: a key naming everything the state's
   * update depends on besides the state itself and the presynaptic group's spikes, when this
   * synapse can take the result from an identical one updated earlier in the step
   * (src/core/state-sharing.ts); undefined (the default) when it cannot.
   */
  stateKey(): string | undefined {
    return undefined;
  }

  /** The synapse, earlier in the step and with the same key, whose updated state this one may take (undefined: none). */
  takeStateFrom(_source: TwoEndConn | undefined): void {}

  /** Indices (relative to `pre`) of the presynaptic spikes that arrive in this step. */
  protected arrivingSpikes(): Int32Array {
    return this.pre.spikesAgo(this.delayStep);
  }
}
