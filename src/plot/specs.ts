/**
 * Vega-Lite specifications for the figures of a simulation: spike rasters and traces.
 *
 * The TypeScript counterpart of BrainPy's `bp.visualize.raster_plot` and `line_plot`. Every
 * function here is pure and browser-safe (no Node imports): it returns a plain Vega-Lite spec
 * object, which `specToSvg` (./render.ts) turns into SVG anywhere, `saveFigure` (./node.ts)
 * writes to disk as SVG and PNG, and which vega-embed can show in a page.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';

/** A Vega-Lite spec as produced by this module (a plain, JSON-serialisable object). */
export type PlotSpec = TopLevelSpec;

/** The font stack of every figure; resvg is told to resolve the generic family to DejaVu Sans. */
export const FIGURE_FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/**
 * A journal-style look: white background, sans-serif text, black axes with outward ticks,
 * no grid and no frame around the plotting area.
 */
export const paperConfig: Config = {
  background: 'white',
  font: FIGURE_FONT,
  padding: 8,
  view: { stroke: null },
  axis: {
    grid: false,
    domainColor: '#000',
    domainWidth: 1,
    tickColor: '#000',
    tickWidth: 1,
    tickSize: 5,
    labelColor: '#000',
    labelFontSize: 11,
    labelPadding: 3,
    titleColor: '#000',
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 11,
    labelColor: '#000',
    titleFontSize: 12,
    titleFontWeight: 'normal',
    symbolType: 'stroke',
    symbolStrokeWidth: 2,
  },
  title: { fontSize: 13, fontWeight: 'normal', color: '#000', anchor: 'middle', offset: 8 },
  concat: { spacing: 24 },
};

/** Options shared by every figure. */
export interface FigureOptions {
  /** Figure title (none by default). */
  title?: string;
  /** Time window `[start, end]` in ms: data outside is dropped and the x axis spans exactly this window. */
  xlim?: readonly [number, number];
  /** x-axis title; default 'Time (ms)'. */
  xlabel?: string;
  /** y-axis title. */
  ylabel?: string;
  /** Width of the plotting area in px (axes and labels come on top); default 500. */
  width?: number;
  /** Height of the plotting area in px; default 250. */
  height?: number;
}

export interface RasterOptions extends FigureOptions {
  /** Mark colour; default black. */
  color?: string;
  /** 'square' (default): a small filled square per spike; 'tick': a short vertical bar per spike. */
  marker?: 'square' | 'tick';
  /**
   * For 'square', the area in px² (default 4, a 2 × 2 px square); for 'tick', the bar length in px
   * (default: the height of one neuron row, clamped to [1, 8]).
   */
  markSize?: number;
  /**
   * Vega-Lite view name, prefix of the compiled scale and mark names; default 'raster'.
   * `stackSpecs` makes names unique, so there is rarely a reason to set it.
   */
  name?: string;
}

export interface LineOptions extends FigureOptions {
  /** Columns to plot; default all of them. */
  plotIds?: readonly number[];
  /** y-axis window `[low, high]`: the axis spans exactly this window (lines are clipped). */
  ylim?: readonly [number, number];
  /**
   * Legend label prefix, shown when there is more than one line: labels read `${legend} ${id}`.
   * Default 'Neuron'; `false` hides the legend.
   */
  legend?: string | false;
  /** Line colour when there is a single line; default '#1f4e8c'. */
  color?: string;
  /** Line width in px; default 1.25. */
  strokeWidth?: number;
}

/** One spike: time `t` (ms) and neuron index `i`. */
export interface SpikeRow {
  t: number;
  i: number;
}

/** One sample of one line: time `t`, value `v`, series label `s`. */
export interface LineRow {
  t: number;
  v: number;
  s: string;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const DEFAULT_WIDTH = 500;
const DEFAULT_HEIGHT = 250;

function checkLim(lim: readonly [number, number] | undefined, what: string): void {
  if (lim === undefined) return;
  if (lim.length !== 2 || !Number.isFinite(lim[0]) || !Number.isFinite(lim[1]) || !(lim[0] < lim[1])) {
    throw new ParameterError(`${what} must be [low, high] with finite low < high, got [${lim.join(', ')}]`);
  }
}

function checkSize(value: number | undefined, what: string): number | undefined {
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new ParameterError(`${what} must be a positive finite number, got ${value}`);
  }
  return value;
}

