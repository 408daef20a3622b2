import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cann2D, CANN2D } from '../src/examples/cann-2d.js';
import { bumpCentre, cann1D, roughness } from '../src/examples/cann-1d.js';
import { GifReader } from 'omggif';
import { cann1DTracking } from '../src/examples/cann-tracking.js';

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

  it('cann-2d: bump at the stimulus, persisting, lagging a moving stimulus; GIFs show the bump moving', async () => {
    const r = await cann2D.run(options(15));
    for (const [name, c] of Object.entries(r.checks)) expect(c.pass, name).toBe(true);
    const gifs = r.figures.filter((f) => f.endsWith('.gif')).map((f) => new GifReader(readFileSync(f)));
    expect(gifs.map((g) => g.numFrames())).toEqual([30, 40]); // 15 ms and 20 ms at one frame per 0.5 ms
    expect([gifs[1].width, gifs[1].height]).toEqual([400, 400 + 16]); // 4-pixel cells and the caption strip
    // Tracking: the bump runs along the diagonal, so the hottest pixel of the first and last frames differ.
    const hottest = (g: GifReader, k: number) => {
      const px = new Uint8Array(g.width * g.height * 4);
      for (let j = 0; j <= k; j++) g.decodeAndBlitFrameRGBA(j, px);
      let best = 0;
      for (let i = 0; i < g.width * 400; i++) if (px[4 * i] + px[4 * i + 1] > px[4 * best] + px[4 * best + 1]) best = i;
      return [Math.floor(best / g.width), best % g.width];
    };
    const [y0, x0] = hottest(gifs[1], 0);
    const [y1, x1] = hottest(gifs[1], 39);
    expect(y1 - y0).toBeGreaterThan(100);
    expect(x1 - x0).toBeGreaterThan(100);
  }, 40_000);
});

describe('cann-1d template matching', () => {
  it('roughness: zero for a constant, small for a sampled smooth curve, large for alternating noise', () => {
    const x = Float64Array.from({ length: 256 }, (_, i) => (2 * Math.PI * i) / 256);
    expect(roughness(new Float64Array(8).fill(3))).toBe(0);
    expect(roughness(Float64Array.from(x, Math.cos))).toBeCloseTo((2 * (1 - Math.cos((2 * Math.PI) / 256))) / Math.SQRT2, 12);
    expect(roughness(Float64Array.from(x, (_, i) => (i % 2 ? 1 : -1)))).toBe(4);
  });

  it('the bump settles on the noisy template, decodes it better and is smoother; both animations are also GIFs', async () => {
    const r = await cann1D.run(options(17));
    for (const name of ['template_start', 'template_centre', 'template_decoding', 'template_smoothing']) expect(r.checks[name].pass, name).toBe(true);
    const gifs = r.figures.filter((f) => f.endsWith('.gif')).map((f) => new GifReader(readFileSync(f)));
    expect(gifs.map((g) => g.numFrames())).toEqual([85, 80]); // 170 rows at frameStep 2; 400 rows at the seed's frame_step 5
    expect(gifs.map((g) => [g.width, g.height])).toEqual([[640, 400], [640, 400]]);
  }, 40_000);
});
