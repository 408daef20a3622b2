import path from 'node:path';
import type { EquationGroup } from '../core/equation-group.js';
import { Runner } from '../runner/runner.js';
import { lineRows, lineSpec, paperConfig, type PlotSpec } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import { checkPattern, type PatternClaim } from './firing-patterns.js';
import type { Check, ExampleOptions, ExampleResult, GroupSummary } from './example.js';

/** One single-neuron simulation of a gallery panel. */
export interface PanelRun {
  title: string;
  ts: Float64Array;
  /** Recorded states, one value per step. */
  traces: Record<string, Float64Array>;
  /** Spike times (ms). */
  spikes: number[];
  wall_s: number;
}

/** Runs one neuron with a per-step current (or a constant) and records `states` and its spikes. */
export function runPanel(title: string, neuron: EquationGroup, current: Float64Array | number, duration: number, dt: number, states: readonly string[]): PanelRun {
  const input = typeof current === 'number' ? (['input', current] as const) : (['input', current, 'iter'] as const);
  const runner = new Runner(neuron, { monitors: ['spike', ...states], inputs: [input], dt, progress: false });
  const wall_s = runner.run(duration);
  const ts = runner.mon.ts;
  const spike = runner.mon.get('spike').data;
  const spikes: number[] = [];
  for (let r = 0; r < spike.length; r++) if (spike[r]) spikes.push(ts[r]);
  const traces: Record<string, Float64Array> = {};
  for (const s of states) traces[s] = Float64Array.from(runner.mon.get(s).data);
  return { title, ts, traces, spikes, wall_s };
}

/** Every `every`-th sample, so that long fine-step traces stay light to draw. */
function thin(values: ArrayLike<number>, every: number): Float64Array {
  const out = new Float64Array(Math.ceil(values.length / every));
  for (let k = 0; k < out.length; k++) out[k] = values[k * every];
  return out;
}

export interface GridOptions {
  columns: number;
  /** States drawn in each panel (several share the axis, with a legend). */
  states: readonly string[];
  width?: number;
  height?: number;
  /** Plot every n-th sample (default 1). */
  every?: number;
  ylim?: (panel: PanelRun, state: string) => readonly [number, number] | undefined;
  /** One panel per state (e.g. V | w side by side) instead of all states on one axis. */
  separateStates?: boolean;
}

interface PanelSpec {
  $schema?: string;
  config?: object;
  data: object;
  encoding: { color: { scale: { domain: string[] } } };
}

/** Panels in a grid of `columns` (a Vega-Lite concat), one trace plot per run. */
export function gridSpec(panels: readonly PanelRun[], title: string, o: GridOptions): PlotSpec {
  const every = o.every ?? 1;
  const panel = (p: PanelRun, states: readonly string[], title: string, name: string) => {
    const cols = states.length;
    const ts = thin(p.ts, every);
    const data = new Float64Array(ts.length * cols);
    states.forEach((s, c) => thin(p.traces[s], every).forEach((x, r) => (data[r * cols + c] = x)));
    const matrix = { data, rows: ts.length, cols };
    const ylabel = cols === 1 ? states[0] : undefined;
    const spec = lineSpec(ts, matrix, { title, ylabel, width: o.width ?? 220, height: o.height ?? 110, ylim: o.ylim?.(p, states[0]) }) as unknown as PanelSpec;
    if (cols > 1) {
      // Label the lines by state name instead of column number.
      spec.data = { values: lineRows(ts, matrix, states.map((_, c) => c), states) };
      spec.encoding.color.scale.domain = [...states];
    }
    delete spec.$schema;
    delete spec.config;
    return { ...spec, name };
  };
  const children = panels.flatMap((p, k) =>
    o.separateStates ? o.states.map((s, j) => panel(p, [s], j === 0 ? p.title : '', `panel_${k}_${j}`)) : [panel(p, o.states, p.title, `panel_${k}`)],
  );
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, columns: o.columns, concat: children, config: structuredClone(paperConfig) } as unknown as PlotSpec;
}

/** A gallery entry made of single-neuron panels, each with the pattern it claims. */
export interface PatternPanel {
  title: string;
  run: (dt: number) => PanelRun;
  claim?: PatternClaim;
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

export interface PatternResults {
  runs: PanelRun[];
  checks: Record<string, Check>;
  groups: Record<string, GroupSummary>;
  steps: number;
  duration: number;
}

/** Runs the panels and checks each claimed pattern (no figure). */
export function runPatterns(panels: readonly PatternPanel[], dt: number, log: (message: string) => void): PatternResults {
  const out: PatternResults = { runs: [], checks: {}, groups: {}, steps: 0, duration: 0 };
  for (const panel of panels) {
    const r = panel.run(dt);
    out.runs.push(r);
    out.steps += r.ts.length;
    out.duration += r.ts.length * dt;
    out.groups[slug(panel.title)] = { size: 1, spikes: r.spikes.length, rate_hz: r.spikes.length / ((r.ts.length * dt) / 1000) };
    const spikes = `${r.spikes.length} spikes [${r.spikes.slice(0, 40).map((t) => t.toFixed(1)).join(' ')}]`;
    if (panel.claim) {
      const check = checkPattern(panel.claim, r.spikes, dt);
      out.checks[`${slug(panel.title)}_${panel.claim.kind}`] = check;
      log(`${panel.title}: ${spikes}; ${panel.claim.kind}: ${check.value} (${check.expected}) ${check.pass ? 'ok' : 'NOT MET'}`);
    } else {
      log(`${panel.title}: ${spikes} (no pattern check)`);
    }
  }
  return out;
}

/** Runs the panels, checks each claimed pattern, writes one grid figure. */
export async function runPatternGallery(panels: readonly PatternPanel[], figureTitle: string, o: ExampleOptions, grid: GridOptions, dt: number): Promise<ExampleResult> {
  const { runs, checks, groups, steps, duration } = runPatterns(panels, dt, o.log);
  const figures = await saveFigure(gridSpec(runs, figureTitle, grid), path.join(o.outDir, 'patterns'));
  return { duration_ms: duration, steps, wall_s: runs.reduce((a, r) => a + r.wall_s, 0), groups, figures, checks };
}
