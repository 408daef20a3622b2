import type { Size } from '../../core/neu-group.js';
import { Channel, type ChannelParam, scalarOption } from './channel.js';
import { potassiumP4 } from './gates.js';

export interface PotassiumOptions {
  E?: ChannelParam;
  g_max?: ChannelParam;
  phi?: ChannelParam;
  V_sh?: ChannelParam;
}

const TM1991 = potassiumP4(['0.032 * (15 - V + V_sh) / (exp((15 - V + V_sh) / 5) - 1)', '0.5 * exp((10 - V + V_sh) / 40)']);

/** Potassium delayed rectifier of Traub & Miles (1991), BrainPy's IK_TM1991. */
export class IK_TM1991 extends Channel {
  constructor(size: Size, options: PotassiumOptions = {}) {
    super(size, 'IK_TM1991', TM1991, { E: -90, g_max: 10, phi: 1, V_sh: -60 }, options);
  }
}

const BA2002 = potassiumP4(['0.032 * (V - V_sh - 15) / (1 - exp(-(V - V_sh - 15) / 5))', '0.5 * exp(-(V - V_sh - 10) / 40)']);

export interface PotassiumBa2002Options extends PotassiumOptions {
  /** Temperature (Celsius); phi = T_base^((T - 36) / 10) unless phi is given. */
  T?: number;
  T_base?: number;
}

/** Potassium delayed rectifier of Bazhenov et al. (2002), BrainPy's IKDR_Ba2002. */
export class IKDR_Ba2002 extends Channel {
  constructor(size: Size, options: PotassiumBa2002Options = {}) {
    const { T, T_base, phi, ...rest } = options;
    const base = scalarOption(T_base, 3, 'IKDR_Ba2002 T_base');
    const q10 = base ** ((scalarOption(T, 36, 'IKDR_Ba2002 T') - 36) / 10);
    super(size, 'IKDR_Ba2002', BA2002, { E: -90, g_max: 10, V_sh: -50, phi: q10 }, phi === undefined ? rest : { ...rest, phi });
  }
}
