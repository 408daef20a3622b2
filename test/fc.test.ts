import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functionalConnectivity, matrixCorrelation } from '../src/measure/fc.js';
import { DiffusiveCoupling, delayStepsFromLengths } from '../src/models/synapses/diffusive-coupling.js';
import { FHN } from '../src/models/rates/fhn.js';
import { Network } from '../src/core/network.js';
import { Runner } from '../src/runner/runner.js';
import { wholeBrainFhn } from '../src/examples/whole-brain-fhn.js';
import type { ExampleOptions } from '../src/examples/example.js';

const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const haveData = existsSync(`${DATA}/hcp`);
if (!haveData) console.warn(`fc.test: ${DATA}/hcp is missing; the whole-brain-fhn run is skipped`);

describe('functionalConnectivity and matrixCorrelation', () => {
  it('gives Pearson correlations of columns, 0 for a constant column', () => {
    const t = [1, 2, 3, 4, 6];
    const data = Float64Array.from(t.flatMap((v) => [v, 2 * v + 1, -v, 5, v * v]));
    const fc = functionalConnectivity({ data, rows: 5, cols: 5 });
    expect(fc.data[0 * 5 + 1]).toBeCloseTo(1, 12);
    expect(fc.data[0 * 5 + 2]).toBeCloseTo(-1, 12);
    expect(fc.data[0 * 5 + 3]).toBe(0);
    expect(fc.data[3 * 5 + 3]).toBe(0);
    expect(fc.data[4 * 5 + 4]).toBeCloseTo(1, 12);
    // r(t, t^2) by hand: t = 1,2,3,4,6; t^2 = 1,4,9,16,36
    const mx = 16 / 5;
    const my = 66 / 5;
    const sxy = t.reduce((s, v) => s + (v - mx) * (v * v - my), 0);
    const sxx = t.reduce((s, v) => s + (v - mx) ** 2, 0);
    const syy = t.reduce((s, v) => s + (v * v - my) ** 2, 0);
    expect(fc.data[0 * 5 + 4]).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('matrixCorrelation compares upper triangles only', () => {
    const a = { rows: 3, cols: 3, data: Float64Array.from([9, 1, 2, 1, 9, 3, 2, 3, 9]) };
    const b = { rows: 3, cols: 3, data: Float64Array.from([0, 2, 4, 7, 0, 6, 7, 7, 0]) };
    expect(matrixCorrelation(a, b)).toBeCloseTo(1, 12);
    expect(matrixCorrelation(a, { ...b, data: b.data.map((v) => -v) })).toBeCloseTo(-1, 12);
    expect(() => matrixCorrelation(a, { rows: 2, cols: 2, data: new Float64Array(4) })).toThrow(/square matrices of one size/);
  });
});

describe('DiffusiveCoupling', () => {
  it('matches a hand-written Euler integration of 3 delayed, diffusively coupled FHN units', () => {
    const dt = 0.1;
    const C = [[0, 0.5, 0.2], [0.3, 0, 0], [0, 0.8, 0]];
    const D = [[0, 3, 1], [2, 0, 0], [0, 5, 0]];
    const x0 = [0.1, -0.3, 0.4];
    const history = 0.02;
    const fhn = new FHN(3, { method: 'euler', x_initializer: x0, y_initializer: 0 });
    const syn = new DiffusiveCoupling(fhn, fhn, { conn_mat: C, delay_steps: D, initial_delay_data: history });
    new Runner(new Network({ fhn, syn }), { inputs: [['fhn.input', 0.8]], dt, progress: false }).run(40);
    // reference: x history per step, delayed values from before t = 0 are `history`
    const xs: number[][] = [x0];
    let x = [...x0];
    let y = [0, 0, 0];
    for (let k = 0; k < 400; k++) {
      const coupling = [0, 1, 2].map((j) => [0, 1, 2].reduce((s, i) => s + C[i][j] * ((k - D[i][j] >= 0 ? xs[k - D[i][j]][i] : history) - x[j]), 0));
      const dx = x.map((v, j) => -3 * v ** 3 + 4 * v ** 2 - 1.5 * v - y[j] + 0.8 + coupling[j]);
      const dy = x.map((v, j) => (v - 0.5 * y[j]) / 20);
      x = x.map((v, j) => v + dt * dx[j]);
      y = y.map((v, j) => v + dt * dy[j]);
      xs.push(x);
    }
    const got = fhn.variables().x;
    x.forEach((v, j) => expect(got[j]).toBeCloseTo(v, 10));
  });

  it('checks shapes and delays, and converts fibre lengths to truncated delay steps', () => {
    const fhn = new FHN(2);
    expect(() => new DiffusiveCoupling(fhn, fhn, { conn_mat: [[0, 1]] })).toThrow(/must be 2x2 \(pre x post\)/);
    expect(() => new DiffusiveCoupling(fhn, fhn, { conn_mat: [[0, 1], [1, 0]], delay_steps: 1.5 })).toThrow(/integers >= 0/);
    expect(() => new DiffusiveCoupling(fhn, fhn, { conn_mat: [[0, 1], [1, 0]], var_to_output: 'I' })).toThrow(/'I' is not a variable of group/);
    const steps = delayStepsFromLengths({ rows: 1, cols: 3, data: Float64Array.from([0, 25, 39.9]) }, 20, 0.1);
    expect(Array.from(steps.data)).toEqual([0, 12, 19]);
  });
});

describe.skipIf(!haveData)('whole-brain-fhn on the HCP data (short run)', () => {
  it('prints per-subject FC correlations that are positive', async () => {
    const lines: string[] = [];
    const options: ExampleOptions = { outDir: '/tmp/neurodyn-fc-test', seed: 0, dt: 0.1, duration: 1000, log: (m) => lines.push(m), progress: false, dataDir: DATA };
    const result = await wholeBrainFhn.run(options);
    const { value } = result.checks.fc_correlation_mean;
    expect(lines.some((l) => l.startsWith('Correlation per subject:'))).toBe(true);
    expect(value).toBeGreaterThan(0.2);
    expect(value).toBeLessThan(0.8);
  }, 60_000);
});
