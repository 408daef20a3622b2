import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileFormatError, readMat, readNpy, readNpz, writeNpy, writeNpz } from '../src/io/index.js';
import { readMatFile, readNpzFile, resolveDataDir, writeNpzFile } from '../src/io/node.js';
import { UnknownNameError } from '../src/core/errors.js';

/** Values of any typed array (bigint ones too) as numbers. */
const nums = (a: ArrayLike<number | bigint>) => Array.from(a, Number);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./reference/io/${name}`, import.meta.url)));
const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const haveData = existsSync(DATA);
if (!haveData) console.warn(`io.test: ${DATA} is missing; the tests on the real HCP and Joglekar files are skipped`);

describe.each(['fixtures-compressed.mat', 'fixtures-plain.mat'])('readMat on scipy-written %s', (file) => {
  const mat = readMat(fixture(file), file);

  it('lists the variables in file order', () => {
    expect(mat.names).toEqual(['mat23', 'ints', 'u8', 'flags', 'z', 'name', 'words', 'cube', 'sparse', 'params', 'records']);
  });

  it('decodes numeric matrices into row-major order and keeps classes', () => {
    expect(mat.matrix('mat23')).toEqual({ rows: 2, cols: 3, data: Float64Array.from([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]) });
    const ints = mat.get('ints');
    expect(ints.kind === 'numeric' && ints.class).toBe('int16');
    expect(mat.matrix('ints').data).toEqual(Float64Array.from([-3, 250]));
    expect(mat.matrix('u8').data).toEqual(Float64Array.from([1, 2, 255]));
    const flags = mat.get('flags');
    expect(flags.kind === 'numeric' && flags.logical).toBe(true);
    const cube = mat.get('cube');
    expect(cube.kind === 'numeric' && [cube.class, cube.dims, cube.data[1], cube.data[2]]).toEqual(['single', [2, 3, 4], 12, 4]);
  });

  it('decodes complex, char, cell-of-strings, sparse and struct values', () => {
    const z = mat.get('z');
    expect(z.kind === 'numeric' && [nums(z.data), nums(z.imag ?? [])]).toEqual([[1, -0], [2, -3.5]]);
    expect(mat.strings('name')).toEqual(['Jansen-Rit']);
    expect(mat.strings('words')).toEqual(['V1', 'V2', 'area 46d']);
    expect(mat.matrix('sparse')).toEqual({ rows: 2, cols: 3, data: Float64Array.from([0, 2, 0, 1.5, 0, 0]) });
    const params = mat.get('params');
    if (params.kind !== 'struct') throw new Error('params should be a struct');
    expect(params.fields).toEqual(['tau', 'label', 'w']);
    const [p] = params.elements;
    expect(p.tau.kind === 'numeric' && p.tau.data[0]).toBe(20);
    expect(p.label.kind === 'char' && p.label.rows).toEqual(['E']);
    const records = mat.get('records');
    expect(records.kind === 'struct' && records.dims).toEqual([1, 2]);
    expect(records.kind === 'struct' && records.elements.map((r) => r.s.kind === 'char' && r.s.rows[0])).toEqual(['a', 'bb']);
  });

  it('names the variables it has when one is missing', () => {
    expect(() => mat.get('Cmat')).toThrow(UnknownNameError);
    expect(() => mat.get('Cmat')).toThrow(/no variable 'Cmat'; it holds: mat23 \(2x3 double\), ints \(1x2 int16\)/);
    expect(() => mat.matrix('words')).toThrow(/3x1 cell, not a numeric matrix/);
  });
});

describe('readMat errors', () => {
  it('rejects non-MAT bytes and truncated files clearly', () => {
    expect(() => readMat(new Uint8Array(10), 'x.mat')).toThrow(/x.mat is 10 bytes/);
    expect(() => readMat(new Uint8Array(200), 'x.mat')).toThrow(FileFormatError);
    const bytes = fixture('fixtures-plain.mat');
    expect(() => readMat(bytes.subarray(0, 250), 'cut.mat')).toThrow(/truncated/);
  });
});

describe('npy and npz', () => {
  it('reads numpy-written C-order float64, Fortran-order big-endian int32 and bool', () => {
    const c = readNpy(fixture('c-order-f8.npy'));
    expect(c.shape).toEqual([3, 4]);
    expect(nums(c.data)).toEqual(Array.from({ length: 12 }, (_, i) => i / 4));
    const f = readNpy(fixture('fortran-i4-be.npy'));
    expect([f.dtype, f.shape, nums(f.data)]).toEqual(['int32', [2, 3], [-2, -1, 0, 1, 2, 3]]);
    const b = readNpy(fixture('bool.npy'));
    expect([b.dtype, nums(b.data)]).toEqual(['bool', [1, 0, 1]]);
  });

  it('round-trips through writeNpy with numpy\'s header layout', () => {
    const bytes = writeNpy({ data: Float64Array.from({ length: 12 }, (_, i) => i / 4), shape: [3, 4] });
    expect(bytes).toEqual(fixture('c-order-f8.npy'));
    for (const data of [new Int8Array([-1, 2]), new BigInt64Array([-5n, 1n << 40n]), new Float32Array([0.25]), new Uint16Array([65535])]) {
      const back = readNpy(writeNpy(data));
      expect(back.data).toEqual(data);
    }
    const bools = readNpy(writeNpy({ data: new Uint8Array([1, 0]), dtype: 'bool' }));
    expect(bools.dtype).toBe('bool');
    expect(() => writeNpy({ data: new Float64Array(5), shape: [2, 2] })).toThrow(/has 4 elements but the data has 5/);
  });

  it('reads a numpy savez_compressed archive and round-trips its own', () => {
    const npz = readNpz(fixture('arrays.npz'));
    expect(npz.names.sort()).toEqual(['Cmat', 'lengths', 'u16']);
    expect(npz.get('lengths').data).toEqual(new BigInt64Array([1n, 2n, 3n]));
    expect(() => npz.get('Dmat')).toThrow(/no array 'Dmat'; it holds: .*Cmat \(3x4 float64\)/);
    for (const compress of [false, true]) {
      const back = readNpz(writeNpz({ a: new Float64Array([1, 2]), m: { data: new Int32Array([1, 2, 3, 4]), shape: [2, 2] } }, { compress }));
      expect(back.get('m').shape).toEqual([2, 2]);
      expect(back.get('a').data).toEqual(new Float64Array([1, 2]));
    }
    const dir = mkdtempSync(join(tmpdir(), 'neurodyn-io-'));
    writeNpzFile(join(dir, 'x.npz'), { x: new Float32Array([3]) });
    expect(readNpzFile(join(dir, 'x.npz')).get('x').data).toEqual(new Float32Array([3]));
  });
});

describe.skipIf(!haveData)('the real data in ../shared/data', () => {
  it('reads the Joglekar subgraphData.mat (compressed, cell of strings, an opaque containers.Map)', () => {
    const mat = readMatFile(join(DATA, 'joglekar2018/subgraphData.mat'));
    expect(mat.scalar('nNodes')).toBe(29);
    expect(mat.strings('areaList').slice(0, 3)).toEqual(['V1', 'V2', 'V4']);
    const fln = mat.matrix('flnMat');
    expect([fln.rows, fln.cols]).toEqual([29, 29]);
    // scipy.io.loadmat: flnMat[0, :4]
    expect(Array.from(fln.data.slice(0, 4))).toEqual([0, 0.732157206, 0.127730344, 0.000490637041].map((v, i) => (i === 0 ? 0 : expect.closeTo(v, 9))));
    expect(mat.get('areaMap')).toEqual({ kind: 'opaque', className: 'containers.Map' });
  });

  it('reads the HCP matrices and a BOLD time course', () => {
    const sc = readMatFile(join(DATA, 'hcp/Cmat_avg.mat')).matrix('sc');
    expect([sc.rows, sc.cols]).toEqual([94, 94]);
    const tc = readMatFile(join(DATA, 'hcp/subjects/101309/TC_rsfMRI_REST1_LR.mat')).matrix('tc');
    expect([tc.rows, tc.cols]).toEqual([94, 1200]);
    expect(() => readMatFile(join(DATA, 'hcp/Dmat_avg.mat')).matrix('sc')).toThrow(/no variable 'sc'; it holds: len \(94x94 double\)/);
    expect(resolveDataDir(DATA, 'hcp')).toBe(DATA);
    expect(() => resolveDataDir(DATA, 'nothing-here')).toThrow(/data not found: .*nothing-here/);
  });
});
