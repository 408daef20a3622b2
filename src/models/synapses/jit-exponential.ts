import type { JitFixedProb } from '../../connect/jit-fixed-prob.js';
import type { StepContext } from '../../core/context.js';
import { NonFiniteStateError, requirePositive } from '../../core/errors.js';
import { type CompiledGroupKernel, compileGroupKernel } from '../../core/group-kernel.js';
import type { Population } from '../../core/neu-group.js';
import { TwoEndConn } from '../../core/two-end-conn.js';
import type { SynOut } from '../synouts/syn-out.js';
import { EXPONENTIAL_MODEL } from './exponential.js';

export interface JitExponentialOptions {
  /** The one weight of every connection. */
  g_max: number;
  /** Decay time constant (ms). */
  tau: number;
  output: SynOut;
  name?: string;
  delay_step?: number;
}

/**
 * An exponential synapse over JitFixedProb connectivity with one weight (seed 001's
 * `Exponential(bp.TwoEndConnNS)` with `g_max_par type 'homo'`): the same per-step order and decay
 * kernel as the stored-CSR Exponential synapse (decay g, add the arriving spikes' rows, apply the
 * output), with memory O(numPost) whatever the number of connections.
 */
export class JitExponential extends TwoEndConn {
  readonly g: Float64Array;
  private readonly jit: JitFixedProb;
  private readonly applyOutput: () => void;
  private decay: { dt: number; kernel: CompiledGroupKernel } | undefined;

  constructor(
    pre: Population,
    post: Population,
    conn: JitFixedProb,
    readonly options: JitExponentialOptions,
  ) {
    super(pre, post, conn, { name: options.name, delay_step: options.delay_step });
    requirePositive(options.tau, `JitExponential synapse '${this.name}' tau (ms)`);
    this.jit = conn;
    this.g = new Float64Array(post.num);
    this.applyOutput = options.output.bind(post, this.g, this.name);
  }

  override variables(): Record<string, Float64Array> {
    return { g: this.g };
  }

  override prepare(dt: number): void {
    if (this.decay?.dt !== dt) this.decay = { dt, kernel: compileGroupKernel(EXPONENTIAL_MODEL, { tau: this.options.tau }, 'exp_auto', dt, undefined) };
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    if ((this.decay as { kernel: CompiledGroupKernel }).kernel.kernel(this.g.length, ctx.t, [this.g]) < 0) {
      throw new NonFiniteStateError(`synapse '${this.name}': g became non-finite at t = ${ctx.t} ms`);
    }
    const spikes = this.arrivingSpikes();
    for (let s = 0; s < spikes.length; s++) this.jit.addRow(this.g, spikes[s], this.options.g_max);
    this.applyOutput();
  }
}
