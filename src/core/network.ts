import type { StepContext } from './context.js';
import { DynamicalSystem } from './dynamical-system.js';
import { EquationGroup } from './equation-group.js';
import { type FusionPlan, planFusion } from './fusion.js';
import { shareSynapseStates } from './state-sharing.js';
import type { KernelThreadPool } from './kernel-threads.js';
import { NeuGroup } from './neu-group.js';
import { TwoEndConn } from './two-end-conn.js';

/** Members of a network: systems added under their own names, or a record of name -> system. */
export type NetworkItem = DynamicalSystem | Readonly<Record<string, DynamicalSystem>>;

/**
 * A composition of systems addressed by name ('E', 'I', 'E2E'). Each step updates every
 * synapse first, then every neuron group, then everything else, as BrainPy does: synaptic input
 * computed from the previous step's spikes arrives before the membrane is integrated.
 * After prepare(), synapses whose state is kept per postsynaptic neuron are integrated inside
 * their postsynaptic group's kernel (src/core/fusion.ts), with identical results.
 */
export class Network extends DynamicalSystem {
  /** Fuse per-postsynaptic-neuron synapses into the group kernels (same results, fewer passes). */
  fuseSynapses = true;
  /** Let synapses with the same presynaptic state take it from one another (same results, src/core/state-sharing.ts). */
  shareSynapseStates = true;
  private order: DynamicalSystem[] = [];
  private plan: FusionPlan | undefined;

  constructor(...items: NetworkItem[]) {
    super();
    for (const item of items) {
      if (item instanceof DynamicalSystem) this.add(item.name, item);
      else for (const [name, system] of Object.entries(item)) this.add(name, system);
    }
  }

  /** Add a member under a name (the name monitors and inputs use). */
  add(name: string, system: DynamicalSystem): this {
    this.addChild(name, system);
    const members = [...new Set(this.children().values())];
    const rank = (s: DynamicalSystem) => (s instanceof TwoEndConn ? 0 : s instanceof NeuGroup ? 1 : 2);
    this.order = members.sort((a, b) => rank(a) - rank(b));
    this.plan = undefined;
    return this;
  }

  update(ctx: StepContext): void {
    if (this.plan) for (const step of this.plan.steps) step(ctx);
    else for (const system of this.order) system.update(ctx);
  }

  override clearInputs(): void {
    for (const system of this.order) system.clearInputs();
  }

  override prepare(dt: number): void {
    for (const system of this.order) system.prepare(dt);
    this.plan = this.fuseSynapses ? planFusion(this.order) : undefined;
    shareSynapseStates(this.order, this.shareSynapseStates);
    // Fused kernels are compiled, and kernels shared among threads, before the first step.
    for (const system of this.order) if (system instanceof EquationGroup) system.prepareWith(dt, this.plan?.fusedGroups.get(system) ?? []);
  }

  /**
   * Share the updates of the network's large groups (here and in nested networks) among kernel
   * threads; undefined returns to one thread. Results are identical either way.
   */
  useThreads(pool: KernelThreadPool | undefined): void {
    for (const system of this.order) {
      if (system instanceof EquationGroup || system instanceof Network) system.useThreads(pool);
    }
  }

  /** Names of the groups that integrate their synapses in their own kernel (after prepare()). */
  fusedGroups(): string[] {
    return [...(this.plan?.fusedGroups.keys() ?? [])].map((g) => g.name);
  }
}
