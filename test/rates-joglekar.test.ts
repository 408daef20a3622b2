import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadJoglekar, peakRise, simulateJoglekar } from '../src/examples/joglekar-model.js';

const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const haveData = existsSync(`${DATA}/joglekar2018`);
if (!haveData) console.warn(`rates-joglekar.test: ${DATA}/joglekar2018 is missing; the Joglekar model tests are skipped`);

describe.skipIf(!haveData)('Joglekar 2018 multi-area model (seed 003)', () => {
  const data = haveData ? loadJoglekar(DATA) : undefined;

  it('loads 29 areas from V1 to 24c with normalised hierarchy', () => {
    expect(data?.n).toBe(29);
    expect([data?.areas[0], data?.areas[28]]).toEqual(['V1', '24c']);
    expect(Math.max(...(data?.hier ?? []))).toBe(1);
  });

  it('sits at its (10, 35) Hz steady state without input, and muEE 34 is stable while 36 is not (Fig. 2B)', () => {
    if (!data) return;
    const quiet = simulateJoglekar(data, { muEE: 34, amplitude: 0 });
    expect(quiet.re.subarray(quiet.re.length - data.n).every((r) => Math.abs(r - 10) < 1e-9)).toBe(true);
    const stable = peakRise(simulateJoglekar(data, { muEE: 34, amplitude: 21.8 * 1.9 }), data.n, data.n - 1);
    const unstable = peakRise(simulateJoglekar(data, { muEE: 36, amplitude: 21.8 * 1.9 }), data.n, data.n - 1);
    expect(stable).toBeLessThan(1);
    expect(unstable).toBeGreaterThan(500);
  }, 30_000);
});
