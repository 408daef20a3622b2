/** Dynamics analysis: phase planes, bifurcations, fast-slow analysis and slow points. */
export { PhasePlane1D, type VectorField1D } from './phase-plane-1d.js';
export { PhasePlane2D, type VectorField2D, type TrajectoryOptions } from './phase-plane-2d.js';
export { Bifurcation1D } from './bifurcation.js';
export { Bifurcation2D } from './bifurcation-2d.js';
export { FastSlow1D, FastSlow2D, type FastSlowOptions } from './fast-slow.js';
export { SlowPointFinder, type SlowPointFinderOptions, type FindOptions, type Candidates } from './slow-point-finder.js';
export { type AnalyserOptions } from './setup.js';
export { type ModelSource } from './source.js';
export { type FixedPoints } from './fixed-points.js';
export { type FixedPointReport, describeFixedPoint } from './report.js';
export { type BifurcationPoint } from './bifurcation-points.js';
export { type LimitCycles, type LimitCycleOptions } from './limit-cycles.js';
export { type PeriodicOrbit, type PeriodicOrbitOptions } from './periodic-orbit.js';
export { type Nullcline } from './nullclines.js';
export { type Trajectories, traceOf } from './trajectory.js';
export { type Stability, type Eigenvalue, classify, eigenvalues, isStable } from './stability.js';
export { type Range } from './grid.js';
export { buildVectorSystem, type VectorSystem } from './vector-system.js';
