import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ei1m } from '../src/examples/ei-1m.js';
import { findExample } from '../src/examples/index.js';

describe('gallery: ei-1m', () => {
  it('is registered for the CLI', () => {
    expect(findExample('ei-1m')).toBe(ei1m);
  });

  it('runs EINet at scale 25 (100,000 neurons, 2e8 synapses generated on the fly) with memory O(N) and equal E and I rates', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'ei-1m-'));
    const log: string[] = [];
    const r = await ei1m.run({ outDir, seed: 0, dt: 0.1, scale: 25, duration: 40, log: (m) => log.push(m), progress: false });
    expect(r.steps).toBe(100); // dt is the seed's 0.4 ms whatever --dt says
    expect(r.groups.E.size).toBe(80000);
    expect(r.groups.I.size).toBe(20000);
    expect(r.groups.E.spikes + r.groups.I.spikes).toBeGreaterThan(0);
    for (const [name, c] of Object.entries(r.checks)) expect(c.pass, `${name}: ${c.value} (${c.expected})`).toBe(true);
    // a stored CSR of 2e8 connections would take 763 MB of indices alone
    expect(r.checks.peak_rss_mb.value).toBeLessThan(763);
    expect(log.join('\n')).toMatch(/peak RSS \d+ MB/);
    expect(r.figures.some((f) => f.endsWith('raster.png'))).toBe(true);
  });

  it('refuses a scale that leaves a part empty, naming the scale', async () => {
    await expect(ei1m.run({ outDir: tmpdir(), seed: 0, dt: 0.1, scale: 0.0005, duration: 1, log: () => undefined, progress: false })).rejects.toThrow(/scale 0.0005/);
  });
});
