import type { Connectivity, Connector } from '../../connect/connector.js';
import { requirePositive } from '../../core/errors.js';
import type { FloatArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { defineModel } from '../../core/model.js';
import { CUBA } from '../synouts/syn-out.js';
import { PostStateSynapse } from './post-state-synapse.js';
import type { SynapseOptions } from './synapse.js';

/** Rise variable h driven by spikes, conductance g driven by h (BrainPy's DualExponential). */
export const DUAL_EXPONENTIAL_MODEL = defineModel(
  'DualExponential',
  { equations: { g: '-g / tau_decay + h', h: '-h / tau_rise' } },
  ['tau_decay', 'tau_rise'],
);

export interface DualExponentialOptions extends SynapseOptions {
  /** Decay time constant (ms). Default 10. */
  tau_decay?: number;
  /** Rise time constant (ms). Default 1. */
  tau_rise?: number;
}

/**
 * Dual-exponential synapse (BrainPy 2.3's synapses.DualExponential):
 *   dg/dt = -g / tau_decay + h,  dh/dt = -h / tau_rise,  h += g_max at each arriving spike.
 * As in BrainPy there is no peak normalisation: one spike of weight w gives
 *   g(t) = w tau_decay tau_rise / (tau_decay - tau_rise) (exp(-t/tau_decay) - exp(-t/tau_rise)),
 * whose integral is w tau_decay tau_rise. BrainPy keeps g and h per presynaptic neuron and
 * weights them afterwards; the system is linear with shared time constants, so the sums kept here
 * per postsynaptic neuron are the same quantity.
 */
export class DualExponential extends PostStateSynapse {
  readonly tau_decay: number;
  readonly tau_rise: number;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: DualExponentialOptions = {}) {
    const { tau_decay = 10, tau_rise = 1, ...rest } = options;
    const params = {
      tau_decay: requirePositive(tau_decay, 'DualExponential tau_decay (ms)'),
      tau_rise: requirePositive(tau_rise, 'DualExponential tau_rise (ms)'),
    };
    super(pre, post, conn, rest, { g_max: 1, output: new CUBA() }, { model: DUAL_EXPONENTIAL_MODEL, params, receives: 'h', conductance: 'g' });
    this.tau_decay = tau_decay;
    this.tau_rise = tau_rise;
  }

  get g(): FloatArray {
    return this.state.g;
  }

  get h(): FloatArray {
    return this.state.h;
  }
}

export interface AlphaOptions extends SynapseOptions {
  /** Time constant of rise and decay (ms). Default 10. */
  tau_decay?: number;
}

/**
 * Alpha synapse (BrainPy's synapses.Alpha): the dual exponential with tau_rise = tau_decay = tau,
 * so one spike of weight w gives g(t) = w t exp(-t/tau), peaking at t = tau with w tau / e.
 */
export class Alpha extends DualExponential {
  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: AlphaOptions = {}) {
    const { tau_decay = 10, ...rest } = options;
    super(pre, post, conn, { ...rest, tau_decay, tau_rise: tau_decay });
  }
}
