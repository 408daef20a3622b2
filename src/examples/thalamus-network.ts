import { FixedProb, One2One, ProbDist } from '../connect/index.js';
import { ParameterError } from '../core/errors.js';
import { Network } from '../core/network.js';
import { sectionInput } from '../inputs/index.js';
import { PoissonGroup } from '../models/generators/index.js';
import { STD } from '../models/stp/index.js';
import { AMPA, Exponential, GABAa, GapJunction, type KineticOptions } from '../models/synapses/index.js';
import { COBA, SynOut } from '../models/synouts/index.js';
import type { CondNeuGroup } from '../models/channels/index.js';
import { makeHTC, makeIN, makeRTC, makeTRN } from './thalamus-cells.js';

/** Noise conductances (g_input) and potassium-leak conductances (g_KL) of the seed's four states. */
export interface ThalamusState {
  g_input: { IN: number; RE: number; TC: number };
  g_KL: { TC: number; RE: number; IN: number };
}

export const THALAMUS_STATES: Readonly<Record<'delta' | 'spindle' | 'alpha' | 'gamma', ThalamusState>> = {
  delta: { g_input: { IN: 1e-4, RE: 1e-4, TC: 1e-4 }, g_KL: { TC: 0.035, RE: 0.03, IN: 0.01 } },
  spindle: { g_input: { IN: 3e-4, RE: 3e-4, TC: 3e-4 }, g_KL: { TC: 0.01, RE: 0.02, IN: 0.015 } },
  alpha: { g_input: { IN: 1.5e-3, RE: 1.5e-3, TC: 1.5e-3 }, g_KL: { TC: 0, RE: 0.01, IN: 0.02 } },
  gamma: { g_input: { IN: 1.5e-3, RE: 1.5e-3, TC: 1.7e-2 }, g_KL: { TC: 0, RE: 0.01, IN: 0.02 } },
};

/**
 * The seed's own NMDA-like output (its class MgBlock(bp.SynOut)), not the library's MgBlock:
 * I = g (E - V) / (1 + exp(-(V + 25) / 12.5)).
 */
export class ThalamusMgBlock extends SynOut {
  constructor(E = 0) {
    super('MgBlock (seed 001 thalamus)', 'g * (E - V) / (1 + exp(-(V + 25) / 12.5))', { E });
  }
}

/**
 * The seed's rhythm_const_input: pulses of `amp` lasting `length` ms at `freq` Hz between t_start
 * and t_end, zero elsewhere, over `duration` ms (one value per step of dt).
 */
export function rhythmConstInput(amp: number, freq: number, length: number, duration: number, dt: number, t_start = 0, t_end = duration): Float64Array {
  if (length > duration) throw new ParameterError(`rhythmConstInput: expected length <= duration, got ${length} > ${duration}`);
  const period = 1e3 / freq;
  const values = [0];
  const durations = [t_start];
  for (let t = t_start; t < t_end; t += period) {
    values.push(amp);
    if (t + length <= t_end) {
      durations.push(length);
      values.push(0);
      durations.push(t + period <= t_end ? period - length : t_end - t - length);
    } else {
      durations.push(t_end - t);
    }
  }
  values.push(0);
  durations.push(duration - t_end);
  return sectionInput(values, durations, dt).current;
}

export type ThalamusGroups = Record<'HTC' | 'RTC' | 'RE' | 'IN', CondNeuGroup>;

/**
 * The seed's Thalamus network: HTC (7x7), RTC (12x12), RE (TRN cells, 10x10) and IN (8x8), each
 * driven by its own 100 Hz Poisson noise through an exponential COBA synapse, coupled by gap
 * junctions and by AMPA, "NMDA" (AMPA kinetics with the seed's MgBlock output) and GABAa synapses
 * with short-term depression and a 2 ms delay. The seed's initial V: HTC, RTC -80 mV; RE, IN -70 mV.
 */
