import { ParameterError } from '../core/errors.js';

/** A closed interval [low, high] of a variable or parameter. */
export type Range = readonly [number, number];

export function checkRange(range: unknown, name: string, where: string): Range {
  if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(range[0] < range[1])) {
    throw new ParameterError(`${where}: the range of '${name}' must be [low, high] with finite low < high, got ${JSON.stringify(range)}`);
  }
  return [range[0], range[1]];
}

/** BrainPy's arange(low, high, step): low, low + step, ... below high. */
export function arange(low: number, high: number, step: number, what: string): Float64Array {
  if (!(step > 0) || !Number.isFinite(step)) throw new ParameterError(`the resolution of ${what} must be a positive number, got ${step}`);
  const n = Math.max(1, Math.ceil((high - low) / step - 1e-9));
  return Float64Array.from({ length: n }, (_, i) => low + i * step);
}

/** n evenly spaced values from low to high inclusive. */
export function linspace(low: number, high: number, n: number): Float64Array {
  if (n === 1) return Float64Array.of(low);
  return Float64Array.from({ length: n }, (_, i) => low + ((high - low) * i) / (n - 1));
}

/** Values of one variable at grid resolution: a step size, or by default `points` values over the range. */
export function axisValues(range: Range, resolution: number | undefined, points: number, name: string): Float64Array {
  return resolution === undefined ? linspace(range[0], range[1], points) : linspace(range[0], range[1], Math.round((range[1] - range[0]) / requireStep(resolution, name)) + 1);
}

function requireStep(step: number, name: string): number {
  if (!(step > 0) || !Number.isFinite(step)) throw new ParameterError(`the resolution of '${name}' must be a positive number, got ${step}`);
  return step;
}

/** All combinations of the given axes (first axis slowest), as one column per axis. */
export function meshgrid(axes: readonly Float64Array[]): Float64Array[] {
  const total = axes.reduce((n, a) => n * a.length, 1);
  const out = axes.map(() => new Float64Array(total));
  for (let k = 0; k < total; k++) {
    let rest = k;
    for (let i = axes.length - 1; i >= 0; i--) {
      out[i][k] = axes[i][rest % axes[i].length];
      rest = Math.floor(rest / axes[i].length);
    }
  }
  return out;
}
