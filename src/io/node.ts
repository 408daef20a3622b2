import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnknownNameError } from '../core/errors.js';
import { type MatFile, readMat } from './mat5.js';
import { type NdArray, type NpzFile, readNpy, readNpz, writeNpy, writeNpz } from './npy.js';

/** Node file helpers around the browser-safe parsers in mat5.ts and npy.ts. */

function bytesOf(path: string, what: string): Uint8Array {
  if (!existsSync(path)) throw new UnknownNameError(`${what} '${path}' does not exist`);
  return new Uint8Array(readFileSync(path));
}

export function readMatFile(path: string): MatFile {
  return readMat(bytesOf(path, 'MAT-file'), path);
}

export function readNpyFile(path: string): NdArray {
  return readNpy(bytesOf(path, '.npy file'), path);
}

export function readNpzFile(path: string): NpzFile {
  return readNpz(bytesOf(path, '.npz file'), path);
}

export function writeNpyFile(path: string, array: Parameters<typeof writeNpy>[0]): void {
  writeFileSync(path, writeNpy(array));
}

export function writeNpzFile(path: string, arrays: Parameters<typeof writeNpz>[0], options: Parameters<typeof writeNpz>[1] = {}): void {
  writeFileSync(path, writeNpz(arrays, options));
}

/** The package root: the nearest folder above this module with a package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new UnknownNameError('cannot find the neurodyn package root (no package.json above src/io)');
    dir = parent;
  }
  return dir;
}

/**
 * The shared data folder the examples read: `given` when set, else $NEURODYN_DATA, else
 * `../shared/data` next to the package root. Throws a clear error, naming what was looked for, when the folder (or `needs`
 * inside it) is missing.
 */
export function resolveDataDir(given?: string, needs?: string): string {
  const chosen = given ?? process.env.NEURODYN_DATA;
  const dir = chosen === undefined ? resolve(packageRoot(), '..', 'shared', 'data') : resolve(chosen);
  const required = needs === undefined ? dir : join(dir, needs);
  if (!existsSync(required)) {
    throw new UnknownNameError(
      `data not found: '${required}' does not exist. Put the shared data folder (hcp/, joglekar2018/) at ../shared/data beside the project, or set NEURODYN_DATA to its path.`,
    );
  }
  return dir;
}
