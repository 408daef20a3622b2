import { type Expr, num, substitute, sym, symbolsOf } from '../expr/ast.js';
import { compileFunction, emit, numberLiteral, type Resolver } from '../expr/emit.js';
import { RANDOM_STREAM_PARAMETER } from '../expr/functions.js';
import { simplify } from '../expr/simplify.js';
import { emitOdeStep } from '../integrators/emit-step.js';
import type { FloatArray } from './matrix.js';
import { type Model, NOISE, usesNoise } from './model.js';
import { ParameterError } from './errors.js';
import { resolveMethod } from '../integrators/methods.js';

/**
 * Compiles a model into one fused JavaScript function over a group's arrays: integrate
 * every variable, hold the refractory ones, test the threshold, reset, record the spike list.
 * Models without a threshold (synaptic conductances, rate units) get the integration alone.
 * Scalar parameters and dt are folded in as constants; per-neuron parameters are read from arrays.
 * The function returns the number of spikes, or -(1 + k * S + s) when state s (of S) of neuron k
 * became NaN or infinite; the arrays then still hold that neuron's last finite values.
 * `previousCount` is the length of the previous step's spike list, whose spike flags are cleared.
 * The loop runs over neurons [start, n) (start 0 by default), so threads can share a group.
 */
export type GroupKernel = (
  n: number,
  t: number,
  arrays: readonly (FloatArray | Uint8Array | Int32Array)[],
  rng?: KernelRandom,
  previousCount?: number,
  start?: number,
) => number;

/** The parameter names of every generated group kernel, in GroupKernel's order. */
export const GROUP_KERNEL_PARAMETERS = ['n', 't', 'A', RANDOM_STREAM_PARAMETER, 'previousCount', 'start'];

/** What rand() and randn() in a model draw from (a RandomStream). */
export interface KernelRandom {
  random(): number;
  normal(): number;
}

export interface CompiledGroupKernel {
  readonly kernel: GroupKernel;
  /** Names of the arrays the kernel expects, in order (states, inputs, per-neuron parameters, flags). */
  readonly arrayOrder: readonly string[];
  /** The generated source, for inspection and the documentation. */
  readonly source: string;
}

export const SPIKE_ARRAY = 'spike';
export const SPIKE_LIST = '$spikeList';
export const LAST_SPIKE_TIME = 't_last_spike';
export const REFRACTORY_FLAG = 'refractory';

/** Relative slack on the refractory comparison so that t - t_last = tau_ref holds despite rounding. */
const REFRACTORY_SLACK = 1e-6;

/**
 * A synapse whose state is kept per postsynaptic neuron, integrated inside the postsynaptic
 * group's kernel (network-level fusion, see src/core/fusion.ts): one loop per step instead of a
 * pass for the synaptic decay and another for the output. The arithmetic is the same as in the
 * synapse's own kernel, so fused and separate runs are bit-identical.
 */
export interface AttachedSynapse {
  /** The synapse's name, for error messages. */
  readonly name: string;
  readonly model: Model;
  readonly params: Readonly<Record<string, number>>;
  readonly method: string;
  /** The state that takes the events collected in the increment array. */
  readonly receives: string;
  /** The state the output reads as g. */
  readonly conductance: string;
  /** The current added to the postsynaptic `target`: an expression in g and post variables. */
  readonly current: Expr;
  readonly target: string;
  readonly states: Readonly<Record<string, FloatArray>>;
  readonly increment: FloatArray;
}

export interface KernelOptions {
  /**
   * States that add an increment array after the step and clear it: the events a synapse
   * collected this step (x_new = step(x) + increment).
   */
  readonly increments?: readonly string[];
  /** Synapses integrated in the same loop, whose outputs feed this model's inputs or states. */
  readonly attached?: readonly AttachedSynapse[];
  /**
   * The arrays store float32: values that separate updates would store and reload between
   * synapse and neuron (attached states, accumulated inputs) are rounded the same way here.
   */
  readonly float32?: boolean;
}

