import { unzlibSync } from 'fflate';
import { UnknownNameError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { FileFormatError } from './errors.js';

/**
 * A reader for MATLAB level-5 MAT-files (the format of `save -v7` and scipy's savemat), for
 * Node and browsers alike: it takes the file's bytes. Compressed elements are inflated with
 * fflate. Numeric, logical, char, cell, struct and sparse arrays are decoded; MATLAB objects
 * (classdef/opaque values such as containers.Map) are kept as opaque placeholders. Arrays keep
 * MATLAB's column-major order; `matrix()` gives a row-major 2-D view.
 */

export type MatNumericClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';
export type MatTypedArray =
  | Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

export interface MatNumeric {
  readonly kind: 'numeric';
  readonly class: MatNumericClass;
  readonly dims: readonly number[];
  /** Column-major values, in the array's own class. */
  readonly data: MatTypedArray;
  readonly imag?: MatTypedArray;
  readonly logical: boolean;
}
export interface MatChar {
  readonly kind: 'char';
  readonly dims: readonly number[];
  /** One string per row of the char matrix (a row vector gives one string). */
  readonly rows: readonly string[];
}
export interface MatCell {
  readonly kind: 'cell';
  readonly dims: readonly number[];
  /** Column-major cells. */
  readonly cells: readonly MatValue[];
}
export interface MatStruct {
  readonly kind: 'struct';
  readonly dims: readonly number[];
  readonly fields: readonly string[];
  /** One record per struct element, column-major; for an object, `className` is set. */
  readonly elements: readonly Readonly<Record<string, MatValue>>[];
  readonly className?: string;
}
export interface MatSparse {
  readonly kind: 'sparse';
  readonly dims: readonly number[];
  /** Compressed sparse column: row indices, column starts (length cols + 1), values. */
  readonly rowIndex: Int32Array;
  readonly colStart: Int32Array;
  readonly data: Float64Array;
  readonly logical: boolean;
}
export interface MatOpaque {
  readonly kind: 'opaque';
  /** e.g. 'containers.Map'; the contents are not decoded. */
  readonly className: string;
}
export type MatValue = MatNumeric | MatChar | MatCell | MatStruct | MatSparse | MatOpaque;

const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9, INT64: 12, UINT64: 13, MATRIX: 14, COMPRESSED: 15, UTF8: 16, UTF16: 17, UTF32: 18 } as const;
const MX_NUMERIC: Readonly<Record<number, MatNumericClass>> = {
  6: 'double', 7: 'single', 8: 'int8', 9: 'uint8', 10: 'int16', 11: 'uint16', 12: 'int32', 13: 'uint32', 14: 'int64', 15: 'uint64',
};
const MX = { CELL: 1, STRUCT: 2, OBJECT: 3, CHAR: 4, SPARSE: 5, FUNCTION: 16, OPAQUE: 17 } as const;
const ELEMENT_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8, 12: 8, 13: 8, 16: 1, 17: 2, 18: 4 };

interface Element {
  readonly type: number;
  /** A view of the element's data bytes. */
  readonly bytes: Uint8Array;
}

/** Reads the tagged data elements of a byte range in order. */
class ElementReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly little: boolean,
    private readonly where: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos + 8 > this.bytes.length;
  }

  next(): Element {
    if (this.done) throw new FileFormatError(`${this.where}: unexpected end of data at byte ${this.pos}`);
    const first = this.view.getUint32(this.pos, this.little);
    if (first >>> 16 !== 0) {
      // Small data element: type and size share the first word, the data fills the second.
      const size = first >>> 16;
      const element = { type: first & 0xffff, bytes: this.bytes.subarray(this.pos + 4, this.pos + 4 + size) };
      this.pos += 8;
      return element;
    }
    const size = this.view.getUint32(this.pos + 4, this.little);
    const start = this.pos + 8;
    if (start + size > this.bytes.length) {
      throw new FileFormatError(`${this.where}: element of type ${first} at byte ${this.pos} claims ${size} bytes, but only ${this.bytes.length - start} remain (truncated file?)`);
    }
    // Compressed elements are not padded; all others end on an 8-byte boundary.
    this.pos = first === MI.COMPRESSED ? start + size : start + Math.ceil(size / 8) * 8;
    return { type: first, bytes: this.bytes.subarray(start, start + size) };
  }
}

