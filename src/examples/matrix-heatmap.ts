import type { Matrix2D } from '../core/matrix.js';
import { paperConfig, type PlotSpec } from '../plot/specs.js';

/** A vega-lite heatmap of a square matrix (connectivity, FC), row 0 at the top. */
export function heatmapSpec(m: Matrix2D, title: string, { size = 260, scheme = 'plasma' } = {}): PlotSpec {
  const values: { i: number; j: number; v: number }[] = [];
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) values.push({ i, j, v: m.data[i * m.cols + j] });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: paperConfig,
    title,
    width: size,
    height: size,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'j', type: 'ordinal', axis: null },
      y: { field: 'i', type: 'ordinal', axis: null },
      color: { field: 'v', type: 'quantitative', scale: { scheme }, title: null },
    },
  } as PlotSpec;
}
