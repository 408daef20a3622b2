import { FixedProb } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { Normal } from '../src/init/index.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Exponential } from '../src/models/synapses/exponential.js';
import { COBA, CUBA } from '../src/models/synouts/syn-out.js';

/**
 * Brette et al. (2007) COBA and CUBA in BrainPy's formulation, the same network as
 * bench/brian2/brette.py: one LIF group of N (the first 80 % excitatory), Exponential synapses
 * from each slice to the whole group, connection probability 80 / N so every neuron receives
 * 80 synapses on average at every size, weights that do not change with N, input 20 each step.
 */
export type BretteModel = 'coba' | 'cuba';

export const SYNAPSES_PER_NEURON = 80;
const EXC_FRACTION = 0.8;

const PARAMS = {
  coba: { V_rest: -60, we: 0.6, wi: 6.7, E_e: 0 as number | undefined, E_i: -80 as number | undefined },
  cuba: { V_rest: -49, we: 1.62, wi: -9, E_e: undefined, E_i: undefined },
};

export interface BretteNet {
  net: Network;
  neurons: LIF;
  exc: Exponential;
  inh: Exponential;
  synapses: number;
  prob: number;
  params: { V_rest: number; we: number; wi: number; E_e?: number; E_i?: number };
  numExc: number;
}

export function buildBrette(model: BretteModel, n: number): BretteNet {
  const p = PARAMS[model];
  const nE = Math.round(n * EXC_FRACTION);
  const prob = Math.min(1, SYNAPSES_PER_NEURON / n);
  const N = new LIF(n, { V_rest: p.V_rest, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name: 'N' });
  const output = (E: number | undefined) => (E === undefined ? new CUBA() : new COBA({ E }));
  const Esyn = new Exponential(N.slice(0, nE), N, new FixedProb(prob), { g_max: p.we, tau: 5, output: output(p.E_e) });
  const Isyn = new Exponential(N.slice(nE), N, new FixedProb(prob), { g_max: p.wi, tau: 10, output: output(p.E_i) });
  const net = new Network({ N, Esyn, Isyn });
  return { net, neurons: N, exc: Esyn, inh: Isyn, synapses: Esyn.conn.numConnections + Isyn.conn.numConnections, prob, params: p, numExc: nE };
}
