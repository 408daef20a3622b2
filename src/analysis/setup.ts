import { ParameterError } from '../core/errors.js';
import { arange, axisValues, checkRange, meshgrid, type Range } from './grid.js';
import { type ModelSource, requireKnown, resolveModel, type ResolvedModel } from './source.js';
import { buildVectorSystem, type VectorSystem } from './vector-system.js';

/** Options every low-dimensional analyser takes (BrainPy's target_vars, target_pars, pars_update, resolutions). */
export interface AnalyserOptions {
  /** The analysed variables and the box searched: `{ V: [-90, 20], n: [0, 1] }`. */
  targetVars: Readonly<Record<string, Range>>;
  /** Bifurcation parameters and their ranges. */
  targetPars?: Readonly<Record<string, Range>>;
  /** Values of the remaining parameters (and of states that are not analysed). */
  parsUpdate?: Readonly<Record<string, number>>;
  /** Grid step for variables and parameters: one number for all, or per name. */
  resolutions?: number | Readonly<Record<string, number>>;
  /** Progress messages (BrainPy prints "I am searching fixed points ..."); default: none. */
  log?: (message: string) => void;
}

/** Points per variable of the fixed-point grid when no resolution is given. */
export const DEFAULT_GRID_POINTS: Readonly<Record<number, number>> = { 1: 2001, 2: 201 };
/** Values per bifurcation parameter when no resolution is given. */
export const DEFAULT_PARAMETER_VALUES = 100;

export interface AnalyserSetup {
  readonly model: ResolvedModel;
  readonly vars: readonly string[];
  readonly ranges: readonly Range[];
  readonly pars: readonly string[];
  readonly parRanges: readonly Range[];
  /** Grid values of each variable. */
  readonly axes: Float64Array[];
  /** Every parameter combination: parSets[j][s]. */
  readonly parSets: Float64Array[];
  /** Parameter values per parameter axis (before combination). */
  readonly parAxes: Float64Array[];
  readonly system: VectorSystem;
  readonly fixed: Readonly<Record<string, number>>;
  readonly log: (message: string) => void;
}

function resolutionOf(resolutions: AnalyserOptions['resolutions'], name: string): number | undefined {
  if (resolutions === undefined) return undefined;
  return typeof resolutions === 'number' ? resolutions : resolutions[name];
}

export function setUp(source: ModelSource, options: AnalyserOptions, where: string, dims: readonly number[], extraPars: readonly string[] = []): AnalyserSetup {
  if (typeof options !== 'object' || options === null || typeof options.targetVars !== 'object') {
    throw new ParameterError(`${where} needs options with targetVars, e.g. { targetVars: { x: [-2, 2] } }`);
  }
  const model = resolveModel(source);
  const states = model.states;
  const vars = Object.keys(options.targetVars);
  if (!dims.includes(vars.length)) throw new ParameterError(`${where} analyses ${dims.join(' or ')} variable(s), got ${vars.length} (${vars.join(', ')})`);
  requireKnown(vars, states, 'target variable', where);
  const pars = Object.keys(options.targetPars ?? {});
  requireKnown(pars, [...model.others, ...states.filter((s) => !vars.includes(s))], 'target parameter', where);
  const fixed = { ...(options.parsUpdate ?? {}) };
  requireKnown(Object.keys(fixed), [...model.others, ...states.filter((s) => !vars.includes(s))], 'parameter in parsUpdate', where);
  for (const [name, value] of Object.entries(fixed)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(`${where}: parsUpdate.${name} must be a finite number, got ${value}`);
  }
  const ranges = vars.map((v) => checkRange(options.targetVars[v], v, where));
  const parRanges = pars.map((p) => checkRange(options.targetPars?.[p], p, where));
  const gridPoints = DEFAULT_GRID_POINTS[vars.length] ?? 51;
  const axes = vars.map((v, i) => axisValues(ranges[i], resolutionOf(options.resolutions, v), gridPoints, `'${v}'`));
  const parAxes = pars.map((p, i) => {
    const [lo, hi] = parRanges[i];
    return arange(lo, hi, resolutionOf(options.resolutions, p) ?? (hi - lo) / DEFAULT_PARAMETER_VALUES, `'${p}'`);
  });
  const system = buildVectorSystem(model, vars, [...pars, ...extraPars], fixed, where);
  return { model, vars, ranges, pars, parRanges, axes, parAxes, parSets: pars.length ? meshgrid(parAxes) : [], system, fixed, log: options.log ?? (() => {}) };
}