/** Kernel array name of the increment array of `state`. */
export const incrementArray = (state: string) => `$inc.${state}`;
/** Kernel array name of state `state` (or of the increment, '$inc') of attached synapse j. */
export const attachedArray = (j: number, state: string) => `@${j}.${state}`;

export function compileGroupKernel(
  model: Model,
  paramValues: Readonly<Record<string, number | FloatArray>>,
  method: string,
  dt: number,
  refractoryPeriod: number | undefined,
  options: KernelOptions = {},
): CompiledGroupKernel {
  const arrayParams = model.params.filter((p) => typeof paramValues[p] !== 'number');
  const fold = (e: Expr): Expr =>
    simplify(substitute(e, (name) => (typeof paramValues[name] === 'number' ? num(paramValues[name] as number) : undefined)));

  const refractoryCondition = model.refractory?.condition;
  const hasRefractory =
    model.refractory !== undefined && (refractoryCondition !== undefined || (refractoryPeriod !== undefined && refractoryPeriod > 0));
  const hasThreshold = model.threshold !== undefined;
  const increments = options.increments ?? [];
  const attached = options.attached ?? [];
  const store = (value: string) => (options.float32 ? `Math.fround(${value})` : value);
  const arrayOrder = [
    ...model.states,
    ...model.inputs,
    ...arrayParams,
    ...(hasThreshold ? [SPIKE_ARRAY, SPIKE_LIST] : []),
    ...(hasRefractory ? [LAST_SPIKE_TIME, REFRACTORY_FLAG] : []),
    ...increments.map(incrementArray),
    ...attached.flatMap((syn, j) => [...syn.model.states.map((v) => attachedArray(j, v)), attachedArray(j, '$inc')]),
  ];
  const arrayName = (i: number) => `a${i}`;
  const arrayOf = (name: string) => arrayName(arrayOrder.indexOf(name));

  const paramCode = (name: string) => (arrayParams.includes(name) ? `${arrayOf(name)}[k]` : undefined);
  const inputCode = (name: string) => (model.inputs.includes(name) ? `c_${name}` : undefined);
  const other: Resolver = (name) => inputCode(name) ?? paramCode(name);
  const resolveNew: Resolver = (name) =>
    model.states.includes(name) ? `n_${name}` : name === 't' ? 't' : other(name);
  const resolveOld: Resolver = (name) =>
    model.states.includes(name) ? `c_${name}` : name === 't' ? 't' : other(name);

  const lines: string[] = [];
  arrayOrder.forEach((name, i) => lines.push(`const ${arrayName(i)} = A[${i}];`));
  // The spike flags are 1 exactly at the previous step's spike list: clear those, set the new ones.
  if (hasThreshold) lines.push(`for (let q = 0; q < previousCount; q++) ${arrayOf(SPIKE_ARRAY)}[${arrayOf(SPIKE_LIST)}[q]] = 0;`);
  lines.push('let count = 0;', 'for (let k = start | 0; k < n; k++) {');
  for (const v of model.states) lines.push(`let c_${v} = ${arrayOf(v)}[k];`);
  for (const v of model.inputs) lines.push(`let c_${v} = ${arrayOf(v)}[k];`);

  // Attached synapses first: their new state is what their outputs read, before the membrane step.
  const numStates = model.states.length + attached.reduce((total, syn) => total + syn.model.states.length, 0);
  const fused = emitAttachedSynapses(attached, arrayOf, dt, store, (s) => `return -(1 + k * ${numStates} + ${model.states.length + s});`);
  lines.push(...fused.lines);
  // Stored before the checks, so that an error reports the input the neuron received.
  const targetedInputs = [...new Set(attached.map((syn) => syn.target))].filter((v) => model.inputs.includes(v));
  for (const v of targetedInputs) lines.push(`${arrayOf(v)}[k] = c_${v};`);

  if (refractoryCondition !== undefined && hasRefractory) {
    const lastSpike = `${arrayOf(LAST_SPIKE_TIME)}[k]`;
    const condition = fold(substitute(refractoryCondition, (name) => (name === 'dt' ? num(dt) : undefined)));
    const resolve: Resolver = (name) => (name === LAST_SPIKE_TIME ? lastSpike : resolveOld(name));
    lines.push(`const refr = Boolean(${emit(condition, resolve, `${model.name} refractory condition`)});`);
  } else if (hasRefractory) {
    const limit = (refractoryPeriod as number) + REFRACTORY_SLACK * dt;
    lines.push(`const refr = (t - ${arrayOf(LAST_SPIKE_TIME)}[k]) <= ${numberLiteral(limit)};`);
  }

  const rhs: Record<string, Expr> = {};
  for (const v of model.states) rhs[v] = fold(model.equations[v]);
  const noise = usesNoise(model) ? emitNoise(model, rhs, method, dt) : undefined;
  if (noise) lines.push(...noise.lines);
  const stepNames = { current: (v: string) => `c_${v}`, time: 't', other: (name: string) => noise?.resolve(name) ?? other(name), prefix: 's_' };
  const step = emitOdeStep({ vars: model.states, rhs }, method, dt, stepNames, model.name);
  lines.push(step.code);
  for (const v of model.states) {
    const increment = increments.includes(v) ? ` + ${arrayOf(incrementArray(v))}[k]` : '';
    lines.push(`let n_${v} = ${step.next[v]}${increment};`);
  }
  if (hasRefractory) {
    const held = model.refractory?.hold ?? [];
    if (held.length > 0) lines.push(`if (refr) { ${held.map((v) => `n_${v} = c_${v};`).join(' ')} }`);
  }
  // Synapse states first, as separate updates would find them first.
  lines.push(...fused.checks);
  model.states.forEach((v, s) => lines.push(`if (!(n_${v} - n_${v} === 0)) return -(1 + k * ${numStates} + ${s});`));

  if (hasThreshold) {
    const condition = fold(model.threshold as Expr);
    const crossing = model.thresholdCrossing ? ` && !${emit(condition, resolveOld, `${model.name} threshold`)}` : '';
    const blocked = hasRefractory && model.refractory?.blocksThreshold ? ' && !refr' : '';
    lines.push(`const spk = ${emit(condition, resolveNew, `${model.name} threshold`)}${crossing}${blocked};`);
    lines.push('if (spk) {');
    for (const [v, value] of model.reset) lines.push(`n_${v} = ${emit(fold(value), resolveNew, `${model.name} reset`)};`);
    if (hasRefractory) lines.push(`${arrayOf(LAST_SPIKE_TIME)}[k] = t;`);
    lines.push(`${arrayOf(SPIKE_ARRAY)}[k] = 1;`, `${arrayOf(SPIKE_LIST)}[count++] = k;`, '}');
  }
  for (const v of model.states) lines.push(`${arrayOf(v)}[k] = n_${v};`);
  for (const v of increments) lines.push(`${arrayOf(incrementArray(v))}[k] = 0;`);
  lines.push(...fused.stores);
  if (hasRefractory) lines.push(`${arrayOf(REFRACTORY_FLAG)}[k] = (refr || ${hasThreshold ? 'spk' : 'false'}) ? 1 : 0;`);
  lines.push('}', 'return count;');

  const source = lines.join('\n');
  return { kernel: compileFunction<GroupKernel>(GROUP_KERNEL_PARAMETERS, source), arrayOrder, source };
}

