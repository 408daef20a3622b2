import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
import type { SynOut } from '../synouts/syn-out.js';
import { StateKernel } from './state-kernel.js';
import { Synapse, type SynapseOptions } from './synapse.js';

/** Which model a linear synapse integrates, which state its events enter and which one it outputs. */
export interface PostStateSpec {
  readonly model: Model;
  readonly params: Readonly<Record<string, number>>;
  /** The state the weighted spikes are added to. */
  readonly receives: string;
  /** The state the output reads as g. */
  readonly conductance: string;
}

/**
 * A synapse with linear dynamics and the same time constants for every connection, whose state
 * is therefore kept once per postsynaptic neuron (the sum over its synapses evolves like one
 * synapse): Exponential, DualExponential, Alpha. Per step, in BrainPy's order: integrate the
 * state, add the arriving events (weight x plasticity), apply the output with the new g.
 * Cost per step: O(numPost + synaptic events), also for all-to-all connectivity.
 */
export abstract class PostStateSynapse extends Synapse {
  protected readonly state: Record<string, FloatArray> = {};
  private readonly kernel: StateKernel;
  private readonly applyOutput: () => void;
  private readonly receives: FloatArray;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: SynapseOptions, defaults: { g_max: number; output: SynOut }, spec: PostStateSpec) {
    super(pre, post, conn, options, defaults);
    for (const v of spec.model.states) this.state[v] = this.postArray();
    this.kernel = new StateKernel(spec.model, spec.params, this.state, this.method, `synapse '${this.name}'`);
    this.receives = this.state[spec.receives];
    this.applyOutput = this.output.bind(post, this.state[spec.conductance], this.name);
  }

  override variables(): Record<string, NumericArray> {
    return { ...this.state, ...this.plasticityVariables() };
  }

  update(ctx: StepContext): void {
    this.kernel.step(this.post.num, ctx.t, ctx.dt);
    this.addEvents(ctx, this.receives);
    this.applyOutput();
  }
}