function typedFrom(element: Element, little: boolean, where: string): MatTypedArray {
  const { type, bytes } = element;
  const width = ELEMENT_SIZE[type];
  if (width === undefined) throw new FileFormatError(`${where}: data of MAT type ${type} is not a numeric type`);
  const n = Math.floor(bytes.length / width);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = <T extends MatTypedArray>(out: T, get: (offset: number) => number | bigint): T => {
    for (let i = 0; i < n; i++) (out as unknown as (number | bigint)[])[i] = get(i * width);
    return out;
  };
  switch (type) {
    case MI.INT8: return read(new Int8Array(n), (o) => view.getInt8(o));
    case MI.UINT8: case MI.UTF8: return read(new Uint8Array(n), (o) => view.getUint8(o));
    case MI.INT16: return read(new Int16Array(n), (o) => view.getInt16(o, little));
    case MI.UINT16: case MI.UTF16: return read(new Uint16Array(n), (o) => view.getUint16(o, little));
    case MI.INT32: return read(new Int32Array(n), (o) => view.getInt32(o, little));
    case MI.UINT32: case MI.UTF32: return read(new Uint32Array(n), (o) => view.getUint32(o, little));
    case MI.SINGLE: return read(new Float32Array(n), (o) => view.getFloat32(o, little));
    case MI.DOUBLE: return read(new Float64Array(n), (o) => view.getFloat64(o, little));
    case MI.INT64: return read(new BigInt64Array(n), (o) => view.getBigInt64(o, little));
    default: return read(new BigUint64Array(n), (o) => view.getBigUint64(o, little));
  }
}

const CONSTRUCTORS: Readonly<Record<MatNumericClass, new (n: number) => MatTypedArray>> = {
  double: Float64Array, single: Float32Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array,
  uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array,
};

/** MATLAB may store a double array as e.g. uint8 on disk; convert to the array's own class. */
function asClass(values: MatTypedArray, cls: MatNumericClass): MatTypedArray {
  const Target = CONSTRUCTORS[cls];
  if (values instanceof Target) return values;
  const out = new Target(values.length);
  const big = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let i = 0; i < values.length; i++) (out as unknown as (number | bigint)[])[i] = big ? BigInt(values[i]) : Number(values[i]);
  return out;
}

function text(element: Element): string {
  const end = element.bytes.indexOf(0);
  return new TextDecoder('latin1').decode(end < 0 ? element.bytes : element.bytes.subarray(0, end));
}