/**
 * Per neuron k: each attached synapse's new state (its step plus its increment) and its output
 * added to the targeted post variable, in network order. Also returns the non-finite checks
 * (`fail(s)` is the statement for the s-th attached state) and the stores, which the kernel
 * emits after every check has passed.
 */
function emitAttachedSynapses(
  attached: readonly AttachedSynapse[],
  arrayOf: (name: string) => string,
  dt: number,
  store: (value: string) => string,
  fail: (state: number) => string,
): { lines: string[]; checks: string[]; stores: string[] } {
  const lines: string[] = [];
  const checks: string[] = [];
  const stores: string[] = [];
  let stateIndex = 0;
  attached.forEach((syn, j) => {
    const prefix = `y${j}_`;
    const increment = `${arrayOf(attachedArray(j, '$inc'))}[k]`;
    for (const v of syn.model.states) lines.push(`const ${prefix}c_${v} = ${arrayOf(attachedArray(j, v))}[k];`);
    const block = emitStateStep(syn.model, syn.params, syn.method, dt, prefix, [syn.receives], () => increment, `synapse '${syn.name}'`, store);
    lines.push(block.code);
    for (const v of syn.model.states) {
      checks.push(`if (!(${block.next[v]} - ${block.next[v]} === 0)) ${fail(stateIndex++)}`);
      stores.push(`${arrayOf(attachedArray(j, v))}[k] = ${block.next[v]};`);
    }
    stores.push(`${increment} = 0;`);
    const conductance = block.next[syn.conductance];
    const current = emit(syn.current, (name) => (name === 'g' ? conductance : `c_${name}`), `output of synapse '${syn.name}'`);
    lines.push(`c_${syn.target} = ${store(`c_${syn.target} + ${current}`)};`);
  });
  return { lines, checks, stores };
}

