import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joglekarFig1, localCircuit, localMaxEigen } from '../src/examples/joglekar-fig1.js';
import { peak24c } from '../src/examples/joglekar-task.js';

const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const haveData = existsSync(`${DATA}/joglekar2018`);
if (!haveData) console.warn(`joglekar-figures.test: ${DATA}/joglekar2018 is missing; the Fig. 3F GBA test is skipped`);

describe('Joglekar Fig. 1 local circuit (seed 001)', () => {
  it('decays when the largest eigenvalue is below 1 and grows without bound above it', () => {
    expect(localMaxEigen(6, 6.7)).toBeLessThan(1);
    expect(localMaxEigen(6.2, 4.5)).toBeGreaterThan(1);
    const stable = localCircuit(6, 6.7, 2);
    const unstable = localCircuit(6.2, 4.5, 0.5);
    expect(stable[stable.length - 1]).toBeLessThan(1e-3);
    expect(unstable[unstable.length - 1]).toBeGreaterThan(1e3);
  });

  it('runs the gallery entry: strong LBA amplifies more than weak LBA, figures written', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'jf1-'));
    const result = await joglekarFig1.run({ outDir: out, duration: 200, seed: 0, dt: 0.1, progress: false, log: () => {} });
    expect(result.checks.both_circuits_stable.pass).toBe(true);
    expect(result.checks.strong_over_weak_peak.pass).toBe(true);
    expect(result.figures.filter((f) => f.endsWith('.png'))).toHaveLength(2);
  }, 40_000);
});

describe.skipIf(!haveData)('Joglekar Fig. 3F task (seed 003)', () => {
  it('GBA (omegaEI raised with muEE) keeps muEE 40 stable, fixed omegaEI does not', () => {
    const base = { dataDir: DATA, muEE: 40, feedforwardOnly: false, amplitude: 22.05 * 1.9, windowEnd: 3.5 };
    expect(peak24c({ ...base, omegaEI: 19.7 + ((40 - 33.7) * 55) / 178 })).toBeLessThan(1);
    expect(peak24c({ ...base, omegaEI: 19.7 })).toBeGreaterThan(500);
  }, 30_000);
});
