import * as ch from '../models/channels/index.js';
import { sizeToNum, type Size } from '../core/neu-group.js';
import { type InitValue, Uniform } from '../init/index.js';
import { sectionInput } from '../inputs/index.js';
import type { Example } from './example.js';
import { type PatternPanel, runPanel, runPatternGallery } from './single-neuron.js';

/**
 * The four thalamic cell types of seed 001 (Li, Henriquez & Frohlich 2017) as CondNeuGroups with
 * the seed's channels and parameters. As in the seed, gL is 0.01 for a single cell and drawn from
 * Uniform(0.0075, 0.0125) per neuron in a population; gKL is the cell class's argument (0.01 by default).
 */
export interface ThalamicCellOptions {
  gKL?: number;
  V_initializer?: InitValue;
  method?: string;
  name?: string;
}

const CALCIUM = { C_rest: 5e-5, tau: 10, d: 0.5 };

/** What the four classes share: membrane area, initial V, spike threshold 20 mV, leak and K leak. */
function common(size: Size, o: ThalamicCellOptions, cell: { A: number; V0: number; EL: number }) {
  const { gKL = 0.01, V_initializer = cell.V0, method = 'exp_auto', name } = o;
  const gL = sizeToNum(size) === 1 ? 0.01 : new Uniform(0.0075, 0.0125);
  return { method, name, A: cell.A, V_initializer, V_th: 20, IL: new ch.IL(size, { g_max: gL, E: cell.EL }), IKL: new ch.IKL(size, { g_max: gKL }) };
}

export function makeHTC(size: Size = 1, o: ThalamicCellOptions = {}): ch.CondNeuGroup {
  return new ch.CondNeuGroup(size, {
    ...common(size, o, { A: 2.9e-4, V0: -65, EL: -70 }),
    INa: new ch.INa_Ba2002(size, { V_sh: -30 }), IDR: new ch.IKDR_Ba2002(size, { V_sh: -30, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(size, { g_max: 0.01, E: -43 }),
    Ca: new ch.CalciumDetailed(size, {
      ...CALCIUM,
      ICaL: new ch.ICaL_IS2008(size, { g_max: 0.5 }), IAHP: new ch.IAHP_De1994(size, { g_max: 0.3, E: -90 }),
      ICaN: new ch.ICaN_IS2008(size, { g_max: 0.5 }), ICaT: new ch.ICaT_HM1992(size, { g_max: 2.1 }), ICaHT: new ch.ICaHT_HM1992(size, { g_max: 3 }),
    }),
  });
}

export function makeRTC(size: Size = 1, o: ThalamicCellOptions = {}): ch.CondNeuGroup {
  return new ch.CondNeuGroup(size, {
    ...common(size, o, { A: 2.9e-4, V0: -65, EL: -70 }),
    INa: new ch.INa_Ba2002(size, { V_sh: -40 }), IDR: new ch.IKDR_Ba2002(size, { V_sh: -40, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(size, { g_max: 0.01, E: -43 }),
    Ca: new ch.CalciumDetailed(size, {
      ...CALCIUM,
      ICaL: new ch.ICaL_IS2008(size, { g_max: 0.3 }), IAHP: new ch.IAHP_De1994(size, { g_max: 0.1, E: -90 }),
      ICaN: new ch.ICaN_IS2008(size, { g_max: 0.6 }), ICaT: new ch.ICaT_HM1992(size, { g_max: 2.1 }), ICaHT: new ch.ICaHT_HM1992(size, { g_max: 0.6 }),
    }),
  });
}

export function makeIN(size: Size = 1, o: ThalamicCellOptions = {}): ch.CondNeuGroup {
  return new ch.CondNeuGroup(size, {
    ...common(size, o, { A: 1.7e-4, V0: -70, EL: -60 }),
    INa: new ch.INa_Ba2002(size, { V_sh: -30 }), IDR: new ch.IKDR_Ba2002(size, { V_sh: -30, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(size, { g_max: 0.05, E: -43 }),
    Ca: new ch.CalciumDetailed(size, {
      ...CALCIUM,
      IAHP: new ch.IAHP_De1994(size, { g_max: 0.2, E: -90 }), ICaN: new ch.ICaN_IS2008(size, { g_max: 0.1 }), ICaHT: new ch.ICaHT_HM1992(size, { g_max: 2.5 }),
    }),
  });
}

export function makeTRN(size: Size = 1, o: ThalamicCellOptions = {}): ch.CondNeuGroup {
  return new ch.CondNeuGroup(size, {
    ...common(size, o, { A: 1.43e-4, V0: -70, EL: -60 }),
    INa: new ch.INa_Ba2002(size, { V_sh: -40 }), IDR: new ch.IKDR_Ba2002(size, { V_sh: -40 }),
    Ca: new ch.CalciumDetailed(size, {
      ...CALCIUM, tau: 100,
      IAHP: new ch.IAHP_De1994(size, { g_max: 0.2, E: -90 }), ICaN: new ch.ICaN_IS2008(size, { g_max: 0.2 }), ICaT: new ch.ICaT_HP1992(size, { g_max: 1.3 }),
    }),
  });
}

/** Single cells (gL = 0.01, gKL = 0.01), as the seed's try_trn_neuron builds them. */
export const htc = (method = 'exp_auto') => makeHTC(1, { method });
export const rtc = (method = 'exp_auto') => makeRTC(1, { method });
export const interneuron = (method = 'exp_auto') => makeIN(1, { method });
export const trn = (method = 'exp_auto') => makeTRN(1, { method });

const DT = 0.01;

/** The seed's try_trn_neuron input: 0 for 100 ms, -0.05 for 100 ms, 0 for 500 ms. */
function panel(title: string, make: (method?: string) => ch.CondNeuGroup, rebound: boolean): PatternPanel {
  return {
    title,
    claim: rebound ? { kind: 'rebound', from: 100, to: 200 } : undefined,
    run: (dt) => {
      const { current, duration } = sectionInput([0, -0.05, 0], [100, 100, 500], dt);
      return runPanel(title, make(), current, duration, dt, ['V']);
    },
  };
}

export const PANELS: PatternPanel[] = [
  panel('TRN (reticular)', trn, true),
  panel('HTC (high-threshold TC)', htc, true),
  panel('RTC (regular TC)', rtc, true),
  panel('IN (interneuron)', interneuron, false),
];

export const thalamusCells: Example = {
  name: 'thalamus-cells',
  title: '(Li, et al., 2017): Unified Thalamus Oscillation Model, single cells',
  description:
    "Seed 001: the four thalamic cell types of Li et al. (2017) as CondNeuGroups with the seed's channels and parameters " +
    '(single cells: gL = 0.01, gKL = 0.01), each given the seed\'s try_trn_neuron input (0, -0.05, 0 nA for 100, 100, 500 ms), ' +
    'dt = 0.01 ms (fixed). Checks a rebound response after the hyperpolarising pulse for the cells with T-type calcium ' +
    '(TRN, HTC, RTC); the interneuron has none and is drawn only. The thalamic network itself is not built here.',
  defaultDuration: 700,
  run: (o) => runPatternGallery(PANELS, 'Thalamic cells: response to a hyperpolarising pulse', o, { columns: 2, states: ['V'], every: 10, width: 300 }, DT),
};
