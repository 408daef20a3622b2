import type { DynamicalSystem } from './dynamical-system.js';
import type { NeuGroup } from './neu-group.js';
import { TwoEndConn } from './two-end-conn.js';

/**
 * Synapses that keep their state per presynaptic neuron (NMDA, AMPA, GABAa) integrate the same
 * equations from the same spikes when they share their presynaptic population and kinetics: the
 * decision-making network integrates each excitatory population's NMDA state once per target
 * population. Each such synapse takes its state from the first of its kind in the update order
 * instead, whenever its own state before the step is bit for bit that of the first one (so the
 * result is the same bits; the synapse integrates its own otherwise, e.g. after a user changed it).
 */
export function shareSynapseStates(members: readonly DynamicalSystem[], enabled: boolean): void {
  const first = new Map<NeuGroup, Map<string, TwoEndConn>>();
  for (const member of members) {
    if (!(member instanceof TwoEndConn)) continue;
    member.takeStateFrom(undefined);
    const key = enabled ? member.stateKey() : undefined;
    if (key === undefined) continue;
    const ofGroup = first.get(member.pre.group) ?? new Map<string, TwoEndConn>();
    first.set(member.pre.group, ofGroup);
    const source = ofGroup.get(key);
    if (source) member.takeStateFrom(source);
    else ofGroup.set(key, member);
  }
}
