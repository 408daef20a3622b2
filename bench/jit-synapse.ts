import type { Connectivity } from '../src/connect/connector.js';
import type { CSR } from '../src/connect/csr.js';
import type { StepContext } from '../src/core/context.js';
import { ParameterError } from '../src/core/errors.js';
import { type CompiledGroupKernel, compileGroupKernel } from '../src/core/group-kernel.js';
import type { Population } from '../src/core/neu-group.js';
import { TwoEndConn } from '../src/core/two-end-conn.js';
import { EXPONENTIAL_MODEL } from '../src/models/synapses/exponential.js';
import type { SynOut } from '../src/models/synouts/syn-out.js';

/**
 * Connectivity that is never stored: row i (the targets of presynaptic neuron i) is generated
 * again whenever i spikes, from a generator seeded by (seed, i), so the network is the same at
 * every step and costs no memory (BrainPy's event_matvec_prob_conn, seed 001's 1-million-neuron
 * example). Each pair connects independently with probability prob (geometric skipping).
 */
export class JitFixedProb implements Connectivity {
  readonly allToAll = false;
  readonly includeSelf = true;
  private readonly invLogQ: number;
  /** Gap for each of the 4096 bins of the top 12 random bits, or -1 where the bin holds more than one gap. */
  private readonly gapTable: Int32Array;

  constructor(
    readonly numPre: number,
    readonly numPost: number,
    readonly prob: number,
    readonly seed: number,
  ) {
    if (!(prob > 0 && prob < 1)) throw new ParameterError(`JitFixedProb: prob must be in (0, 1), got ${prob}`);
    this.invLogQ = 1 / Math.log1p(-prob);
    this.gapTable = buildGapTable(this.invLogQ);
  }

  /** Expected number of connections (they are never counted). */
  get numConnections(): number {
    return Math.round(this.numPre * this.numPost * this.prob);
  }

  get pre2post(): CSR {
    throw new ParameterError('JitFixedProb generates its rows on the fly and stores no CSR');
  }

  get post2pre(): CSR {
    return this.pre2post;
  }

  /** target[j] += w for every j that presynaptic neuron i connects to. */
  addRow(target: Float64Array, i: number, w: number): void {
    // mulberry32, seeded from (seed, i) through one round of splitmix-style mixing
    let s = Math.imul(this.seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b);
    s = Math.imul(s ^ (s >>> 16), 0x7feb352d);
    const n = this.numPost;
    const invLogQ = this.invLogQ;
    const table = this.gapTable;
    for (let j = -1; ; ) {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      const x = (t ^ (t >>> 14)) >>> 0;
      const cached = table[x >>> 20];
      j += 1 + (cached >= 0 ? cached : geometricGap(x, invLogQ));
      if (j >= n) return;
      target[j] += w;
    }
  }
}

/**
 * Number of failures before the next success for the 32-bit random integer x:
 * floor(log(u) / log(1 - prob)) with u = (x + 0.5) / 2^32 in (0, 1).
 */
function geometricGap(x: number, invLogQ: number): number {
  return (Math.log((x + 0.5) * 2.3283064365386963e-10) * invLogQ) | 0; // non-negative, so | 0 is floor
}

/**
 * geometricGap is monotone in x, so a bin of x values whose two ends give the same gap gives
 * that gap throughout: the table answers most draws without a logarithm and is exact.
 */
function buildGapTable(invLogQ: number): Int32Array {
  const table = new Int32Array(4096);
  for (let b = 0; b < 4096; b++) {
    const first = geometricGap(b * 2 ** 20, invLogQ);
    table[b] = first === geometricGap((b + 1) * 2 ** 20 - 1, invLogQ) ? first : -1;
  }
  return table;
}

/**
 * An exponential synapse over JitFixedProb connectivity with one weight: the same per-step order
 * and decay kernel as the stored-CSR Exponential synapse (decay g, add the arriving spikes' rows,
 * apply the output), with memory O(numPost).
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
    readonly options: { g_max: number; tau: number; output: SynOut; name?: string },
  ) {
    super(pre, post, conn, { name: options.name });
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
      throw new ParameterError(`synapse '${this.name}': g became non-finite at t = ${ctx.t} ms`);
    }
    const spikes = this.arrivingSpikes();
    for (let s = 0; s < spikes.length; s++) this.jit.addRow(this.g, spikes[s], this.options.g_max);
    this.applyOutput();
  }
}
