/**
 * Vega-Lite specs for state-space figures: a trajectory drawn as a line in the order of time
 * (phase portraits of chaotic systems), and a point cloud (maps, bifurcation diagrams).
 * Browser-safe, like specs.ts, whose paper look they share.
 */
import { ParameterError } from '../core/errors.js';
import { paperConfig, type PlotSpec } from './specs.js';

export interface PhaseOptions {
  title?: string;
  xlabel?: string;
  ylabel?: string;
  /** Plotting area in px (default 300 x 300). */
  width?: number;
  height?: number;
  color?: string;
  /** Draw at most this many points, taking every k-th sample (default 20 000). */
  maxPoints?: number;
  /** Point area in px² for point clouds (default 2). */
  pointSize?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function thinned(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): { x: number; y: number; k: number }[] {
  if (xs.length !== ys.length) throw new ParameterError(`phase plot: ${xs.length} x values but ${ys.length} y values`);
  const every = Math.max(1, Math.ceil(xs.length / maxPoints));
  const rows: { x: number; y: number; k: number }[] = [];
  for (let i = 0; i < xs.length; i += every) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) rows.push({ x: xs[i], y: ys[i], k: i });
  return rows;
}

function baseSpec(rows: object[], mark: object, options: PhaseOptions): PlotSpec {
  const spec: PlotSpec = {
    $schema: SCHEMA,
    width: options.width ?? 300,
    height: options.height ?? 300,
    data: { values: rows },
    mark: mark as never,
    encoding: {
      x: { field: 'x', type: 'quantitative', title: options.xlabel ?? 'x', scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: options.ylabel ?? 'y', scale: { zero: false } },
    },
    config: structuredClone(paperConfig),
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

/** A trajectory (x(t), y(t)) as one line in time order. */
export function phaseSpec(xs: ArrayLike<number>, ys: ArrayLike<number>, options: PhaseOptions = {}): PlotSpec {
  const rows = thinned(xs, ys, options.maxPoints ?? 20000);
  return baseSpec(rows, { type: 'line', strokeWidth: 0.5, color: options.color ?? '#1f4e8c', order: false }, options);
}

/** Points (x_i, y_i) without connecting lines. */
export function scatterSpec(xs: ArrayLike<number>, ys: ArrayLike<number>, options: PhaseOptions = {}): PlotSpec {
  const rows = thinned(xs, ys, options.maxPoints ?? 20000);
  return baseSpec(rows, { type: 'circle', size: options.pointSize ?? 2, opacity: 0.6, color: options.color ?? '#000' }, options);
}

/** Several panels side by side (a Vega-Lite hconcat), wrapped into rows of `columns`. */
export function gridSpecs(specs: readonly PlotSpec[], columns: number, title?: string): PlotSpec {
  if (specs.length === 0) throw new ParameterError('gridSpecs needs at least one spec');
  const strip = (s: PlotSpec) => {
    const child = { ...(s as unknown as Record<string, unknown>) };
    delete child.$schema;
    delete child.config;
    return child;
  };
  const rows: object[] = [];
  for (let i = 0; i < specs.length; i += columns) rows.push({ hconcat: specs.slice(i, i + columns).map(strip) });
  const spec = { $schema: SCHEMA, vconcat: rows, config: structuredClone(paperConfig) } as PlotSpec;
  if (title !== undefined) spec.title = title;
  return spec;
}
