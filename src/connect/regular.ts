import { ParameterError } from '../core/errors.js';
import { type Connectivity, Connector, SparseConnectivity } from './connector.js';
import { type CSR, MAX_CSR_ENTRIES } from './csr.js';

/**
 * Every presynaptic neuron to every postsynaptic one. With `include_self: false` the pairs
 * (i, i) are left out for i < min(numPre, numPost), as BrainPy's fill_diagonal does.
 */
export class All2All extends Connector {
  readonly includeSelf: boolean;

  constructor({ include_self = true }: { include_self?: boolean } = {}) {
    super();
    this.includeSelf = include_self;
  }

  describe(): string {
    return `All2All(include_self=${this.includeSelf})`;
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    return new AllToAllConnectivity(numPre, numPost, this.includeSelf);
  }
}

/**
 * All-to-all connectivity. Synapses use `allToAll` for an O(numPre + numPost) path; the index
 * arrays (numPre * numPost entries) are only built if someone actually asks for them.
 */
class AllToAllConnectivity implements Connectivity {
  readonly allToAll = true;
  readonly numConnections: number;
  private cachedPre2post: CSR | undefined;
  private cachedPost2pre: CSR | undefined;

  constructor(
    readonly numPre: number,
    readonly numPost: number,
    readonly includeSelf: boolean,
  ) {
    this.numConnections = numPre * numPost - (includeSelf ? 0 : Math.min(numPre, numPost));
  }

  get pre2post(): CSR {
    this.cachedPre2post ??= this.dense(this.numPre, this.numPost);
    return this.cachedPre2post;
  }

  get post2pre(): CSR {
    // The transpose of all-to-all is all-to-all (the skipped diagonal is symmetric too).
    this.cachedPost2pre ??= this.dense(this.numPost, this.numPre);
    return this.cachedPost2pre;
  }

  private dense(numRows: number, numCols: number): CSR {
    if (this.numConnections > MAX_CSR_ENTRIES) {
      throw new ParameterError(
        `All2All ${this.numPre} x ${this.numPost} has ${this.numConnections} connections, ` +
          `more than a CSR index array can hold (${MAX_CSR_ENTRIES}); use the allToAll path instead`,
      );
    }
    const indptr = new Int32Array(numRows + 1);
    const indices = new Int32Array(this.numConnections);
    let k = 0;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        if (this.includeSelf || r !== c) indices[k++] = c;
      }
      indptr[r + 1] = k;
    }
    return { indptr, indices, numRows, numCols };
  }
}

/** Neuron i to neuron i; both groups must have the same size. */
export class One2One extends Connector {
  describe(): string {
    return 'One2One()';
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    if (numPre !== numPost) {
      throw new ParameterError(
        `One2One connects two groups of the same size, but numPre = ${numPre} != numPost = ${numPost}`,
      );
    }
    const indptr = new Int32Array(numPre + 1);
    const indices = new Int32Array(numPre);
    for (let i = 0; i < numPre; i++) {
      indices[i] = i;
      indptr[i + 1] = i + 1;
    }
    return new SparseConnectivity({ indptr, indices, numRows: numPre, numCols: numPost }, true);
  }
}
