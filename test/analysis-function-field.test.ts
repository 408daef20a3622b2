import { describe, expect, it } from 'vitest';
import { Bifurcation1D, Bifurcation2D, type FixedPoints, PhasePlane1D, PhasePlane2D } from '../src/analysis/index.js';
import { ParameterError } from '../src/core/errors.js';

// The same systems as equation strings and as TypeScript functions: every analyser must agree.
const FHN_TEXT = { V: 'V - V**3 / 3 - w + Iext', w: '(V + a - b * w) / tau' };
const FHN_FN = {
  name: 'FHN',
  vars: ['V', 'w'],
  params: ['Iext', 'a', 'b', 'tau'],
  field: ({ V, w, Iext, a, b, tau }: Readonly<Record<string, number>>) => ({ V: V - V ** 3 / 3 - w + Iext, w: (V + a - b * w) / tau }),
};
const CUBIC_TEXT = { x: 'x**3 - x + I' };
const CUBIC_FN = { vars: ['x'], params: ['I'], field: ({ x, I }: Readonly<Record<string, number>>) => ({ x: x ** 3 - x + I }) };

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(0, ...Array.from(a, (v, k) => Math.abs(v - b[k])));
};
const samePoints = (a: FixedPoints, b: FixedPoints, tol: number) => {
  expect(Array.from(a.group)).toEqual(Array.from(b.group));
  a.x.forEach((xi, i) => expect(maxDiff(xi, b.x[i])).toBeLessThan(tol));
  expect(a.stability).toEqual(b.stability);
};

describe('analysers given a TypeScript vector-field function', () => {
  it('PhasePlane2D: same field, nullclines, fixed points, stability, eigenvalues and trajectory as the equation strings', () => {
    const options = { targetVars: { V: [-3, 3], w: [-3, 3] } as const, parsUpdate: { Iext: 0.6, a: 0.7, b: 0.8, tau: 12.5 } };
    const text = new PhasePlane2D(FHN_TEXT, options);
    const fn = new PhasePlane2D(FHN_FN, options);
    const [ft, ff] = [text.vectorField(), fn.vectorField()];
    expect(maxDiff(ft.dx, ff.dx)).toBeLessThan(1e-12);
    expect(maxDiff(ft.dy, ff.dy)).toBeLessThan(1e-12);
    text.nullclines().forEach((n, i) => expect(maxDiff(n.y, fn.nullclines()[i].y)).toBeLessThan(1e-9));
    const [pt, pf] = [text.fixedPoints(), fn.fixedPoints()];
    expect(pf.map((p) => p.stability)).toEqual(pt.map((p) => p.stability));
    pt.forEach((p, m) => {
      expect(Math.abs(p.values.V - pf[m].values.V)).toBeLessThan(1e-8);
      expect(Math.abs(pf[m].values.w - (pf[m].values.V + 0.7) / 0.8)).toBeLessThan(1e-8);
      p.eigenvalues.forEach((e, j) => expect(Math.hypot(e.re - pf[m].eigenvalues[j].re, e.im - pf[m].eigenvalues[j].im)).toBeLessThan(1e-8));
    });
    const start = { V: [-2, 1], w: [0, 1] };
    const [tt, tf] = [text.trajectory(start, { duration: 20 }), fn.trajectory(start, { duration: 20 })];
    expect(maxDiff(tt.traces[0], tf.traces[0])).toBeLessThan(1e-12);
  });

  it('PhasePlane1D and Bifurcation1D: x^3 - x + I, fixed points and the saddle-nodes at I = ±2/(3√3)', () => {
    const one = (m: object) => new PhasePlane1D(m as typeof CUBIC_TEXT, { targetVars: { x: [-2, 2] }, parsUpdate: { I: 0 } }).fixedPoints();
    const [a, b] = [one(CUBIC_TEXT), one(CUBIC_FN)];
    expect(b.map((p) => p.stability)).toEqual(['unstable point', 'stable point', 'unstable point']);
    b.forEach((p, i) => expect(Math.abs(p.values.x - a[i].values.x)).toBeLessThan(1e-8));
    const bif = (m: object) => new Bifurcation1D(m as typeof CUBIC_TEXT, { targetVars: { x: [-2, 2] }, targetPars: { I: [-0.5, 0.5] }, resolutions: { I: 0.01 } });
    const [bt, bf] = [bif(CUBIC_TEXT), bif(CUBIC_FN)];
    samePoints(bt.fixedPoints(), bf.fixedPoints(), 1e-8);
    const sn = bf.bifurcationPoints();
    expect(sn.map((p) => p.kind)).toEqual(['saddle-node', 'saddle-node']);
    expect(Math.abs(sn[0].par + 2 / (3 * Math.sqrt(3)))).toBeLessThanOrEqual(0.01);
    expect(Math.abs(sn[1].par - 2 / (3 * Math.sqrt(3)))).toBeLessThanOrEqual(0.01);
  });

  it('Bifurcation2D over (Iext, a): the same fixed points and stability as the strings', () => {
    const bif = (m: object) =>
      new Bifurcation2D(m as typeof FHN_TEXT, { targetVars: { V: [-3, 3], w: [-3, 3] }, targetPars: { Iext: [0, 2], a: [0.5, 0.9] }, parsUpdate: { b: 0.8, tau: 12.5 }, resolutions: { Iext: 0.1, a: 0.1, V: 0.05, w: 0.05 } });
    samePoints(bif(FHN_TEXT).fixedPoints(), bif(FHN_FN).fixedPoints(), 1e-8);
  });

  it('names what is wrong with a function source', () => {
    expect(() => new PhasePlane1D({ vars: [], field: () => ({}) }, { targetVars: { x: [0, 1] } })).toThrow(/vars/);
    expect(() => new PhasePlane1D(CUBIC_FN, { targetVars: { x: [-2, 2] } })).toThrow(/needs a value for I/);
    expect(() => new PhasePlane1D(CUBIC_FN, { targetVars: { y: [-2, 2] }, parsUpdate: { I: 0 } })).toThrow(/unknown target variable 'y'/);
    const broken = new PhasePlane1D({ vars: ['x'], field: () => ({ y: 1 }) }, { targetVars: { x: [-2, 2] } });
    expect(() => broken.vectorField()).toThrow(ParameterError);
    expect(() => broken.vectorField()).toThrow(/no number for dx\/dt/);
  });
});
