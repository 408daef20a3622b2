import { ParameterError } from '../../core/errors.js';
import { sizeToNum, type Size } from '../../core/neu-group.js';
import type { InitValue } from '../../init/index.js';
import { Channel, type ChannelParam } from './channel.js';

export interface CalciumDetailedOptions {
  /** Temperature (Celsius) of the Nernst potential. */
  T?: ChannelParam;
  /** Depth of the submembrane shell (um). */
  d?: ChannelParam;
  /** Resting concentration (mM). */
  C_rest?: ChannelParam;
  /** Removal time constant (ms). */
  tau?: ChannelParam;
  /** Extracellular concentration (mM). */
  C0?: ChannelParam;
  C_initializer?: InitValue;
  /** The calcium-dependent channels it drives, by name (BrainPy passes them as keyword arguments). */
  [channel: string]: Channel | ChannelParam | InitValue | undefined;
}

const PARAMS = { T: 36, d: 1, C_rest: 2.4e-4, tau: 5, C0: 2 };

/**
 * Intracellular calcium with a submembrane shell (BrainPy's CalciumDetailed, Destexhe et al. 1993):
 *   dC/dt = max(-I_Ca / (2 F d), 0) + (C_rest - C) / tau,  E_Ca = R T' / (2 F) log(C0 / C)
 * where I_Ca is the summed current of the channels it holds (as in BrainPy, every one of them,
 * including IAHP and ICaN). The channels see C as C_Ca and E_Ca as their reversal potential.
 * It is a part of a CondNeuGroup, which composes its equation with the others. One difference from
 * BrainPy 2.3: there the channels' gates are advanced before C, so C's drive uses the new gates;
 * here every state advances from the step's start values (a difference of order dt per step).
 */
export class CalciumDetailed {
  readonly num: number;
  readonly kind = 'CalciumDetailed';
  readonly params: Readonly<Record<string, ChannelParam>>;
  readonly channels: Readonly<Record<string, Channel>>;
  readonly C_initializer: InitValue;

  constructor(size: Size, options: CalciumDetailedOptions = {}) {
    this.num = sizeToNum(size);
    const params: Record<string, ChannelParam> = { ...PARAMS };
    const channels: Record<string, Channel> = {};
    for (const [key, value] of Object.entries(options)) {
      if (value instanceof Channel) {
        channels[key] = value;
      } else if (key in PARAMS) {
        params[key] = value as ChannelParam;
      } else if (key !== 'C_initializer') {
        throw new ParameterError(`CalciumDetailed has no option '${key}' (options: ${[...Object.keys(PARAMS), 'C_initializer'].join(', ')}; channels are Channel objects)`);
      }
    }
    this.params = params;
    this.channels = channels;
    this.C_initializer = (options.C_initializer as InitValue | undefined) ?? 2.4e-4;
  }
}
