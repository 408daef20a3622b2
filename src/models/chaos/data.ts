import { ParameterError, requirePositive } from '../../core/errors.js';
import { rungeKuttaStepper } from '../../integrators/field-integrator.js';
import { TABLEAUS } from '../../integrators/tableaus.js';
import type { Args, VectorField } from '../../integrators/vector-field.js';
import { doubleScroll, lorenz } from './systems.js';

/**
 * Chaotic time series for reservoir-computing examples (brainpy_datasets.chaos): `ts` and one
 * array per variable, sampled every dt after the initial point (which is not included).
 */
export interface ChaosSeries {
  readonly ts: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly zs?: Float64Array;
}

export interface SeriesOptions {
  dt?: number;
  inits?: readonly number[] | Readonly<Record<string, number>>;
  /** Explicit Runge-Kutta method (default rk4). */
  method?: string;
  args?: Args;
}

function integrateSeries(field: VectorField, duration: number, options: SeriesOptions, defaultDt: number, defaultInits: readonly number[]): ChaosSeries {
  const dt = requirePositive(options.dt ?? defaultDt, 'chaos series dt');
  const steps = Math.round(requirePositive(duration, 'chaos series duration') / dt);
  const tableau = TABLEAUS[options.method ?? 'rk4'];
  if (!tableau) throw new ParameterError(`chaos series: unknown method '${options.method}'; choose one of ${Object.keys(TABLEAUS).join(', ')}`);
  const given = options.inits ?? defaultInits;
  const y = Float64Array.from(Array.isArray(given) ? given : field.vars.map((v) => (given as Record<string, number>)[v]));
  if (y.length !== field.vars.length || y.some((v) => !Number.isFinite(v))) {
    throw new ParameterError(`chaos series: initial values must be ${field.vars.length} finite numbers for ${field.vars.join(', ')}`);
  }
  const step = rungeKuttaStepper(field, tableau, dt, { ...field.args, ...options.args });
  const out = field.vars.map(() => new Float64Array(steps));
  const ts = new Float64Array(steps);
  for (let k = 0; k < steps; k++) {
    step(y, k * dt);
    ts[k] = (k + 1) * dt;
    for (let i = 0; i < y.length; i++) out[i][k] = y[i];
  }
  return { ts, xs: out[0], ys: out[1], zs: out[2] };
}

/** brainpy_datasets' LorenzEq: rk4 at dt = 0.01 from the seed's initial point on the attractor. */
export function lorenzSeries(duration: number, options: SeriesOptions = {}): ChaosSeries {
  return integrateSeries(lorenz(), duration, options, 0.01, [17.67715816276679, 12.931379185960404, 43.91404334248268]);
}

/** brainpy_datasets' DoubleScrollEq (Gauthier et al. 2021): rk4 at dt = 0.01. */
export function doubleScrollSeries(duration: number, options: SeriesOptions = {}): ChaosSeries {
  return integrateSeries(doubleScroll(), duration, options, 0.01, [0.37926545, 0.058339, -0.08167691]);
}

export interface MackeyGlassSeriesOptions {
  dt?: number;
  beta?: number;
  gamma?: number;
  tau?: number;
  n?: number;
  /** The constant history x(t) for t <= 0 (default 1.2). */
  inits?: number;
}

/**
 * brainpy_datasets' MackeyGlassEq with the seed's parameters (tau = 17, beta = 0.2, gamma = 0.1,
 * n = 10, x = 1.2 before t = 0): rk4 whose half-step delayed values are interpolated linearly
 * between stored samples. `ys` is x(t - tau), for the phase diagram.
 */
export function mackeyGlassSeries(duration: number, options: MackeyGlassSeriesOptions = {}): ChaosSeries {
  const { dt = 0.1, beta = 0.2, gamma = 0.1, tau = 17, n = 10, inits = 1.2 } = options;
  requirePositive(dt, 'Mackey-Glass dt');
  const lag = Math.round(requirePositive(tau, 'Mackey-Glass tau') / dt);
  if (Math.abs(lag * dt - tau) > 1e-9 * tau) throw new ParameterError(`Mackey-Glass: tau = ${tau} must be a whole number of steps of dt = ${dt}`);
  const steps = Math.round(requirePositive(duration, 'Mackey-Glass duration') / dt);
  // history[k] = x(k dt - tau): the first `lag + 1` entries are the constant initial history.
  const history = new Float64Array(steps + lag + 1).fill(inits);
  const f = (x: number, xTau: number) => (beta * xTau) / (1 + xTau ** n) - gamma * x;
  const ts = new Float64Array(steps);
  const xs = new Float64Array(steps);
  const ys = new Float64Array(steps);
  let x = inits;
  for (let k = 0; k < steps; k++) {
    const d0 = history[k];
    const d1 = history[k + 1];
    const dHalf = 0.5 * (d0 + d1);
    const k1 = f(x, d0);
    const k2 = f(x + 0.5 * dt * k1, dHalf);
    const k3 = f(x + 0.5 * dt * k2, dHalf);
    const k4 = f(x + dt * k3, d1);
    x += (dt / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
    history[k + lag + 1] = x;
    ts[k] = (k + 1) * dt;
    xs[k] = x;
    ys[k] = d1;
  }
  return { ts, xs, ys };
}
