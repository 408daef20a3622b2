import path from 'node:path';
import type { MonitorResults } from '../runner/monitors.js';
import { gridSpecs, phaseSpec } from '../plot/phase-spec.js';
import type { PlotSpec } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import { column } from './chaos-measures.js';

/**
 * Projections of a recorded trajectory (the seed's run_and_visualize draws a 3-D plot; a figure
 * file shows the x-y, x-z and y-z planes instead), skipping the first `skip` samples as it does.
 */
export function projections(mon: MonitorResults, vars: readonly string[], title: string, skip = 100, trajectory = 0): PlotSpec[] {
  const series = vars.map((v) => {
    const trace = mon.get(v);
    return column(trace.data, trace.cols, trajectory, Math.min(skip, trace.rows - 1));
  });
  const pairs: [number, number][] = vars.length === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
  return pairs.map(([i, j]) => phaseSpec(series[i], series[j], { title: `${title}: ${vars[i]}-${vars[j]}`, xlabel: vars[i], ylabel: vars[j], width: 220, height: 220 }));
}

/** Writes panels as one grid figure; returns the files. */
export function saveGrid(panels: PlotSpec[], columns: number, title: string, outDir: string, file: string): Promise<string[]> {
  return saveFigure(gridSpecs(panels, columns, title), path.join(outDir, file));
}
