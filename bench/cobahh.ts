import { FixedProb } from '../src/connect/index.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { defineModel } from '../src/core/model.js';
import { Network } from '../src/core/network.js';
import { seed as seedGlobal } from '../src/core/random.js';
import { initialize, Normal } from '../src/init/index.js';
import { Exponential } from '../src/models/synapses/exponential.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { SYNAPSES_PER_NEURON } from './brette.js';
import { timeNetwork } from './network-bench.js';
import type { BenchOptions, BenchResult } from './result.js';

/**
 * Brette et al. (2007) COBA-HH, the same network as bench/brian2/cobahh.py: N Traub-Miles HH
 * neurons (pF, nS, mV, ms; the first 80 % excitatory), Exponential synapses with COBA outputs
 * (6 nS, tau 5 ms, E 0 mV; 67 nS, tau 10 ms, E -80 mV), connection probability 80 / N, no
 * external input, V(0) = El - 5 + 5 N(0, 1), gates and conductances at 0. Brian2's
 * exponential_euler (`method: 'exponential_euler'`) in both. A spike is an upward crossing of
 * -20 mV (Brian2: threshold and refractory condition 'v > V_th'). The rate functions use exprel,
 * as Brian2's example does (since the seventh round; before, the quotients x / (exp(x) - 1),
 * which are 0 / 0 where x is exactly 0: float32 runs hit V = -50 mV exactly within 10 ms).
 */
const DT = 0.1;
const EXC_FRACTION = 0.8;
export const P = { Cm: 200, gl: 10, gNa: 20000, gKd: 6000, El: -60, ENa: 50, EK: -90, VT: -63, V_th: -20 };
const SYN = { we: 6, tau_e: 5, E_e: 0, wi: 67, tau_i: 10, E_i: -80 };

export const TRAUB_MILES_HH = defineModel(
  'TraubMilesHH',
  {
    equations: {
      V: '(gl * (El - V) + gNa * (m * m * m) * h * (ENa - V) + gKd * (n * n * n * n) * (EK - V) + input) / Cm',
      m: '0.32 * 4 / exprel((13 - V + VT) / 4) * (1 - m) - 0.28 * 5 / exprel((V - VT - 40) / 5) * m',
      h: '0.128 * exp((17 - V + VT) / 18) * (1 - h) - 4 / (1 + exp((40 - V + VT) / 5)) * h',
      n: '0.032 * 5 / exprel((15 - V + VT) / 5) * (1 - n) - 0.5 * exp((10 - V + VT) / 40) * n',
    },
    inputs: ['input'],
    threshold: 'V > V_th',
    thresholdCrossing: true,
  },
  Object.keys(P),
);

export function runCobahh(o: BenchOptions): BenchResult {
  seedGlobal(o.seed);
  const nE = Math.round(o.n * EXC_FRACTION);
  const prob = Math.min(1, SYNAPSES_PER_NEURON / o.n);
  const V = initialize(new Normal(P.El - 5, 5), o.n, 'float64', 'COBA-HH V');
  const zeros = new Float64Array(o.n);
  const N = new EquationGroup(o.n, TRAUB_MILES_HH, P, { V, m: zeros, h: zeros, n: zeros }, { name: 'N', method: 'exponential_euler' });
  const Esyn = new Exponential(N.slice(0, nE), N, new FixedProb(prob), { g_max: SYN.we, tau: SYN.tau_e, output: new COBA({ E: SYN.E_e }) });
  const Isyn = new Exponential(N.slice(nE), N, new FixedProb(prob), { g_max: SYN.wi, tau: SYN.tau_i, output: new COBA({ E: SYN.E_i }) });
  const net = new Network({ N, Esyn, Isyn });
  const synapses = Esyn.conn.numConnections + Isyn.conn.numConnections;
  return timeNetwork({ model: 'cobahh', net, counted: [N], synapses, dt: DT }, o);
}
