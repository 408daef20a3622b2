import { strToU8, unzipSync, zipSync } from 'fflate';
import { UnknownNameError } from '../core/errors.js';
import { FileFormatError } from './errors.js';

/**
 * NumPy `.npy` and `.npz` reading and writing from and to bytes (Node and browsers): the
 * numeric dtypes (bool, int8..int64, uint8..uint64, float32, float64), either byte order,
 * C or Fortran order on reading (always returned in C order), C order and little-endian on
 * writing. Object arrays and structured dtypes are not supported.
 */

export type NpyDType = 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';
export type NpyTypedArray =
  | Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Float32Array | Float64Array;

/** An n-dimensional array: values in C (row-major) order. */
export interface NdArray {
  readonly dtype: NpyDType;
  readonly shape: readonly number[];
  readonly data: NpyTypedArray;
}

interface DTypeInfo {
  readonly kind: string;
  readonly size: number;
  readonly Array: new (n: number) => NpyTypedArray;
}
const DTYPES: Readonly<Record<NpyDType, DTypeInfo>> = {
  bool: { kind: 'b', size: 1, Array: Uint8Array },
  int8: { kind: 'i', size: 1, Array: Int8Array },
  uint8: { kind: 'u', size: 1, Array: Uint8Array },
  int16: { kind: 'i', size: 2, Array: Int16Array },
  uint16: { kind: 'u', size: 2, Array: Uint16Array },
  int32: { kind: 'i', size: 4, Array: Int32Array },
  uint32: { kind: 'u', size: 4, Array: Uint32Array },
  int64: { kind: 'i', size: 8, Array: BigInt64Array },
  uint64: { kind: 'u', size: 8, Array: BigUint64Array },
  float32: { kind: 'f', size: 4, Array: Float32Array },
  float64: { kind: 'f', size: 8, Array: Float64Array },
};
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

function dtypeOf(descr: string, where: string): { dtype: NpyDType; little: boolean } {
  const match = /^([<>|=]?)([biuf])(\d+)$/.exec(descr);
  const entry = match && (Object.entries(DTYPES) as [NpyDType, DTypeInfo][]).find(([, d]) => d.kind === match[2] && d.size === Number(match[3]));
  if (!match || !entry) throw new FileFormatError(`${where}: dtype '${descr}' is not supported (numeric and bool dtypes only)`);
  return { dtype: entry[0], little: match[1] !== '>' };
}

function parseHeader(header: string, where: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw new FileFormatError(`${where}: malformed .npy header ${JSON.stringify(header.trim())}`);
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) throw new FileFormatError(`${where}: bad shape (${shape[1]}) in .npy header`);
  return { descr: descr[1], fortran: fortran[1] === 'True', shape: dims };
}

/** Reorders Fortran-order values to C order. */
function toCOrder(values: NpyTypedArray, shape: readonly number[]): NpyTypedArray {
  if (shape.length < 2) return values;
  const out = new (values.constructor as new (n: number) => NpyTypedArray)(values.length);
  const index = new Array<number>(shape.length).fill(0);
  const cStrides = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
  for (let f = 0; f < values.length; f++) {
    let c = 0;
    for (let k = 0; k < shape.length; k++) c += index[k] * cStrides[k];
    (out as unknown as unknown[])[c] = values[f];
    for (let k = 0; k < shape.length && ++index[k] === shape[k]; k++) index[k] = 0;
  }
  return out;
}

export function readNpy(bytes: Uint8Array, source = '.npy data'): NdArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new FileFormatError(`${source} is not a .npy file (no \\x93NUMPY magic)`);
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder(major >= 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength));
  const { descr, fortran, shape } = parseHeader(header, source);
  const { dtype, little } = dtypeOf(descr, source);
  const { size, Array: Typed } = DTYPES[dtype];
  const n = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLength;
  if (bytes.length - offset < n * size) throw new FileFormatError(`${source}: shape (${shape.join(', ')}) needs ${n * size} data bytes, the file has ${bytes.length - offset}`);
  const data = new Typed(n);
  const raw = new Uint8Array(data.buffer);
  raw.set(bytes.subarray(offset, offset + n * size));
  if (!little && size > 1) for (let i = 0; i < raw.length; i += size) raw.subarray(i, i + size).reverse();
  return { dtype, shape, data: fortran ? toCOrder(data, shape) : data };
}

