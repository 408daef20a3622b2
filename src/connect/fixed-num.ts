import { ParameterError } from '../core/errors.js';
import { type RandomStream, streamFor } from '../core/random.js';
import { type Connectivity, Connector, SparseConnectivity } from './connector.js';
import { type CSR, MAX_CSR_ENTRIES, transposeCSR } from './csr.js';
import { sampleDistinct, sampleWithReplacement } from './sample.js';

export interface FixedNumOptions {
  /** Whether pairs (i, i) may connect. Default true. */
  include_self?: boolean;
  /** Draw with replacement, so one pair may be connected more than once. Default false. */
  allow_multi_conn?: boolean;
  seed?: number;
}

/**
 * Shared part of FixedPostNum and FixedPreNum: every row (a presynaptic neuron for FixedPostNum,
 * a postsynaptic one for FixedPreNum) gets exactly `num` partners, drawn uniformly. `num` is a
 * count, or, when below 1, the fraction of the other side (BrainPy: int(num * size)).
 */
abstract class FixedNum extends Connector {
  readonly num: number;
  readonly includeSelf: boolean;
  readonly allowMultiConn: boolean;
  readonly seed: number | undefined;
  private readonly stream: RandomStream;

  protected constructor(num: number, options: FixedNumOptions, private readonly kind: string) {
    super();
    if (!(num >= 0) || !Number.isFinite(num) || (num >= 1 && !Number.isInteger(num))) {
      throw new ParameterError(`${kind}: num must be a non-negative integer count or a fraction in [0, 1), got ${num}`);
    }
    const { include_self = true, allow_multi_conn = false, seed } = options;
    this.num = num;
    this.includeSelf = include_self;
    this.allowMultiConn = allow_multi_conn;
    this.seed = seed;
    this.stream = streamFor(seed);
  }

  describe(): string {
    return `${this.kind}(num=${this.num}, include_self=${this.includeSelf}, allow_multi_conn=${this.allowMultiConn}, seed=${this.seed})`;
  }

  /** `rows` rows, each with exactly `num` of `cols` candidates (sorted). */
  protected rows(rows: number, cols: number): CSR {
    const count = this.num < 1 ? Math.floor(this.num * cols) : this.num;
    if (!this.includeSelf && rows !== cols) throw new ParameterError(`${this.describe()}: include_self=false needs numPre == numPost, got ${rows} and ${cols}`);
    const candidates = this.includeSelf ? cols : cols - 1;
    if (!this.allowMultiConn && count > candidates) {
      throw new ParameterError(`${this.describe()}: cannot pick ${count} distinct partners out of ${candidates}`);
    }
    if (count > 0 && candidates <= 0) throw new ParameterError(`${this.describe()}: there are no partners to pick from`);
    if (rows * count > MAX_CSR_ENTRIES) throw new ParameterError(`${this.describe()}: ${rows * count} connections exceed what a CSR index array can hold`);
    const indptr = new Int32Array(rows + 1);
    const indices = new Int32Array(rows * count);
    for (let r = 0; r < rows; r++) {
      const exclude = this.includeSelf ? undefined : r;
      const picked = this.allowMultiConn ? sampleWithReplacement(this.stream, cols, count, exclude) : sampleDistinct(this.stream, cols, count, exclude);
      indices.set(picked, r * count);
      indptr[r + 1] = (r + 1) * count;
    }
    return { indptr, indices, numRows: rows, numCols: cols };
  }
}

/** Each presynaptic neuron connects to exactly `num` postsynaptic neurons (BrainPy's FixedPostNum). */
export class FixedPostNum extends FixedNum {
  constructor(num: number, options: FixedNumOptions = {}) {
    super(num, options, 'FixedPostNum');
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    return new SparseConnectivity(this.rows(numPre, numPost), this.includeSelf);
  }
}

/** Each postsynaptic neuron receives from exactly `num` presynaptic neurons (BrainPy's FixedPreNum). */
export class FixedPreNum extends FixedNum {
  constructor(num: number, options: FixedNumOptions = {}) {
    super(num, options, 'FixedPreNum');
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    return new SparseConnectivity(transposeCSR(this.rows(numPost, numPre)), this.includeSelf);
  }
}
