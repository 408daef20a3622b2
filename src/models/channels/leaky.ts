import type { Size } from '../../core/neu-group.js';
import { Channel, type ChannelParam } from './channel.js';

export interface LeakOptions {
  g_max?: ChannelParam;
  E?: ChannelParam;
}

const LEAK = { states: {}, current: 'g_max * (E - V)' };

/** Leak current g_max (E - V) (BrainPy's IL). */
export class IL extends Channel {
  constructor(size: Size, options: LeakOptions = {}) {
    super(size, 'IL', LEAK, { g_max: 0.1, E: -70 }, options);
  }
}

/** Potassium leak current (BrainPy's IKL). */
export class IKL extends Channel {
  constructor(size: Size, options: LeakOptions = {}) {
    super(size, 'IKL', LEAK, { g_max: 0.005, E: -90 }, options);
  }
}