function dtypeOfArray(data: NpyTypedArray): NpyDType {
  const found = (Object.entries(DTYPES) as [NpyDType, DTypeInfo][]).find(([name, d]) => name !== 'bool' && data instanceof d.Array);
  return (found as [NpyDType, DTypeInfo])[0];
}

/**
 * Encodes an array as .npy (version 1.0, little-endian, C order). A typed array alone is
 * written as 1-D; `dtype: 'bool'` writes a Uint8Array of 0/1 as numpy bools.
 */
export function writeNpy(array: NpyTypedArray | { data: NpyTypedArray; shape?: readonly number[]; dtype?: NpyDType }): Uint8Array {
  const { data, shape = [data.length], dtype = dtypeOfArray(data) } = ArrayBuffer.isView(array) ? { data: array } : array;
  const n = shape.reduce((a, b) => a * b, 1);
  if (n !== data.length) throw new FileFormatError(`writeNpy: shape (${shape.join(', ')}) has ${n} elements but the data has ${data.length}`);
  if (!(data instanceof DTYPES[dtype].Array)) throw new FileFormatError(`writeNpy: dtype '${dtype}' needs a ${DTYPES[dtype].Array.name}, got a ${data.constructor.name}`);
  const { kind, size } = DTYPES[dtype];
  const descr = `${size === 1 ? '|' : '<'}${kind}${size}`;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // numpy pads the header with spaces and a newline so the data starts on a 64-byte boundary
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set(MAGIC);
  out[6] = 1;
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(strToU8(header), 10);
  const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (size > 1 && !LITTLE_ENDIAN_HOST) {
    for (let i = 0; i < raw.length; i += size) out.set(raw.subarray(i, i + size).slice().reverse(), 10 + header.length + i);
  } else {
    out.set(raw, 10 + header.length);
  }
  return out;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The arrays of an .npz archive, by name (without '.npy'). */
export class NpzFile {
  constructor(
    readonly arrays: ReadonlyMap<string, NdArray>,
    private readonly source = '.npz archive',
  ) {}

  get names(): string[] {
    return [...this.arrays.keys()];
  }

  /** The array `name`; an UnknownNameError lists the arrays the archive holds. */
  get(name: string): NdArray {
    const array = this.arrays.get(name);
    if (array === undefined) {
      throw new UnknownNameError(`${this.source} has no array '${name}'; it holds: ${this.names.map((n) => `${n} (${(this.arrays.get(n) as NdArray).shape.join('x')} ${(this.arrays.get(n) as NdArray).dtype})`).join(', ')}`);
    }
    return array;
  }
}

export function readNpz(bytes: Uint8Array, source = '.npz archive'): NpzFile {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new FileFormatError(`${source} is not a readable zip archive (${(error as Error).message})`);
  }
  const arrays = new Map<string, NdArray>();
  for (const [file, content] of Object.entries(files)) {
    if (!file.endsWith('.npy')) continue;
    const name = file.slice(0, -4);
    arrays.set(name, readNpy(content, `${source}: ${file}`));
  }
  return new NpzFile(arrays, source);
}

/** Encodes arrays as an .npz archive (like numpy.savez, or savez_compressed with `compress`). */
export function writeNpz(arrays: Readonly<Record<string, Parameters<typeof writeNpy>[0]>>, { compress = false } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, array] of Object.entries(arrays)) files[`${name}.npy`] = writeNpy(array);
  return zipSync(files, { level: compress ? 6 : 0 });
}
