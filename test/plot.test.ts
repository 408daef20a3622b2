import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParameterError } from '../src/core/errors.js';
import type { Matrix2D } from '../src/core/matrix.js';
import { linePlot, rasterPlot, resvgOptions, saveFigure, svgToPng } from '../src/plot/node.js';
import { specToSvg } from '../src/plot/render.js';
import { lineSpec, rasterSpec, spikeRows, stackSpecs } from '../src/plot/specs.js';
import type { LineRow, SpikeRow } from '../src/plot/specs.js';

// 6 time steps (dt = 0.5 ms) x 4 neurons, 7 spikes.
const ts = Float64Array.from([0, 0.5, 1, 1.5, 2, 2.5]);
// prettier-ignore
const spikes: Matrix2D<Uint8Array> = {
  rows: 6,
  cols: 4,
  data: Uint8Array.from([
    1, 0, 0, 0, // t = 0
    0, 1, 1, 0, // t = 0.5
    0, 0, 0, 0, // t = 1
    1, 0, 1, 0, // t = 1.5
    0, 0, 0, 1, // t = 2
    0, 1, 0, 0, // t = 2.5
  ]),
};
const ALL: SpikeRow[] = [
  { t: 0, i: 0 },
  { t: 0.5, i: 1 },
  { t: 0.5, i: 2 },
  { t: 1.5, i: 0 },
  { t: 1.5, i: 2 },
  { t: 2, i: 3 },
  { t: 2.5, i: 1 },
];

/** The loosely typed view of a spec, for peeking at what the builders produced. */
interface Peek {
  data: { values: unknown[] };
  encoding: Record<string, { scale?: { domain?: unknown } } | undefined>;
  width: number;
  name: string;
  title?: string;
  config?: unknown;
  vconcat?: Peek[];
}
const peek = (spec: object) => spec as unknown as Peek;

/** Contents of the `<g class="... NAME">...</g>` mark group (mark groups hold only leaf elements). */
function markGroup(svg: string, name: string): string {
  const m = new RegExp(`<g class="mark-[a-z]+ role-mark ${name}"[^>]*>(.*?)</g>`).exec(svg);
  if (!m) throw new Error(`no mark group ${name} in the SVG`);
  return m[1];
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'neurodyn-plot-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rasterSpec', () => {
  it('has one point per nonzero entry, in time order', () => {
    const spec = peek(rasterSpec(ts, spikes));
    expect(spec.data.values).toEqual(ALL);
    expect(spikeRows(ts, spikes)).toHaveLength(7);
  });

  it('keeps only spikes inside xlim and sets the axis to the window', () => {
    const spec = peek(rasterSpec(ts, spikes, { xlim: [0.5, 1.5] }));
    expect(spec.data.values).toEqual([
      { t: 0.5, i: 1 },
      { t: 0.5, i: 2 },
      { t: 1.5, i: 0 },
      { t: 1.5, i: 2 },
    ]);
    expect(spec.encoding.x?.scale?.domain).toEqual([0.5, 1.5]);
    // Without xlim the axis spans ts; the y axis covers every neuron, silent ones too.
    const full = peek(rasterSpec(ts, spikes));
    expect(full.encoding.x?.scale?.domain).toEqual([0, 2.5]);
    expect(full.encoding.y?.scale?.domain).toEqual([-0.5, 3.5]);
  });

  it('rejects a time vector that does not match the matrix, and a reversed xlim', () => {
    expect(() => rasterSpec([0, 1], spikes)).toThrow(ParameterError);
    expect(() => rasterSpec(ts, spikes, { xlim: [2, 1] })).toThrow(ParameterError);
  });
});

