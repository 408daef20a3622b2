import { lineSpec, type LineOptions } from '../plot/specs.js';
import { gridSpecs } from '../plot/phase-spec.js';
import type { PlotSpec } from '../plot/specs.js';

/** Figure builders for joglekar-fig2 (Figs. 2B, 3B-D, 3F); the simulations stay in joglekar-model.ts. */
type Run = { re: Float64Array; dt: number; steps: number };

const EVERY = 20; // draw every 20th sample (4 ms): the traces are smooth at that scale

/** Rise of each area's rate above its value at t0, thinned, as a (time x areas) matrix. */
function rises(run: Run, n: number, areas: readonly number[], [t0, t1]: readonly [number, number], transform = (v: number) => v) {
  const [a, b] = [Math.round(t0 / run.dt), Math.min(Math.round(t1 / run.dt), run.steps)];
  const ts: number[] = [];
  const data: number[] = [];
  for (let s = a; s < b; s += EVERY) {
    ts.push(s * run.dt);
    for (const area of areas) data.push(transform(run.re[s * n + area] - run.re[a * n + area]));
  }
  return { ts, m: { rows: ts.length, cols: areas.length, data: Float64Array.from(data) } };
}

/** gridSpecs with each panel renamed: lineSpec names every view 'lines', and Vega-Lite needs unique scale names. */
const grid = (panels: readonly PlotSpec[], columns: number, title: string) =>
  gridSpecs(panels.map((p, k) => ({ ...p, name: `panel_${k}` }) as PlotSpec), columns, title);

const SMALL: LineOptions = { width: 260, height: 160 };

/** Fig. 2B: log10 change of V1's and 24c's rates (floored at 0.01 Hz as the seed) for each run. */
export function fig2bSpec(runs: readonly { title: string; run: Run }[], n: number): PlotSpec {
  const log = (v: number) => Math.log10(Math.max(v, 1e-2));
  const panels = runs.map(({ title, run }) => {
    const { ts, m } = rises(run, n, [0, n - 1], [1.75, 5], log);
    return lineSpec(ts, m, { ...SMALL, title: `${title} (area 0: V1, 1: 24c)`, legend: 'area', xlabel: 'Time (s)', ylabel: 'log10 change in rate (Hz)', ylim: [-2, Math.log10(200)] });
  });
  return grid(panels, panels.length, 'Joglekar 2018, Fig. 2B');
}

/** Figs. 3B-D: per area, left the weak-GBA response from 1.25 s, right weak (0) and strong (1) GBA from 1.75 s. */
export function fig3bdSpec(weak: Run, strong: Run, n: number, names: readonly string[]): PlotSpec {
  const areas = [0, 2, 5, 7, 8, 12, 16, 18, 28].filter((a) => a < n);
  const panels = areas.flatMap((area) => {
    const left = rises(weak, n, [area], [1.25, 5]);
    const w = rises(weak, n, [area], [1.75, 4]);
    const s = rises(strong, n, [area], [1.75, 4]);
    const both = { rows: w.ts.length, cols: 2, data: Float64Array.from({ length: 2 * w.ts.length }, (_, k) => (k % 2 === 0 ? w.m : s.m).data[k >> 1]) };
    const opts = { width: 220, height: 70, xlabel: 'Time (s)', ylabel: 'Hz' };
    return [
      lineSpec(left.ts, left.m, { ...opts, title: `${names[area]}: weak GBA`, legend: false }),
      lineSpec(w.ts, both, { ...opts, title: `${names[area]}: weak (0) / strong (1) GBA`, legend: 'GBA' }),
    ];
  });
  return grid(panels, 2, 'Joglekar 2018, Figs. 3B-D: change in firing rate');
}

/**
 * Figs. 2C and 3F: log10 of the clipped peak rate in 24c against muEE; one panel per curve (2C),
 * or all curves in one panel, numbered in the legend (3F, as the seed draws it).
 */
export function sweepSpec(muEE: readonly number[], curves: readonly { title: string; peaks: readonly number[] }[], title: string, together = false): PlotSpec {
  const log = (v: number) => Math.log10(Math.max(v, 1e-12));
  const opts = { xlabel: 'Global E to E coupling', ylabel: 'log10 max rate in 24c (Hz)', width: 300, height: 180 };
  if (together) {
    const data = Float64Array.from({ length: muEE.length * curves.length }, (_, k) => log(curves[k % curves.length].peaks[Math.floor(k / curves.length)]));
    const names = curves.map((c, k) => `${k}: ${c.title}`).join(', ');
    return lineSpec(muEE, { rows: muEE.length, cols: curves.length, data }, { ...opts, title: `${title} (${names})`, legend: 'curve' });
  }
  const panels = curves.map((c) => lineSpec(muEE, { rows: muEE.length, cols: 1, data: Float64Array.from(c.peaks, log) }, { ...opts, title: c.title, legend: false }));
  return grid(panels, panels.length, title);
}
