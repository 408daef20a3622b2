import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seed } from '../src/core/random.js';
import { tianFastResponse, vreeswijkEI } from '../src/examples/balanced-nets.js';
import { buildDecisionMaking } from '../src/examples/decision-making.js';
import { pituitaryGapJunction } from '../src/examples/pituitary-gap-junction.js';
import { susinAI } from '../src/examples/susin-networks.js';
import { cann1D } from '../src/examples/cann-1d.js';
import type { ExampleOptions } from '../src/examples/example.js';
import { findExample } from '../src/examples/index.js';
import { meanRate } from '../src/measure/index.js';
import { Runner } from '../src/runner/runner.js';

const outDir = mkdtempSync(path.join(tmpdir(), 'neurodyn-synapses-gallery-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
const options = (extra: Partial<ExampleOptions>): ExampleOptions => ({ outDir, seed: 1, dt: 0.1, log: () => {}, progress: false, ...extra });

describe('network gallery entries (short runs)', () => {
  it('are registered', () => {
    for (const name of ['vreeswijk-ei', 'tian-fast-response', 'decision-making', 'pituitary-gap-junction', 'susin-ai', 'susin-ching', 'susin-ing', 'susin-ping', 'sherman-gap-junction', 'cann-1d']) expect(findExample(name)?.name).toBe(name);
  });

  it('vreeswijk-ei: E and I fire alike, at the rate of a lone LIF driven by Ib', async () => {
    const result = await vreeswijkEI.run(options({ duration: 300 }));
    expect(result.checks.rate_E_equals_I.pass).toBe(true);
    expect(result.checks.rate_vs_lone_LIF.pass).toBe(true);
    expect(result.figures.length).toBeGreaterThan(0);
  });

  it('tian-fast-response at half size: E rate near the balance equations, I faster than E as they predict', async () => {
    const result = await tianFastResponse.run(options({ duration: 100, scale: 0.5 }));
    expect(result.groups.E.size).toBe(4000);
    expect(result.checks.rate_E_vs_balance.pass).toBe(true);
    expect(result.groups.I.rate_hz).toBeGreaterThan(1.5 * result.groups.E.rate_hz);
  });

  it('decision-making: the network is quiet before the stimulus (spontaneous rates of a few Hz)', () => {
    seed(3);
    const { net } = buildDecisionMaking({ coherence: 25.6, dt: 0.1 });
    const runner = new Runner(net, { monitors: ['A.spike', 'B.spike', 'N.spike', 'I.spike', 'IA.freq'], dt: 0.1, progress: false });
    runner.run(100);
    const rates = ['A', 'B', 'N', 'I'].map((g) => meanRate(runner.mon.get(`${g}.spike`), 0.1));
    for (const r of rates.slice(0, 3)) expect(r).toBeLessThan(10);
    expect(Math.max(...rates)).toBeGreaterThan(0.5);
    expect(Array.from(runner.mon.get('IA.freq').data).every((f) => f === 0)).toBe(true);
  });

  it('pituitary-gap-junction: both gap-coupled cells burst', async () => {
    const result = await pituitaryGapJunction.run(options({}));
    expect(result.checks.cells_burst.pass).toBe(true);
    expect(result.steps).toBe(20000);
  });

  it('susin-ai (25,000 AdEx neurons, 60 ms): the drive starts both populations, FS faster than RS', async () => {
    const result = await susinAI.run(options({ duration: 60 }));
    expect(result.groups.RS.size).toBe(20000);
    expect(result.groups.FS.rate_hz).toBeGreaterThan(result.groups.RS.rate_hz);
    expect(result.groups.RS.rate_hz).toBeGreaterThan(0.5);
    expect(Number.isFinite(result.checks.lfp_no_gamma_dominance.value)).toBe(true);
  }, 120_000);

  it('cann-1d: the bump forms at the stimulus and keeps the analytic stationary height after it is removed', async () => {
    const result = await cann1D.run(options({}));
    expect(result.checks.bump_position.pass).toBe(true);
    expect(result.checks.bump_height.pass).toBe(true);
  });
});
