/**
 * Self-contained HTML animations (browser-safe string builders), the counterpart of BrainPy's
 * `bp.visualize.animate_1D` / `animate_2D`: the frames are embedded as JSON, a canvas draws them,
 * and a play/pause button and a slider step through time. No external scripts, styles or fonts.
 */
import { ParameterError } from '../core/errors.js';

export interface Animate1DSeries {
  legend: string;
  /** Row-major time x position values: `rows` frames of `xs.length` values. */
  ys: ArrayLike<number>;
}

export interface Animate1DOptions {
  xs: ArrayLike<number>;
  series: Animate1DSeries[];
  /** Keep every `frameStep`-th row (default 1). */
  frameStep?: number;
  /** Milliseconds between frames when playing (default 100). */
  frameDelay?: number;
  /** Time of row 0 and the step between rows, for the frame label (default 0 and 1). */
  t0?: number;
  dt?: number;
  title?: string;
}

export interface Animate2DOptions {
  /** Row-major time x (height * width) values. */
  values: ArrayLike<number>;
  netSize: [number, number];
  frameStep?: number;
  frameDelay?: number;
  t0?: number;
  dt?: number;
  title?: string;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

/** Four significant digits keep files small without visible change. */
function compact(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : 0;
}

function frameRows(total: number, width: number, step: number, what: string): number[] {
  if (!Number.isInteger(step) || step < 1) throw new ParameterError(`${what}: frameStep must be a positive integer, got ${step}`);
  if (width <= 0 || total % width !== 0) throw new ParameterError(`${what}: ${total} values are not whole frames of ${width}`);
  const rows: number[] = [];
  for (let r = 0; r < total / width; r += step) rows.push(r);
  return rows;
}

function framesOf(values: ArrayLike<number>, width: number, rows: number[]): number[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => compact(values[r * width + i])));
}

