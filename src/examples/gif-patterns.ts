import { GIF, type GIFOptions } from '../models/neurons/gif.js';
import { sectionInput } from '../inputs/index.js';
import type { Example } from './example.js';
import type { PatternClaim } from './firing-patterns.js';
import { type PatternPanel, runPanel, runPatternGallery } from './single-neuron.js';

/** BrainPy's constant_input: [(value, duration ms), ...]. */
type Sections = readonly (readonly [number, number])[];

function panel(title: string, sections: Sections, params: GIFOptions, claim?: PatternClaim): PatternPanel {
  return {
    title,
    claim,
    run: (dt) => {
      const { current, duration } = sectionInput(sections.map((s) => s[0]), sections.map((s) => s[1]), dt);
      return runPanel(title, new GIF(1, params), current, duration, dt, ['V', 'V_th']);
    },
  };
}

const A = { a: 0.005 };
const BURST = { a: 0.005, A1: 10, A2: -0.6 };
const HYPER = { V_th_reset: -60, V_th_inf: -120, Vth_initializer: -50 };

/** Seed 001's 20 patterns of Mihalas & Niebur (2009), with its inputs, parameters and V_th settings. */
export const PANELS: PatternPanel[] = [
  panel('Tonic Spiking', [[1.5, 200]], {}, { kind: 'tonic', from: 0 }),
  panel('Class 1 Excitability', [[1 + 1e-6, 500]], {}),
  panel('Spike Frequency Adaptation', [[2, 200]], A, { kind: 'adaptation', from: 0 }),
  panel('Phasic Spiking', [[1.5, 500]], A, { kind: 'phasic', from: 0, to: 500 }),
  panel('Accommodation', [[1.5, 100], [0, 500], [0.5, 100], [1, 100], [1.5, 100], [0, 100]], A),
  panel('Threshold Variability', [[1.5, 20], [0, 180], [-1.5, 20], [0, 20], [1.5, 20], [0, 140]], A),
  panel('Rebound Spiking', [[0, 50], [-3.5, 750], [0, 200]], A, { kind: 'rebound', from: 50, to: 800 }),
  panel('Class 2 Excitability', [[2 * (1 + 1e-6), 200]], { ...A, Vth_initializer: -30 }),
  panel('Integrator', [[1.5, 20], [0, 10], [1.5, 20], [0, 250], [1.5, 20], [0, 30], [1.5, 20], [0, 30]], A),
  panel('Input Bistability', [[1.5, 100], [1.7, 400], [1.5, 100], [1.7, 400]], A),
  panel('Hyperpolarization-induced Spiking', [[-1, 400]], HYPER, { kind: 'fires-during', from: 0, to: 400 }),
  panel('Hyperpolarization-induced Bursting', [[-1, 400]], { ...HYPER, A1: 10, A2: -0.6 }, { kind: 'bursting', from: 0 }),
  panel('Tonic Bursting', [[2, 500]], BURST, { kind: 'bursting', from: 0 }),
  panel('Phasic Bursting', [[1.5, 500]], BURST, { kind: 'phasic', from: 0, to: 500 }),
  panel('Rebound Bursting', [[0, 100], [-3.5, 500], [0, 400]], BURST, { kind: 'rebound', from: 100, to: 600 }),
  panel('Mixed Mode', [[2, 500]], { a: 0.005, A1: 5, A2: -0.3 }),
  panel('Afterpotentials', [[2, 15], [0, 185]], { a: 0.005, A1: 5, A2: -0.3 }),
  panel('Basal Bistability', [[5, 10], [0, 90], [5, 10], [0, 90]], { A1: 8, A2: -0.1 }, { kind: 'persistent', pulseEnd: 10, offStart: 100, offEnd: 110 }),
  panel('Preferred Frequency', [[5, 10], [0, 10], [4, 10], [0, 370], [5, 10], [0, 90], [4, 10], [0, 290]], { a: 0.005, A1: -3, A2: 0.5 }),
  panel('Spike Latency', [[8, 2], [0, 48]], { a: -0.08 }, { kind: 'latency', pulseStart: 0, pulseEnd: 2 }),
];

export const gifPatterns: Example = {
  name: 'gif-patterns',
  title: '(Niebur, et al., 2009) Generalized integrate-and-fire model',
  description:
    "Seed 001: the GIF (Mihalas-Niebur) neuron with the seed's 20 parameter sets and inputs (constant_input sections), exp_auto " +
    'at the run dt (default 0.1 ms), BrainPy defaults otherwise (V = -70, V_th = -50 at the start; -30 for Class 2, set as the seed ' +
    'does with neu.V_th[:]). V and V_th are drawn together, as in the seed. Patterns without a check (class 1/2, accommodation, ' +
    'threshold variability, integrator, input bistability, mixed mode, afterpotentials, preferred frequency) are drawn and counted only. ' +
    'Spike Frequency Adaptation lengthens its ISIs steadily but only by a factor ~1.37 in the 200 ms the seed runs, short of the ' +
    'adaptation criterion (last/first ISI > 1.5), so that check is reported as not met.',
  defaultDuration: 0,
  run: (o) => runPatternGallery(PANELS, 'GIF (Mihalas & Niebur 2009): firing patterns', o, { columns: 4, states: ['V', 'V_th'] }, o.dt),
};
