/** Connectivity rules (BrainPy's `brainpy.connect`) and the CSR storage they produce. */
export { type CSR, MAX_CSR_ENTRIES, rowCounts, transposeCSR } from './csr.js';
export { type Connectivity, Connector, SparseConnectivity } from './connector.js';
export { FixedProb, type FixedProbOptions } from './fixed-prob.js';
export { All2All, One2One } from './regular.js';
export { IJConn } from './ij-conn.js';
