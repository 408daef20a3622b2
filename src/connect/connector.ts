import { ParameterError } from '../core/errors.js';
import { type CSR, transposeCSR } from './csr.js';

/** Who connects to whom between a presynaptic group of `numPre` and a postsynaptic group of `numPost`. */
export interface Connectivity {
  readonly numPre: number;
  readonly numPost: number;
  /** Rows are presynaptic neurons, column indices postsynaptic ones. */
  readonly pre2post: CSR;
  /** Rows are postsynaptic neurons; computed on first access and cached. */
  readonly post2pre: CSR;
  readonly numConnections: number;
  /**
   * True only for all-to-all connectivity, so synapses can take an O(numPre + numPost) path
   * without ever asking for the index arrays.
   */
  readonly allToAll: boolean;
  /** Whether pairs (i, i) were allowed (for all-to-all: whether they are present). */
  readonly includeSelf: boolean;
}

/**
 * The geometric shapes of the two sides, for rules that place neurons on a grid (ProbDist,
 * GridFour): [rows, cols] for 2-D groups. Without them a side is a line of its neurons.
 */
export interface Shapes {
  readonly pre?: number | readonly number[];
  readonly post?: number | readonly number[];
}

/** A connectivity rule. `build` turns it into concrete connectivity for two group sizes. */
export abstract class Connector {
  build(numPre: number, numPost: number, shapes: Shapes = {}): Connectivity {
    if (!isSize(numPre) || !isSize(numPost)) {
      throw new ParameterError(
        `${this.describe()}: sizes must be non-negative integers, got numPre = ${numPre}, numPost = ${numPost}`,
      );
    }
    return this.connect(numPre, numPost, shapes);
  }

  /** A readable summary with the parameters, e.g. for error messages and logs. */
  abstract describe(): string;

  /** Called by `build` with validated sizes (and the shapes, which most rules ignore). */
  protected abstract connect(numPre: number, numPost: number, shapes: Shapes): Connectivity;
}

/** Connectivity stored as an explicit `pre2post` CSR. */
export class SparseConnectivity implements Connectivity {
  readonly allToAll = false;
  private cachedPost2pre: CSR | undefined;

  constructor(
    readonly pre2post: CSR,
    readonly includeSelf: boolean,
  ) {}

  get numPre(): number {
    return this.pre2post.numRows;
  }

  get numPost(): number {
    return this.pre2post.numCols;
  }

  get numConnections(): number {
    return this.pre2post.indptr[this.pre2post.numRows];
  }

  get post2pre(): CSR {
    this.cachedPost2pre ??= transposeCSR(this.pre2post);
    return this.cachedPost2pre;
  }
}

function isSize(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}