function decodeChars(element: Element, little: boolean, where: string): string[] {
  if (element.type === MI.UTF8) return Array.from(new TextDecoder('utf-8').decode(element.bytes));
  const codes = typedFrom(element, little, where);
  return Array.from(codes as ArrayLike<number>, (c) => String.fromCodePoint(Number(c)));
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Decodes one miMATRIX element's contents; returns the value and its name. */
function readMatrix(bytes: Uint8Array, little: boolean, where: string): { name: string; value: MatValue } {
  if (bytes.length === 0) return { name: '', value: { kind: 'numeric', class: 'double', dims: [0, 0], data: new Float64Array(0), logical: false } };
  const reader = new ElementReader(bytes, little, where);
  const flags = typedFrom(reader.next(), little, where) as Uint32Array;
  const mxClass = flags[0] & 0xff;
  const complex = (flags[0] & 0x800) !== 0;
  const logical = (flags[0] & 0x200) !== 0;
  if (mxClass === MX.OPAQUE) {
    // name, type system (e.g. MCOS), class name, then contents this reader does not decode
    // (scipy.io.loadmat reports such a variable under the name 'None').
    const name = text(reader.next());
    reader.next();
    return { name, value: { kind: 'opaque', className: text(reader.next()) } };
  }
  const dims = Array.from(typedFrom(reader.next(), little, where) as Int32Array);
  const name = text(reader.next());
  const here = `${where} '${name}'`;
  const numeric = MX_NUMERIC[mxClass];
  if (numeric !== undefined) {
    const data = asClass(typedFrom(reader.next(), little, here), numeric);
    const imag = complex ? asClass(typedFrom(reader.next(), little, here), numeric) : undefined;
    return { name, value: { kind: 'numeric', class: numeric, dims, data, imag, logical } };
  }
  switch (mxClass) {
    case MX.CHAR: {
      const chars = reader.done ? [] : decodeChars(reader.next(), little, here);
      const rows = dims[0] ?? 0;
      const cols = rows === 0 ? 0 : chars.length / rows;
      const out: string[] = [];
      for (let r = 0; r < rows; r++) {
        let s = '';
        for (let c = 0; c < cols; c++) s += chars[c * rows + r];
        out.push(s);
      }
      return { name, value: { kind: 'char', dims, rows: out } };
    }
    case MX.CELL: {
      const cells: MatValue[] = [];
      for (let i = 0; i < product(dims); i++) cells.push(readMatrix(expectMatrix(reader.next(), here), little, `${here}{${i}}`).value);
      return { name, value: { kind: 'cell', dims, cells } };
    }
    case MX.STRUCT:
    case MX.OBJECT: {
      const className = mxClass === MX.OBJECT ? text(reader.next()) : undefined;
      const fieldLength = (typedFrom(reader.next(), little, here) as Int32Array)[0];
      const namesBytes = reader.next().bytes;
      const fields: string[] = [];
      for (let off = 0; off + fieldLength <= namesBytes.length; off += fieldLength) {
        fields.push(text({ type: MI.INT8, bytes: namesBytes.subarray(off, off + fieldLength) }));
      }
      const elements: Record<string, MatValue>[] = [];
      for (let i = 0; i < product(dims); i++) {
        const record: Record<string, MatValue> = {};
        for (const field of fields) record[field] = readMatrix(expectMatrix(reader.next(), here), little, `${here}.${field}`).value;
        elements.push(record);
      }
      return { name, value: { kind: 'struct', dims, fields, elements, className } };
    }
    case MX.SPARSE: {
      const rowIndex = Int32Array.from(typedFrom(reader.next(), little, here) as Int32Array);
      const colStart = Int32Array.from(typedFrom(reader.next(), little, here) as Int32Array);
      const data = reader.done ? new Float64Array(0) : Float64Array.from(typedFrom(reader.next(), little, here) as ArrayLike<number>);
      const nnz = colStart[colStart.length - 1] ?? 0;
      return { name, value: { kind: 'sparse', dims, rowIndex: rowIndex.subarray(0, nnz), colStart, data: logical && data.length === 0 ? new Float64Array(nnz).fill(1) : data.subarray(0, nnz), logical } };
    }
    default:
      throw new FileFormatError(`${here}: MATLAB array class ${mxClass} (function handle or unknown) is not supported`);
  }
}

function expectMatrix(element: Element, where: string): Uint8Array {
  if (element.type !== MI.MATRIX) throw new FileFormatError(`${where}: expected a matrix element, found MAT type ${element.type}`);
  return element.bytes;
}

/** The variables of a MAT-file, by name, in file order. */
export class MatFile {
  constructor(
    readonly variables: ReadonlyMap<string, MatValue>,
    /** The header's descriptive text (MATLAB version, platform, date). */
    readonly header: string,
    private readonly source = 'MAT-file',
  ) {}

  get names(): string[] {
    return [...this.variables.keys()];
  }

  has(name: string): boolean {
    return this.variables.has(name);
  }

  /** The variable `name`; an UnknownNameError lists the variables the file holds. */
  get(name: string): MatValue {
    const value = this.variables.get(name);
    if (value === undefined) {
      throw new UnknownNameError(`${this.source} has no variable '${name}'; it holds: ${this.names.map((n) => `${n} (${describe(this.variables.get(n) as MatValue)})`).join(', ')}`);
    }
    return value;
  }

  /** A real numeric (or logical) 2-D variable as a row-major Float64 matrix. */
  matrix(name: string): Matrix2D<Float64Array> {
    return matToMatrix(this.get(name), `${this.source} variable '${name}'`);
  }

  /** A numeric variable's single value. */
  scalar(name: string): number {
    const m = this.matrix(name);
    if (m.data.length !== 1) throw new FileFormatError(`${this.source} variable '${name}' has ${m.rows}x${m.cols} values, not one`);
    return m.data[0];
  }

  /** A char array's rows, or a cell array of strings, as strings (column-major cell order). */
  strings(name: string): string[] {
    return matToStrings(this.get(name), `${this.source} variable '${name}'`);
  }
}

export function describe(value: MatValue): string {
  const shape = 'dims' in value ? value.dims.join('x') : '';
  switch (value.kind) {
    case 'numeric': return `${shape} ${value.logical ? 'logical' : value.class}${value.imag ? ' complex' : ''}`;
    case 'char': return `${shape} char`;
    case 'cell': return `${shape} cell`;
    case 'struct': return `${shape} ${value.className ? `object ${value.className}` : 'struct'}`;
    case 'sparse': return `${shape} sparse`;
    case 'opaque': return `object ${value.className}`;
  }
}

export function matToMatrix(value: MatValue, where: string): Matrix2D<Float64Array> {
  if (value.kind === 'sparse') {
    const [rows, cols] = value.dims;
    const data = new Float64Array(rows * cols);
    for (let c = 0; c < cols; c++) for (let k = value.colStart[c]; k < value.colStart[c + 1]; k++) data[value.rowIndex[k] * cols + c] = value.data[k];
    return { data, rows, cols };
  }
  if (value.kind !== 'numeric') throw new FileFormatError(`${where} is ${describe(value)}, not a numeric matrix`);
  if (value.dims.length > 2) throw new FileFormatError(`${where} has ${value.dims.length} dimensions (${value.dims.join('x')}); matrix() takes 2`);
  if (value.imag) throw new FileFormatError(`${where} is complex; read its .data and .imag instead`);
  const [rows, cols] = value.dims;
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = Number(value.data[c * rows + r]);
  return { data, rows, cols };
}

export function matToStrings(value: MatValue, where: string): string[] {
  if (value.kind === 'char') return [...value.rows];
  if (value.kind === 'cell') {
    return value.cells.map((cell, i) => {
      if (cell.kind !== 'char') throw new FileFormatError(`${where}{${i}} is ${describe(cell)}, not a string`);
      return cell.rows.join('\n');
    });
  }
  throw new FileFormatError(`${where} is ${describe(value)}, not a char array or a cell array of strings`);
}

/**
 * Parses a level-5 MAT-file. `source` (e.g. the file name) appears in error messages.
 * MATLAB's internal `__function_workspace__` is skipped.
 */
export function readMat(bytes: Uint8Array, source = 'MAT-file'): MatFile {
  if (bytes.length < 128) throw new FileFormatError(`${source} is ${bytes.length} bytes, too short for a MAT-file header`);
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 116)).replace(/[\0 ]+$/, '');
  if (header.startsWith('MATLAB 7.3')) throw new FileFormatError(`${source} is a MAT v7.3 (HDF5) file; save it with -v7 (or scipy.io.savemat) to read it here`);
  const endian = String.fromCharCode(bytes[126], bytes[127]);
  if (endian !== 'IM' && endian !== 'MI') throw new FileFormatError(`${source} is not a level-5 MAT-file (no endian indicator; MAT v4 files are not supported)`);
  const little = endian === 'IM';
  const reader = new ElementReader(bytes.subarray(128), little, source);
  const variables = new Map<string, MatValue>();
  while (!reader.done) {
    let element = reader.next();
    if (element.type === MI.COMPRESSED) {
      let inflated: Uint8Array;
      try {
        inflated = unzlibSync(element.bytes);
      } catch (error) {
        throw new FileFormatError(`${source}: a compressed element could not be inflated (${(error as Error).message})`);
      }
      element = new ElementReader(inflated, little, source).next();
    }
    if (element.type !== MI.MATRIX) continue;
    const { name, value } = readMatrix(element.bytes, little, source);
    if (name === '__function_workspace__' || name === '') continue;
    variables.set(name, value);
  }
  return new MatFile(variables, header, source);
}
