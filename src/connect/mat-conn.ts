import { ParameterError } from '../core/errors.js';
import { type Connectivity, Connector, SparseConnectivity } from './connector.js';

/** A dense matrix: rows of numbers, or row-major data with its row and column counts. */
export type DenseMatrix = readonly (readonly number[])[] | { readonly data: ArrayLike<number>; readonly rows: number; readonly cols: number };

/**
 * Connectivity from a dense numPre x numPost matrix (BrainPy's MatConn): every non-zero entry
 * (i, j) is a connection. `weights()` gives the entries in pre2post order, ready for g_max.
 */
export class MatConn extends Connector {
  private readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;

  constructor(matrix: DenseMatrix) {
    super();
    if (Array.isArray(matrix)) {
      const rows = matrix as readonly (readonly number[])[];
      this.rows = rows.length;
      this.cols = rows[0]?.length ?? 0;
      const ragged = rows.findIndex((r) => r.length !== this.cols);
      if (ragged >= 0) throw new ParameterError(`MatConn: row ${ragged} has ${rows[ragged].length} entries, row 0 has ${this.cols}`);
      this.data = Float64Array.from(rows.flat());
    } else {
      const m = matrix as { data: ArrayLike<number>; rows: number; cols: number };
      if (m.data.length !== m.rows * m.cols) throw new ParameterError(`MatConn: ${m.data.length} entries for a ${m.rows} x ${m.cols} matrix`);
      this.rows = m.rows;
      this.cols = m.cols;
      this.data = Float64Array.from(m.data);
    }
    const bad = this.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ParameterError(`MatConn: entry (${Math.floor(bad / this.cols)}, ${bad % this.cols}) is ${this.data[bad]}`);
  }

  describe(): string {
    return `MatConn(${this.rows} x ${this.cols})`;
  }

  /** The non-zero entries in pre2post order (row-major), one per connection. */
  weights(): Float64Array {
    return this.data.filter((v) => v !== 0);
  }

  protected connect(numPre: number, numPost: number): Connectivity {
    if (numPre !== this.rows || numPost !== this.cols) {
      throw new ParameterError(`${this.describe()}: the matrix must be numPre x numPost = ${numPre} x ${numPost}`);
    }
    const indptr = new Int32Array(numPre + 1);
    const indices: number[] = [];
    for (let i = 0; i < numPre; i++) {
      for (let j = 0; j < numPost; j++) if (this.data[i * numPost + j] !== 0) indices.push(j);
      indptr[i + 1] = indices.length;
    }
    let self = false;
    for (let i = 0; i < Math.min(numPre, numPost); i++) self ||= this.data[i * numPost + i] !== 0;
    return new SparseConnectivity({ indptr, indices: Int32Array.from(indices), numRows: numPre, numCols: numPost }, self);
  }
}
