import { JitFixedProb } from '../connect/jit-fixed-prob.js';
import { ParameterError } from '../core/errors.js';
import { Network } from '../core/network.js';
import { seed as seedGlobal } from '../core/random.js';
import { Normal } from '../init/index.js';
import { LIF } from '../models/neurons/lif.js';
import { JitExponential } from '../models/synapses/jit-exponential.js';
import { COBA } from '../models/synouts/syn-out.js';

/** Seed 001's dt for the 1-million-neuron network (bm.set(dt=0.4)). */
export const EI1M_DT = 0.4;
const PROB = 0.02;

/**
 * Seed 001's "Simulating 1-million-neuron networks": EINet(scale) with int(3200 * scale)
 * excitatory and int(800 * scale) inhibitory LIF neurons in one group N, FixedProb(0.02) from
 * each part onto all of N, weights 0.6 / scale and 6.7 / scale (COBA to 0 and -80 mV, tau 5 and
 * 10 ms), V from Normal(-55, 2), input 20. At scale 250 (1,000,000 neurons, 2e10 synapses) the
 * connectivity is generated on the fly from the seed's connection seeds 123 and 12345 (shifted
 * by `seed`), never stored. Used by the gallery entry ei-1m and by bench/ei1m.ts.
 */
export function buildEi1m(scale: number, seed: number) {
  seedGlobal(seed);
  // int() of the seed; the epsilon keeps 3200 * 0.3 = 959.999... from losing a neuron
  const [nE, nI] = [3200, 800].map((n) => Math.floor(n * scale + 1e-9));
  if (nI < 1) throw new ParameterError(`ei-1m: scale ${scale} gives ${nE} E and ${nI} I neurons; it must be at least 1/800`);
  const num = nE + nI;
  const N = new LIF(num, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Normal(-55, 2), name: 'N' });
  const E = new JitExponential(N.slice(0, nE), N, new JitFixedProb(nE, num, PROB, 123 + seed), { g_max: 0.6 / scale, tau: 5, output: new COBA({ E: 0 }), name: 'E' });
  const I = new JitExponential(N.slice(nE), N, new JitFixedProb(nI, num, PROB, 12345 + seed), { g_max: 6.7 / scale, tau: 10, output: new COBA({ E: -80 }), name: 'I' });
  return { net: new Network({ N, E, I }), N, E, I, nE, nI, synapses: E.conn.numConnections + I.conn.numConnections };
}
