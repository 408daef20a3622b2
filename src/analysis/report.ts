import type { FixedPoints } from './fixed-points.js';
import type { Eigenvalue, Stability } from './stability.js';

/** One fixed point, by name: what the analysers return and print. */
export interface FixedPointReport {
  readonly values: Readonly<Record<string, number>>;
  readonly pars: Readonly<Record<string, number>>;
  readonly stability: Stability;
  readonly eigenvalues: readonly Eigenvalue[];
}

export function fixedPointList(fp: FixedPoints): FixedPointReport[] {
  return fp.stability.map((stability, m) => ({
    values: Object.fromEntries(fp.vars.map((v, i) => [v, fp.x[i][m]])),
    pars: Object.fromEntries(fp.pars.map((p, j) => [p, fp.p[j][m]])),
    stability,
    eigenvalues: fp.eigenvalues[m],
  }));
}

/** BrainPy's line for a fixed point: "#1 n=0.2105, V=-51.61 is a unstable focus." */
export function describeFixedPoint(point: FixedPointReport, index: number): string {
  const where = Object.entries(point.values).map(([v, x]) => `${v}=${x}`).join(', ');
  const article = /^[aeiou]/.test(point.stability) ? 'an' : 'a';
  return `#${index + 1} ${where} is ${article} ${point.stability}.`;
}