/**
 * The step of an attached synapse's states, with the names prefixed: the same folding and
 * integration as the synapse's own kernel (compileGroupKernel with `increments`), so the values
 * are bit-identical. `next` holds, per state, the name of its new value (increment included).
 */
function emitStateStep(
  model: Model,
  params: Readonly<Record<string, number>>,
  method: string,
  dt: number,
  prefix: string,
  increments: readonly string[],
  increment: (state: string) => string,
  where: string,
  store: (value: string) => string,
): { code: string; next: Record<string, string> } {
  const rhs: Record<string, Expr> = {};
  for (const v of model.states) rhs[v] = simplify(substitute(model.equations[v], (name) => (name in params ? num(params[name]) : undefined)));
  const names = { current: (v: string) => `${prefix}c_${v}`, time: 't', other: () => undefined, prefix: `${prefix}s_` };
  const step = emitOdeStep({ vars: model.states, rhs }, method, dt, names, `${model.name} of ${where}`);
  const lines = [step.code];
  const next: Record<string, string> = {};
  for (const v of model.states) {
    next[v] = `${prefix}n_${v}`;
    lines.push(`const ${next[v]} = ${store(`${step.next[v]}${increments.includes(v) ? ` + ${increment(v)}` : ''}`)};`);
  }
  return { code: lines.join('\n'), next };
}

/**
 * White noise xi: each equation that contains it gets its own standard normal draw per neuron and
 * step, scaled by 1/sqrt(dt), so that Euler's step V + dt*(f + g*xi) is Euler-Maruyama's
 * V + f*dt + g*sqrt(dt)*N(0, 1). Only Euler is consistent with this; other methods are refused.
 * The equations in `rhs` are rewritten in place to name their own draw.
 */
function emitNoise(model: Model, rhs: Record<string, Expr>, method: string, dt: number): { lines: string[]; resolve: Resolver } {
  if (resolveMethod(method, model.name) !== 'euler') {
    throw new ParameterError(
      `${model.name}: equations with the noise term ${NOISE} are integrated by Euler-Maruyama; use method 'euler' (or sdeint for higher-order SDE methods), not '${method}'`,
    );
  }
  const lines: string[] = [];
  const draws = new Map<string, string>();
  for (const v of model.states) {
    if (!symbolsOf(rhs[v]).has(NOISE)) continue;
    // '$' cannot appear in a parsed name, so this symbol cannot clash with a user's.
    const symbol = `${NOISE}$${v}`;
    rhs[v] = substitute(rhs[v], (name) => (name === NOISE ? sym(symbol) : undefined));
    draws.set(symbol, `s_${NOISE}_${v}`);
    lines.push(`const s_${NOISE}_${v} = ${RANDOM_STREAM_PARAMETER}.normal() * ${numberLiteral(1 / Math.sqrt(dt))};`);
  }
  return { lines, resolve: (name) => draws.get(name) };
}
