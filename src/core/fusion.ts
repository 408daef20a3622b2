import type { StepContext } from './context.js';
import type { DynamicalSystem } from './dynamical-system.js';
import { EquationGroup } from './equation-group.js';
import type { AttachedSynapse } from './group-kernel.js';
import { TwoEndConn } from './two-end-conn.js';

/**
 * Network-level kernel fusion. A synapse whose state is one value per postsynaptic neuron
 * (Exponential, DualExponential, Alpha) would cost two passes over the postsynaptic group per
 * step (integrate its state, add its output) besides the neurons' own pass. When every synapse
 * onto a group can be fused, the network integrates those states and adds their outputs inside
 * the group's kernel, and the synapses only collect their events. The arithmetic and its order
 * are those of the separate updates, so the results are bit-identical (test/fusion.test.ts).
 */
export interface FusedSynapse extends AttachedSynapse {
  /** Collect this step's events into the increment array; the postsynaptic kernel does the rest. */
  deliverEvents(ctx: StepContext): void;
}

/** What a network runs per member per step: its own update, or its part of a fused update. */
export type MemberStep = (ctx: StepContext) => void;

export interface FusionPlan {
  /** The step function of each member, in the given (update) order. */
  readonly steps: MemberStep[];
  /** The groups whose kernels integrate their synapses, with those synapses. */
  readonly fusedGroups: ReadonlyMap<EquationGroup, readonly AttachedSynapse[]>;
}

/**
 * A group is fused with the synapses onto it only when all of them are members of this network
 * and can be fused, so no separately applied output changes the order of the floating-point
 * additions.
 */
export function planFusion(members: readonly DynamicalSystem[]): FusionPlan {
  const synapses = members.filter((m): m is TwoEndConn => m instanceof TwoEndConn);
  const fusedSynapses = new Map<TwoEndConn, { synapse: FusedSynapse; group: EquationGroup }>();
  const fusedGroups = new Map<EquationGroup, readonly AttachedSynapse[]>();
  for (const group of members) {
    if (!(group instanceof EquationGroup)) continue;
    const onto = synapses.filter((s) => s.post.group === group);
    const fragments = onto.map((s) => s.fusion());
    if (onto.length === 0 || !fragments.every((f): f is FusedSynapse => f !== undefined && group.canAttach(f))) continue;
    const fused = onto.map((s, i) => withEventsIfDeferrable(fragments[i] as FusedSynapse, members.indexOf(s.pre.group), members.indexOf(group)));
    onto.forEach((s, i) => fusedSynapses.set(s, { synapse: fused[i], group }));
    fusedGroups.set(group, fused);
  }
  const steps = members.map((member): MemberStep => {
    const fused = fusedSynapses.get(member as TwoEndConn);
    if (fused) {
      const { synapse, group } = fused;
      return (ctx) => {
        if (!group.deliversEventsOf(synapse)) synapse.deliverEvents(ctx);
      };
    }
    const attached = fusedGroups.get(member as EquationGroup);
    if (attached) return (ctx) => (member as EquationGroup).updateWith(ctx, attached);
    return (ctx) => member.update(ctx);
  });
  return { steps, fusedGroups };
}

/**
 * Events may move into the postsynaptic group's step (where its kernel threads deliver them per
 * range) only if the presynaptic group updates no earlier in the step: its spike list must still
 * hold the previous step's spikes then.
 */
function withEventsIfDeferrable(synapse: FusedSynapse, preIndex: number, postIndex: number): FusedSynapse {
  return synapse.events && preIndex >= postIndex ? synapse : { ...synapse, events: undefined };
}
