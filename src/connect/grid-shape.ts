import { ParameterError } from '../core/errors.js';
import type { Shapes } from './connector.js';

/** A side's grid dimensions: its shape if given and consistent with its size, else a line. */
export function gridShape(num: number, shape: Shapes['pre'], what: string): number[] {
  if (shape === undefined) return [num];
  const dims = typeof shape === 'number' ? [shape] : [...shape];
  const total = dims.reduce((a, b) => a * b, 1);
  if (total !== num) throw new ParameterError(`${what}: shape [${dims.join(', ')}] has ${total} cells but the group has ${num} neurons`);
  return dims;
}

/** Row-major index of grid coordinates. */
export function flatIndex(coords: readonly number[], dims: readonly number[]): number {
  let index = 0;
  for (let d = 0; d < dims.length; d++) index = index * dims[d] + coords[d];
  return index;
}

/** Grid coordinates of a row-major index. */
export function coordinates(index: number, dims: readonly number[]): number[] {
  const coords = new Array<number>(dims.length);
  for (let d = dims.length - 1; d >= 0; d--) {
    coords[d] = index % dims[d];
    index = Math.floor(index / dims[d]);
  }
  return coords;
}
