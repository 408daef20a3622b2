import * as ch from '../models/channels/index.js';
import { sectionInput } from '../inputs/index.js';
import type { Example } from './example.js';
import { type PatternPanel, runPanel, runPatternGallery } from './single-neuron.js';

/** Single-cell versions of seed 001's four thalamic cell types (Li, Henriquez & Frohlich 2017): gL = 0.01, gKL = 0.01. */
const gL = 0.01;
const gKL = 0.01;
const CALCIUM = { C_rest: 5e-5, tau: 10, d: 0.5 };

export function htc(method = 'exp_auto'): ch.CondNeuGroup {
  return new ch.CondNeuGroup(1, {
    method,
    A: 2.9e-4, V_initializer: -65, V_th: 20,
    IL: new ch.IL(1, { g_max: gL, E: -70 }), IKL: new ch.IKL(1, { g_max: gKL }),
    INa: new ch.INa_Ba2002(1, { V_sh: -30 }), IDR: new ch.IKDR_Ba2002(1, { V_sh: -30, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(1, { g_max: 0.01, E: -43 }),
    Ca: new ch.CalciumDetailed(1, {
      ...CALCIUM,
      ICaL: new ch.ICaL_IS2008(1, { g_max: 0.5 }), IAHP: new ch.IAHP_De1994(1, { g_max: 0.3, E: -90 }),
      ICaN: new ch.ICaN_IS2008(1, { g_max: 0.5 }), ICaT: new ch.ICaT_HM1992(1, { g_max: 2.1 }), ICaHT: new ch.ICaHT_HM1992(1, { g_max: 3 }),
    }),
  });
}

export function rtc(method = 'exp_auto'): ch.CondNeuGroup {
  return new ch.CondNeuGroup(1, {
    method,
    A: 2.9e-4, V_initializer: -65, V_th: 20,
    IL: new ch.IL(1, { g_max: gL, E: -70 }), IKL: new ch.IKL(1, { g_max: gKL }),
    INa: new ch.INa_Ba2002(1, { V_sh: -40 }), IDR: new ch.IKDR_Ba2002(1, { V_sh: -40, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(1, { g_max: 0.01, E: -43 }),
    Ca: new ch.CalciumDetailed(1, {
      ...CALCIUM,
      ICaL: new ch.ICaL_IS2008(1, { g_max: 0.3 }), IAHP: new ch.IAHP_De1994(1, { g_max: 0.1, E: -90 }),
      ICaN: new ch.ICaN_IS2008(1, { g_max: 0.6 }), ICaT: new ch.ICaT_HM1992(1, { g_max: 2.1 }), ICaHT: new ch.ICaHT_HM1992(1, { g_max: 0.6 }),
    }),
  });
}

export function interneuron(method = 'exp_auto'): ch.CondNeuGroup {
  return new ch.CondNeuGroup(1, {
    method,
    A: 1.7e-4, V_initializer: -70, V_th: 20,
    IL: new ch.IL(1, { g_max: gL, E: -60 }), IKL: new ch.IKL(1, { g_max: gKL }),
    INa: new ch.INa_Ba2002(1, { V_sh: -30 }), IDR: new ch.IKDR_Ba2002(1, { V_sh: -30, phi: 0.25 }),
    Ih: new ch.Ih_HM1992(1, { g_max: 0.05, E: -43 }),
    Ca: new ch.CalciumDetailed(1, {
      ...CALCIUM,
      IAHP: new ch.IAHP_De1994(1, { g_max: 0.2, E: -90 }), ICaN: new ch.ICaN_IS2008(1, { g_max: 0.1 }), ICaHT: new ch.ICaHT_HM1992(1, { g_max: 2.5 }),
    }),
  });
}

export function trn(method = 'exp_auto'): ch.CondNeuGroup {
  return new ch.CondNeuGroup(1, {
    method,
    A: 1.43e-4, V_initializer: -70, V_th: 20,
    IL: new ch.IL(1, { g_max: gL, E: -60 }), IKL: new ch.IKL(1, { g_max: gKL }),
    INa: new ch.INa_Ba2002(1, { V_sh: -40 }), IDR: new ch.IKDR_Ba2002(1, { V_sh: -40 }),
    Ca: new ch.CalciumDetailed(1, {
      ...CALCIUM, tau: 100,
      IAHP: new ch.IAHP_De1994(1, { g_max: 0.2, E: -90 }), ICaN: new ch.ICaN_IS2008(1, { g_max: 0.2 }), ICaT: new ch.ICaT_HP1992(1, { g_max: 1.3 }),
    }),
  });
}

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
