import { gateInf, gateRhs } from '../neurons/gating.js';
import type { ChannelTemplate } from './channel.js';

/** Rate functions (alpha, beta) of one gate, as expressions of V and parameters. */
export type Rates = readonly [string, string];

/** A gate with Markov kinetics phi (alpha (1 - x) - beta x), starting at alpha / (alpha + beta). */
export function markovGate(x: string, [alpha, beta]: Rates, phi = 'phi') {
  return { [x]: { rhs: gateRhs(x, alpha, beta, phi), init: gateInf(alpha, beta) } };
}

/** A gate relaxing to x_inf with time constant x_tau / phi, starting at x_inf. */
export function relaxingGate(x: string, inf: string, tau: string, phi: string) {
  return { [x]: { rhs: `${phi} * ((${inf}) - ${x}) / (${tau})`, init: inf } };
}

/** Sodium current g_max p^3 q (E - V) with Markov gates p and q (BrainPy's INa_p3q_markov). */
export function sodiumP3Q(p: Rates, q: Rates): ChannelTemplate {
  return { states: { ...markovGate('p', p), ...markovGate('q', q) }, current: 'g_max * p ** 3 * q * (E - V)' };
}

/** Potassium current g_max p^4 (E - V) with one Markov gate (BrainPy's IK_p4_markov). */
export function potassiumP4(p: Rates): ChannelTemplate {
  return { states: markovGate('p', p), current: 'g_max * p ** 4 * (E - V)' };
}

/** Calcium current g_max p^2 q (E_Ca - V) with relaxing gates (BrainPy's ICa_p2q_ss). */
export function calciumP2Q(pInf: string, pTau: string, qInf: string, qTau: string): ChannelTemplate {
  return {
    states: { ...relaxingGate('p', pInf, pTau, 'phi_p'), ...relaxingGate('q', qInf, qTau, 'phi_q') },
    current: 'g_max * p * p * q * (E_Ca - V)',
    calcium: true,
  };
}
