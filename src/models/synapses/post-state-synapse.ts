import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { FusedSynapse } from '../../core/fusion.js';
import { type Model, usesRandomFunctions } from '../../core/model.js';
import type { Population } from '../../core/neu-group.js';
import type { SynOut } from '../synouts/syn-out.js';
import { StateKernel } from './state-kernel.js';
import { prepareSpikeEvents } from '../../core/events.js';
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
 * state, add the arriving events (weight x plasticity), apply the output with the new g. The
 * events are first summed in an increment array that the integration adds (x = step(x) + events),
 * so that a network can move the integration and the output into the postsynaptic group's kernel
 * (fusion()) with bit-identical results. Cost per step: O(numPost + synaptic events), also for
 * all-to-all connectivity.
 */
export abstract class PostStateSynapse extends Synapse {
  protected readonly state: Record<string, FloatArray> = {};
  private readonly kernel: StateKernel;
  private readonly applyOutput: () => void;
  /** This step's events, added to the receiving state by the integration. */
  private readonly increment: FloatArray;
  private readonly fused: FusedSynapse | undefined;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: SynapseOptions, defaults: { g_max: number; output: SynOut }, spec: PostStateSpec) {
    super(pre, post, conn, options, defaults);
    for (const v of spec.model.states) this.state[v] = this.postArray();
    this.increment = this.postArray();
    this.kernel = new StateKernel(spec.model, spec.params, this.state, this.method, `synapse '${this.name}'`, { [spec.receives]: this.increment }, post.group.backend);
    this.applyOutput = this.output.bind(post, this.state[spec.conductance], this.name);
    const wholeGroup = post.offset === 0 && post.num === post.group.num;
    this.fused =
      wholeGroup && !usesRandomFunctions(spec.model)
        ? {
            name: this.name,
            model: spec.model,
            params: spec.params,
            method: this.method,
            receives: spec.receives,
            conductance: spec.conductance,
            current: this.output.current,
            target: this.output.target,
            states: this.state,
            increment: this.increment,
            deliverEvents: (ctx) => this.addEvents(ctx, this.increment),
            events: this.eventPathway(this.increment),
          }
        : undefined;
  }

  /** Which backend ran the unfused state kernel; undefined before its first step (or when fused). */
  get kernelBackend(): 'js' | 'wasm' | undefined {
    return this.kernel.kernelBackend;
  }

  override fusion(): FusedSynapse | undefined {
    return this.fused;
  }

  override variables(): Record<string, NumericArray> {
    return { ...this.state, ...this.plasticityVariables() };
  }

  override prepare(dt: number): void {
    super.prepare(dt);
    if (!this.delayed && !this.stp) prepareSpikeEvents(this.increment, this.conn, this.g_max);
  }

  update(ctx: StepContext): void {
    this.addEvents(ctx, this.increment);
    this.kernel.step(this.post.num, ctx.t, ctx.dt);
    this.applyOutput();
  }
}
