import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GifReader } from 'omggif';
import { afterAll, describe, expect, it } from 'vitest';
import { ParameterError } from '../src/core/errors.js';
import { animate1DGif, animate2DGif } from '../src/plot/animate-gif.js';
import { SERIES_COLORS } from '../src/plot/frame-raster.js';
import { animate1D, animate2D } from '../src/plot/node-animate.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RGBA pixels of frame k as a viewer shows it: frames 0..k drawn over each other (disposal 1). */
function frameRGBA(gif: GifReader, k: number): Uint8Array {
  const px = new Uint8Array(gif.width * gif.height * 4);
  for (let j = 0; j <= k; j++) {
    expect(gif.frameInfo(j).disposal).toBe(1);
    gif.decodeAndBlitFrameRGBA(j, px);
  }
  return px;
}

function rgbAt(px: Uint8Array, width: number, x: number, y: number): number {
  const o = 4 * (y * width + x);
  return (px[o] << 16) | (px[o + 1] << 8) | px[o + 2];
}

/** Columns (over the whole height) holding a pixel of `color`. */
function columnsWith(px: Uint8Array, width: number, height: number, color: number): number[] {
  const cols: number[] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      if (rgbAt(px, width, x, y) === color) {
        cols.push(x);
        break;
      }
    }
  }
  return cols;
}

/** A Gaussian bump over 101 points that moves right by one point per row. */
function movingBump(rows: number): { xs: Float64Array; ys: Float64Array } {
  const xs = Float64Array.from({ length: 101 }, (_, i) => i);
  const ys = new Float64Array(rows * 101);
  for (let r = 0; r < rows; r++) for (let i = 0; i < 101; i++) ys[r * 101 + i] = Math.exp(-(((i - 20 - 10 * r) / 3) ** 2));
  return { xs, ys };
}

describe('animated GIFs', () => {
  it('animate1DGif: one frame per kept row, the requested size, and the bump drawn where it is', () => {
    const { xs, ys } = movingBump(7);
    const gif = new GifReader(animate1DGif({ xs, series: [{ legend: 'u', ys }], frameStep: 3, frameDelay: 50 }, { width: 320, height: 200 }));
    expect(gif.numFrames()).toBe(3); // rows 0, 3, 6
    expect([gif.width, gif.height]).toEqual([320, 200]);
    expect(gif.frameInfo(0).delay).toBe(5);
    expect(gif.loopCount()).toBe(0);
    // The peak (highest pixel of the series colour) sits at x = 20 + 10 r, r = 0, 3, 6, in plot pixels
    // left 60 .. right 300 over x in [0, 100].
    const peakColumn = (k: number) => {
      const px = frameRGBA(gif, k);
      for (let y = 0; y < gif.height; y++) for (let x = 0; x < gif.width; x++) if (rgbAt(px, gif.width, x, y) === SERIES_COLORS[0]) return x;
      return -1;
    };
    for (const [k, r] of [[0, 0], [1, 3], [2, 6]]) expect(Math.abs(peakColumn(k) - (60 + 2.4 * (20 + 10 * r)))).toBeLessThanOrEqual(2);
  });

  it('animate1DGif: frames differ where the bump moved and agree elsewhere', () => {
    const { xs, ys } = movingBump(2);
    const gif = new GifReader(animate1DGif({ xs, series: [{ legend: 'u', ys }] }, { width: 320, height: 200 }));
    const a = frameRGBA(gif, 0);
    const b = frameRGBA(gif, 1);
    const changed = new Set<number>();
    for (let y = 30; y < 160; y++) for (let x = 0; x < 320; x++) if (rgbAt(a, 320, x, y) !== rgbAt(b, 320, x, y)) changed.add(x);
    // Bumps of width ~3 points at 20 and 30: the plot changes only around x = 10 .. 40 (pixels 84 .. 156).
    expect(changed.size).toBeGreaterThan(20);
    for (const x of changed) expect(x >= 80 && x <= 160).toBe(true);
  });

  it('animate2DGif: square cells, the hottest cell follows the bump, a caption strip below', () => {
    const L = 10;
    const values = new Float64Array(3 * L * L);
    for (let r = 0; r < 3; r++) values[r * L * L + 2 * L + 2 + 3 * r] = 1; // a hot cell at row 2, column 2 + 3r
    const gif = new GifReader(animate2DGif({ values, netSize: [L, L], dt: 0.5 }, { side: 50 }));
    expect(gif.numFrames()).toBe(3);
    expect([gif.width, gif.height]).toEqual([50, 50 + 16]);
    for (let k = 0; k < 3; k++) {
      const px = frameRGBA(gif, k);
      const hot = columnsWith(px, gif.width, 50, 0xffff00);
      expect(hot).toEqual([0, 1, 2, 3, 4].map((d) => 5 * (2 + 3 * k) + d));
    }
  });

  it('animate1D / animate2D pick the format from the option or the extension', async () => {
    const { xs, ys } = movingBump(2);
    const gifFile = await animate1D({ xs, series: [{ legend: 'u', ys }], format: 'gif', gif: { width: 100, height: 80 } }, path.join(dir, 'a'));
    expect(gifFile).toBe(path.join(dir, 'a.gif'));
    expect(new GifReader(readFileSync(gifFile)).numFrames()).toBe(2);
    const byExt = await animate2D({ values: new Float64Array(2 * 4), netSize: [2, 2] }, path.join(dir, 'b.gif'));
    expect(readFileSync(byExt).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(await animate2D({ values: new Float64Array(4), netSize: [2, 2] }, path.join(dir, 'c'))).toBe(path.join(dir, 'c.html'));
    await expect(animate1D({ xs, series: [{ legend: 'u', ys }], format: 'html' }, path.join(dir, 'd.gif'))).rejects.toThrow(/contradicts/);
    expect(() => animate2DGif({ values: new Float64Array(5), netSize: [2, 2] })).toThrow(ParameterError);
  });
});
