import { AdExIF, type AdExIFOptions } from '../models/neurons/adex-if.js';
import type { Example } from './example.js';
import type { PatternClaim } from './firing-patterns.js';
import { type PatternPanel, runPanel, runPatternGallery } from './single-neuron.js';

/** The parameters every pattern of the seed shares. */
const COMMON = { R: 0.5, delta_T: 2, V_rest: -70, V_th: -30, V_T: -50 };

function panel(title: string, params: AdExIFOptions, input: number, duration: number, claim: PatternClaim): PatternPanel {
  return {
    title,
    claim,
    run: (dt) => runPanel(title, new AdExIF(1, { ...COMMON, ...params, V_initializer: COMMON.V_rest, method: 'exp_auto' }), input, duration, dt, ['V', 'w']),
  };
}

/** Seed 001's six patterns of Gerstner (2005) / Naud et al. (2008), with its parameters, inputs and durations. */
export const PANELS: PatternPanel[] = [
  panel('Tonic', { a: 0, b: 60, tau: 20, tau_w: 30, V_reset: -55 }, 65, 500, { kind: 'tonic', from: 0 }),
  panel('Adapting', { a: 0, b: 5, tau: 20, tau_w: 100, V_reset: -55 }, 65, 200, { kind: 'adaptation', from: 0 }),
  panel('Initial bursting', { a: 0.5, b: 7, tau: 5, tau_w: 100, V_reset: -51 }, 65, 300, { kind: 'bursting', from: 0 }),
  panel('Bursting', { a: -0.5, b: 7, tau: 5, tau_w: 100, V_reset: -46 }, 65, 500, { kind: 'bursting', from: 0 }),
  panel('Transient', { a: 1, b: 10, tau: 10, tau_w: 100, V_reset: -60 }, 55, 500, { kind: 'phasic', from: 0, to: 500 }),
  panel('Delayed', { a: -1, b: 10, tau: 5, tau_w: 100, V_reset: -60 }, 20, 500, { kind: 'delayed', from: 0 }),
];

export const adexPatterns: Example = {
  name: 'adex-patterns',
  title: '(Gerstner, 2005): Adaptive Exponential Integrate-and-Fire model',
  description:
    "Seed 001: AdExIF with the seed's six parameter sets and constant inputs, exp_auto at dt = 0.01 ms (float64; the entry uses " +
    'dt = 0.01 ms whatever --dt says). No refractory period (BrainPy 2.3.2+; 2.3.0 had tau_ref = 30 ms, which would forbid the ' +
    'bursts). V starts at V_rest = -70 mV and w at 0 (BrainPy 2.3 starts V at 0 mV, above V_th, which fires at once). ' +
    'Traces are plotted every 0.1 ms. The Delayed cell fires a single, late spike (at ~342 ms) in the 500 ms run, so the ' +
    'check "latency > 2 x the mean ISI that follows" cannot be evaluated and is reported as not met.',
  defaultDuration: 0,
  run: (o) =>
    runPatternGallery(PANELS, 'AdEx (Gerstner 2005): firing patterns', o, { columns: 2, states: ['V', 'w'], separateStates: true, every: 10, width: 300 }, 0.01),
};
