import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { requirePositive } from '../../core/errors.js';
import { defineModel } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
import { MgBlock } from '../synouts/mg-block.js';
import { PreStateSynapse } from './pre-state-synapse.js';
import type { SynapseOptions } from './synapse.js';

/** Saturating NMDA gating g driven by a rise variable x (BrainPy's NMDA). */
export const NMDA_MODEL = defineModel(
  'NMDA',
  { equations: { g: '-g / tau_decay + a * x * (1 - g)', x: '-x / tau_rise' } },
  ['tau_decay', 'tau_rise', 'a'],
);

export interface NMDAOptions extends SynapseOptions {
  /** Decay time constant of g (ms). Default 100. */
  tau_decay?: number;
  /** Decay time constant of x (ms). Default 2. */
  tau_rise?: number;
  /** Rate of g's rise per unit x (1/ms). Default 0.5. */
  a?: number;
}

/**
 * NMDA synapse (BrainPy's synapses.NMDA):
 *   dg/dt = -g / tau_decay + a x (1 - g),  dx/dt = -x / tau_rise,  x += 1 at each arriving spike,
 * transmitted as g_max g through the MgBlock output (E = 0, cc_Mg = 1.2, alpha = 0.062,
 * beta = 3.57) by default; g_max 0.15. State per presynaptic neuron, as in BrainPy. Per step:
 * integrate (g and x together), add the arriving spikes to x, transmit.
 */
export class NMDA extends PreStateSynapse {
  readonly tau_decay: number;
  readonly tau_rise: number;
  readonly a: number;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: NMDAOptions = {}) {
    const { tau_decay = 100, tau_rise = 2, a = 0.5, ...rest } = options;
    const params = {
      tau_decay: requirePositive(tau_decay, 'NMDA tau_decay (ms)'),
      tau_rise: requirePositive(tau_rise, 'NMDA tau_rise (ms)'),
      a: requirePositive(a, 'NMDA a (1/ms)'),
    };
    super(pre, post, conn, rest, { g_max: 0.15, output: new MgBlock() }, { model: NMDA_MODEL, params });
    this.tau_decay = tau_decay;
    this.tau_rise = tau_rise;
    this.a = a;
  }

  get g(): Float64Array {
    return this.state.g;
  }

  get x(): Float64Array {
    return this.state.x;
  }

  protected advance(ctx: StepContext, spikes: Int32Array): void {
    this.kernel.step(this.pre.num, ctx.t, ctx.dt);
    const x = this.state.x;
    for (let s = 0; s < spikes.length; s++) x[spikes[s]] += 1;
  }

  protected transmitted(): Float64Array {
    return this.state.g;
  }
}
