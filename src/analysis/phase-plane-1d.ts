import { findFixedPoints } from './fixed-points.js';
import { linspace } from './grid.js';
import { describeFixedPoint, type FixedPointReport, fixedPointList } from './report.js';
import { type AnalyserOptions, type AnalyserSetup, setUp } from './setup.js';
import type { ModelSource } from './source.js';
import { columns } from './vector-system.js';

/** dx/dt along the axis of a one-variable system. */
export interface VectorField1D {
  readonly variable: string;
  readonly x: Float64Array;
  readonly dx: Float64Array;
}

/**
 * Phase line of a one-dimensional system (BrainPy's PhasePlane1D): the vector field dx/dt
 * over the target range and the fixed points with their stability (sign of f').
 */
export class PhasePlane1D {
  readonly setup: AnalyserSetup;

  constructor(model: ModelSource, options: AnalyserOptions) {
    this.setup = setUp(model, options, 'PhasePlane1D', [1]);
  }

  vectorField(points = 1000): VectorField1D {
    this.setup.log('I am creating the vector field ...');
    const [lo, hi] = this.setup.ranges[0];
    const x = linspace(lo, hi, points);
    const [dx] = columns(1, points);
    this.setup.system.derivatives(points, [x], [], [dx]);
    return { variable: this.setup.vars[0], x, dx };
  }

  fixedPoints(): FixedPointReport[] {
    const { system, ranges, axes, log } = this.setup;
    log('I am searching fixed points ...');
    const points = fixedPointList(findFixedPoints(system, { ranges, axes, parSets: [] }));
    points.forEach((p, i) => log(`Fixed point ${describeFixedPoint(p, i)}`));
    return points;
  }
}
