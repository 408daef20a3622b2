/**
 * Compressed sparse row storage for connectivity. Row r holds the column indices
 * `indices[indptr[r] .. indptr[r + 1])`. Rows are presynaptic neurons in `pre2post` and
 * postsynaptic neurons in `post2pre`. Int32 indices keep memory at 4 bytes per connection.
 */
export interface CSR {
  indptr: Int32Array;
  indices: Int32Array;
  numRows: number;
  numCols: number;
}

/** The largest number of entries an Int32 `indptr` can address. */
export const MAX_CSR_ENTRIES = 2 ** 31 - 1;

/** Number of entries in each row. */
export function rowCounts(csr: CSR): Int32Array {
  const counts = new Int32Array(csr.numRows);
  for (let r = 0; r < csr.numRows; r++) counts[r] = csr.indptr[r + 1] - csr.indptr[r];
  return counts;
}

/**
 * The transpose (columns become rows), by counting sort in O(rows + cols + entries).
 * Rows are scanned in increasing order, so the indices within each output row come out sorted.
 */
export function transposeCSR(csr: CSR): CSR {
  const { indptr, indices, numRows, numCols } = csr;
  const nnz = indptr[numRows];
  const outPtr = new Int32Array(numCols + 1);
  for (let k = 0; k < nnz; k++) outPtr[indices[k] + 1]++;
  for (let c = 0; c < numCols; c++) outPtr[c + 1] += outPtr[c];

  const next = outPtr.slice(0, numCols); // write cursor per output row
  const outIdx = new Int32Array(nnz);
  for (let r = 0; r < numRows; r++) {
    for (let k = indptr[r]; k < indptr[r + 1]; k++) outIdx[next[indices[k]]++] = r;
  }
  return { indptr: outPtr, indices: outIdx, numRows: numCols, numCols: numRows };
}
