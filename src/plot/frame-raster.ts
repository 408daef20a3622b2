/**
 * Rasterising animation frames into indexed pixel buffers (browser-safe, no dependencies), for
 * the GIF writer: a line plot of curves over x (animate1D) and a heat map (animate2D). The
 * colours match the HTML animations of animate-html.ts.
 */
import { drawText, textWidth } from './pixel-font.js';

/** A row-major image of palette indices with its palette of 0xRRGGBB colours (length a power of 2). */
export interface IndexedFrame {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const SERIES_COLORS = [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd];
const WHITE = 0;
const GREY = 1;
const BLACK = 2;
/** White, grey, black, then one colour per series: eight entries. */
export const LINE_PALETTE = [0xffffff, 0xaaaaaa, 0x000000, ...SERIES_COLORS];
const FIRST_SERIES = 3;

/** Heat-map levels: indices 0..HEAT_LEVELS-1; then white and black for the label strip. */
const HEAT_LEVELS = 252;
const HEAT_WHITE = HEAT_LEVELS;
const HEAT_BLACK = HEAT_LEVELS + 1;

/** The HTML heat map's colour ramp (dark blue - red - yellow) sampled at s in [0, 1]. */
function heatColor(s: number): number {
  const r = Math.round(255 * Math.min(1, 2 * s));
  const g = Math.round(255 * Math.max(0, 2 * s - 1));
  const b = Math.round(255 * 0.6 * (1 - s));
  return (r << 16) | (g << 8) | b;
}

export const HEAT_PALETTE = [...Array.from({ length: HEAT_LEVELS }, (_, i) => heatColor(i / (HEAT_LEVELS - 1))), 0xffffff, 0x000000, 0xffffff, 0xffffff];

/** Short number labels that the pixel font can draw; values below a millionth of `span` print as 0. */
function label(v: number, span: number): string {
  if (Math.abs(v) < 1e-6 * span) return '0';
  return Math.abs(v) >= 1e-3 ? Number(v.toPrecision(3)).toString() : v.toExponential(1);
}

function setPixel(f: IndexedFrame, x: number, y: number, c: number): void {
  if (x >= 0 && x < f.width && y >= 0 && y < f.height) f.pixels[y * f.width + x] = c;
}

/** A two-pixel-thick straight segment (Bresenham), clipped to the image. */
function segment(f: IndexedFrame, x0: number, y0: number, x1: number, y1: number, c: number): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    setPixel(f, x0, y0, c);
    setPixel(f, x0, y0 + 1, c);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}

function rectOutline(f: IndexedFrame, x0: number, y0: number, x1: number, y1: number, c: number): void {
  for (let x = x0; x <= x1; x++) {
    setPixel(f, x, y0, c);
    setPixel(f, x, y1, c);
  }
  for (let y = y0; y <= y1; y++) {
    setPixel(f, x0, y, c);
    setPixel(f, x1, y, c);
  }
}

export interface LineFrameLayout {
  width: number;
  height: number;
  xs: ArrayLike<number>;
  /** Value range of the y axis, shared by all frames. */
  lo: number;
  hi: number;
}

const MARGIN = { left: 60, right: 20, top: 30, bottom: 40 };

/**
 * One frame of curves over x: each series a polyline in its colour (series i uses
 * SERIES_COLORS[i]), a grey plot box, the y range at the left, the x range below and the
 * `caption` (e.g. "t = 1.5 ms") at the top right.
 */
export function lineFrame(layout: LineFrameLayout, curves: ArrayLike<number>[], caption: string): IndexedFrame {
  const { width, height, xs, lo, hi } = layout;
  const f: IndexedFrame = { width, height, pixels: new Uint8Array(width * height).fill(WHITE) };
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  rectOutline(f, left, top, right, bottom, GREY);
  let x0 = Infinity;
  let x1 = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    x0 = Math.min(x0, xs[i]);
    x1 = Math.max(x1, xs[i]);
  }
  const px = (x: number) => Math.round(left + ((x - x0) / (x1 - x0 || 1)) * (right - left));
  const py = (y: number) => Math.round(bottom - ((Math.min(hi, Math.max(lo, y)) - lo) / (hi - lo)) * (bottom - top));
  curves.forEach((ys, s) => {
    const c = FIRST_SERIES + (s % SERIES_COLORS.length);
    for (let i = 1; i < xs.length; i++) segment(f, px(xs[i - 1]), py(ys[i - 1]), px(xs[i]), py(ys[i]), c);
  });
  drawText(f.pixels, width, label(hi, hi - lo), 4, top, BLACK);
  drawText(f.pixels, width, label(lo, hi - lo), 4, bottom - 10, BLACK);
  drawText(f.pixels, width, label(x0, x1 - x0), left, bottom + 8, BLACK);
  drawText(f.pixels, width, label(x1, x1 - x0), right - textWidth(label(x1, x1 - x0), 2), bottom + 8, BLACK);
  drawText(f.pixels, width, caption, right - textWidth(caption, 2), 8, BLACK);
  return f;
}

/** Height of the white strip under a heat map that holds the caption and the colour range. */
const STRIP = 16;

/**
 * One heat-map frame of a (h x w) row-major grid, each cell a `scale` x `scale` block coloured
 * by its value in [lo, hi], with a strip below holding the caption and the colour range.
 */
export function heatFrame(values: ArrayLike<number>, h: number, w: number, lo: number, hi: number, scale: number, caption: string): IndexedFrame {
  const width = w * scale;
  const height = h * scale + STRIP;
  const f: IndexedFrame = { width, height, pixels: new Uint8Array(width * height).fill(HEAT_WHITE) };
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const s = (Math.min(hi, Math.max(lo, values[i * w + j])) - lo) / (hi - lo);
      const c = Math.round(s * (HEAT_LEVELS - 1));
      for (let dy = 0; dy < scale; dy++) f.pixels.fill(c, (i * scale + dy) * width + j * scale, (i * scale + dy) * width + (j + 1) * scale);
    }
  }
  const range = `${label(lo, hi - lo)} .. ${label(hi, hi - lo)}`;
  drawText(f.pixels, width, caption, 2, h * scale + 3, HEAT_BLACK);
  drawText(f.pixels, width, range, width - textWidth(range, 2) - 2, h * scale + 3, HEAT_BLACK);
  return f;
}
