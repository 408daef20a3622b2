import { FixedProb } from '../connect/index.js';
import { Network } from '../core/network.js';
import { Normal } from '../init/index.js';
import { LIF } from '../models/neurons/lif.js';
import { Exponential } from '../models/synapses/exponential.js';
import { COBA, CUBA } from '../models/synouts/syn-out.js';

/**
 * The E/I networks of seeds 000, 001 and 002: 3200*scale excitatory and 800*scale inhibitory LIF
 * neurons, every pair of populations connected with FixedProb(0.02) through Exponential synapses.
 */
export interface EINetParams {
  scale: number;
  method: string;
  V_rest: number;
  V_init_mean: number;
  /** Excitatory and inhibitory weights (already divided by scale). */
  we: number;
  wi: number;
  /** COBA reversal potentials; undefined for current-based synapses. */
  E_exc?: number;
  E_inh?: number;
}

export function buildEINet(p: EINetParams): { net: Network; E: LIF; I: LIF } {
  const lif = { V_rest: p.V_rest, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, method: p.method };
  const E = new LIF(Math.round(3200 * p.scale), { ...lif, V_initializer: new Normal(p.V_init_mean, 2), name: 'E' });
  const I = new LIF(Math.round(800 * p.scale), { ...lif, V_initializer: new Normal(p.V_init_mean, 2), name: 'I' });
  const out = (E_rev: number | undefined) => (E_rev === undefined ? new CUBA() : new COBA({ E: E_rev }));
  const exc = { g_max: p.we, tau: 5, method: p.method };
  const inh = { g_max: p.wi, tau: 10, method: p.method };
  const net = new Network({
    E2E: new Exponential(E, E, new FixedProb(0.02), { ...exc, output: out(p.E_exc) }),
    E2I: new Exponential(E, I, new FixedProb(0.02), { ...exc, output: out(p.E_exc) }),
    I2E: new Exponential(I, E, new FixedProb(0.02), { ...inh, output: out(p.E_inh) }),
    I2I: new Exponential(I, I, new FixedProb(0.02), { ...inh, output: out(p.E_inh) }),
    E,
    I,
  });
  return { net, E, I };
}

/** Seed 001 "(Brette, et al., 2007) COBA"; seeds 000/002's E-I balanced network is the same with V around -60 mV. */
export function cobaParams(scale = 1): EINetParams {
  return { scale, method: 'exp_auto', V_rest: -60, V_init_mean: -55, we: 0.6 / scale, wi: 6.7 / scale, E_exc: 0, E_inh: -80 };
}

/** Seed 001 "(Brette, et al., 2007) CUBA". */
export function cubaParams(scale = 1): EINetParams {
  return { scale, method: 'exp_auto', V_rest: -49, V_init_mean: -55, we: 1.62 / scale, wi: -9.0 / scale };
}
