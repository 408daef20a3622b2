import { defineModel } from '../../core/model.js';
import { EquationGroup, type EquationGroupOptions, type ParamValue } from '../../core/equation-group.js';
import type { Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { builtinArgs, type BuiltinSpec } from '../neurons/builtin.js';

/**
 * Jansen-Rit neural mass (Jansen & Rit 1995), as written in seed 001 (time in seconds):
 * pyramidal cells (y0), excitatory (y1) and inhibitory (y2) interneuron potentials with
 * derivatives y3..y5, the sigmoid S(v) = v_max / (1 + exp(r (v0 - v))), and connectivity
 * constants C1 = C, C2 = 0.8 C, C3 = C4 = 0.25 C:
 *   dy3/dt = (A S(y1 - y2) - 2 y3 - y0 / tau_e) / tau_e
 *   dy4/dt = (A (p + C2 S(C1 y0)) - 2 y4 - y1 / tau_e) / tau_e
 *   dy5/dt = (B C4 S(C3 y0) - 2 y5 - y2 / tau_i) / tau_i
 * `p` is the external pulse density (per second), an input set each step (the seed overwrites
 * it with '=' from uniform noise in [120, 320]); it is 0 when nothing drives it.
 */
const S = (v: string) => `v_max / (1 + exp(r * (v0 - (${v}))))`;

export const JANSEN_RIT_MODEL = defineModel(
  'JansenRitModel',
  {
    equations: {
      y0: 'y3',
      y1: 'y4',
      y2: 'y5',
      y3: `(A * ${S('y1 - y2')} - 2 * y3 - y0 / tau_e) / tau_e`,
      y4: `(A * (p + 0.8 * C * ${S('C * y0')}) - 2 * y4 - y1 / tau_e) / tau_e`,
      y5: `(B * 0.25 * C * ${S('0.25 * C * y0')} - 2 * y5 - y2 / tau_i) / tau_i`,
    },
    inputs: ['p'],
  },
  ['v_max', 'v0', 'r', 'A', 'B', 'tau_e', 'tau_i', 'C'],
);

export interface JansenRitOptions extends EquationGroupOptions {
  /** Maximum firing rate of the sigmoid (1/s). */
  v_max?: ParamValue;
  /** Potential at half the maximum rate (mV). */
  v0?: ParamValue;
  /** Steepness of the sigmoid (1/mV). */
  r?: ParamValue;
  /** Excitatory synaptic gain (mV). */
  A?: ParamValue;
  /** Inhibitory synaptic gain (mV). */
  B?: ParamValue;
  /** Excitatory time constant (s). */
  tau_e?: ParamValue;
  /** Inhibitory time constant (s). */
  tau_i?: ParamValue;
  /** Connectivity constant; one value per unit to sweep it (the seed uses 68 ... 1350). */
  C?: ParamValue;
  y_initializer?: InitValue;
}

const SPEC: BuiltinSpec = {
  model: JANSEN_RIT_MODEL,
  defaults: { v_max: 5, v0: 6, r: 0.56, A: 3.25, B: 22, tau_e: 0.01, tau_i: 0.02, C: 135 },
  positive: ['tau_e', 'tau_i'],
  initial: Object.fromEntries(['y0', 'y1', 'y2', 'y3', 'y4', 'y5'].map((y) => [y, ['y_initializer', 0]])),
};

export class JansenRitModel extends EquationGroup {
  constructor(size: Size, options: JansenRitOptions = {}) {
    super(...builtinArgs(SPEC, size, options));
  }
}
