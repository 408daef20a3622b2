import type { Connectivity } from '../connect/connector.js';
import type { CSR } from '../connect/csr.js';

/**
 * Connectivity that a Synapses object fills in when `connect()` is called (Brian2 creates
 * synapses first and connects them afterwards); until then it has no connections.
 */
export class PendingConnectivity implements Connectivity {
  private inner: Connectivity | undefined;

  constructor(
    readonly numPre: number,
    readonly numPost: number,
  ) {}

  resolve(conn: Connectivity): void {
    this.inner = conn;
  }

  get connected(): boolean {
    return this.inner !== undefined;
  }

  private get empty(): CSR {
    return { indptr: new Int32Array(this.numPre + 1), indices: new Int32Array(0), numRows: this.numPre, numCols: this.numPost };
  }

  get pre2post(): CSR {
    return this.inner?.pre2post ?? this.empty;
  }

  get post2pre(): CSR {
    return this.inner?.post2pre ?? { ...this.empty, indptr: new Int32Array(this.numPost + 1), numRows: this.numPost, numCols: this.numPre };
  }

  get numConnections(): number {
    return this.inner?.numConnections ?? 0;
  }

  get allToAll(): boolean {
    return false;
  }

  get includeSelf(): boolean {
    return this.inner?.includeSelf ?? true;
  }
}
