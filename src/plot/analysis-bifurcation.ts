/**
 * Bifurcation figures: fixed-point branches against a parameter, coloured by stability, with
 * the extremes of limit cycles found by simulation; the number of fixed points over a
 * two-parameter plane (codimension 2); and the fast-slow picture with the full trajectory.
 * Browser-safe; data come from src/analysis.
 */
import type { FixedPoints } from '../analysis/fixed-points.js';
import type { LimitCycles } from '../analysis/limit-cycles.js';
import type { Trajectories } from '../analysis/trajectory.js';
import { ParameterError } from '../core/errors.js';
import { type AnalysisFigureOptions, kindColour, layered, quantitative } from './analysis-common.js';
import { type PlotSpec, stackSpecs } from './specs.js';

export interface BifurcationFigureOptions extends AnalysisFigureOptions {
  /** The variable drawn (default: the first analysed one). */
  variable?: string;
  limitCycles?: LimitCycles;
  /** Full-system trajectory to overlay (fast-slow): drawn as slow parameter against the variable. */
  trajectory?: Trajectories;
  /** Index of the parameter axis in the trajectory's variables (fast-slow: after the fast ones). */
  trajectoryParIndex?: number;
}

/** Branches of one variable against the (single) bifurcation parameter. */
export function bifurcationSpec(fp: FixedPoints, options: BifurcationFigureOptions = {}): PlotSpec {
  if (fp.pars.length !== 1) throw new ParameterError(`bifurcationSpec draws one parameter, got ${fp.pars.length} (${fp.pars.join(', ')}); use codimension2Spec`);
  const variable = options.variable ?? fp.vars[0];
  const i = fp.vars.indexOf(variable);
  if (i < 0) throw new ParameterError(`bifurcationSpec: '${variable}' is not one of ${fp.vars.join(', ')}`);
  const rows = Array.from(fp.p[0], (p, m) => ({ p, v: fp.x[i][m], kind: fp.stability[m] as string }));
  const cycles = options.limitCycles;
  const cycleRows = cycles ? Array.from(cycles.p[0], (p, c) => [{ p, v: cycles.max[i][c], kind: 'limit cycle' }, { p, v: cycles.min[i][c], kind: 'limit cycle' }]).flat() : [];
  const t = options.trajectory;
  const trajRows: { p: number; v: number; r: number; kind: string }[] = [];
  if (t) {
    const pi = options.trajectoryParIndex ?? fp.vars.length;
    for (let r = 0; r < t.ts.length; r++) trajRows.push({ p: t.traces[pi][r * t.count], v: t.traces[i][r * t.count], r, kind: 'trajectory' });
  }
  const colour = kindColour([...rows, ...cycleRows, ...trajRows].map((r) => r.kind));
  const x = quantitative('p', fp.pars[0]);
  const y = quantitative('v', variable);
  const layers: object[] = [];
  if (trajRows.length) layers.push({ data: { values: trajRows }, mark: { type: 'line', strokeWidth: 0.8, opacity: 0.7 }, encoding: { x, y, color: colour, order: { field: 'r', type: 'quantitative' } } });
  layers.push({ data: { values: [...rows, ...cycleRows] }, mark: { type: 'circle', size: 8, opacity: 0.9 }, encoding: { x, y, color: colour } });
  return layered(layers, options, { width: 420, height: 260 });
}

/** One bifurcation panel per analysed variable, stacked. */
export function bifurcationPanels(fp: FixedPoints, options: Omit<BifurcationFigureOptions, 'variable'> = {}): PlotSpec {
  const { title, ...rest } = options;
  return stackSpecs(fp.vars.map((variable) => bifurcationSpec(fp, { ...rest, variable })), title);
}

/** Codimension 2: how many fixed points exist at each point of the parameter plane. */
export function codimension2Spec(fp: FixedPoints, parAxes: readonly Float64Array[], options: AnalysisFigureOptions = {}): PlotSpec {
  if (fp.pars.length !== 2 || parAxes.length !== 2) throw new ParameterError('codimension2Spec needs two bifurcation parameters');
  const [a, b] = parAxes;
  const counts = new Int32Array(a.length * b.length);
  for (const g of fp.group) counts[g]++;
  const rows = Array.from(counts, (n, s) => ({ p0: a[Math.floor(s / b.length)], p1: b[s % b.length], n }));
  const width = options.width ?? 380;
  const height = options.height ?? 320;
  return layered(
    [
      {
        data: { values: rows },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'p0', type: 'ordinal', title: fp.pars[0], axis: { labelExpr: 'format(datum.value, ".2~f")', values: tickValues(a) } },
          y: { field: 'p1', type: 'ordinal', title: fp.pars[1], sort: 'descending', axis: { labelExpr: 'format(datum.value, ".2~f")', values: tickValues(b) } },
          color: { field: 'n', type: 'ordinal', title: 'fixed points', scale: { scheme: 'blues' } },
        },
      },
    ],
    { ...options, width, height },
    { width, height },
  );
}

const tickValues = (axis: Float64Array) => Array.from(axis).filter((_, k) => k % Math.max(1, Math.round(axis.length / 6)) === 0);
