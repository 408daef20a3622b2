/**
 * Phase-line and phase-plane figures (BrainPy's plot_vector_field, plot_nullcline,
 * plot_fixed_point and plot_trajectory in one picture): arrows of the vector field, nullclines,
 * trajectories, and fixed points coloured by stability. Browser-safe; data come from
 * src/analysis (PhasePlane1D/2D).
 */
import type { FixedPointReport } from '../analysis/report.js';
import type { Nullcline } from '../analysis/nullclines.js';
import type { PeriodicOrbit } from '../analysis/periodic-orbit.js';
import type { Trajectories } from '../analysis/trajectory.js';
import type { VectorField1D } from '../analysis/phase-plane-1d.js';
import type { VectorField2D } from '../analysis/phase-plane-2d.js';
import { ParameterError } from '../core/errors.js';
import { type AnalysisFigureOptions, kindColour, layered, quantitative } from './analysis-common.js';
import type { PlotSpec } from './specs.js';

type Box = readonly [readonly [number, number], readonly [number, number]];

/** dx/dt against x, the zero line and the fixed points. */
export function phaseLineSpec(field: VectorField1D, fixedPoints: readonly FixedPointReport[], options: AnalysisFigureOptions = {}): PlotSpec {
  const v = field.variable;
  const curve = Array.from(field.x, (x, k) => ({ x, f: field.dx[k], kind: `d${v}/dt` }));
  const points = fixedPoints.map((p) => ({ x: p.values[v], f: 0, kind: p.stability }));
  const colour = kindColour([...curve.slice(0, 1), ...points].map((r) => r.kind));
  const x = quantitative('x', v, [field.x[0], field.x[field.x.length - 1]]);
  const f = quantitative('f', `d${v}/dt`);
  return layered(
    [
      { data: { values: [{ f: 0 }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { field: 'f', type: 'quantitative' } } },
      { data: { values: curve }, mark: { type: 'line', strokeWidth: 1.5, clip: true }, encoding: { x, y: f, color: colour } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 90, stroke: '#000', strokeWidth: 0.5 }, encoding: { x, y: f, color: colour } },
    ],
    options,
    { width: 420, height: 260 },
  );
}

export interface PhasePlaneParts {
  /** The two variables, x axis first. */
  vars: readonly [string, string];
  /** The box drawn. */
  box: Box;
  field?: VectorField2D;
  nullclines?: readonly Nullcline[];
  fixedPoints?: readonly FixedPointReport[];
  trajectories?: Trajectories;
  /** Closed orbits from PhasePlane2D.limitCycles, drawn over the trajectories. */
  limitCycles?: readonly PeriodicOrbit[];
}

/** Arrow rows: direction in screen space (clockwise from up, as vega rotates symbols). */
function arrowRows(field: VectorField2D, box: Box, width: number, height: number) {
  const sx = width / (box[0][1] - box[0][0]);
  const sy = height / (box[1][1] - box[1][0]);
  return Array.from(field.x, (x, k) => {
    const px = field.dx[k] * sx;
    const py = field.dy[k] * sy;
    return { x, y: field.y[k], angle: (Math.atan2(px, py) * 180) / Math.PI, still: px === 0 && py === 0 };
  }).filter((r) => !r.still);
}

export function phasePlaneSpec(parts: PhasePlaneParts, options: AnalysisFigureOptions = {}): PlotSpec {
  const [vx, vy] = parts.vars;
  const width = options.width ?? 420;
  const height = options.height ?? 360;
  if (parts.field && (parts.field.vars[0] !== vx || parts.field.vars[1] !== vy)) {
    throw new ParameterError(`phasePlaneSpec: the vector field is over ${parts.field.vars.join(', ')}, the figure over ${vx}, ${vy}`);
  }
  const nullRows = (parts.nullclines ?? []).flatMap((n) => Array.from(n.x, (x, k) => ({ x, y: n.y[k], kind: `${n.variable} nullcline` })));
  const trajRows: { x: number; y: number; id: number; r: number; kind: string }[] = [];
  const t = parts.trajectories;
  if (t) {
    for (let k = 0; k < t.count; k++) {
      for (let r = 0; r < t.ts.length; r++) trajRows.push({ x: t.traces[0][r * t.count + k], y: t.traces[1][r * t.count + k], id: k, r, kind: 'trajectory' });
    }
  }
  const cycleRows = (parts.limitCycles ?? []).flatMap((o) => Array.from(o.states[0], (x, r) => ({ x, y: o.states[1][r], id: o.start, r, kind: 'limit cycle' })));
  const fpRows = (parts.fixedPoints ?? []).map((p) => ({ x: p.values[vx], y: p.values[vy], kind: p.stability }));
  const kinds = [...(parts.nullclines ?? []).map((n) => `${n.variable} nullcline`), ...(t ? ['trajectory'] : []), ...(cycleRows.length ? ['limit cycle'] : []), ...fpRows.map((r) => r.kind)];
  const colour = kindColour(kinds);
  const x = quantitative('x', vx, [parts.box[0][0], parts.box[0][1]]);
  const y = quantitative('y', vy, [parts.box[1][0], parts.box[1][1]]);
  const layers: object[] = [];
  if (parts.field) {
    layers.push({
      data: { values: arrowRows(parts.field, parts.box, width, height) },
      mark: { type: 'point', shape: 'arrow', filled: true, size: 60, color: '#b0b0b0', opacity: 0.9 },
      encoding: { x, y, angle: { field: 'angle', type: 'quantitative', scale: null } },
    });
  }
  if (nullRows.length) layers.push({ data: { values: nullRows }, mark: { type: 'circle', size: 3, opacity: 0.9, clip: true }, encoding: { x, y, color: colour } });
  if (trajRows.length) {
    layers.push({
      data: { values: trajRows },
      mark: { type: 'line', strokeWidth: 1.25, clip: true },
      encoding: { x, y, color: colour, detail: { field: 'id', type: 'nominal' }, order: { field: 'r', type: 'quantitative' } },
    });
  }
  if (cycleRows.length) {
    layers.push({
      data: { values: cycleRows },
      mark: { type: 'line', strokeWidth: 2.5, clip: true },
      encoding: { x, y, color: colour, detail: { field: 'id', type: 'nominal' }, order: { field: 'r', type: 'quantitative' } },
    });
  }
  if (fpRows.length) {
    layers.push({ data: { values: fpRows }, mark: { type: 'point', filled: true, size: 110, stroke: '#000', strokeWidth: 0.6 }, encoding: { x, y, color: colour } });
  }
  return layered(layers, options, { width, height });
}
