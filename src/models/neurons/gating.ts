import { evaluatePerNeuron } from './builtin.js';

/**
 * Text builders for Hodgkin-Huxley gating kinetics, so that a gate's rate functions are written
 * once and both its equation and its steady state come from them.
 */

/** d(x)/dt = phi (alpha (1 - x) - beta x), as an expression string. */
export function gateRhs(x: string, alpha: string, beta: string, phi?: string): string {
  const kinetics = `(${alpha}) * (1 - ${x}) - (${beta}) * ${x}`;
  return phi === undefined ? kinetics : `${phi} * (${kinetics})`;
}

/** The steady state alpha / (alpha + beta). */
export function gateInf(alpha: string, beta: string): string {
  return `(${alpha}) / ((${alpha}) + (${beta}))`;
}

/** An initial-value rule for a gate: its steady state at the neurons' initial V (and parameters). */
export function steadyStateInit(alpha: string, beta: string) {
  return (states: Readonly<Record<string, ArrayLike<number>>>, params: Readonly<Record<string, ArrayLike<number> | number>>): Float64Array =>
    evaluatePerNeuron(gateInf(alpha, beta), { ...params, ...states }, states.V.length);
}
