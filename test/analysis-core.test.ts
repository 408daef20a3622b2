import { describe, expect, it } from 'vitest';
import { Bifurcation1D, Bifurcation2D, PhasePlane1D, PhasePlane2D, SlowPointFinder, classify, eigenvalues } from '../src/analysis/index.js';
import { defineModel } from '../src/core/model.js';
import { ParameterError, UnknownNameError } from '../src/core/errors.js';

const only = <T>(xs: readonly T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0];
};

describe('fixed points against closed forms', () => {
  it('finds x = -1, 0, 1 of x^3 - x with their stability (seed 001, 1-D phase plane)', () => {
    const pp = new PhasePlane1D({ x: 'x**3 - x + Iext' }, { targetVars: { x: [-10, 10] }, parsUpdate: { Iext: 0 } });
    const fps = pp.fixedPoints();
    expect(fps.map((p) => p.values.x)).toHaveLength(3);
    const expected = [[-1, 'unstable point'], [0, 'stable point'], [1, 'unstable point']] as const;
    expected.forEach(([x, s], i) => {
      expect(Math.abs(fps[i].values.x - x)).toBeLessThan(1e-8);
      expect(fps[i].stability).toBe(s);
    });
  });

  it('solves linear systems exactly and names the textbook classes', () => {
    const cases: [number[], string][] = [
      [[-2, 0, 0, -1], 'stable node'],
      [[2, 0, 0, 1], 'unstable node'],
      [[-1, -3, 3, -1], 'stable focus'],
      [[1, -3, 3, 1], 'unstable focus'],
      [[1, 0, 0, -1], 'saddle'],
      [[0, 1, -1, 0], 'centre'],
    ];
    for (const [[a, b, c, d], name] of cases) {
      // Fixed point at (0.3, -0.2): dx = a (x - 0.3) + b (y + 0.2), dy = c (x - 0.3) + d (y + 0.2).
      const model = defineModel('linear', { equations: { x: 'a * (x - 0.3) + b * (y + 0.2)', y: 'c * (x - 0.3) + d * (y + 0.2)' } }, ['a', 'b', 'c', 'd']);
      const pp = new PhasePlane2D(model, { targetVars: { x: [-1, 1], y: [-1, 1] }, parsUpdate: { a, b, c, d } });
      const fp = only(pp.fixedPoints());
      expect(Math.abs(fp.values.x - 0.3)).toBeLessThan(1e-8);
      expect(Math.abs(fp.values.y + 0.2)).toBeLessThan(1e-8);
      expect(fp.stability).toBe(name);
      expect(classify([a, b, c, d], 2)).toBe(name);
    }
  });

  it('puts the FitzHugh-Nagumo fixed point on w = (V + 0.7)/0.8 and on the V-nullcline', () => {
    const fhn = { V: 'V - V**3 / 3 - w + Iext', w: '(V + a - b * w) / tau' };
    for (const Iext of [0, 0.3, 0.6, 1]) {
      const pp = new PhasePlane2D(fhn, { targetVars: { V: [-3, 3], w: [-3, 3] }, parsUpdate: { Iext, a: 0.7, b: 0.8, tau: 12.5 } });
      const { V, w } = only(pp.fixedPoints()).values;
      expect(Math.abs(w - (V + 0.7) / 0.8)).toBeLessThan(1e-8);
      expect(Math.abs(V - V ** 3 / 3 - w + Iext)).toBeLessThan(1e-8);
    }
  });

  it('agrees with ml-matrix for n-D eigenvalues and the closed form in 2-D', () => {
    const e3 = eigenvalues([-1, 0, 0, 0, -2, 1, 0, -1, -2], 3).sort((a, b) => a.im - b.im);
    expect(e3.map((e) => [e.re, e.im].map((v) => Math.round(v * 1e9) / 1e9))).toEqual([[-2, -1], [-1, 0], [-2, 1]]);
    expect(classify([-1, 0, 0, 0, -2, 1, 0, -1, -2], 3)).toBe('stable focus');
    expect(classify([1, 0, 0, 0, -2, 0, 0, 0, -3], 3)).toBe('saddle');
  });
});

describe('bifurcations located to the parameter resolution', () => {
  it('finds the saddle-node points of x^3 - x + I at I = ±2/(3√3)', () => {
    const b = new Bifurcation1D({ x: 'x**3 - x + Iext' }, { targetVars: { x: [-2, 2] }, targetPars: { Iext: [-0.5, 0.5] }, resolutions: { Iext: 0.001 } });
    const points = b.bifurcationPoints();
    const exact = 2 / (3 * Math.sqrt(3));
    expect(points.map((p) => p.kind)).toEqual(['saddle-node', 'saddle-node']);
    expect(points[0].between[0]).toBeLessThanOrEqual(-exact);
    expect(points[0].between[1]).toBeGreaterThanOrEqual(-exact);
    expect(points[1].between[0]).toBeLessThanOrEqual(exact);
    expect(points[1].between[1]).toBeGreaterThanOrEqual(exact);
    // Three fixed points strictly between the folds, one outside.
    const fp = b.fixedPoints();
    const countAt = (s: number) => fp.group.filter((g) => g === s).length;
    expect(countAt(500)).toBe(3);
    expect(countAt(0)).toBe(1);
  });

  it('finds the Hopf point of the classic FHN where the trace of the Jacobian vanishes', () => {
    // Trace 1 - V^2 - b/tau = 0 at V* = -sqrt(1 - b/tau); I = w* - V* + V*^3/3 with w* = (V* + a)/b.
    const a = 0.7, b = 0.8, tau = 12.5;
    const V = -Math.sqrt(1 - b / tau);
    const I = (V + a) / b - V + V ** 3 / 3;
    const bf = new Bifurcation2D({ V: 'V - V**3 / 3 - w + Iext', w: '(V + a - b * w) / tau' }, {
      targetVars: { V: [-3, 3], w: [-3, 3] },
      targetPars: { Iext: [0, 1] },
      parsUpdate: { a, b, tau },
      resolutions: { Iext: 0.01, V: 0.05, w: 0.05 },
    });
    const hopf = bf.bifurcationPoints().filter((p) => p.kind === 'Hopf');
    expect(hopf.length).toBeGreaterThanOrEqual(1);
    expect(Math.abs(hopf[0].par - I)).toBeLessThan(0.01);
  });
});

