import { describe, expect, it } from 'vitest';
import { FastSlow1D } from '../src/analysis/index.js';
import { ParameterError } from '../src/core/errors.js';
import { traceOf } from '../src/analysis/trajectory.js';

// Fast x with the slow z frozen: dx = z - x^2 has x = +sqrt(z) (stable, f' = -2x < 0) and
// x = -sqrt(z) (unstable) for z > 0, none for z < 0: a saddle-node at z = 0. The slow drift
// dz = eps (a - x) brings the full system to (a, a^2) along the stable branch.
const SYSTEM = { x: 'z - x**2', z: 'eps * (a - x)' };
const PARS = { eps: 0.02, a: 1 };
const analyser = () => new FastSlow1D(SYSTEM, { fastVars: { x: [-3, 3] }, slowVars: { z: [-0.505, 2] }, parsUpdate: PARS, resolutions: { z: 0.01 } });

describe('FastSlow1D', () => {
  it('finds the fast fixed points x = ±sqrt(z) at every slow value, stable on the upper branch', () => {
    const fp = analyser().fixedPoints();
    let checked = 0;
    for (let m = 0; m < fp.group.length; m++) {
      const z = fp.p[0][m];
      const x = fp.x[0][m];
      expect(z).toBeGreaterThan(0);
      expect(Math.abs(Math.abs(x) - Math.sqrt(z))).toBeLessThan(1e-8);
      expect(fp.stability[m]).toBe(x > 0 ? 'stable point' : 'unstable point');
      checked++;
    }
    // Two points at every positive slow value of the grid, none at the negative ones.
    const positive = analyser().setup.parAxes[0].filter((z) => z > 0).length;
    expect(checked).toBe(2 * positive);
  });

  it('locates the saddle-node of the fast subsystem at z = 0 within the slow resolution', () => {
    const points = analyser().bifurcationPoints();
    expect(points.map((p) => p.kind)).toEqual(['saddle-node']);
    expect(Math.abs(points[0].par)).toBeLessThanOrEqual(0.01);
  });

  it('runs the full system along the stable branch to its fixed point (a, a^2)', () => {
    const fs = analyser();
    expect(fs.full.vars).toEqual(['x', 'z']);
    // Near (a, a^2) the slow eigenvalue is about -eps / (2a) = -0.01 per ms: 1500 ms leave ~e^-15.
    const run = fs.trajectory({ x: [3], z: [4] }, { duration: 1500, dt: 0.05 });
    const x = traceOf(run, 0, 0);
    const z = traceOf(run, 1, 0);
    const end = x.length - 1;
    expect(Math.abs(x[end] - PARS.a)).toBeLessThan(1e-5);
    expect(Math.abs(z[end] - PARS.a ** 2)).toBeLessThan(1e-5);
    // After the fast jump (rate ~ 2 sqrt(z)), x follows sqrt(z) to O(eps).
    for (let r = 0; r < x.length; r++) if (run.ts[r] > 5) expect(Math.abs(x[r] - Math.sqrt(z[r]))).toBeLessThan(PARS.eps);
  });

  it('names missing pieces of the options', () => {
    expect(() => new FastSlow1D(SYSTEM, { fastVars: { x: [-3, 3] } } as never)).toThrow(ParameterError);
    expect(() => new FastSlow1D(SYSTEM, { fastVars: { x: [-3, 3], z: [0, 1] }, slowVars: { a: [0, 1] }, parsUpdate: { eps: 0.1 } })).toThrow(/FastSlow1D analyses 1/);
    expect(() => analyser().trajectory({ x: [1] }, { duration: 1 })).toThrow(/initials\.z/);
  });
});
