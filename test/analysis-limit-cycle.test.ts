import { describe, expect, it } from 'vitest';
import { PhasePlane2D } from '../src/analysis/index.js';
import { ParameterError } from '../src/core/errors.js';
import { phasePlaneSpec } from '../src/plot/analysis-phase-plane.js';

// Stuart-Landau (Hopf normal form): for mu > 0 a stable circle of radius sqrt(mu) with period
// 2 pi / w; for mu < 0 every orbit spirals into the origin.
const HOPF = { x: '(mu - x**2 - y**2) * x - w * y', y: '(mu - x**2 - y**2) * y + w * x' };
const plane = (mu: number, w = 2) => new PhasePlane2D(HOPF, { targetVars: { x: [-2, 2], y: [-2, 2] }, parsUpdate: { mu, w } });

describe('PhasePlane2D.limitCycles', () => {
  it('finds the Stuart-Landau cycle from inside and outside: radius sqrt(mu), period 2 pi / w', () => {
    for (const [mu, w] of [[1, 2], [0.25, 3]]) {
      const orbits = plane(mu, w).limitCycles({ x: [0.05, 1.8], y: [0, -0.3] }, { duration: 60, dt: 0.005 });
      expect(orbits.map((o) => o.start)).toEqual([0, 1]);
      for (const o of orbits) {
        expect(Math.abs(o.period - (2 * Math.PI) / w)).toBeLessThan(1e-6);
        const radii = Array.from(o.states[0], (x, r) => Math.hypot(x, o.states[1][r]));
        expect(Math.max(...radii.map((r) => Math.abs(r - Math.sqrt(mu))))).toBeLessThan(1e-6);
        expect(o.ts[o.ts.length - 1] - o.ts[0]).toBeGreaterThanOrEqual(o.period);
        expect(o.ts[o.ts.length - 1] - o.ts[0]).toBeLessThan(o.period + 0.011);
      }
    }
  });

  it('reports none where the run converges to a stable fixed point, even a weakly damped focus', () => {
    expect(plane(-0.5).limitCycles({ x: [1.5, 0.1], y: [0, 1] }, { duration: 60 })).toEqual([]);
    expect(plane(-0.02).fixedPoints().map((p) => p.stability)).toEqual(['stable focus']);
    expect(plane(-0.02).limitCycles({ x: [1], y: [0] }, { duration: 60 })).toEqual([]);
  });

  it('keeps only the starts that reach the cycle (the unstable origin stays put)', () => {
    const orbits = plane(1).limitCycles({ x: [0, 0.5], y: [0, 0] }, { duration: 40 });
    expect(orbits.map((o) => o.start)).toEqual([1]);
  });

  it('draws the cycle in the phase-plane figure and rejects bad options', () => {
    const pp = plane(1);
    const orbits = pp.limitCycles({ x: [0.5], y: [0] }, { duration: 40 });
    const spec = JSON.stringify(phasePlaneSpec({ vars: ['x', 'y'], box: [[-2, 2], [-2, 2]], fixedPoints: pp.fixedPoints(), limitCycles: orbits }));
    expect(spec).toContain('"kind":"limit cycle"');
    expect(() => pp.limitCycles({ x: [0.5], y: [0] }, { duration: 40, transient: 1 })).toThrow(ParameterError);
    expect(() => pp.limitCycles({ x: [0.5] }, { duration: 40 })).toThrow(/initials\.y/);
  });
});
