/** Connectivity rules (BrainPy's `brainpy.connect`) and the CSR storage they produce. */
export { type CSR, MAX_CSR_ENTRIES, rowCounts, transposeCSR } from './csr.js';
export { type Connectivity, Connector, type Shapes, SparseConnectivity } from './connector.js';
export { FixedProb, type FixedProbOptions } from './fixed-prob.js';
export { JitFixedProb } from './jit-fixed-prob.js';
export { All2All, One2One } from './regular.js';
export { IJConn } from './ij-conn.js';
export { FixedPostNum, FixedPreNum, type FixedNumOptions } from './fixed-num.js';
export { ProbDist, type ProbDistOptions } from './prob-dist.js';
export { GridConnector, GridEight, GridFour, type GridOptions } from './grid.js';
export { type DenseMatrix, MatConn } from './mat-conn.js';
