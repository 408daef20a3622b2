import { ParameterError } from '../core/errors.js';
import { functionField, type JacobianFunction, type VectorFunction } from './batch-field.js';
import { type GroupLike, groupFunctions, isGroupLike } from './group-field.js';
import { minimiseSpeed } from './minimise-speed.js';
import { newtonDense } from './newton-dense.js';
import { classify, type Eigenvalue, eigenvalues, type Stability } from './stability.js';
import { uniqueIndices } from './unique.js';

export interface SlowPointFinderOptions {
  /** 'continuous' (default): f is dx/dt and fixed points are f(x) = 0; 'discrete': f is the map and fixed points are f(x) = x. */
  fType?: 'continuous' | 'discrete';
  /** For a function: its Jacobian (row-major), else central differences are used. */
  jacobian?: JacobianFunction;
  /** For a group: the analysed variables (default: all its states). */
  targetVars?: readonly string[];
  /** For a group: values of parameters and of states that are not analysed. */
  parsUpdate?: Readonly<Record<string, number>>;
  log?: (message: string) => void;
}

export interface FindOptions {
  /** Iterations per candidate (default 100). */
  maxIterations?: number;
  /** A candidate stops once 0.5 mean f^2 falls below this (default 1e-30). */
  tolerance?: number;
  /**
   * 'lm' (default): Levenberg-Marquardt over all candidates at once, which also settles on slow
   * points; 'newton': Newton by pseudo-transient continuation one candidate at a time, cheaper
   * for hundreds of variables and at ease with a zero eigenvalue (continuous attractors).
   */
  method?: 'lm' | 'newton';
}

/** Candidates: one row per candidate, or a group's candidates per variable ({ V: rows, w: rows }). */
export type Candidates = readonly ArrayLike<number>[] | Readonly<Record<string, readonly ArrayLike<number>[]>>;

/**
 * Fixed and slow points of a high-dimensional system (BrainPy's SlowPointFinder), given as a
 * TypeScript function of the state vector or as a group built from a model (exact Jacobian).
 * All candidates are refined together by Levenberg-Marquardt on q = 0.5 mean f^2; then, as in
 * BrainPy, `filterLoss` drops points whose speed is above a tolerance, `keepUnique` merges
 * points closer than a tolerance, and `computeJacobians` gives the linearisation at each point.
 */
export class SlowPointFinder {
  readonly dim: number;
  readonly fType: 'continuous' | 'discrete';
  /** Names of the variables stacked in a state vector (a group's), or undefined for a function. */
  readonly vars: readonly string[] | undefined;
  private readonly residual: VectorFunction;
  private readonly residualJacobian: JacobianFunction | undefined;
  private readonly map: { f: VectorFunction; jacobian: JacobianFunction | undefined };
  private readonly log: (message: string) => void;
  private points: Float64Array[] = [];
  private loss: Float64Array = new Float64Array(0);

  constructor(fCell: VectorFunction | GroupLike, options: SlowPointFinderOptions & { dim?: number } = {}) {
    this.fType = options.fType ?? 'continuous';
    if (this.fType !== 'continuous' && this.fType !== 'discrete') throw new ParameterError(`SlowPointFinder fType must be 'continuous' or 'discrete', got '${String(this.fType)}'`);
    this.log = options.log ?? (() => {});
    if (isGroupLike(fCell)) {
      const vars = options.targetVars ?? fCell.model.states;
      const g = groupFunctions(fCell, vars, options.parsUpdate ?? {}, 'SlowPointFinder');
      this.vars = vars;
      this.dim = g.dim;
      this.map = { f: g.f, jacobian: g.jacobian };
    } else if (typeof fCell === 'function') {
      if (!(Number.isInteger(options.dim) && (options.dim as number) > 0)) throw new ParameterError('SlowPointFinder on a function needs { dim }: the length of its state vector');
      this.vars = undefined;
      this.dim = options.dim as number;
      this.map = { f: fCell, jacobian: options.jacobian };
    } else {
      throw new ParameterError('SlowPointFinder needs a function (x: Float64Array) => dx/dt or a group built from a model');
    }
    const { f, jacobian } = this.map;
    if (this.fType === 'continuous') {
      this.residual = f;
      this.residualJacobian = jacobian;
    } else {
      this.residual = (x) => Float64Array.from(f(x), (v, i) => v - x[i]);
      this.residualJacobian = jacobian && ((x) => Float64Array.from(jacobian(x), (v, k) => (k % (this.dim + 1) === 0 ? v - 1 : v)));
    }
  }

  private rows(candidates: Candidates): Float64Array[] {
    if (Array.isArray(candidates)) return candidates.map((r) => Float64Array.from(r as ArrayLike<number>));
    const byVar = candidates as Readonly<Record<string, readonly ArrayLike<number>[]>>;
    const vars = this.vars;
    if (!vars) throw new ParameterError('SlowPointFinder: candidates per variable need a group; for a function give one row per candidate');
    const count = byVar[vars[0]]?.length;
    for (const v of vars) if (byVar[v]?.length !== count) throw new ParameterError(`SlowPointFinder: candidates.${v} must have ${count} rows like candidates.${vars[0]}`);
    return Array.from({ length: count }, (_, k) => {
      const row = new Float64Array(this.dim);
      let at = 0;
      for (const v of vars) {
        row.set(byVar[v][k], at);
        at += byVar[v][k].length;
      }
      return row;
    });
  }

