import type { Size } from '../../core/neu-group.js';
import { Channel, type ChannelParam, scalarOption } from './channel.js';
import { sodiumP3Q } from './gates.js';

export interface SodiumOptions {
  E?: ChannelParam;
  g_max?: ChannelParam;
  phi?: ChannelParam;
  /** Voltage shift of the rate functions (mV). */
  V_sh?: ChannelParam;
}

const TM1991 = sodiumP3Q(
  ['0.32 * (13 - V + V_sh) / (exp((13 - V + V_sh) / 4) - 1)', '0.28 * (V - V_sh - 40) / (exp((V - V_sh - 40) / 5) - 1)'],
  ['0.128 * exp((17 - V + V_sh) / 18)', '4 / (1 + exp(-(V - V_sh - 40) / 5))'],
);

/** Sodium channel of Traub & Miles (1991), BrainPy's INa_TM1991. */
export class INa_TM1991 extends Channel {
  constructor(size: Size, options: SodiumOptions = {}) {
    super(size, 'INa_TM1991', TM1991, { E: 50, g_max: 120, phi: 1, V_sh: -63 }, options);
  }
}

const BA2002 = sodiumP3Q(
  ['0.32 * (V - V_sh - 13) / (1 - exp(-(V - V_sh - 13) / 4))', '-0.28 * (V - V_sh - 40) / (1 - exp((V - V_sh - 40) / 5))'],
  ['0.128 * exp(-(V - V_sh - 17) / 18)', '4 / (1 + exp(-(V - V_sh - 40) / 5))'],
);

export interface SodiumBa2002Options extends Omit<SodiumOptions, 'phi'> {
  /** Temperature (Celsius); phi = 3^((T - 36) / 10). */
  T?: number;
}

/** Sodium channel of Bazhenov et al. (2002), BrainPy's INa_Ba2002. */
export class INa_Ba2002 extends Channel {
  constructor(size: Size, options: SodiumBa2002Options = {}) {
    const { T, ...rest } = options;
    const phi = 3 ** ((scalarOption(T, 36, 'INa_Ba2002 T') - 36) / 10);
    super(size, 'INa_Ba2002', BA2002, { E: 50, g_max: 90, V_sh: -50, phi }, rest);
  }
}
