import type { Size } from '../../core/neu-group.js';
import { Channel, type ChannelParam } from './channel.js';
import { relaxingGate } from './gates.js';

export interface IhOptions {
  g_max?: ChannelParam;
  E?: ChannelParam;
  phi?: ChannelParam;
}

const HM1992 = {
  states: relaxingGate('p', '1 / (1 + exp((V + 75) / 5.5))', '1 / (exp(-0.086 * V - 14.59) + exp(0.0701 * V - 1.87))', 'phi'),
  current: 'g_max * p * (E - V)',
};

/** Hyperpolarization-activated cation current of Huguenard & McCormick (1992), BrainPy's Ih_HM1992. */
export class Ih_HM1992 extends Channel {
  constructor(size: Size, options: IhOptions = {}) {
    super(size, 'Ih_HM1992', HM1992, { g_max: 10, E: 43, phi: 1 }, options);
  }
}