/** Colour/axis range over all frames; a flat range is widened so scaling never divides by zero. */
function extent(frames: number[][]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of frames) {
    for (const v of f) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return { lo, hi: hi === lo ? lo + 1 : hi };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON inside <script> must not close the element. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function page(title: string, data: unknown, draw: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:16px}canvas{border:1px solid #ccc;display:block;margin:8px 0}</style></head>
<body><h3>${escapeHtml(title)}</h3><canvas id="c" width="640" height="400"></canvas>
<button id="play">Pause</button> <input id="slider" type="range" min="0" value="0" style="width:480px"> <span id="label"></span>
<script>
const D = ${scriptJson(data)};
const cv = document.getElementById('c'), g = cv.getContext('2d');
const slider = document.getElementById('slider'), label = document.getElementById('label'), btn = document.getElementById('play');
slider.max = D.frames - 1;
${draw}
let k = 0, timer = null;
function show(i) { k = i; slider.value = i; label.textContent = 't = ' + (D.t0 + D.rows[i] * D.dt).toFixed(2) + ' ms'; draw(i); }
function play() { timer = setInterval(() => show((k + 1) % D.frames), D.delay); btn.textContent = 'Pause'; }
function pause() { clearInterval(timer); timer = null; btn.textContent = 'Play'; }
btn.onclick = () => (timer ? pause() : play());
slider.oninput = () => { pause(); show(Number(slider.value)); };
show(0); play();
</script></body></html>
`;
}

/** The kept rows, each series' frames and their common value range; `what` names the caller in errors. */
export function frames1D(o: Animate1DOptions, what: string): { rows: number[]; frames: number[][][]; lo: number; hi: number } {
  if (o.series.length === 0) throw new ParameterError(`${what}: series is empty`);
  const width = o.xs.length;
  const rows = frameRows(o.series[0].ys.length, width, o.frameStep ?? 1, `${what} series '${o.series[0].legend}'`);
  for (const s of o.series) {
    if (s.ys.length !== o.series[0].ys.length) throw new ParameterError(`${what}: series '${s.legend}' has ${s.ys.length} values, '${o.series[0].legend}' has ${o.series[0].ys.length}`);
  }
  const frames = o.series.map((s) => framesOf(s.ys, width, rows));
  return { rows, frames, ...extent(frames.flat()) };
}

/** The kept rows, the frames of height*width values and their value range. */
export function frames2D(o: Animate2DOptions, what: string): { rows: number[]; frames: number[][]; lo: number; hi: number } {
  const [h, w] = o.netSize;
  const rows = frameRows(o.values.length, h * w, o.frameStep ?? 1, `${what} values`);
  const frames = framesOf(o.values, h * w, rows);
  return { rows, frames, ...extent(frames) };
}

/** HTML page animating curves over x (BrainPy's animate_1D with dynamical_vars). */
export function animate1DHtml(o: Animate1DOptions): string {
  const { rows, frames, lo, hi } = frames1D(o, 'animate1DHtml');
  const series = o.series.map((s, i) => ({ legend: s.legend, color: COLORS[i % COLORS.length], frames: frames[i] }));
  const data = { xs: Array.from(o.xs, compact), series, lo, hi, rows, frames: rows.length, delay: o.frameDelay ?? 100, t0: o.t0 ?? 0, dt: o.dt ?? 1 };
  const draw = `const x0 = Math.min(...D.xs), x1 = Math.max(...D.xs);
const px = (x) => 50 + ((x - x0) / (x1 - x0 || 1)) * (cv.width - 70), py = (y) => cv.height - 30 - ((y - D.lo) / (D.hi - D.lo)) * (cv.height - 60);
function draw(i) {
  g.clearRect(0, 0, cv.width, cv.height); g.strokeStyle = '#888'; g.strokeRect(50, 30, cv.width - 70, cv.height - 60);
  g.fillStyle = '#000'; g.fillText(D.hi.toPrecision(3), 4, 34); g.fillText(D.lo.toPrecision(3), 4, cv.height - 30);
  g.fillText(x0.toPrecision(3), 50, cv.height - 14); g.fillText(x1.toPrecision(3), cv.width - 50, cv.height - 14);
  D.series.forEach((s, j) => {
    g.strokeStyle = s.color; g.beginPath();
    s.frames[i].forEach((y, n) => (n ? g.lineTo(px(D.xs[n]), py(y)) : g.moveTo(px(D.xs[n]), py(y)))); g.stroke();
    g.fillStyle = s.color; g.fillText(s.legend, cv.width - 120, 46 + 14 * j);
  });
}`;
  return page(o.title ?? 'animate1D', data, draw);
}

/** HTML page animating a (height x width) heat map (BrainPy's animate_2D). */
export function animate2DHtml(o: Animate2DOptions): string {
  const [h, w] = o.netSize;
  const { rows, frames, lo, hi } = frames2D(o, 'animate2DHtml');
  const data = { h, w, frames: rows.length, values: frames, lo, hi, rows, delay: o.frameDelay ?? 100, t0: o.t0 ?? 0, dt: o.dt ?? 1 };
  const draw = `const img = g.createImageData(D.w, D.h), off = document.createElement('canvas'); off.width = D.w; off.height = D.h;
function draw(i) {
  D.values[i].forEach((v, n) => {
    const s = (v - D.lo) / (D.hi - D.lo);
    img.data[4 * n] = 255 * Math.min(1, 2 * s); img.data[4 * n + 1] = 255 * Math.max(0, 2 * s - 1); img.data[4 * n + 2] = 255 * (1 - s) * 0.6; img.data[4 * n + 3] = 255;
  });
  off.getContext('2d').putImageData(img, 0, 0); g.imageSmoothingEnabled = false;
  const side = Math.min(cv.width, cv.height); g.clearRect(0, 0, cv.width, cv.height); g.drawImage(off, 0, 0, side * D.w / Math.max(D.w, D.h), side * D.h / Math.max(D.w, D.h));
  g.fillStyle = '#000'; g.fillText('range ' + D.lo.toPrecision(3) + ' .. ' + D.hi.toPrecision(3), side + 8, 16);
}`;
  return page(o.title ?? 'animate2D', data, draw);
}
