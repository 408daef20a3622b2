import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { izhikevichForumExample, izhikevichNetworkExample, runForum, tsodyksMarkramExample } from '../src/examples/strings-examples.js';
import type { ExampleOptions } from '../src/examples/example.js';

const options = (dt: number, duration: number): ExampleOptions => ({
  outDir: mkdtempSync(path.join(tmpdir(), 'strings-gallery-')),
  duration,
  seed: 7,
  dt,
  log: () => undefined,
  progress: false,
});

describe('string-model gallery entries', () => {
  it('tsodyks-markram: releases match the closed form, depression and facilitation show', async () => {
    const result = await tsodyksMarkramExample.run(options(0.1, 1000));
    for (const [name, check] of Object.entries(result.checks)) expect(check.pass, `${name}: ${check.value} vs ${check.expected}`).toBe(true);
    expect(result.figures.some((f) => f.endsWith('.png'))).toBe(true);
  });

  it('izhikevich-forum-network: both formulations give identical spikes over 300 ms', () => {
    const a = runForum(3, 'neuron', 300, 0.1);
    const b = runForum(3, 'synapse', 300, 0.1);
    let spikes = 0;
    for (const s of a.spikes.data) spikes += s;
    expect(spikes).toBeGreaterThan(1000);
    expect(Array.from(b.spikes.data)).toEqual(Array.from(a.spikes.data));
  });

  it('izhikevich-forum-network entry reports its checks', async () => {
    const result = await izhikevichForumExample.run(options(0.1, 100));
    expect(result.checks.identical_spikes_ms.pass).toBe(true);
    expect(result.groups.neuron_y.spikes).toBe(result.groups.synapse_y.spikes);
  });

  it('izhikevich-network runs at the seed step (dt 0.5 ms) with E and I activity', async () => {
    const result = await izhikevichNetworkExample.run(options(0.5, 300));
    // Brian2 at dt 0.5 ms over 1 s: E 10.8 Hz, I 15.9 Hz; a 300 ms run is in the same range.
    expect(result.groups.E.rate_hz).toBeGreaterThan(4);
    expect(result.groups.E.rate_hz).toBeLessThan(25);
    expect(result.groups.I.rate_hz).toBeGreaterThan(result.groups.E.rate_hz);
  });
});
