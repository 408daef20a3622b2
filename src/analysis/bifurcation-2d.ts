import { BifurcationBase } from './bifurcation.js';
import { type LimitCycleOptions, type LimitCycles, limitCyclesBySimulation } from './limit-cycles.js';
import type { AnalyserOptions } from './setup.js';
import type { ModelSource } from './source.js';

/** Fixed points of a two-variable system against one or two parameters, and limit cycles by simulation (BrainPy's Bifurcation2D). */
export class Bifurcation2D extends BifurcationBase {
  constructor(model: ModelSource, options: AnalyserOptions) {
    super(model, options, 'Bifurcation2D', [2]);
  }

  limitCycles(options: LimitCycleOptions = {}): LimitCycles {
    this.setup.log('I am plotting the limit cycle ...');
    return limitCyclesBySimulation(this.setup.system, this.fixedPoints(), options);
  }
}
