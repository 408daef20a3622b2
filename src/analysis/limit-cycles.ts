import { ParameterError } from '../core/errors.js';
import type { FixedPoints } from './fixed-points.js';
import { integrate } from './trajectory.js';
import type { VectorSystem } from './vector-system.js';

/** Extremes of the oscillations found by simulation, one entry per parameter set that has one. */
export interface LimitCycles {
  readonly pars: readonly string[];
  /** p[j][c]: parameter j of cycle c. */
  readonly p: Float64Array[];
  /** min[i][c], max[i][c]: extremes of variable i over the last half of the run. */
  readonly min: Float64Array[];
  readonly max: Float64Array[];
}

export interface LimitCycleOptions {
  /** Simulated time per start (ms; default 100, as BrainPy). */
  duration?: number;
  dt?: number;
  /** Starts are the fixed points shifted by this in every variable (default 1, as BrainPy). */
  offset?: number;
  /** A run whose first variable spans more than this over its last half is oscillating (default 1e-3). */
  tolerance?: number;
}

/**
 * BrainPy's plot_limit_cycle_by_sim: every fixed point is shifted by `offset` and simulated;
 * runs that still oscillate over their last half give the cycle's extremes at that parameter.
 */
export function limitCyclesBySimulation(system: VectorSystem, fp: FixedPoints, options: LimitCycleOptions = {}): LimitCycles {
  const { duration = 100, dt = 0.01, offset = 1, tolerance = 1e-3 } = options;
  if (!(tolerance > 0)) throw new ParameterError(`limit-cycle tolerance must be positive, got ${tolerance}`);
  const d = system.vars.length;
  const n = fp.group.length;
  const steps = Math.round(duration / dt);
  const min = Array.from({ length: d }, () => new Float64Array(n).fill(Infinity));
  const max = Array.from({ length: d }, () => new Float64Array(n).fill(-Infinity));
  const observe = (step: number, x: readonly Float64Array[]) => {
    if (step < steps / 2) return;
    for (let i = 0; i < d; i++) {
      for (let k = 0; k < n; k++) {
        if (x[i][k] < min[i][k]) min[i][k] = x[i][k];
        if (x[i][k] > max[i][k]) max[i][k] = x[i][k];
      }
    }
  };
  integrate(system, fp.x.map((xi) => xi.map((v) => v + offset)), fp.p, { duration, dt, every: steps, observe });
  const bySet = new Map<number, number>();
  const span = (k: number) => max[0][k] - min[0][k];
  for (let k = 0; k < n; k++) {
    if (!(span(k) > tolerance)) continue;
    const seen = bySet.get(fp.group[k]);
    if (seen === undefined || span(k) > span(seen)) bySet.set(fp.group[k], k);
  }
  const cycles = [...bySet.values()].sort((a, b) => fp.group[a] - fp.group[b]);
  const pick = (a: Float64Array) => Float64Array.from(cycles, (k) => a[k]);
  return { pars: fp.pars, p: fp.p.map(pick), min: min.map(pick), max: max.map(pick) };
}
