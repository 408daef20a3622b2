import { ParameterError } from '../core/errors.js';
import type { Connectivity } from './connector.js';
import type { CSR } from './csr.js';

/**
 * FixedProb connectivity that is never stored (BrainPy's just-in-time `event_matvec_prob_conn`
 * operators): row i, the targets of presynaptic neuron i, is generated again whenever i spikes,
 * from a generator seeded by (seed, i). The network is therefore the same at every step and for
 * every run with the same seed, and costs no memory, which is what makes seed 001's
 * 1,000,000-neuron network (2e10 synapses) fit. Each pair (self pairs included) connects
 * independently with probability prob; a row is drawn by geometric skipping, O(its length).
 */
export class JitFixedProb implements Connectivity {
  readonly allToAll = false;
  readonly includeSelf = true;
  private readonly invLogQ: number;
  private readonly gapTable: Int32Array;

  constructor(
    readonly numPre: number,
    readonly numPost: number,
    readonly prob: number,
    readonly seed: number,
  ) {
    for (const [what, n] of [['numPre', numPre], ['numPost', numPost]] as const) {
      if (!(Number.isInteger(n) && n >= 0)) throw new ParameterError(`JitFixedProb: ${what} must be a non-negative integer, got ${n}`);
    }
    if (!(prob > 0 && prob < 1)) throw new ParameterError(`JitFixedProb: prob must be in (0, 1), got ${prob}`);
    if (!Number.isInteger(seed)) throw new ParameterError(`JitFixedProb: seed must be an integer, got ${seed}`);
    this.invLogQ = 1 / Math.log1p(-prob);
    this.gapTable = gapTableFor(prob, this.invLogQ);
  }

  /** Expected number of connections (they are never counted). */
  get numConnections(): number {
    return Math.round(this.numPre * this.numPost * this.prob);
  }

  get pre2post(): CSR {
    throw new ParameterError('JitFixedProb generates its rows on the fly and stores no CSR; use addRow');
  }

  get post2pre(): CSR {
    return this.pre2post;
  }

  /** target[offset + j] += w for every postsynaptic j that presynaptic neuron i connects to. */
  addRow(target: Float64Array, i: number, w: number, offset = 0): void {
    // mulberry32, seeded from (seed, i) through one round of splitmix-style mixing
    let s = Math.imul(this.seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b);
    s = Math.imul(s ^ (s >>> 16), 0x7feb352d);
    const end = offset + this.numPost;
    const invLogQ = this.invLogQ;
    const table = this.gapTable;
    for (let j = offset - 1; ; ) {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      const x = (t ^ (t >>> 14)) >>> 0;
      const cached = table[x >>> 20];
      j += 1 + (cached >= 0 ? cached : geometricGap(x, invLogQ));
      if (j >= end) return;
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

/** One table per probability: networks with many pathways (joglekar-fig5) share it. */
const gapTables = new Map<number, Int32Array>();

/**
 * Gap for each of the 4096 bins of the top 12 random bits, or -1 where the bin straddles two
 * gaps. geometricGap is monotone in x, so a bin whose two ends give the same gap gives that gap
 * throughout: the table answers most draws without a logarithm and is exact.
 */
function gapTableFor(prob: number, invLogQ: number): Int32Array {
  let table = gapTables.get(prob);
  if (!table) {
    table = new Int32Array(4096);
    for (let b = 0; b < 4096; b++) {
      const first = geometricGap(b * 2 ** 20, invLogQ);
      table[b] = first === geometricGap((b + 1) * 2 ** 20 - 1, invLogQ) ? first : -1;
    }
    gapTables.set(prob, table);
  }
  return table;
}
