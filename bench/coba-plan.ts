import type { KernelPlan, KernelStatement } from '../src/core/kernel-ir.js';
import { parseExpression } from '../src/expr/parse.js';

/** Plan statements written as expression text (the parser gives the AST the planner would). */
export const load = (local: string, array: number): KernelStatement => ({ kind: 'load', local, array });
export const let_ = (local: string, value: string, round32?: boolean): KernelStatement => ({ kind: 'let', local, value: parseExpression(value), round32 });
export const set = (local: string, value: string, round32?: boolean): KernelStatement => ({ kind: 'set', local, value: parseExpression(value), round32 });
export const store = (array: number, value: string): KernelStatement => ({ kind: 'store', array, value: parseExpression(value) });
export const if_ = (condition: string, then: KernelStatement[]): KernelStatement => ({ kind: 'if', condition: parseExpression(condition), then });
export const check = (local: string, state: number): KernelStatement => ({ kind: 'failIfNotFinite', local, state });

/** Array indices of the COBA plan. */
export const COBA = { V: 0, input: 1, spike: 2, spikeList: 3, tLast: 4, refractory: 5, g0: 6, inc0: 7, g1: 8, inc1: 9 } as const;

/**
 * The fused kernel of one COBA LIF group (Brette et al. 2007 benchmark, dt = 0.1 ms) with its two
 * exponential synapses (tau 5 ms, E 0 mV; tau 10 ms, E -80 mV) integrated inside it, as
 * compileGroupKernel plans it: synapse steps and outputs, the membrane step (exp_auto), the
 * refractory hold, the non-finite checks, threshold, reset and spike, then the stores. Its
 * JavaScript (emitKernelJs) was checked to be character for character the fused kernel of the
 * LIF group of bench/brette.ts 'coba' (at commit 4000f10). With `float32`, the states are float32
 * arrays and the refractory clock is marked to stay in float64, as the planner does before the
 * float32 arithmetic rewrite (core/float32-plan.ts).
 */
export function cobaPlan(float32 = false): KernelPlan {
  const state = float32 ? 'f32' : 'f64';
  const A = COBA;
  const synapse = (j: number, g: number, inc: number, tau: number, factor: number, output: string): KernelStatement[] => [
    load(`y${j}_c_g`, g),
    load(`y${j}_inc`, inc),
    let_(`y${j}_s_f_g`, `(-y${j}_c_g) / ${tau}`),
    let_(`y${j}_s_next_g`, `y${j}_c_g + ${factor} * y${j}_s_f_g`),
    let_(`y${j}_n_g`, `y${j}_s_next_g + y${j}_inc`),
    set('c_input', `c_input + y${j}_n_g * ${output}`),
  ];
  return {
    arrays: [
      { name: 'V', type: state },
      { name: 'input', type: state },
      { name: 'spike', type: 'u8' },
      { name: 'spikeList', type: 'i32' },
      { name: 't_last_spike', type: 'f64' },
      { name: 'refractory', type: 'u8' },
      { name: '@0.g', type: state },
      { name: '@0.$inc', type: state },
      { name: '@1.g', type: state },
      { name: '@1.$inc', type: state },
    ],
    clearSpikes: { flags: A.spike, list: A.spikeList },
    statesPerElement: 3,
    body: [
      load('c_V', A.V),
      load('c_input', A.input),
      ...synapse(0, A.g0, A.inc0, 5, 0.0990066334662235, '(-c_V)'),
      ...synapse(1, A.g1, A.inc1, 10, 0.09950166250831949, '((-80) - c_V)'),
      store(A.input, 'c_input'),
      load('tLast', A.tLast),
      { kind: 'let', local: 'refr', value: parseExpression('(t - tLast) <= 5.0000001'), wide: true },
      let_('s_f_V', '(((-c_V) + (-60)) + c_input) / 20'),
      let_('s_next_V', 'c_V + 0.09975041614635376 * s_f_V'),
      let_('n_V', 's_next_V'),
      if_('refr', [set('n_V', 'c_V')]),
      check('y0_n_g', 1),
      check('y1_n_g', 2),
      check('n_V', 0),
      let_('spk', 'n_V >= (-50)'),
      if_('spk', [set('n_V', '-60'), { kind: 'store', array: A.tLast, value: parseExpression('t'), wide: true }, { kind: 'spike', flags: A.spike, list: A.spikeList }]),
      store(A.V, 'n_V'),
      store(A.g0, 'y0_n_g'),
      store(A.inc0, '0'),
      store(A.g1, 'y1_n_g'),
      store(A.inc1, '0'),
      store(A.refractory, 'refr or spk'),
    ],
  };
}
