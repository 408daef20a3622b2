import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cann2D, CANN2D } from '../src/examples/cann-2d.js';
import { bumpCentre, cann1DTracking } from '../src/examples/cann-tracking.js';

const options = (duration: number) => ({ outDir: mkdtempSync(path.join(tmpdir(), 'cann-')), dt: 0.1, seed: 1, log: () => {}, progress: false, duration });

describe('CANN gallery', () => {
  it('bumpCentre finds a bump on the ring, across the wrap', () => {
    const x = Float64Array.from({ length: 64 }, (_, i) => -Math.PI + (2 * Math.PI * i) / 64);
    const u = Float64Array.from(x, (v) => Math.exp(Math.cos(v - 3)));
    expect(bumpCentre(x, u)).toBeCloseTo(3, 6);
  });

  it('CANN2D separable interaction equals the dense kernel sum', () => {
    const cann = new CANN2D(6, { tau: 1, k: 0.1, a: 0.5, A: 10, J0: 4, z_min: -Math.PI, z_max: Math.PI });
    cann.u.set(Float64Array.from({ length: 36 }, (_, i) => Math.sin(i) + 1));
    const u0 = Float64Array.from(cann.u);
    cann.update({ t: 0, dt: 0.1, i: 0 });
    const norm = 1 + 0.1 * u0.reduce((s, v) => s + v * v, 0);
    const range = 2 * Math.PI;
    const ring = (d: number) => Math.min(Math.abs(d) % range, range - (Math.abs(d) % range));
    let rec = 0;
    for (let k = 0; k < 6; k++) for (let l = 0; l < 6; l++) rec += (4 / (Math.sqrt(2 * Math.PI) * 0.5)) * Math.exp(-0.5 * (ring(cann.x[0] - cann.x[k]) ** 2 + ring(cann.x[1] - cann.x[l]) ** 2) / 0.25) * (u0[k * 6 + l] ** 2 / norm);
    expect(cann.u[1]).toBeCloseTo(u0[1] + 0.1 * (-u0[1] + rec), 10);
  });

  it('cann-1d-tracking: smooth tracking lags, anticipative tracking leads', async () => {
    const r = await cann1DTracking.run(options(300));
    expect(r.checks.smooth_tracking_lead.value).toBeLessThan(0);
    expect(r.checks.anticipative_tracking_lead.value).toBeGreaterThan(0);
    expect(r.figures).toHaveLength(2);
  }, 40_000);

  it('cann-2d: bump at the stimulus, persisting, lagging a moving stimulus', async () => {
    const r = await cann2D.run(options(15));
    for (const [name, c] of Object.entries(r.checks)) expect(c.pass, name).toBe(true);
  }, 40_000);
});
