import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExample } from '../src/examples/index.js';

const outDir = mkdtempSync(path.join(tmpdir(), 'neurodyn-chaos-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function run(name: string, duration: number) {
  const example = findExample(name);
  if (!example) throw new Error(`no gallery entry '${name}'`);
  return example.run({ outDir: path.join(outDir, name), duration, seed: 0, dt: 0.1, log: () => {}, progress: false });
}

describe('chaos and fractional gallery entries (short runs)', () => {
  it('henon-map: analytic period-2 orbit, Lyapunov exponent, escape for a = 2', async () => {
    const result = await run('henon-map', 2000);
    expect(Object.keys(result.checks)).toEqual(['period2_sum_a05', 'lyapunov_a14', 'escapes_a2']);
    for (const [key, check] of Object.entries(result.checks)) expect(check.pass, key).toBe(true);
    expect(result.figures.some((f) => f.endsWith('henon.png'))).toBe(true);
  }, 60_000);

  it('mackey-glass: the seed group agrees with the rk4 solution', async () => {
    const result = await run('mackey-glass', 500);
    expect(result.checks.mean_vs_rk4.pass).toBe(true);
    expect(result.checks.sd_vs_rk4.pass).toBe(true);
  }, 60_000);

  it('fractional-izhikevich: alpha = 1 equals the Euler Izhikevich group spike for spike', async () => {
    const result = await run('fractional-izhikevich', 100);
    expect(result.checks.alpha1_equals_euler_izhikevich.pass).toBe(true);
    expect(result.groups['alpha_1'].spikes).toBeGreaterThan(0);
  }, 60_000);
});
