import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { ParameterError } from '../core/errors.js';

/**
 * Stability of a fixed point from the eigenvalues of its Jacobian, with the textbook names:
 * nodes (real eigenvalues of one sign), foci (complex pair), saddles (real parts of both signs),
 * centres (purely imaginary pair). BrainPy prints a 2-D saddle as "saddle node"; here it is
 * "saddle", and a 1-D point where f' = 0 is a "saddle node".
 */
export type Stability =
  | 'stable point'
  | 'unstable point'
  | 'saddle node'
  | 'stable node'
  | 'unstable node'
  | 'stable focus'
  | 'unstable focus'
  | 'saddle'
  | 'centre'
  | 'non-hyperbolic';

export interface Eigenvalue {
  readonly re: number;
  readonly im: number;
}

/** True for the classes that attract every nearby trajectory. */
export const isStable = (s: Stability): boolean => s === 'stable point' || s === 'stable node' || s === 'stable focus';

/** Relative size below which a trace, determinant or eigenvalue counts as zero. */
const ZERO = 1e-10;

export function stability1D(slope: number): Stability {
  if (Math.abs(slope) <= ZERO) return 'saddle node';
  return slope < 0 ? 'stable point' : 'unstable point';
}

/** Eigenvalues of [[a, b], [c, d]] in closed form. */
export function eigenvalues2D(a: number, b: number, c: number, d: number): [Eigenvalue, Eigenvalue] {
  const half = (a + d) / 2;
  const disc = half * half - (a * d - b * c);
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    return [{ re: half + r, im: 0 }, { re: half - r, im: 0 }];
  }
  const w = Math.sqrt(-disc);
  return [{ re: half, im: w }, { re: half, im: -w }];
}

export function stability2D(a: number, b: number, c: number, d: number): Stability {
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d), Number.MIN_VALUE);
  const tr = (a + d) / scale;
  const det = (a * d - b * c) / (scale * scale);
  if (det < -ZERO) return 'saddle';
  if (det <= ZERO) return 'non-hyperbolic';
  if (Math.abs(tr) <= ZERO) return 'centre';
  const kind = tr * tr - 4 * det < 0 ? 'focus' : 'node';
  return `${tr < 0 ? 'stable' : 'unstable'} ${kind}`;
}

/** Eigenvalues of a square matrix given row-major (closed form up to 2-D, ml-matrix beyond). */
export function eigenvalues(jacobian: ArrayLike<number>, d: number): Eigenvalue[] {
  if (jacobian.length !== d * d) throw new ParameterError(`a ${d}x${d} Jacobian needs ${d * d} entries, got ${jacobian.length}`);
  if (d === 1) return [{ re: jacobian[0], im: 0 }];
  if (d === 2) return eigenvalues2D(jacobian[0], jacobian[1], jacobian[2], jacobian[3]);
  const rows = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => jacobian[i * d + j]));
  const e = new EigenvalueDecomposition(new Matrix(rows));
  return e.realEigenvalues.map((re, i) => ({ re, im: e.imaginaryEigenvalues[i] }));
}

/** Class of a fixed point of a d-dimensional flow from its Jacobian (row-major). */
export function classify(jacobian: ArrayLike<number>, d: number): Stability {
  if (d === 1) return stability1D(jacobian[0]);
  if (d === 2) return stability2D(jacobian[0], jacobian[1], jacobian[2], jacobian[3]);
  const values = eigenvalues(jacobian, d);
  const scale = Math.max(...values.map((v) => Math.hypot(v.re, v.im)), Number.MIN_VALUE);
  const negative = values.filter((v) => v.re < -ZERO * scale).length;
  const positive = values.filter((v) => v.re > ZERO * scale).length;
  if (negative + positive < d) return negative === 0 && positive === 0 && values.every((v) => Math.abs(v.im) > ZERO * scale) ? 'centre' : 'non-hyperbolic';
  if (negative > 0 && positive > 0) return 'saddle';
  const kind = values.some((v) => Math.abs(v.im) > ZERO * scale) ? 'focus' : 'node';
  return `${positive === 0 ? 'stable' : 'unstable'} ${kind}`;
}
