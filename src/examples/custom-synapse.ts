/**
 * The code of docs/custom-synapse.md: user-defined synapses and a user-defined output, written
 * the ways the page explains. test/custom-synapse-doc.test.ts runs it against the analytic
 * single-spike response and checks that every code block of the page is copied from this file.
 */
import type { Connectivity, Connector } from '../connect/connector.js';
import type { StepContext } from '../core/context.js';
import { ParameterError, requirePositive } from '../core/errors.js';
import { addSpikeEvents } from '../core/events.js';
import type { FloatArray } from '../core/matrix.js';
import { defineModel } from '../core/model.js';
import type { Population } from '../core/neu-group.js';
import { TwoEndConn } from '../core/two-end-conn.js';
import { PostStateSynapse } from '../models/synapses/post-state-synapse.js';
import type { SynapseOptions } from '../models/synapses/synapse.js';
import { COBA, SynOut } from '../models/synouts/syn-out.js';

// --- 1. By hand: the seed's ExpCOBA(TwoEndConn) ---

/**
 * Exponential conductance with a conductance-based output, as seed 001 writes it:
 * each step g decays, arriving spikes add g_max along their CSR rows, and the post
 * neurons receive g (E - V) in their `input`.
 */
export class ExpCOBA extends TwoEndConn {
  readonly g: Float64Array;
  private readonly postV: ArrayLike<number>;
  private readonly postInput: FloatArray;

  constructor(
    pre: Population,
    post: Population,
    conn: Connector | Connectivity,
    readonly p: { g_max: number; tau: number; E: number; delay_step?: number },
  ) {
    super(pre, post, conn, { delay_step: p.delay_step ?? 0 });
    const { V, input } = post.group.variables();
    if (!V || !(input instanceof Float64Array || input instanceof Float32Array)) {
      throw new ParameterError(`ExpCOBA '${this.name}': post group '${post.group.name}' needs float variables V and input`);
    }
    this.postV = V;
    this.postInput = input;
    this.g = new Float64Array(post.num);
  }

  /** What monitors can record, e.g. 'syn.g'. */
  override variables() {
    return { g: this.g };
  }

  update(ctx: StepContext): void {
    const decay = Math.exp(-ctx.dt / this.p.tau); // exact solution of dg/dt = -g / tau
    for (let j = 0; j < this.g.length; j++) this.g[j] *= decay;
    addSpikeEvents(this.g, this.arrivingSpikes(), this.conn, this.p.g_max);
    const o = this.post.offset; // post may be a slice of a larger group
    for (let j = 0; j < this.g.length; j++) this.postInput[j + o] += this.g[j] * (this.p.E - this.postV[j + o]);
  }
}

// --- 2. From equations: the same synapse as a PostStateSynapse ---

/** One linear equation, integrated by the library (exp_auto by default). */
export const EXP_COBA_MODEL = defineModel('ExpCOBA', { equations: { g: '-g / tau' } }, ['tau']);

export interface ExpCOBA2Options extends SynapseOptions {
  tau?: number;
  E?: number;
}

/**
 * The same synapse declared as data: per-connection weights and delays, STP, the
 * choice of output and fusion into the post group's kernel come with the base class.
 */
export class ExpCOBA2 extends PostStateSynapse {
  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: ExpCOBA2Options = {}) {
    const { tau = 8, E = 0, ...rest } = options;
    const params = { tau: requirePositive(tau, 'ExpCOBA2 tau (ms)') };
    super(pre, post, conn, rest, { g_max: 1, output: new COBA({ E }) }, { model: EXP_COBA_MODEL, params, receives: 'g', conductance: 'g' });
  }

  get g() {
    return this.state.g;
  }
}

// --- 3. A user-defined output ---

/**
 * A conductance that saturates at g_sat: I = g_sat g / (g + g_sat) (E - V). The current is an
 * expression in g, its parameters and post variables; the library compiles it once.
 */
export class SaturatingCOBA extends SynOut {
  constructor({ E = 0, g_sat = 1 }: { E?: number; g_sat?: number } = {}) {
    super('SaturatingCOBA', 'g_sat * g / (g + g_sat) * (E - V)', { E, g_sat: requirePositive(g_sat, 'SaturatingCOBA g_sat') });
  }
}
