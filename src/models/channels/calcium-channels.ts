import type { Size } from '../../core/neu-group.js';
import { Channel, type ChannelParam, scalarOption } from './channel.js';
import { calciumP2Q, relaxingGate } from './gates.js';

/** Options of the p^2 q calcium channels; phi_p and phi_q default to T_base^((T - 24) / 10). */
export interface CalciumP2QOptions {
  g_max?: ChannelParam;
  V_sh?: ChannelParam;
  T?: number;
  T_base_p?: number;
  T_base_q?: number;
  phi_p?: ChannelParam;
  phi_q?: ChannelParam;
}

function q10Defaults(kind: string, o: CalciumP2QOptions, baseP: number, baseQ: number): { phi_p: number; phi_q: number } {
  const T = scalarOption(o.T, 36, `${kind} T`);
  return {
    phi_p: scalarOption(o.T_base_p, baseP, `${kind} T_base_p`) ** ((T - 24) / 10),
    phi_q: scalarOption(o.T_base_q, baseQ, `${kind} T_base_q`) ** ((T - 24) / 10),
  };
}

/** Options without the temperature entries, which are folded into phi_p and phi_q. */
function channelOptions(o: CalciumP2QOptions): object {
  return Object.fromEntries(Object.entries(o).filter(([key]) => !['T', 'T_base_p', 'T_base_q'].includes(key)));
}

// T-type gates of Huguenard & McCormick (1992), shared by ICaT_HM1992 and ICaHT_HM1992.
const HM1992 = calciumP2Q(
  '1 / (1 + exp(-(V + 59 - V_sh) / 6.2))',
  '1 / (exp(-(V + 132 - V_sh) / 16.7) + exp((V + 16.8 - V_sh) / 18.2)) + 0.612',
  '1 / (1 + exp((V + 83 - V_sh) / 4))',
  'where(V >= -80 + V_sh, exp(-(V + 22 - V_sh) / 10.5) + 28, exp((V + 467 - V_sh) / 66.6))',
);

/** Low-threshold (T-type) calcium current of Huguenard & McCormick (1992), BrainPy's ICaT_HM1992. */
export class ICaT_HM1992 extends Channel {
  constructor(size: Size, options: CalciumP2QOptions = {}) {
    super(size, 'ICaT_HM1992', HM1992, { g_max: 2, V_sh: -3, ...q10Defaults('ICaT_HM1992', options, 3.55, 3) }, channelOptions(options));
  }
}

/** High-threshold variant of ICaT_HM1992 (V_sh = 25 mV), BrainPy's ICaHT_HM1992. */
export class ICaHT_HM1992 extends Channel {
  constructor(size: Size, options: CalciumP2QOptions = {}) {
    super(size, 'ICaHT_HM1992', HM1992, { g_max: 2, V_sh: 25, ...q10Defaults('ICaHT_HM1992', options, 3.55, 3) }, channelOptions(options));
  }
}

const HP1992 = calciumP2Q(
  '1 / (1 + exp(-(V + 52 - V_sh) / 7.4))',
  '3 + 1 / (exp((V + 27 - V_sh) / 10) + exp(-(V + 102 - V_sh) / 15))',
  '1 / (1 + exp((V + 80 - V_sh) / 5))',
  '85 + 1 / (exp((V + 48 - V_sh) / 4) + exp(-(V + 407 - V_sh) / 50))',
);

/** T-type calcium current of Huguenard & Prince (1992), BrainPy's ICaT_HP1992. */
export class ICaT_HP1992 extends Channel {
  constructor(size: Size, options: CalciumP2QOptions = {}) {
    super(size, 'ICaT_HP1992', HP1992, { g_max: 1.75, V_sh: -3, ...q10Defaults('ICaT_HP1992', options, 5, 3) }, channelOptions(options));
  }
}

const IS2008 = calciumP2Q(
  '1 / (1 + exp(-(V + 10 - V_sh) / 4))',
  '0.4 + 0.7 / (exp(-(V + 5 - V_sh) / 15) + exp((V + 5 - V_sh) / 15))',
  '1 / (1 + exp((V + 25 - V_sh) / 2))',
  '300 + 100 / (exp((V + 40 - V_sh) / 9.5) + exp(-(V + 40 - V_sh) / 9.5))',
);

/** L-type calcium current of Inoue & Strowbridge (2008), BrainPy's ICaL_IS2008. */
export class ICaL_IS2008 extends Channel {
  constructor(size: Size, options: CalciumP2QOptions = {}) {
    super(size, 'ICaL_IS2008', IS2008, { g_max: 1, V_sh: 0, ...q10Defaults('ICaL_IS2008', options, 3.55, 3) }, channelOptions(options));
  }
}

export interface ICaNOptions {
  E?: ChannelParam;
  g_max?: ChannelParam;
  phi?: ChannelParam;
}

const CAN = {
  // As in BrainPy: the gate relaxes to 1/(1 + exp(-(V + 43)/5.2)) with a time constant named p_inf there.
  states: relaxingGate('p', '1 / (1 + exp(-(V + 43) / 5.2))', '2.7 / (exp(-(V + 55) / 15) + exp((V + 55) / 15)) + 1.6', 'phi'),
  current: 'g_max * C_Ca / (C_Ca + 0.2) * p * (E - V)',
  calcium: true,
};

/** Calcium-activated non-selective cation current of Inoue & Strowbridge (2008), BrainPy's ICaN_IS2008. */
export class ICaN_IS2008 extends Channel {
  constructor(size: Size, options: ICaNOptions = {}) {
    super(size, 'ICaN_IS2008', CAN, { E: 10, g_max: 1, phi: 1 }, options);
  }
}

export interface IAHPOptions {
  E?: ChannelParam;
  n?: ChannelParam;
  g_max?: ChannelParam;
  alpha?: ChannelParam;
  beta?: ChannelParam;
  phi?: ChannelParam;
}

const AHP = {
  states: {
    p: {
      rhs: 'phi * (alpha * C_Ca ** n / (alpha * C_Ca ** n + beta) - p) * (alpha * C_Ca ** n + beta)',
      init: 'alpha * C_Ca ** n / (alpha * C_Ca ** n + beta)',
    },
  },
  current: 'g_max * p * p * (E - V)',
  calcium: true,
};

/** Calcium-dependent potassium (afterhyperpolarization) current of Destexhe et al. (1994), BrainPy's IAHP_De1994. */
export class IAHP_De1994 extends Channel {
  constructor(size: Size, options: IAHPOptions = {}) {
    super(size, 'IAHP_De1994', AHP, { E: -95, n: 2, g_max: 10, alpha: 48, beta: 0.09, phi: 1 }, options);
  }
}