describe('specToSvg', () => {
  it('draws one mark per spike, the axis titles and the title', async () => {
    const svg = await specToSvg(
      rasterSpec(ts, spikes, { title: 'Known raster', xlabel: 'Time [ms]', ylabel: 'Cell' }),
      { rasterMode: 'marks' },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Time [ms]</text>');
    expect(svg).toContain('>Cell</text>');
    expect(svg).toContain('>Known raster</text>');
    expect(svg).toContain('font-family="DejaVu Sans, Helvetica, Arial, sans-serif"');
    const marks = markGroup(svg, 'raster_marks');
    expect(count(marks, /<path /g)).toBe(7);
    expect(count(marks, /fill="#000"/g)).toBe(7);
  });

  it('draws the default axis titles and respects xlim in the marks', async () => {
    const svg = await specToSvg(rasterSpec(ts, spikes, { xlim: [0.5, 1.5] }), { rasterMode: 'marks' });
    expect(svg).toContain('>Time (ms)</text>');
    expect(svg).toContain('>Neuron index</text>');
    expect(count(markGroup(svg, 'raster_marks'), /<path /g)).toBe(4);
  });

  it('the single-path raster puts every spike where vega puts its mark', async () => {
    const spec = rasterSpec(ts, spikes, { markSize: 9, width: 300, height: 120 });
    const marksSvg = await specToSvg(spec, { rasterMode: 'marks' });
    const pathSvg = await specToSvg(spec, { rasterMode: 'path' });
    // vega: one <path transform="translate(x,y)" d="M-1.5,-1.5h3v3h-3Z"> per spike.
    const centres = [...markGroup(marksSvg, 'raster_marks').matchAll(/translate\(([-\d.e]+),([-\d.e]+)\)/g)].map(
      (m) => [Number(m[1]), Number(m[2])],
    );
    expect(centres).toHaveLength(7);
    // path mode: a single <path> whose sub-paths are 3 x 3 squares.
    const group = markGroup(pathSvg, 'raster_marks');
    expect(count(group, /<path /g)).toBe(1);
    const squares = [...group.matchAll(/M([-\d.]+) ([-\d.]+)h3v3h-3z/g)].map((m) => [
      Number(m[1]) + 1.5,
      Number(m[2]) + 1.5,
    ]);
    expect(squares).toHaveLength(7);
    for (let k = 0; k < 7; k++) {
      expect(squares[k][0]).toBeCloseTo(centres[k][0], 1);
      expect(squares[k][1]).toBeCloseTo(centres[k][1], 1);
    }
    // Everything else (axes, titles) is the same drawing. The canvas size may differ by a pixel:
    // vega's autosize counts marks that stick out of the plotting area, the single path is not counted.
    const strip = (s: string) =>
      s.replace(/^<svg[^>]*><rect[^>]*\/>/, '').replace(/<g class="mark-symbol role-mark raster_marks".*?<\/g>/, '');
    expect(strip(pathSvg)).toBe(strip(marksSvg));
  });

  it("'auto' switches to the single path above the threshold only", async () => {
    const spec = rasterSpec(ts, spikes);
    const small = await specToSvg(spec, { pathThreshold: 7 });
    const big = await specToSvg(spec, { pathThreshold: 6 });
    expect(count(markGroup(small, 'raster_marks'), /<path /g)).toBe(7);
    expect(count(markGroup(big, 'raster_marks'), /<path /g)).toBe(1);
  });

  it('ticks: one vertical bar per spike in both modes', async () => {
    const spec = rasterSpec(ts, spikes, { marker: 'tick', markSize: 6 });
    const marks = markGroup(await specToSvg(spec, { rasterMode: 'marks' }), 'raster_marks');
    expect(count(marks, /<path /g)).toBe(7);
    const single = markGroup(await specToSvg(spec, { rasterMode: 'path' }), 'raster_marks');
    expect(count(single, /h1v6h-1z/g)).toBe(7);
  });
});

describe('lineSpec', () => {
  const T = 50;
  const tt = Float64Array.from({ length: T }, (_, r) => r * 0.1);
  const v: Matrix2D<Float64Array> = { rows: T, cols: 3, data: new Float64Array(T * 3) };
  for (let r = 0; r < T; r++) for (let c = 0; c < 3; c++) v.data[r * 3 + c] = -65 + c * 5 + Math.sin(r / 5);

  it('has one series per column and a legend', async () => {
    const spec = peek(lineSpec(tt, v, { ylabel: 'V (mV)', legend: 'Cell' }));
    const rows = spec.data.values as LineRow[];
    expect(rows).toHaveLength(3 * T);
    expect([...new Set(rows.map((r) => r.s))]).toEqual(['Cell 0', 'Cell 1', 'Cell 2']);
    expect(rows.filter((r) => r.s === 'Cell 2').map((r) => r.v)).toEqual(
      Array.from({ length: T }, (_, r) => v.data[r * 3 + 2]),
    );
    const svg = await specToSvg(spec);
    expect(count(svg, /aria-roledescription="line mark"/g)).toBe(3);
    expect(new Set(svg.match(/stroke="#[0-9a-f]{6}" stroke-width="1.25"/g)).size).toBe(3);
    expect(svg).toContain('role-legend');
    expect(svg).toContain('>Cell 1</text>');
    expect(svg).toContain('>V (mV)</text>');
  });

  it('plots only plotIds, in their order, within xlim and ylim', () => {
    const spec = peek(lineSpec(tt, v, { plotIds: [2, 0], xlim: [1, 2], ylim: [-70, -50] }));
    const rows = spec.data.values as LineRow[];
    expect([...new Set(rows.map((r) => r.s))]).toEqual(['Neuron 2', 'Neuron 0']);
    expect(rows.every((r) => r.t >= 1 && r.t <= 2)).toBe(true);
    expect(rows).toHaveLength(2 * tt.filter((t) => t >= 1 && t <= 2).length);
    expect(spec.encoding.y?.scale?.domain).toEqual([-70, -50]);
    expect(() => lineSpec(tt, v, { plotIds: [3] })).toThrow(ParameterError);
  });

  it('a 1-D array is one line without legend', async () => {
    const spec = lineSpec(tt, Array.from(tt, (t) => t * t));
    expect(peek(spec).encoding.color).toBeUndefined();
    const svg = await specToSvg(spec);
    expect(count(svg, /aria-roledescription="line mark"/g)).toBe(1);
    expect(svg).not.toContain('role-legend');
  });
});

describe('stackSpecs', () => {
  it('stacks views with unique names and one config', async () => {
    const rate = Float64Array.from(ts, (_, r) => r);
    const spec = peek(
      stackSpecs(
        [rasterSpec(ts, spikes), rasterSpec(ts, spikes), lineSpec(ts, rate, { ylabel: 'Rate (Hz)' })],
        'Stacked',
      ),
    );
    expect(spec.vconcat?.map((s) => s.name)).toEqual(['raster', 'raster_1', 'lines']);
    expect(spec.vconcat?.every((s) => s.config === undefined)).toBe(true);
    expect(spec.config).toBeDefined();
    for (const mode of ['marks', 'path'] as const) {
      const svg = await specToSvg(spec, { rasterMode: mode });
      expect(svg).toContain('>Stacked</text>');
      expect(svg).toContain('>Rate (Hz)</text>');
      expect(count(svg, />Neuron index<\/text>/g)).toBe(2);
      const per = mode === 'marks' ? 7 : 1;
      expect(count(markGroup(svg, 'raster_marks'), /<path /g)).toBe(per);
      expect(count(markGroup(svg, 'raster_1_marks'), /<path /g)).toBe(per);
    }
  });
});

describe('big rasters', () => {
  it('100k spikes render as one path: small SVG, every spike drawn', async () => {
    const rows = 1000;
    const cols = 500;
    const data = new Uint8Array(rows * cols);
    for (let k = 0; k < data.length; k += 5) data[k] = 1;
    const tt = Float64Array.from({ length: rows }, (_, r) => r * 0.1);
    const svg = await specToSvg(rasterSpec(tt, { rows, cols, data }));
    const group = markGroup(svg, 'raster_marks');
    expect(count(group, /<path /g)).toBe(1);
    expect(count(group, /M/g)).toBe(100_000);
    // vega's one element per spike would be about 12 MB.
    expect(svg.length).toBeLessThan(3e6);
  });
});

describe('browser safety', () => {
  it('specs.ts and render.ts reach no Node module, directly or through relative imports', async () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = await readFile(file, 'utf8');
      const imports = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'/gm;
      for (const m of src.matchAll(imports)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) await visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
        else if (spec !== 'vega' && spec !== 'vega-lite') bad.push(`${path.basename(file)}: ${spec}`);
      }
    };
    const here = path.dirname(new URL(import.meta.url).pathname);
    await visit(path.resolve(here, '../src/plot/specs.ts'));
    await visit(path.resolve(here, '../src/plot/render.ts'));
    expect(seen.size).toBeGreaterThanOrEqual(4);
    expect(bad).toEqual([]);
  });
});

