import type { Connectivity, Connector } from '../../connect/connector.js';
import { requirePositive } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { defineModel } from '../../core/model.js';
import { CUBA } from '../synouts/syn-out.js';
import { PostStateSynapse } from './post-state-synapse.js';
import type { SynapseOptions } from './synapse.js';

/** The conductance of an exponential synapse: dg/dt = -g / tau, plus g_max per arriving spike. */
export const EXPONENTIAL_MODEL = defineModel('Exponential', { equations: { g: '-g / tau' } }, ['tau']);

export interface ExponentialOptions extends SynapseOptions {
  /** Decay time constant (ms). Default 8. */
  tau?: number;
}

/**
 * Exponential synapse (BrainPy's synapses.Exponential). Because the decay is linear with one time
 * constant, the state is one conductance per postsynaptic neuron, not per synapse; spikes add
 * g_max (times the STP efficacy, if any) along their CSR rows. Order per step, as in BrainPy:
 * decay g, add arriving spikes, apply the output (default CUBA: g added to post.input).
 */
export class Exponential extends PostStateSynapse {
  readonly tau: number;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: ExponentialOptions = {}) {
    const { tau = 8, ...rest } = options;
    const checked = requirePositive(tau, `Exponential synapse${options.name ? ` '${options.name}'` : ''} tau (ms)`);
    super(pre, post, conn, rest, { g_max: 1, output: new CUBA() }, { model: EXPONENTIAL_MODEL, params: { tau: checked }, receives: 'g', conductance: 'g' });
    this.tau = checked;
  }

  get g(): FloatArray {
    return this.state.g;
  }
}
