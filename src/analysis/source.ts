import { type Expr, symbolsOf } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { defineModel, type Model } from '../core/model.js';
import { ParameterError, UnknownNameError } from '../core/errors.js';
import type { FieldFunction } from './function-system.js';

/** A vector field given as a TypeScript function: its variables, its parameters' names, and the function. */
export interface FunctionSource {
  readonly name?: string;
  readonly vars: readonly string[];
  /** Parameter names the function reads; their values come from parsUpdate or targetPars. */
  readonly params?: readonly string[];
  readonly field: FieldFunction;
}

/**
 * What an analyser may be given: a model description, a group built from one (its parameter
 * values become defaults), bare equations `{ x: 'x**3 - x + Iext' }` whose other symbols are
 * taken as parameters, or a FunctionSource (Jacobian by finite differences).
 */
export type ModelSource =
  | Model
  | FunctionSource
  | { readonly model: Model; readonly params: Readonly<Record<string, number | ArrayLike<number>>> }
  | Readonly<Record<string, string>>;

/** Equations and parameter values, resolved from a source, before targets are chosen. */
export interface ResolvedModel {
  readonly name: string;
  readonly states: readonly string[];
  /** The right-hand sides as expressions (exact Jacobians), or `field` for a FunctionSource. */
  readonly equations?: Readonly<Record<string, Expr>>;
  readonly field?: FieldFunction;
  /** Every symbol the equations may use that is not a state: parameters, inputs and t. */
  readonly others: readonly string[];
  /** Values known from the source (a group's parameters; inputs and t are 0 as at rest). */
  readonly defaults: Readonly<Record<string, number>>;
}

const isModel = (s: ModelSource): s is Model => typeof (s as Model).states === 'object' && typeof (s as Model).equations === 'object' && Array.isArray((s as Model).states);
const isFunction = (s: ModelSource): s is FunctionSource => typeof (s as FunctionSource).field === 'function';
const isGroup = (s: ModelSource): s is { model: Model; params: Record<string, number | ArrayLike<number>> } =>
  typeof (s as { model?: unknown }).model === 'object' && (s as { model?: unknown }).model !== null;

function firstValue(value: number | ArrayLike<number>, name: string): number {
  if (typeof value === 'number') return value;
  if (value.length === 0) throw new ParameterError(`parameter '${name}' of the analysed group is empty`);
  for (let i = 1; i < value.length; i++) {
    if (value[i] !== value[0]) throw new ParameterError(`parameter '${name}' differs between neurons; give it in parsUpdate to choose one value`);
  }
  return value[0];
}

function resolveFunction(source: FunctionSource): ResolvedModel {
  const { vars, params = [] } = source;
  if (!Array.isArray(vars) || vars.length === 0 || !vars.every((v) => typeof v === 'string')) {
    throw new ParameterError('a vector-field function needs vars: a non-empty array of variable names');
  }
  if (!Array.isArray(params) || !params.every((q) => typeof q === 'string')) throw new ParameterError('params of a vector-field function must be an array of names');
  return { name: source.name ?? 'function', states: vars, field: source.field, others: [...params, 't'], defaults: { t: 0 } };
}

export function resolveModel(source: ModelSource): ResolvedModel {
  if (isFunction(source)) return resolveFunction(source);
  if (isGroup(source)) {
    const base = resolveModel(source.model);
    const defaults: Record<string, number> = { ...base.defaults };
    for (const [name, value] of Object.entries(source.params)) defaults[name] = firstValue(value, name);
    return { ...base, defaults };
  }
  if (isModel(source)) {
    const defaults: Record<string, number> = { t: 0 };
    for (const input of source.inputs) defaults[input] = 0;
    return { name: source.name, states: source.states, equations: source.equations, others: [...source.params, ...source.inputs, 't'], defaults };
  }
  const equations = source as Readonly<Record<string, string>>;
  const states = Object.keys(equations);
  if (states.length === 0) throw new ParameterError('the analysed system has no equations');
  const symbols = new Set<string>();
  for (const [v, rhs] of Object.entries(equations)) {
    if (typeof rhs !== 'string') throw new ParameterError(`equation for '${v}' must be a string, got ${typeof rhs}`);
    symbolsOf(parseExpression(rhs), symbols);
  }
  const params = [...symbols].filter((s) => !states.includes(s) && s !== 't');
  return resolveModel(defineModel('equations', { equations }, params));
}

/** Check that every requested name is one of `known`, naming the analyser and the choices. */
export function requireKnown(names: Iterable<string>, known: readonly string[], what: string, where: string): void {
  for (const name of names) {
    if (!known.includes(name)) throw new UnknownNameError(`${where}: unknown ${what} '${name}'; choose from ${known.join(', ')}`);
  }
}
