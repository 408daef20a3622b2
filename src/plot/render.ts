/**
 * Vega-Lite spec → SVG text, in Node or the browser (no Node imports).
 *
 * Vega writes one SVG element per mark item, so a raster of 100k spikes costs seconds and tens
 * of megabytes. Above `pathThreshold` spikes the raster units of a spec (as built by
 * `rasterSpec`) are therefore drawn as one `<path>` whose sub-paths are the spike marks, while
 * vega still lays out and draws everything else (axes, titles, other views). The coordinates come
 * from vega's own scales, so both ways put each spike on the same pixel.
 */
import { parse, View } from 'vega';
import type { Spec as VegaSpec } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/** How raster spikes are drawn: one vega mark each ('marks'), one SVG path ('path'), or by size ('auto'). */
export type RasterMode = 'auto' | 'marks' | 'path';

export interface RenderOptions {
  /** Default 'auto': 'path' when the spec holds more than `pathThreshold` spikes, else 'marks'. */
  rasterMode?: RasterMode;
  /** Spike count above which 'auto' switches to a single path; default 10,000. */
  pathThreshold?: number;
}

export const DEFAULT_PATH_THRESHOLD = 10_000;

/** A raster view found in a spec: its view name, spikes and mark geometry. */
interface RasterUnit {
  name: string;
  values: readonly { t: number; i: number }[];
  type: 'square' | 'tick';
  size: number;
  thickness: number;
  color: string;
  opacity: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const CONCAT_KEYS = ['vconcat', 'hconcat', 'concat'] as const;

/** A unit spec shaped like `rasterSpec`'s output: named, inline {t, i} data, square or tick mark. */
function asRasterUnit(node: Obj): RasterUnit | undefined {
  const { name, data, mark, encoding } = node;
  if (typeof name !== 'string' || !isObj(data) || !Array.isArray(data.values)) return undefined;
  if (!isObj(mark) || (mark.type !== 'square' && mark.type !== 'tick')) return undefined;
  if (!isObj(encoding) || !isObj(encoding.x) || !isObj(encoding.y)) return undefined;
  if (encoding.x.field !== 't' || encoding.y.field !== 'i') return undefined;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    name,
    values: data.values as RasterUnit['values'],
    type: mark.type,
    size: num(mark.size, mark.type === 'square' ? 30 : 10),
    thickness: num(mark.thickness, 1),
    color: typeof mark.color === 'string' ? mark.color : '#000',
    opacity: num(mark.opacity, 1),
  };
}

/** Raster units reachable through (v/h)concat, and a copy of the spec with their data emptied. */
function stripRasters(node: Obj, found: RasterUnit[]): Obj {
  const unit = asRasterUnit(node);
  if (unit) {
    found.push(unit);
    return { ...node, data: { values: [] } };
  }
  let copy: Obj | undefined;
  for (const key of CONCAT_KEYS) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    copy ??= { ...node };
    copy[key] = children.map((c) => (isObj(c) ? stripRasters(c, found) : c));
  }
  return copy ?? node;
}

/** The x and y scale names of the vega mark called `markName`, searched through group marks. */
function markScales(marks: unknown, markName: string): { x: string; y: string } | undefined {
  if (!Array.isArray(marks)) return undefined;
  for (const m of marks) {
    if (!isObj(m)) continue;
    if (m.name === markName && isObj(m.encode) && isObj(m.encode.update)) {
      const u = m.encode.update;
      const scaleOf = (...keys: string[]) => {
        for (const k of keys) {
          const ch = u[k];
          if (isObj(ch) && typeof ch.scale === 'string') return ch.scale;
        }
        return undefined;
      };
      const x = scaleOf('x', 'xc');
      const y = scaleOf('y', 'yc');
      return x && y ? { x, y } : undefined;
    }
    const inner = markScales(m.marks, markName);
    if (inner) return inner;
  }
  return undefined;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const r2 = (v: number) => Math.round(v * 100) / 100;

/** The `d` attribute drawing every spike of `unit` with the given scales (in the mark group's frame). */
function rasterPathData(unit: RasterUnit, sx: (v: number) => number, sy: (v: number) => number): string {
  const w = unit.type === 'square' ? Math.sqrt(unit.size) : unit.thickness;
  const h = unit.type === 'square' ? w : unit.size;
  const tail = `h${r2(w)}v${r2(h)}h${r2(-w)}z`;
  const parts: string[] = new Array(unit.values.length);
  const { values } = unit;
  for (let k = 0; k < values.length; k++) {
    const p = values[k];
    parts[k] = `M${r2(sx(p.t) - w / 2)} ${r2(sy(p.i) - h / 2)}${tail}`;
  }
  return parts.join('');
}

async function vegaSvg(vgSpec: VegaSpec): Promise<{ svg: string; view: View }> {
  const view = new View(parse(vgSpec), { renderer: 'none' });
  const svg = await view.toSVG();
  return { svg, view };
}

/** Renders a Vega-Lite spec to an SVG string (vega-lite compile, then a headless vega View). */
export async function specToSvg(spec: object, options: RenderOptions = {}): Promise<string> {
  const mode = options.rasterMode ?? 'auto';
  const threshold = options.pathThreshold ?? DEFAULT_PATH_THRESHOLD;
  if (mode !== 'marks') {
    const rasters: RasterUnit[] = [];
    const stripped = stripRasters(spec as Obj, rasters);
    const total = rasters.reduce((n, r) => n + r.values.length, 0);
    if (rasters.length > 0 && (mode === 'path' || total > threshold)) {
      const svg = await rasterAsPath(stripped, rasters);
      if (svg !== undefined) return svg;
      // The layout was not one we recognise (e.g. a raster inside a layer): draw every mark.
    }
  }
  const { svg, view } = await vegaSvg(compile(spec as TopLevelSpec).spec);
  view.finalize();
  return svg;
}

async function rasterAsPath(stripped: Obj, rasters: readonly RasterUnit[]): Promise<string | undefined> {
  const vgSpec = compile(stripped as unknown as TopLevelSpec).spec;
  const { svg, view } = await vegaSvg(vgSpec);
  try {
    let out = svg;
    for (const unit of rasters) {
      const markName = `${unit.name}_marks`;
      const names = markScales(vgSpec.marks, markName);
      if (!names) return undefined;
      const sx = view.scale(names.x) as ((v: number) => number) | undefined;
      const sy = view.scale(names.y) as ((v: number) => number) | undefined;
      if (typeof sx !== 'function' || typeof sy !== 'function') return undefined;
      const group = new RegExp(
        `(<g class="mark-(?:symbol|rect) role-mark ${escapeRegExp(markName)}"[^>]*?)/>`,
      );
      const match = group.exec(out);
      if (!match) return undefined;
      const opacity = unit.opacity < 1 ? ` opacity="${unit.opacity}"` : '';
      const path = `<path d="${rasterPathData(unit, sx, sy)}" fill="${escapeAttr(unit.color)}"${opacity}/>`;
      const replacement = `${match[1]}>${path}</g>`;
      out = out.slice(0, match.index) + replacement + out.slice(match.index + match[0].length);
    }
    return out;
  } finally {
    view.finalize();
  }
}
