/**
 * Animated GIFs of animate1D / animate2D frames (browser-safe: returns the file's bytes). Frames
 * are rasterised by frame-raster.ts into palette indices and LZW-encoded by omggif (pure JS).
 */
import { GifWriter } from 'omggif';
import { ParameterError } from '../core/errors.js';
import type { Animate1DOptions, Animate2DOptions } from './animate-html.js';
import { frames1D, frames2D } from './animate-html.js';
import { HEAT_PALETTE, heatFrame, LINE_PALETTE, lineFrame } from './frame-raster.js';
import type { IndexedFrame } from './frame-raster.js';

export interface GifSize {
  /** Image size of a 1D animation in pixels (default 640 x 400). */
  width?: number;
  height?: number;
  /** Longest side of a 2D heat map in pixels; cells are whole-pixel squares (default 400). */
  side?: number;
}

/** GIF delays are in hundredths of a second; browsers slow anything under 2 down to 10. */
function gifDelay(ms: number): number {
  return Math.max(2, Math.round(ms / 10));
}

function caption(t0: number, dt: number, row: number): string {
  return `t = ${(t0 + row * dt).toFixed(2)} ms`;
}

/** The rectangle of pixels that differ between two frames (one pixel when none does). */
function changedRect(prev: Uint8Array, next: Uint8Array, width: number): { x: number; y: number; w: number; h: number } {
  let x0 = width;
  let x1 = -1;
  let y0 = -1;
  let y1 = -1;
  for (let i = 0; i < next.length; i++) {
    if (prev[i] === next[i]) continue;
    const x = i % width;
    const y = (i - x) / width;
    if (y0 < 0) y0 = y;
    y1 = y;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
  }
  return y0 < 0 ? { x: 0, y: 0, w: 1, h: 1 } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

function crop(f: IndexedFrame, r: { x: number; y: number; w: number; h: number }): Uint8Array {
  const out = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) out.set(f.pixels.subarray((r.y + y) * f.width + r.x, (r.y + y) * f.width + r.x + r.w), y * r.w);
  return out;
}

/**
 * Encode same-sized indexed frames, looping forever. After the first, each frame stores only the
 * rectangle that changed and is drawn over the previous one (disposal 1), which makes moving
 * curves several times cheaper to encode and smaller. The output buffer grows by doubling: an
 * LZW frame never exceeds 12 bits per pixel plus sub-block lengths and the palette.
 */
export function encodeGif(frames: IndexedFrame[], palette: number[], delayMs: number): Uint8Array {
  if (frames.length === 0) throw new ParameterError('encodeGif: no frames');
  const { width, height } = frames[0];
  const worstFrame = Math.ceil(width * height * 1.6) + 3 * palette.length + 1024;
  let buf = new Uint8Array(2 * worstFrame);
  const writer = new GifWriter(buf, width, height, { palette, loop: 0 });
  const reserve = (bytes: number) => {
    const used = writer.getOutputBufferPosition();
    if (buf.length - used >= bytes) return;
    const grown = new Uint8Array(Math.max(2 * buf.length, used + bytes));
    grown.set(buf.subarray(0, used));
    buf = grown;
    writer.setOutputBuffer(buf);
  };
  frames.forEach((f, k) => {
    if (f.width !== width || f.height !== height) throw new ParameterError(`encodeGif: frame ${k} is ${f.width}x${f.height} in a ${width}x${height} animation`);
    const r = k === 0 ? { x: 0, y: 0, w: width, h: height } : changedRect(frames[k - 1].pixels, f.pixels, width);
    reserve(worstFrame);
    // omggif reads the indices with [i] only; its typings ask for number[].
    writer.addFrame(r.x, r.y, r.w, r.h, crop(f, r) as unknown as number[], { delay: gifDelay(delayMs), disposal: 1 });
  });
  reserve(1); // the trailer byte
  return buf.slice(0, writer.end());
}

/** Animated GIF of curves over x (BrainPy's animate_1D); series i is drawn in SERIES_COLORS[i]. */
export function animate1DGif(o: Animate1DOptions, size: GifSize = {}): Uint8Array {
  const { rows, frames, lo, hi } = frames1D(o, 'animate1DGif');
  const layout = { width: size.width ?? 640, height: size.height ?? 400, xs: o.xs, lo, hi };
  const images = rows.map((row, k) => lineFrame(layout, frames.map((s) => s[k]), caption(o.t0 ?? 0, o.dt ?? 1, row)));
  return encodeGif(images, LINE_PALETTE, o.frameDelay ?? 100);
}

/** Animated GIF heat map (BrainPy's animate_2D), coloured like the HTML animation. */
export function animate2DGif(o: Animate2DOptions, size: GifSize = {}): Uint8Array {
  const { rows, frames, lo, hi } = frames2D(o, 'animate2DGif');
  const [h, w] = o.netSize;
  const scale = Math.max(1, Math.floor((size.side ?? 400) / Math.max(h, w)));
  const images = rows.map((row, k) => heatFrame(frames[k], h, w, lo, hi, scale, caption(o.t0 ?? 0, o.dt ?? 1, row)));
  return encodeGif(images, HEAT_PALETTE, o.frameDelay ?? 100);
}
