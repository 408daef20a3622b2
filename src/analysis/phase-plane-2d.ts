import { ParameterError } from '../core/errors.js';
import { findFixedPoints } from './fixed-points.js';
import { linspace, meshgrid } from './grid.js';
import { type Nullcline, nullclines } from './nullclines.js';
import { describeFixedPoint, type FixedPointReport, fixedPointList } from './report.js';
import { type AnalyserOptions, type AnalyserSetup, setUp } from './setup.js';
import type { ModelSource } from './source.js';
import { type PeriodicOrbit, type PeriodicOrbitOptions, periodicOrbits } from './periodic-orbit.js';
import { integrate, type Trajectories } from './trajectory.js';
import { columns } from './vector-system.js';

/** The vector field on a coarse grid, for arrows. */
export interface VectorField2D {
  readonly vars: readonly [string, string];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly dx: Float64Array;
  readonly dy: Float64Array;
}

export interface TrajectoryOptions {
  duration: number;
  dt?: number;
}

/**
 * Phase plane of a two-variable system (BrainPy's PhasePlane2D): vector field, nullclines,
 * fixed points classified from the exact Jacobian, and trajectories from initial points.
 */
export class PhasePlane2D {
  readonly setup: AnalyserSetup;

  constructor(model: ModelSource, options: AnalyserOptions) {
    this.setup = setUp(model, options, 'PhasePlane2D', [2]);
  }

  get vars(): [string, string] {
    return [this.setup.vars[0], this.setup.vars[1]];
  }

  vectorField(pointsPerAxis = 21): VectorField2D {
    this.setup.log('I am creating the vector field ...');
    const [x, y] = meshgrid(this.setup.ranges.map(([lo, hi]) => linspace(lo, hi, pointsPerAxis)));
    const [dx, dy] = columns(2, x.length);
    this.setup.system.derivatives(x.length, [x, y], [], [dx, dy]);
    return { vars: this.vars, x, y, dx, dy };
  }

  nullclines(): Nullcline[] {
    const [v0, v1] = this.vars;
    this.setup.log(`I am computing f${v0}-nullcline and f${v1}-nullcline ...`);
    return nullclines(this.setup.system, this.setup.axes[0], this.setup.axes[1]);
  }

  fixedPoints(): FixedPointReport[] {
    const { system, ranges, axes, log } = this.setup;
    log('I am searching fixed points ...');
    const found = findFixedPoints(system, { ranges, axes, parSets: [] });
    log(`\tThere are ${found.candidates} candidates`);
    log(`\tFound ${found.group.length} fixed points.`);
    const points = fixedPointList(found);
    points.forEach((p, i) => log(`\t${describeFixedPoint(p, i)}`));
    return points;
  }

  /** Trajectories from initial values given per variable: `{ V: [-10, -80], n: [0.2, 0.4] }`. */
  trajectory(initials: Readonly<Record<string, readonly number[]>>, options: TrajectoryOptions): Trajectories {
    this.setup.log('I am plotting the trajectory ...');
    return integrate(this.setup.system, this.starts(initials, 'trajectory'), [], options);
  }

  /**
   * Limit cycles by simulation from initial points given as for trajectory() (BrainPy's
   * plot_limit_cycle_by_sim): one orbit, with its period and one turn, per start that settles
   * onto a closed orbit after the transient; none for starts that reach a fixed point.
   */
  limitCycles(initials: Readonly<Record<string, readonly number[]>>, options: PeriodicOrbitOptions): PeriodicOrbit[] {
    this.setup.log('I am plotting the limit cycle ...');
    const orbits = periodicOrbits(this.setup.system, this.starts(initials, 'limitCycles'), options);
    this.setup.log(orbits.length ? `\tFound ${orbits.length} limit cycle(s), periods ${orbits.map((o) => o.period.toPrecision(6)).join(', ')}` : '\tNo limit cycle is found.');
    return orbits;
  }

  private starts(initials: Readonly<Record<string, readonly number[]>>, method: string): Float64Array[] {
    const starts = this.vars.map((v) => {
      const values = initials[v];
      if (!Array.isArray(values) || values.length === 0) throw new ParameterError(`PhasePlane2D.${method}: initials.${v} must be a non-empty array of numbers`);
      return Float64Array.from(values);
    });
    if (starts[0].length !== starts[1].length) throw new ParameterError(`PhasePlane2D.${method}: initials of ${this.vars.join(' and ')} differ in length`);
    return starts;
  }
}
