/**
 * A Vega-Lite heat map of values on a regular x-y grid (Joglekar Fig. 1C's amplitude map).
 * Cells whose value is NaN are drawn in a flat grey, as the seed greys out unstable models.
 * Browser-safe, like specs.ts.
 */
import { ParameterError } from '../core/errors.js';
import { paperConfig, type PlotSpec } from './specs.js';

export interface HeatmapOptions {
  title?: string;
  xlabel?: string;
  ylabel?: string;
  colorTitle?: string;
  width?: number;
  height?: number;
}

/** values[iy * xs.length + ix] is the cell at (xs[ix], ys[iy]). */
export function heatmapSpec(xs: ArrayLike<number>, ys: ArrayLike<number>, values: ArrayLike<number>, options: HeatmapOptions = {}): PlotSpec {
  if (values.length !== xs.length * ys.length) throw new ParameterError(`heatmapSpec: ${values.length} values for a ${xs.length} x ${ys.length} grid`);
  const rows: { x: number; y: number; v: number | null }[] = [];
  for (let iy = 0; iy < ys.length; iy++) {
    for (let ix = 0; ix < xs.length; ix++) {
      const v = values[iy * xs.length + ix];
      rows.push({ x: xs[ix], y: ys[iy], v: Number.isFinite(v) ? v : null });
    }
  }
  const axis = (field: string, title: string) => ({ field, type: 'ordinal', title, axis: { labelExpr: 'format(datum.value, ".2f")', values: [] as number[] } });
  const pick = (arr: ArrayLike<number>) => Array.from(arr).filter((_, i) => i % Math.max(1, Math.round(arr.length / 5)) === 0);
  const x = axis('x', options.xlabel ?? 'x');
  const y = axis('y', options.ylabel ?? 'y');
  x.axis.values = pick(xs);
  y.axis.values = pick(ys);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width ?? 300,
    height: options.height ?? 300,
    data: { values: rows },
    layer: [
      { transform: [{ filter: 'datum.v === null' }], mark: { type: 'rect', color: 'silver' }, encoding: { x, y: { ...y, sort: 'descending' } } },
      {
        transform: [{ filter: 'datum.v !== null' }],
        mark: 'rect',
        encoding: { x, y: { ...y, sort: 'descending' }, color: { field: 'v', type: 'quantitative', title: options.colorTitle ?? '', scale: { scheme: 'inferno' } } },
      },
    ],
    config: structuredClone(paperConfig),
  } as unknown as PlotSpec;
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