function pngSize(buf: Buffer): { width: number; height: number } {
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('saveFigure (Node)', () => {
  it('writes SVG and a 2x PNG, creating folders', async () => {
    const base = path.join(dir, 'nested', 'deeper', 'raster');
    const written = await saveFigure(rasterSpec(ts, spikes, { width: 300, height: 150 }), base);
    expect(written).toEqual([`${base}.svg`, `${base}.png`]);
    const svg = await readFile(`${base}.svg`, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const png = await readFile(`${base}.png`);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    // The plotting area plus axes, at scale 2.
    expect(svgWidth).toBeGreaterThan(300);
    expect(width).toBe(Math.round(svgWidth * 2));
    expect(height).toBeGreaterThan(2 * 150);
    expect(height).toBeLessThan(2 * 300);
    expect((await stat(`${base}.png`)).size).toBeGreaterThan(2000);
  });

  it('a path ending in .png writes only that format; formats override the extension', async () => {
    const spec = lineSpec(ts, Float64Array.from(ts));
    expect(await saveFigure(spec, path.join(dir, 'only.png'))).toEqual([path.join(dir, 'only.png')]);
    await expect(stat(path.join(dir, 'only.svg'))).rejects.toThrow();
    expect(await saveFigure(spec, path.join(dir, 'x.png'), ['svg'])).toEqual([path.join(dir, 'x.svg')]);
  });

  it('rasterPlot and linePlot save both formats', async () => {
    const r = await rasterPlot(ts, spikes, { file: path.join(dir, 'r'), title: 'R' });
    const l = await linePlot(ts, Float64Array.from(ts), { file: path.join(dir, 'l'), ylabel: 'V' });
    expect(r).toEqual([path.join(dir, 'r.svg'), path.join(dir, 'r.png')]);
    expect(l).toEqual([path.join(dir, 'l.svg'), path.join(dir, 'l.png')]);
    for (const f of [...r, ...l]) expect((await stat(f)).size).toBeGreaterThan(500);
  });

  it('PNG text is drawn: the font stack resolves to an installed font', () => {
    const text = (s: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="22" font-size="18" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${s}</text></svg>`;
    const dark = (svg: string) => {
      const px = new Resvg(svg, resvgOptions({ scale: 1 })).render().pixels;
      let n = 0;
      for (let k = 0; k < px.length; k += 4) if (px[k] < 128) n++;
      return n;
    };
    expect(dark(text(''))).toBe(0);
    expect(dark(text('Time (ms)'))).toBeGreaterThan(50);
  });

  it('a raster PNG has dark pixels for the spikes', async () => {
    // One neuron, one step: a 10 x 10 px square, compared with the same figure without the spike.
    const darkPixels = async (m: Matrix2D) => {
      const svg = await specToSvg(rasterSpec([0], m, { markSize: 100, width: 50, height: 50 }));
      const png = svgToPng(svg, { scale: 1 });
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const px = new Resvg(svg, resvgOptions({ scale: 1 })).render().pixels;
      let n = 0;
      for (let k = 0; k < px.length; k += 4) if (px[k] < 64) n++;
      return n;
    };
    const withSpike = await darkPixels({ rows: 1, cols: 1, data: Uint8Array.from([1]) });
    const without = await darkPixels({ rows: 1, cols: 1, data: Uint8Array.from([0]) });
    expect(withSpike - without).toBeGreaterThanOrEqual(90);
    expect(withSpike - without).toBeLessThanOrEqual(110);
  });
});
