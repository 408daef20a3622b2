import type { FixedPoints } from './fixed-points.js';

/** A change in the fixed-point structure between two neighbouring parameter values. */
export interface BifurcationPoint {
  readonly kind: 'saddle-node' | 'Hopf' | 'stability change';
  /** Best estimate of the parameter value. */
  readonly par: number;
  /** The two grid values it lies between. */
  readonly between: readonly [number, number];
}

const maxReal = (fp: FixedPoints, m: number) => Math.max(...fp.eigenvalues[m].map((e) => e.re));
const isComplex = (fp: FixedPoints, m: number) => fp.eigenvalues[m].some((e) => e.im !== 0);

/**
 * Codimension-1 bifurcations along a single parameter axis: a saddle-node where the number of
 * fixed points changes; a Hopf point where the leading real part of a complex pair changes sign
 * along a branch (placed by linear interpolation of that real part); any other sign change of the
 * leading eigenvalue is reported as a stability change. Branches are followed by nearest point.
 */
export function locateBifurcations(fp: FixedPoints, parValues: Float64Array, ranges: readonly (readonly [number, number])[]): BifurcationPoint[] {
  const bySet: number[][] = Array.from({ length: parValues.length }, () => []);
  fp.group.forEach((g, m) => bySet[g].push(m));
  const distance = (a: number, b: number) => Math.hypot(...fp.x.map((xi, i) => (xi[a] - xi[b]) / (ranges[i][1] - ranges[i][0])));
  const out: BifurcationPoint[] = [];
  for (let s = 0; s + 1 < parValues.length; s++) {
    const here = bySet[s];
    const next = bySet[s + 1];
    const between: [number, number] = [parValues[s], parValues[s + 1]];
    if (here.length !== next.length) {
      out.push({ kind: 'saddle-node', par: (between[0] + between[1]) / 2, between });
      continue;
    }
    for (const m of here) {
      const partner = next.reduce((best, k) => (distance(m, k) < distance(m, best) ? k : best), next[0]);
      const r0 = maxReal(fp, m);
      const r1 = maxReal(fp, partner);
      if (Math.sign(r0) === Math.sign(r1)) continue;
      const par = between[0] + ((between[1] - between[0]) * r0) / (r0 - r1);
      out.push({ kind: isComplex(fp, m) && isComplex(fp, partner) ? 'Hopf' : 'stability change', par, between });
    }
  }
  return out;
}
