/** Browser-safe readers and writers for MAT v5 and NumPy files (they take and return bytes). */
export { FileFormatError } from './errors.js';
export { describe as describeMatValue, MatFile, matToMatrix, matToStrings, readMat, type MatCell, type MatChar, type MatNumeric, type MatOpaque, type MatSparse, type MatStruct, type MatValue } from './mat5.js';
export { NpzFile, readNpy, readNpz, writeNpy, writeNpz, type NdArray, type NpyDType, type NpyTypedArray } from './npy.js';
