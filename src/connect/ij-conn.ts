import { ParameterError } from '../core/errors.js';
import { type Connectivity, Connector, SparseConnectivity } from './connector.js';
import { transposeCSR } from './csr.js';

/**
 * Connections given as index pairs (BrainPy's IJConn): synapse k goes from pre i[k] to post j[k].
 * The pairs are stored in pre-major order with posts ascending within a row.
 */
export class IJConn extends Connector {
  private readonly i: Int32Array;
  private readonly j: Int32Array;

  constructor(i: ArrayLike<number>, j: ArrayLike<number>) {
    super();
    if (i.length !== j.length) throw new ParameterError(`IJConn: ${i.length} presynaptic but ${j.length} postsynaptic indices`);
    this.i = Int32Array.from(i);
    this.j = Int32Array.from(j);
  }

  describe(): string {
    return `IJConn(${this.i.length} pairs)`;
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    const check = (values: Int32Array, size: number, side: string) => {
      const bad = values.findIndex((v) => !(v >= 0 && v < size));
      if (bad >= 0) throw new ParameterError(`IJConn: ${side} index ${values[bad]} of pair ${bad} is outside 0..${size - 1}`);
    };
    check(this.i, numPre, 'presynaptic');
    check(this.j, numPost, 'postsynaptic');
    // Build post-major first, then transpose: the transpose sorts rows and their entries.
    const byPost = new Int32Array(numPost + 1);
    for (const post of this.j) byPost[post + 1]++;
    for (let r = 0; r < numPost; r++) byPost[r + 1] += byPost[r];
    const cursor = byPost.slice(0, numPost);
    const pres = new Int32Array(this.i.length);
    const order = Array.from(this.i.keys()).sort((a, b) => this.i[a] - this.i[b]);
    for (const k of order) pres[cursor[this.j[k]]++] = this.i[k];
    const post2pre = { indptr: byPost, indices: pres, numRows: numPost, numCols: numPre };
    return new SparseConnectivity(transposeCSR(post2pre), true);
  }
}
