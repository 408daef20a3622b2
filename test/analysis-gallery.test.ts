import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bifurcation2D, PhasePlane2D } from '../src/analysis/index.js';
import { WilsonCowanModel } from '../src/models/rates/index.js';
import { decisionMakingSlowPoints } from '../src/examples/decision-making-slow-points.js';
import { phasePlane1D } from '../src/examples/phase-plane-1d.js';
import type { Example } from '../src/examples/example.js';
import { phasePlaneSpec } from '../src/plot/analysis-phase-plane.js';
import { specToSvg } from '../src/plot/render.js';

const out = mkdtempSync(path.join(tmpdir(), 'neurodyn-analysis-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function runAll(example: Example) {
  const result = await example.run({ outDir: path.join(out, example.name), seed: 0, dt: 0.1, log: () => {}, progress: false });
  const failed = Object.entries(result.checks).filter(([, c]) => !c.pass);
  expect(failed).toEqual([]);
  expect(result.figures.filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
  return result;
}

describe('analysis gallery entries', () => {
  it('phase-plane-1d passes its seed and analytic checks', async () => {
    const r = await runAll(phasePlane1D);
    expect(Object.keys(r.checks)).toContain('saddle_node_2');
  }, 60_000);

  it('decision-making-slow-points finds the seed\'s three fixed points', async () => {
    const r = await runAll(decisionMakingSlowPoints);
    expect(r.checks.fixed_points.value).toBe(3);
  }, 60_000);
});

describe('Wilson-Cowan bifurcation over x_ext (seed 000)', () => {
  const wc = new WilsonCowanModel(1, { wEE: 16, wIE: 15, wEI: 12, wII: 3, E_a: 1.5, I_a: 1.5, E_theta: 3, I_theta: 3 });
  const options = { targetVars: { x: [-0.2, 1] as const, y: [-0.2, 1] as const }, targetPars: { x_ext: [-2, 2] as const }, parsUpdate: { y_ext: 0 }, resolutions: { x_ext: 0.01, x: 0.02, y: 0.02 } };

  it('has one fixed point per value with the current equation', () => {
    const fp = new Bifurcation2D(wc, options).fixedPoints();
    expect(fp.group.length).toBe(400);
    expect(new Set(fp.group).size).toBe(400);
  });

  it('has three between two folds with BrainPy 2.2\'s dx (total input in place of x): 580 vs the seed\'s 579', () => {
    const u = '(wEE * x - wIE * y + x_ext)';
    const F = (v: string, a: string, th: string) => `(1 / (1 + exp(-${a} * (${v} - ${th}))) - 1 / (1 + exp(${a} * ${th})))`;
    const seedEra = {
      x: `(-${u} + (1 - r * ${u}) * ${F(u, 'E_a', 'E_theta')}) / E_tau`,
      y: `(-y + (1 - r * y) * ${F('(wEI * x - wII * y + y_ext)', 'I_a', 'I_theta')}) / I_tau`,
    };
    const params = Object.fromEntries(Object.entries(wc.params).map(([k, v]) => [k, typeof v === 'number' ? v : v[0]]));
    const bf = new Bifurcation2D(seedEra, { ...options, parsUpdate: { ...params, y_ext: 0 } });
    expect(bf.fixedPoints().group.length).toBe(580);
    const folds = bf.bifurcationPoints().filter((b) => b.kind === 'saddle-node').map((b) => b.par);
    expect(folds.map((f) => Math.round(f * 1000) / 1000)).toEqual([-1.155, -0.255]);
  });
});

describe('phase-plane figure', () => {
  it('draws arrows, nullclines and fixed points into one SVG', async () => {
    const pp = new PhasePlane2D({ x: 'y', y: '-x - 0.5 * y' }, { targetVars: { x: [-1, 1], y: [-1, 1] } });
    const spec = phasePlaneSpec({ vars: ['x', 'y'], box: [[-1, 1], [-1, 1]], field: pp.vectorField(11), nullclines: pp.nullclines(), fixedPoints: pp.fixedPoints() });
    const svg = await specToSvg(spec);
    expect(svg).toContain('x nullcline');
    expect(svg).toContain('stable focus');
    // 11 x 11 arrows, minus the one at the fixed point where the field vanishes.
    expect((spec as { layer: { data: { values: unknown[] } }[] }).layer[0].data.values).toHaveLength(120);
  });
});