function checkTimes(ts: ArrayLike<number>, rows: number, what: string): void {
  if (ts.length !== rows) {
    throw new ParameterError(
      `${what} has ${rows} rows (time steps) but ts has ${ts.length} entries; they must match`,
    );
  }
}

/** x domain: the window if given, else the span of `ts` (with a little room if it is a single instant). */
function timeDomain(ts: ArrayLike<number>, xlim: readonly [number, number] | undefined): [number, number] {
  if (xlim) return [xlim[0], xlim[1]];
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k];
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (!(lo <= hi)) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * The spikes of a `rows × cols` matrix (time steps × neurons) as a flat list of `{t, i}`: one row
 * per nonzero entry, in time order, restricted to `xlim` (inclusive) when given.
 * One pass over the matrix; rows outside the window are skipped whole.
 */
export function spikeRows(
  ts: ArrayLike<number>,
  spikes: Matrix2D,
  xlim?: readonly [number, number],
): SpikeRow[] {
  checkTimes(ts, spikes.rows, 'spike matrix');
  checkLim(xlim, 'xlim');
  const { data, rows, cols } = spikes;
  const lo = xlim ? xlim[0] : -Infinity;
  const hi = xlim ? xlim[1] : Infinity;
  const out: SpikeRow[] = [];
  for (let r = 0; r < rows; r++) {
    const t = ts[r];
    if (!(t >= lo && t <= hi)) continue;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      if (data[base + c]) out.push({ t, i: c });
    }
  }
  return out;
}

/**
 * A spike raster (BrainPy's `raster_plot`): one mark per spike at x = time (ms), y = neuron index.
 * Neuron 0 is at the bottom; the y axis spans all `spikes.cols` neurons, silent ones included.
 */
