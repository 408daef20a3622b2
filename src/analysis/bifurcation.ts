import { ParameterError } from '../core/errors.js';
import { type BifurcationPoint, locateBifurcations } from './bifurcation-points.js';
import { type FixedPoints, findFixedPoints } from './fixed-points.js';
import { type AnalyserOptions, type AnalyserSetup, setUp } from './setup.js';
import type { ModelSource } from './source.js';

/**
 * Fixed points over a grid of one or two parameters (codimension 1 or 2), all parameter values
 * searched in one vectorised pass. The base of Bifurcation1D, Bifurcation2D and the fast-slow
 * analysers.
 */
export abstract class BifurcationBase {
  readonly setup: AnalyserSetup;
  private cache: FixedPoints | undefined;

  protected constructor(model: ModelSource, options: AnalyserOptions, where: string, dims: readonly number[]) {
    this.setup = setUp(model, options, where, dims);
    const count = this.setup.pars.length;
    if (count !== 1 && count !== 2) throw new ParameterError(`${where} needs one or two target parameters (targetPars), got ${count}`);
  }

  /** Every fixed point at every parameter value (computed once). */
  fixedPoints(): FixedPoints {
    if (this.cache) return this.cache;
    const { system, ranges, axes, parSets, log } = this.setup;
    log('I am making bifurcation analysis ...');
    this.cache = findFixedPoints(system, { ranges, axes, parSets });
    log(`\tThere are ${this.cache.candidates} candidates`);
    log(`\tFound ${this.cache.group.length} fixed points.`);
    return this.cache;
  }

  /** Saddle-node and Hopf points along the parameter (codimension 1 only). */
  bifurcationPoints(): BifurcationPoint[] {
    if (this.setup.pars.length !== 1) throw new ParameterError('bifurcationPoints() locates codimension-1 bifurcations; give one target parameter');
    return locateBifurcations(this.fixedPoints(), this.setup.parAxes[0], this.setup.ranges);
  }
}

/** Fixed points of a one-variable system against one or two parameters (BrainPy's Bifurcation1D). */
export class Bifurcation1D extends BifurcationBase {
  constructor(model: ModelSource, options: AnalyserOptions) {
    super(model, options, 'Bifurcation1D', [1]);
  }
}
