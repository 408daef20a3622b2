import type { Matrix2D } from '../core/matrix.js';
import { gridSpecs } from '../plot/phase-spec.js';
import { lineSpec, type PlotSpec, rasterSpec, stackSpecs } from '../plot/specs.js';

/** Figure builders for joglekar-fig5; the simulation is in joglekar-fig5-net.ts. */
export interface RegimeRun {
  title: string;
  ts: Float64Array;
  /** Spikes of the `shown` first E neurons of every area, area by area (steps x areas * shown). */
  raster: Matrix2D;
  /** Smoothed E population rate per area (steps x areas, Hz). */
  rates: Matrix2D;
  /** Peak rise of each area's rate over its baseline (Hz). */
  peaks: Float64Array;
}

/** First step at or after t, or the number of steps when the run ends before t. */
export function indexOf(ts: Float64Array, t: number): number {
  const k = ts.findIndex((x) => x >= t - 1e-9);
  return k < 0 ? ts.length : k;
}

/** The seed's raster_plot: y in areas, V1 at the bottom, one band of `shown` neurons per area. */
export function fig5RasterSpec(runs: readonly RegimeRun[], names: readonly string[], shown: number, duration: number): PlotSpec {
  const panels = runs.map((run) => {
    const spec = rasterSpec(run.ts, run.raster, { title: run.title, width: 640, height: 420, xlim: [0, duration], markSize: 2 }) as unknown as { encoding: { y: Record<string, unknown> } };
    spec.encoding.y = {
      ...spec.encoding.y,
      scale: { domain: [0, names.length * shown], nice: false },
      axis: { values: names.map((_, k) => (k + 0.5) * shown), labelExpr: `${JSON.stringify(names)}[floor(datum.value / ${shown})]`, title: `Area (${shown} E neurons each)` },
    };
    return spec as unknown as PlotSpec;
  });
  return stackSpecs(panels, 'Joglekar 2018, Fig. 5: spikes of excitatory neurons, V1 stimulated 300-450 ms');
}

/** Per-area E rate, weak (0) and strong (1) GBA in one panel per area. */
export function fig5RatesSpec(runs: readonly RegimeRun[], names: readonly string[], areas: readonly number[], window: readonly [number, number]): PlotSpec {
  const [a, b] = window.map((t) => indexOf(runs[0].ts, t));
  const ts = runs[0].ts.subarray(a, b);
  const panels = areas.map((area, k) => {
    const data = new Float64Array(ts.length * runs.length);
    runs.forEach((run, r) => ts.forEach((_, s) => (data[s * runs.length + r] = run.rates.data[(a + s) * run.rates.cols + area])));
    const spec = lineSpec(ts, { rows: ts.length, cols: runs.length, data }, { title: names[area], width: 220, height: 90, ylabel: 'Hz', legend: 'regime' });
    return { ...spec, name: `panel_${k}` } as PlotSpec;
  });
  return gridSpecs(panels, 3, `Joglekar 2018, Fig. 5: E population rate per area, 10 ms window (${runs.map((r, k) => `${k}: ${r.title}`).join(', ')})`);
}

/** Peak rise per area along the hierarchy (log10 Hz, floored at 0.01 Hz), one line per regime. */
export function fig5PeaksSpec(runs: readonly RegimeRun[]): PlotSpec {
  const n = runs[0].peaks.length;
  const data = Float64Array.from({ length: n * runs.length }, (_, k) => Math.log10(Math.max(runs[k % runs.length].peaks[Math.floor(k / runs.length)], 1e-2)));
  const legend = runs.map((r, k) => `${k}: ${r.title}`).join(', ');
  return lineSpec(Array.from({ length: n }, (_, k) => k), { rows: n, cols: runs.length, data }, {
    title: `Peak rise of the E rate per area (${legend})`,
    xlabel: 'Area (0 = V1 ... 28 = 24c, in the seed order)',
    ylabel: 'log10 peak rise (Hz)',
    legend: 'regime',
    width: 520,
    height: 260,
  });
}
