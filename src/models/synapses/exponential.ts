import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { NonFiniteStateError, ParameterError, requirePositive } from '../../core/errors.js';
import { addSpikeEvents } from '../../core/events.js';
import { type CompiledGroupKernel, compileGroupKernel } from '../../core/group-kernel.js';
import { type FloatArray, floatArray, type NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { defineModel } from '../../core/model.js';
import { TwoEndConn, type TwoEndConnOptions } from '../../core/two-end-conn.js';
import { resolveMethod } from '../../integrators/methods.js';
import { CUBA, type SynOut } from '../synouts/syn-out.js';

/** The conductance of an exponential synapse: dg/dt = -g / tau, plus g_max per arriving spike. */
export const EXPONENTIAL_MODEL = defineModel('Exponential', { equations: { g: '-g / tau' } }, ['tau']);

export interface ExponentialOptions extends TwoEndConnOptions {
  /** Weight added to g per spike: one number, or one value per connection (in pre2post order). */
  g_max?: number | ArrayLike<number>;
  /** Decay time constant (ms). Default 8. */
  tau?: number;
  /** How g acts on the postsynaptic neurons. Default CUBA (g added to post.input). */
  output?: SynOut;
  method?: string;
}

/**
 * Exponential synapse (BrainPy's synapses.Exponential). Because the decay is linear with one time
 * constant, the state is one conductance per postsynaptic neuron, not per synapse; spikes add
 * g_max along their CSR rows. Order per step, as in BrainPy: decay g, add arriving spikes, apply
 * the output with the new g.
 */
export class Exponential extends TwoEndConn {
  readonly g: FloatArray;
  readonly tau: number;
  readonly g_max: number | FloatArray;
  readonly output: SynOut;
  readonly method: string;
  private readonly applyOutput: () => void;
  private decay: { dt: number; kernel: CompiledGroupKernel } | undefined;
  private readonly decayArrays: NumericArray[];

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: ExponentialOptions = {}) {
    super(pre, post, conn, options);
    const { g_max = 1, tau = 8, output = new CUBA(), method = 'exp_auto' } = options;
    this.tau = requirePositive(tau, `synapse '${this.name}' tau (ms)`);
    this.g_max = this.checkWeights(g_max);
    this.method = resolveMethod(method, `synapse '${this.name}'`);
    this.output = output;
    this.g = floatArray(post.group.dtype, post.num);
    this.decayArrays = [this.g];
    this.applyOutput = output.bind(post, this.g, this.name);
  }

  private checkWeights(g_max: number | ArrayLike<number>): number | FloatArray {
    const values = typeof g_max === 'number' ? [g_max] : Array.from(g_max);
    if (values.some((w) => !Number.isFinite(w))) throw new ParameterError(`synapse '${this.name}': g_max must be finite`);
    if (typeof g_max === 'number') return g_max;
    if (values.length !== this.conn.numConnections) {
      throw new ParameterError(`synapse '${this.name}': g_max has ${values.length} values for ${this.conn.numConnections} connections`);
    }
    return Float64Array.from(values);
  }

  override variables(): Record<string, NumericArray> {
    return { g: this.g };
  }

  override prepare(dt: number): void {
    if (this.decay?.dt !== dt) this.decay = { dt, kernel: compileGroupKernel(EXPONENTIAL_MODEL, { tau: this.tau }, this.method, dt, undefined) };
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const status = this.decay?.kernel.kernel(this.g.length, ctx.t, this.decayArrays) ?? 0;
    if (status < 0) {
      throw new NonFiniteStateError(`conductance g of post neuron ${-status - 1} in synapse '${this.name}' became non-finite at t = ${ctx.t} ms`);
    }
    addSpikeEvents(this.g, this.arrivingSpikes(), this.conn, this.g_max);
    this.applyOutput();
  }
}