  /** Refine every candidate towards a fixed or slow point. */
  findFixedPoints(candidates: Candidates, options: FindOptions = {}): void {
    const rows = this.rows(candidates);
    rows.forEach((r, k) => {
      if (r.length !== this.dim) throw new ParameterError(`SlowPointFinder: candidate ${k} has ${r.length} entries, the system has ${this.dim}`);
    });
    if (options.method === 'newton') {
      this.log(`Refining ${rows.length} candidates by Newton (pseudo-transient continuation) to find fixed points:`);
      const field = functionField(this.residual, this.dim, this.residualJacobian);
      const jacobian = (x: Float64Array) => {
        const out = Array.from({ length: this.dim * this.dim }, () => new Float64Array(1));
        field.jacobian(1, Array.from(x, (v) => Float64Array.of(v)), out, 0);
        return Float64Array.from(out, (c) => c[0]);
      };
      const solved = rows.map((r) => newtonDense(this.residual, this.residualJacobian ?? jacobian, r, options.maxIterations ?? 100, options.tolerance ?? 1e-30));
      this.points = solved.map((s) => s.x);
      this.loss = Float64Array.from(solved, (s) => s.loss);
    } else {
      this.log(`Optimizing ${rows.length} candidates by Levenberg-Marquardt to find fixed points:`);
      const columnsIn = Array.from({ length: this.dim }, (_, i) => Float64Array.from(rows, (r) => r[i]));
      const field = functionField(this.residual, this.dim, this.residualJacobian);
      const result = minimiseSpeed(field, columnsIn, options);
      this.points = rows.map((_, k) => Float64Array.from(result.x, (c) => c[k]));
      this.loss = result.loss;
    }
    this.log(`\tMean loss ${mean(this.loss).toExponential(4)}, max ${this.loss.reduce((m, v) => Math.max(m, v), 0).toExponential(4)}`);
  }

  /** Keep the points whose loss (0.5 mean squared speed) is at most `tolerance`. */
  filterLoss(tolerance = 1e-5): void {
    const keep = this.points.map((_, k) => k).filter((k) => this.loss[k] <= tolerance);
    this.log(`Excluding fixed points with squared speed above tolerance ${tolerance}:`);
    this.log(`\tKept ${keep.length}/${this.points.length} fixed points with tolerance under ${tolerance}.`);
    this.select(keep);
  }

  /** Merge points closer than `tolerance` (Euclidean), keeping the one of lowest loss. */
  keepUnique(tolerance = 2.5e-2): void {
    const columnsIn = Array.from({ length: this.dim }, (_, i) => Float64Array.from(this.points, (r) => r[i]));
    const keep = uniqueIndices(columnsIn, this.loss, tolerance);
    this.log('Excluding non-unique fixed points:');
    this.log(`\tKept ${keep.length}/${this.points.length} unique fixed points with uniqueness tolerance ${tolerance}.`);
    this.select(keep);
  }

  private select(keep: number[]): void {
    this.points = keep.map((k) => this.points[k]);
    this.loss = Float64Array.from(keep, (k) => this.loss[k]);
  }

  get fixedPoints(): readonly Float64Array[] {
    return this.points;
  }

  /** A group's points split by variable: { V: rows, w: rows }. */
  fixedPointsByVar(): Record<string, Float64Array[]> {
    const vars = this.vars;
    if (!vars) throw new ParameterError('SlowPointFinder.fixedPointsByVar needs a group');
    const n = this.dim / vars.length;
    return Object.fromEntries(vars.map((v, i) => [v, this.points.map((p) => p.slice(i * n, (i + 1) * n))]));
  }

  get losses(): Float64Array {
    return this.loss;
  }

  /** Jacobians of the system (of the map, for 'discrete') at the given points (default: the kept points). */
  computeJacobians(points: readonly Float64Array[] = this.points): Float64Array[] {
    const field = functionField(this.map.f, this.dim, this.map.jacobian);
    const x = Array.from({ length: this.dim }, (_, i) => Float64Array.from(points, (p) => p[i]));
    const out = Array.from({ length: this.dim * this.dim }, () => new Float64Array(points.length));
    field.jacobian(points.length, x, out, 0);
    return points.map((_, k) => Float64Array.from(out, (c) => c[k]));
  }

  /** Eigenvalues of each Jacobian, and the class of each point ('continuous' only). */
  spectra(points: readonly Float64Array[] = this.points): { eigenvalues: Eigenvalue[][]; stability: (Stability | undefined)[] } {
    const jacobians = this.computeJacobians(points);
    return {
      eigenvalues: jacobians.map((j) => eigenvalues(j, this.dim)),
      stability: jacobians.map((j) => (this.fType === 'continuous' ? classify(j, this.dim) : undefined)),
    };
  }
}

const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
