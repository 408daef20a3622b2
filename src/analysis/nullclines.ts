import { meshgrid } from './grid.js';
import { columns, type VectorSystem } from './vector-system.js';

/** Points on the curve f_i = 0 of a 2-D system, one set per equation. */
export interface Nullcline {
  /** The variable whose derivative vanishes on this curve. */
  readonly variable: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Nullclines by sign changes of f_i along every grid line in both directions, placed by linear
 * interpolation between the two nodes (accurate to the grid step squared times the curvature).
 * Scanning both directions samples steep and flat parts of a curve equally well.
 */
export function nullclines(system: VectorSystem, ax: Float64Array, ay: Float64Array, pars: readonly number[] = []): Nullcline[] {
  const [gx, gy] = meshgrid([ax, ay]);
  const n = gx.length;
  const f = columns(2, n);
  system.derivatives(n, [gx, gy], pars.map((v) => new Float64Array(n).fill(v)), f);
  const ny = ay.length;
  return f.map((fi, eq) => {
    const xs: number[] = [];
    const ys: number[] = [];
    const edge = (k0: number, k1: number) => {
      const a = fi[k0];
      const b = fi[k1];
      if (a === 0) {
        xs.push(gx[k0]);
        ys.push(gy[k0]);
      } else if (a * b < 0) {
        const s = a / (a - b);
        xs.push(gx[k0] + s * (gx[k1] - gx[k0]));
        ys.push(gy[k0] + s * (gy[k1] - gy[k0]));
      }
    };
    for (let i = 0; i < ax.length; i++) {
      for (let j = 0; j < ny; j++) {
        const k = i * ny + j;
        if (j + 1 < ny) edge(k, k + 1);
        if (i + 1 < ax.length) edge(k, k + ny);
      }
    }
    return { variable: system.vars[eq], x: Float64Array.from(xs), y: Float64Array.from(ys) };
  });
}