describe('SlowPointFinder', () => {
  it('finds the three fixed points of the reduced Wong-Wang model given as a function (seed 001)', () => {
    const gamma = 0.641, tau = 0.06, a = 270, b = 108, d = 0.154, JE = 0.3725, JI = -0.1137, JA = 0.00117, mu = 20, coh = 0.5, Ib = 0.3297;
    const r = (I: number) => (a * I - b) / (1 - Math.exp(-d * (a * I - b)));
    const cell = (s: Float64Array) => [
      -s[0] / tau + (1 - s[0]) * gamma * r(JE * s[0] + JI * s[1] + Ib + JA * mu * (1 + coh)),
      -s[1] / tau + (1 - s[1]) * gamma * r(JE * s[1] + JI * s[0] + Ib + JA * mu * (1 - coh)),
    ];
    const finder = new SlowPointFinder(cell, { dim: 2 });
    const candidates = Array.from({ length: 200 }, (_, k) => [((k * 37) % 200) / 200, ((k * 91) % 200) / 200]);
    finder.findFixedPoints(candidates);
    finder.filterLoss(1e-5);
    finder.keepUnique(0.025);
    const fps = [...finder.fixedPoints].sort((p, q) => p[0] - q[0]);
    const seed = [[0.01394651, 0.65738904], [0.28276323, 0.40635171], [0.70045189, 0.00486431]];
    expect(fps).toHaveLength(3);
    fps.forEach((p, i) => seed[i].forEach((v, j) => expect(Math.abs(p[j] - v)).toBeLessThan(1e-7)));
    const { stability } = finder.spectra(fps);
    expect(stability).toEqual(['stable node', 'saddle', 'stable node']);
  });

  it('analyses a group as one state vector with per-neuron parameters and an exact Jacobian', () => {
    const model = defineModel('leaky', { equations: { v: '(-v + I0) / tau', w: 'v - w' } }, ['I0', 'tau']);
    const group = { model, params: { I0: [1, 2, 3], tau: 5 }, num: 3 };
    const finder = new SlowPointFinder(group);
    finder.findFixedPoints({ v: [[0, 0, 0], [5, 5, 5]], w: [[0, 0, 0], [-5, -5, -5]] });
    finder.keepUnique();
    const fp = only(finder.fixedPointsByVar().v);
    expect(Array.from(fp).map((v) => Math.round(v * 1e10) / 1e10)).toEqual([1, 2, 3]);
    const j = only(finder.computeJacobians());
    expect(j[0]).toBeCloseTo(-0.2, 12);
    expect(j[3 * 6 + 0]).toBe(1);
    expect(j[3 * 6 + 3]).toBe(-1);
  });

  it('finds fixed points of a discrete map (logistic map: x* = 1 - 1/r)', () => {
    const finder = new SlowPointFinder((x) => [3.2 * x[0] * (1 - x[0])], { dim: 1, fType: 'discrete' });
    finder.findFixedPoints([[0.5], [0.9], [0.6]]);
    finder.keepUnique();
    expect(only(finder.fixedPoints)[0]).toBeCloseTo(1 - 1 / 3.2, 12);
    expect(finder.spectra().eigenvalues[0][0].re).toBeCloseTo(2 - 3.2, 6);
  });
});

describe('SlowPointFinder by Newton (pseudo-transient continuation)', () => {
  it('reaches a ring of fixed points, where the Jacobian is singular, along the flow', () => {
    const ring = (v: Float64Array) => [(1 - v[0] ** 2 - v[1] ** 2) * v[0], (1 - v[0] ** 2 - v[1] ** 2) * v[1]];
    const finder = new SlowPointFinder(ring, { dim: 2 });
    finder.findFixedPoints([[0.5, 0.5], [-0.1, 0.3]], { method: 'newton' });
    finder.filterLoss(1e-25);
    const [p, q] = finder.fixedPoints;
    expect(Math.hypot(p[0], p[1])).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(p[1], 12);
    expect(Math.atan2(q[1], q[0])).toBeCloseTo(Math.atan2(0.3, -0.1), 6);
    const values = finder.spectra([p]).eigenvalues[0].map((e) => e.re).sort((a, b) => a - b);
    expect(values[0]).toBeCloseTo(-2, 6);
    expect(Math.abs(values[1])).toBeLessThan(1e-6);
  });
});

describe('errors name what is wrong', () => {
  it('reports unknown variables, missing parameters and bad ranges', () => {
    expect(() => new PhasePlane1D({ x: '-x + I' }, { targetVars: { z: [0, 1] } })).toThrow(UnknownNameError);
    expect(() => new PhasePlane1D({ x: '-x + I' }, { targetVars: { x: [0, 1] } })).toThrow(/needs a value for I/);
    expect(() => new PhasePlane1D({ x: '-x' }, { targetVars: { x: [1, 0] } })).toThrow(ParameterError);
    expect(() => new Bifurcation1D({ x: '-x + I' }, { targetVars: { x: [0, 1] }, parsUpdate: { I: 0 } })).toThrow(/one or two target parameters/);
    expect(() => new SlowPointFinder((x) => x)).toThrow(/needs \{ dim \}/);
  });
});