export function buildThalamus(state: ThalamusState, dt: number, method = 'exp_auto'): { net: Network; groups: ThalamusGroups } {
  const V0 = { TC: -80, RE: -70, IN: -70 };
  const groups: ThalamusGroups = {
    HTC: makeHTC([7, 7], { gKL: state.g_KL.TC, V_initializer: V0.TC, method, name: 'HTC' }),
    RTC: makeRTC([12, 12], { gKL: state.g_KL.TC, V_initializer: V0.TC, method, name: 'RTC' }),
    RE: makeTRN([10, 10], { gKL: state.g_KL.RE, V_initializer: V0.RE, method, name: 'RE' }),
    IN: makeIN([8, 8], { gKL: state.g_KL.IN, V_initializer: V0.IN, method, name: 'IN' }),
  };
  const { HTC, RTC, RE, IN } = groups;
  const net = new Network(groups);

  const noise = (key: keyof ThalamusGroups, g_max: number) => {
    const poisson = new PoissonGroup(groups[key].size, { freqs: 100, name: `poisson_${key}` });
    net.add(`poisson_${key}`, poisson);
    net.add(`noise2${key}`, new Exponential(poisson, groups[key], new One2One(), { output: new COBA({ E: 0 }), tau: 5, g_max, name: `noise2${key}` }));
  };
  noise('HTC', state.g_input.TC);
  noise('RTC', state.g_input.TC);
  noise('IN', state.g_input.IN);
  noise('RE', state.g_input.RE);

  const delay_step = Math.trunc(2 / dt);
  const chemical = (o: KineticOptions) => ({ delay_step, stp: new STD({ tau: 700, U: 0.07 }), ...o });
  const ampa = { alpha: 0.94, beta: 0.18 };
  const nmda = { alpha: 1, beta: 0.0067, output: new ThalamusMgBlock() };
  const gaba = (E: number) => ({ alpha: 10.5, beta: 0.166, output: new COBA({ E }) });
  const synapses = {
    gj_HTC: new GapJunction(HTC, HTC, new ProbDist({ dist: 2, prob: 0.3 }), { g_max: 1e-2 }),
    HTC2IN_ampa: new AMPA(HTC, IN, new FixedProb(0.3), chemical({ ...ampa, g_max: 6e-3 })),
    HTC2IN_nmda: new AMPA(HTC, IN, new FixedProb(0.3), chemical({ ...nmda, g_max: 3e-3 })),
    IN2RTC: new GABAa(IN, RTC, new FixedProb(0.3), chemical({ ...gaba(-80), g_max: 3e-3 })),
    gj_RTC2HTC: new GapJunction(RTC, HTC, new ProbDist({ dist: 2, prob: 0.3, pre_ratio: 0.2 }), { g_max: 1 / 300 }),
    HTC2RE_ampa: new AMPA(HTC, RE, new FixedProb(0.2), chemical({ ...ampa, g_max: 4e-3 })),
    RTC2RE_ampa: new AMPA(RTC, RE, new FixedProb(0.2), chemical({ ...ampa, g_max: 4e-3 })),
    HTC2RE_nmda: new AMPA(HTC, RE, new FixedProb(0.2), chemical({ ...nmda, g_max: 2e-3 })),
    RTC2RE_nmda: new AMPA(RTC, RE, new FixedProb(0.2), chemical({ ...nmda, g_max: 2e-3 })),
    RE2HTC: new GABAa(RE, HTC, new FixedProb(0.2), chemical({ ...gaba(-80), g_max: 3e-3 })),
    RE2RTC: new GABAa(RE, RTC, new FixedProb(0.2), chemical({ ...gaba(-80), g_max: 3e-3 })),
    gj_RE: new GapJunction(RE, RE, new ProbDist({ dist: 2, prob: 0.3, pre_ratio: 0.2 }), { g_max: 1 / 300 }),
    RE2RE: new GABAa(RE, RE, new FixedProb(0.2), chemical({ ...gaba(-70), g_max: 1e-3 })),
    RE2IN: new GABAa(RE, IN, new FixedProb(0.05, { pre_ratio: 0.1 }), chemical({ ...gaba(-80), g_max: 1e-3 })),
  };
  for (const [name, syn] of Object.entries(synapses)) net.add(name, syn);
  return { net, groups };
}