export function rasterSpec(ts: ArrayLike<number>, spikes: Matrix2D, options: RasterOptions = {}): PlotSpec {
  const values = spikeRows(ts, spikes, options.xlim);
  const width = checkSize(options.width, 'width') ?? DEFAULT_WIDTH;
  const height = checkSize(options.height, 'height') ?? DEFAULT_HEIGHT;
  const color = options.color ?? '#000';
  const n = spikes.cols;
  const marker = options.marker ?? 'square';
  const markSize =
    checkSize(options.markSize, 'markSize') ??
    (marker === 'square' ? 4 : Math.min(8, Math.max(1, height / Math.max(1, n))));
  const mark =
    marker === 'square'
      ? ({ type: 'square', size: markSize, color, opacity: 1, filled: true, strokeWidth: 0, aria: false } as const)
      : ({ type: 'tick', orient: 'vertical', size: markSize, thickness: 1, color, opacity: 1, aria: false } as const);
  const spec: PlotSpec = {
    $schema: SCHEMA,
    name: options.name ?? 'raster',
    width,
    height,
    data: { values },
    mark,
    encoding: {
      x: {
        field: 't',
        type: 'quantitative',
        title: options.xlabel ?? 'Time (ms)',
        scale: { domain: timeDomain(ts, options.xlim), nice: false, zero: false },
      },
      y: {
        field: 'i',
        type: 'quantitative',
        title: options.ylabel ?? 'Neuron index',
        scale: { domain: [-0.5, Math.max(n, 1) - 0.5], nice: false, zero: false },
        axis: { tickMinStep: 1, format: 'd' },
      },
    },
    config: structuredClone(paperConfig),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

function asMatrix(values: Matrix2D | ArrayLike<number>): Matrix2D {
  if (isMatrix(values)) return values;
  const data = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) data[k] = values[k];
  return { data, rows: values.length, cols: 1 };
}

function isMatrix(v: Matrix2D | ArrayLike<number>): v is Matrix2D {
  const m = v as Partial<Matrix2D>;
  return typeof m.rows === 'number' && typeof m.cols === 'number' && m.data !== undefined;
}

/**
 * The samples of the selected columns of `values` as `{t, v, s}` rows, series after series
 * (each in time order), restricted to `xlim` (inclusive) when given. Nothing is downsampled.
 */
export function lineRows(
  ts: ArrayLike<number>,
  values: Matrix2D | ArrayLike<number>,
  plotIds: readonly number[],
  labels: readonly string[],
  xlim?: readonly [number, number],
): LineRow[] {
  const m = asMatrix(values);
  checkTimes(ts, m.rows, 'values');
  const lo = xlim ? xlim[0] : -Infinity;
  const hi = xlim ? xlim[1] : Infinity;
  const { data, rows, cols } = m;
  let first = 0;
  let last = rows;
  // Most ts are increasing: trim the ends once instead of testing every sample of every series.
  while (first < last && !(ts[first] >= lo && ts[first] <= hi)) first++;
  while (last > first && !(ts[last - 1] >= lo && ts[last - 1] <= hi)) last--;
  const out: LineRow[] = [];
  for (let k = 0; k < plotIds.length; k++) {
    const c = plotIds[k];
    const s = labels[k];
    for (let r = first; r < last; r++) {
      const t = ts[r];
      if (t >= lo && t <= hi) out.push({ t, v: data[r * cols + c], s });
    }
  }
  return out;
}

/**
 * Traces (BrainPy's `line_plot`): one line per column of `values` (time steps × variables), or per
 * column listed in `plotIds`; a 1-D array is one trace. A legend appears when there is more than
 * one line. Every sample is plotted: thinning long recordings is the caller's decision.
 */
export function lineSpec(
  ts: ArrayLike<number>,
  values: Matrix2D | ArrayLike<number>,
  options: LineOptions = {},
): PlotSpec {
  const m = asMatrix(values);
  checkLim(options.xlim, 'xlim');
  checkLim(options.ylim, 'ylim');
  const ids = options.plotIds ? [...options.plotIds] : Array.from({ length: m.cols }, (_, c) => c);
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id >= m.cols) {
      throw new ParameterError(`plotIds entry ${id} is not a column index in [0, ${m.cols - 1}]`);
    }
  }
  const prefix = options.legend === false ? '' : (options.legend ?? 'Neuron');
  const labels = ids.map((id) => (prefix === '' ? String(id) : `${prefix} ${id}`));
  const rows = lineRows(ts, m, ids, labels, options.xlim);
  const width = checkSize(options.width, 'width') ?? DEFAULT_WIDTH;
  const height = checkSize(options.height, 'height') ?? DEFAULT_HEIGHT;
  const multi = ids.length > 1;
  const showLegend = multi && options.legend !== false;
  const spec: PlotSpec = {
    $schema: SCHEMA,
    name: 'lines',
    width,
    height,
    data: { values: rows },
    mark: {
      type: 'line',
      strokeWidth: options.strokeWidth ?? 1.25,
      clip: true,
      // Keep the data order (time order per series) instead of re-sorting every point by x.
      order: false,
      ...(multi ? {} : { color: options.color ?? '#1f4e8c' }),
    },
    encoding: {
      x: {
        field: 't',
        type: 'quantitative',
        title: options.xlabel ?? 'Time (ms)',
        scale: { domain: timeDomain(ts, options.xlim), nice: false, zero: false },
      },
      y: {
        field: 'v',
        type: 'quantitative',
        title: options.ylabel ?? null,
        scale: options.ylim ? { domain: [options.ylim[0], options.ylim[1]], nice: false, zero: false } : { zero: false },
      },
      ...(multi
        ? {
            color: {
              field: 's',
              type: 'nominal',
              sort: null,
              scale: { domain: labels, scheme: labels.length <= 10 ? 'category10' : 'tableau20' },
              legend: showLegend ? { title: null } : null,
            },
          }
        : {}),
    },
    config: structuredClone(paperConfig),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

const TOP_LEVEL_ONLY = ['$schema', 'config', 'background', 'padding', 'autosize', 'datasets', 'usermeta'];

/**
 * Stacks figures vertically (a Vega-Lite `vconcat`), e.g. a raster on top of the population rate.
 * The children keep their own scales and axes; their top-level-only properties (config, padding,
 * ...) are dropped in favour of the paper look, and view names are made unique so the compiled
 * scale names do not collide. Give the children the same width (and xlim) to line them up.
 */
export function stackSpecs(specs: readonly object[], title?: string): PlotSpec {
  if (specs.length === 0) throw new ParameterError('stackSpecs needs at least one spec');
  const used = new Set<string>();
  const children = specs.map((s, k) => {
    const child: Record<string, unknown> = { ...(s as Record<string, unknown>) };
    for (const key of TOP_LEVEL_ONLY) delete child[key];
    let name = typeof child.name === 'string' ? child.name : `view_${k}`;
    if (used.has(name)) {
      let j = 1;
      while (used.has(`${name}_${j}`)) j++;
      name = `${name}_${j}`;
    }
    used.add(name);
    child.name = name;
    return child;
  });
  const spec = {
    $schema: SCHEMA,
    vconcat: children,
    config: structuredClone(paperConfig),
    ...(title !== undefined ? { title } : {}),
  };
  return spec as unknown as PlotSpec;
}
