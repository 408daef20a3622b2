import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { requirePositive } from '../../core/errors.js';
import { defineModel } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
import { COBA } from '../synouts/syn-out.js';
import { PreStateSynapse } from './pre-state-synapse.js';
import type { SynapseOptions } from './synapse.js';

/** Fraction of open receptors g under a transmitter pulse TT (Destexhe et al. 1994 kinetics). */
export const KINETIC_MODEL = defineModel('AMPA', { equations: { g: 'alpha * TT * (1 - g) - beta * g' }, inputs: ['TT'] }, ['alpha', 'beta']);

export interface KineticOptions extends SynapseOptions {
  /** Binding rate (1/(ms mM)). */
  alpha?: number;
  /** Unbinding rate (1/ms). */
  beta?: number;
  /** Transmitter concentration during a pulse (mM). */
  T?: number;
  /** Pulse duration (ms). */
  T_duration?: number;
}

/** Relative slack so that a pulse of T_duration covers round(T_duration / dt) steps despite rounding in t. */
const PULSE_SLACK = 1e-6;

/**
 * AMPA synapse (BrainPy's synapses.AMPA): dg/dt = alpha [T] (1 - g) - beta g, where [T] = T for
 * T_duration ms after the last spike arriving from the presynaptic neuron and 0 otherwise.
 * Defaults: alpha 0.98, beta 0.18, T 0.5, T_duration 0.5, g_max 0.42, output COBA(E = 0).
 * State per presynaptic neuron (g and spike_arrival_time), as in BrainPy. Per step: record the
 * arrival times, integrate g with this step's [T], transmit.
 */
export class AMPA extends PreStateSynapse {
  readonly alpha: number;
  readonly beta: number;
  readonly T: number;
  readonly T_duration: number;
  /** Time of the last spike that reached the synapse from each presynaptic neuron (ms). */
  readonly spike_arrival_time: Float64Array;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: KineticOptions = {}, defaults = AMPA_DEFAULTS) {
    const { alpha = defaults.alpha, beta = defaults.beta, T = defaults.T, T_duration = defaults.T_duration, ...rest } = options;
    const params = { alpha: requirePositive(alpha, 'AMPA/GABAa alpha'), beta: requirePositive(beta, 'AMPA/GABAa beta') };
    super(pre, post, conn, rest, { g_max: defaults.g_max, output: new COBA({ E: defaults.E }) }, { model: KINETIC_MODEL, params, inputs: ['TT'] });
    this.alpha = alpha;
    this.beta = beta;
    this.T = T;
    this.T_duration = requirePositive(T_duration, 'AMPA/GABAa T_duration (ms)');
    this.spike_arrival_time = new Float64Array(pre.num).fill(-1e7);
    this.state.spike_arrival_time = this.spike_arrival_time;
  }

  get g(): Float64Array {
    return this.state.g;
  }

  protected override kineticsDetails(): readonly number[] {
    return [this.T, this.T_duration];
  }

  protected advance(ctx: StepContext, spikes: Int32Array): void {
    const arrival = this.spike_arrival_time;
    for (let s = 0; s < spikes.length; s++) arrival[spikes[s]] = ctx.t;
    const TT = this.state.TT;
    const until = this.T_duration - PULSE_SLACK * ctx.dt;
    for (let i = 0; i < TT.length; i++) TT[i] = ctx.t - arrival[i] < until ? this.T : 0;
    this.kernel.step(TT.length, ctx.t, ctx.dt);
  }

  protected transmitted(): Float64Array {
    return this.state.g;
  }
}

const AMPA_DEFAULTS = { alpha: 0.98, beta: 0.18, T: 0.5, T_duration: 0.5, g_max: 0.42, E: 0 };
const GABAA_DEFAULTS = { alpha: 0.53, beta: 0.18, T: 1, T_duration: 1, g_max: 0.04, E: -80 };

/**
 * GABAa synapse (BrainPy's synapses.GABAa): AMPA's kinetics with alpha 0.53, beta 0.18, T 1,
 * T_duration 1, g_max 0.04 and output COBA(E = -80).
 */
export class GABAa extends AMPA {
  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: KineticOptions = {}) {
    super(pre, post, conn, options, GABAA_DEFAULTS);
  }
}
