import { ParameterError } from '../core/errors.js';
import { BifurcationBase } from './bifurcation.js';
import type { Range } from './grid.js';
import { type LimitCycleOptions, type LimitCycles, limitCyclesBySimulation } from './limit-cycles.js';
import type { ModelSource } from './source.js';
import { integrate, type Trajectories } from './trajectory.js';
import { buildVectorSystem, type VectorSystem } from './vector-system.js';

export interface FastSlowOptions {
  /** Fast variables and their boxes (one for FastSlow1D, two for FastSlow2D). */
  fastVars: Readonly<Record<string, Range>>;
  /** Slow variables, treated as bifurcation parameters of the fast subsystem. */
  slowVars: Readonly<Record<string, Range>>;
  parsUpdate?: Readonly<Record<string, number>>;
  resolutions?: number | Readonly<Record<string, number>>;
  log?: (message: string) => void;
}

/**
 * Fast-slow analysis (BrainPy's FastSlow1D/2D): the fixed points of the fast subsystem with
 * the slow variables frozen as parameters, and the trajectory of the full system to lay over
 * them (bursting follows the fast subsystem's branches).
 */
abstract class FastSlowBase extends BifurcationBase {
  readonly full: VectorSystem;

  protected constructor(model: ModelSource, options: FastSlowOptions, where: string, dims: readonly number[]) {
    if (typeof options?.fastVars !== 'object' || typeof options?.slowVars !== 'object') {
      throw new ParameterError(`${where} needs fastVars and slowVars, e.g. { fastVars: { x: [-3, 2] }, slowVars: { z: [-0.5, 3] } }`);
    }
    const { fastVars, slowVars, ...rest } = options;
    super(model, { ...rest, targetVars: fastVars, targetPars: slowVars }, where, dims);
    this.full = buildVectorSystem(this.setup.model, [...this.setup.vars, ...this.setup.pars], [], this.setup.fixed, where);
  }

  /** The full system from initial values per variable (fast and slow): `{ x: [1], y: [1], z: [1] }`. */
  trajectory(initials: Readonly<Record<string, readonly number[]>>, options: { duration: number; dt?: number }): Trajectories {
    this.setup.log('I am plotting the trajectory ...');
    const starts = this.full.vars.map((v) => {
      const values = initials[v];
      if (!Array.isArray(values) || values.length === 0) throw new ParameterError(`${this.constructor.name}.trajectory: give initials.${v} as a non-empty array`);
      return Float64Array.from(values);
    });
    return integrate(this.full, starts, [], options);
  }
}

export class FastSlow1D extends FastSlowBase {
  constructor(model: ModelSource, options: FastSlowOptions) {
    super(model, options, 'FastSlow1D', [1]);
  }
}

export class FastSlow2D extends FastSlowBase {
  constructor(model: ModelSource, options: FastSlowOptions) {
    super(model, options, 'FastSlow2D', [2]);
  }

  /** Limit cycles of the fast subsystem by simulation at each slow value. */
  limitCycles(options: LimitCycleOptions = {}): LimitCycles {
    return limitCyclesBySimulation(this.setup.system, this.fixedPoints(), options);
  }
}
