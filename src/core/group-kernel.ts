import { add, bin, call, type Expr, mul, not, num, substitute, sym, symbolsOf } from '../expr/ast.js';
import type { Resolver } from '../expr/emit.js';
import { expandIntegerPowers } from '../expr/integer-powers.js';
import { expandExprel } from '../expr/exprel.js';
import { reciprocalDivisions } from '../expr/reciprocal-divisions.js';
import { resolveSymbols } from '../expr/resolve.js';
import { simplify } from '../expr/simplify.js';
import { stepBindings } from '../integrators/emit-step.js';
import { compileKernelJs } from './kernel-js.js';
import type { ArrayType, GroupKernel, KernelArray, KernelPlan, KernelStatement } from './kernel-ir.js';
import type { FloatArray } from './matrix.js';
import { type Model, NOISE, usesNoise } from './model.js';
import type { EventPathway } from './range-events.js';
import { ParameterError } from './errors.js';
import { getMathMode } from './math-mode.js';
import { getArithmetic } from './arithmetic.js';
import { float32Plan } from './float32-plan.js';
import { expandFloat32Exp } from './float32-exp.js';
import { resolveMethod } from '../integrators/methods.js';

export interface CompiledGroupKernel {
  readonly kernel: GroupKernel;
  /** Names of the arrays the kernel expects, in order (states, inputs, per-neuron parameters, flags). */
  readonly arrayOrder: readonly string[];
  /** The plan the kernel was generated from (other backends compile the same plan). */
  readonly plan: KernelPlan;
  /** The generated JavaScript source, for inspection and the documentation. */
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
  /**
   * The synapse's events, when the group's kernel threads may deliver them to their own ranges
   * as part of the group's step (the network sets it only when that changes nothing: the
   * presynaptic group has not updated yet in this step).
   */
  readonly events?: EventPathway;
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

/**
 * Compiles a model into one fused kernel over a group's arrays: integrate every variable, hold the
 * refractory ones, test the threshold, reset, record the spike list (the plan is built by
 * planGroupKernel, the JavaScript by kernel-js.ts).
 */
export function compileGroupKernel(...planArguments: Parameters<typeof planGroupKernel>): CompiledGroupKernel {
  const plan = planGroupKernel(...planArguments);
  return { ...compileKernelJs(plan), arrayOrder: plan.arrays.map((a) => a.name), plan };
}

/**
 * The kernel of a model as a plan (kernel-ir.ts). Models without a threshold (synaptic
 * conductances, rate units) get the integration alone. Scalar parameters and dt are folded in as
 * constants; per-neuron parameters are read from arrays. A failure code -(1 + k * S + s) names
 * the model's states first, then the attached synapses' states.
 */
export function planGroupKernel(
  model: Model,
  paramValues: Readonly<Record<string, number | FloatArray>>,
  method: string,
  dt: number,
  refractoryPeriod: number | undefined,
  options: KernelOptions = {},
): KernelPlan {
  // Parameters without a value (tau_ref of a model without refractoriness) are not read.
  const arrayParams = model.params.filter((p) => ArrayBuffer.isView(paramValues[p]));
  const fold = (e: Expr): Expr =>
    simplify(substitute(e, (name) => (typeof paramValues[name] === 'number' ? num(paramValues[name] as number) : undefined)));

  const refractoryCondition = model.refractory?.condition;
  const hasRefractory =
    model.refractory !== undefined && (refractoryCondition !== undefined || (refractoryPeriod !== undefined && refractoryPeriod > 0));
  const hasThreshold = model.threshold !== undefined;
  const increments = options.increments ?? [];
  const attached = options.attached ?? [];
  const float: ArrayType = options.float32 ? 'f32' : 'f64';
  const arrays: KernelArray[] = [
    ...model.states.map((name) => ({ name, type: float })),
    ...model.inputs.map((name) => ({ name, type: float })),
    ...arrayParams.map((name) => ({ name, type: 'f64' as const })),
    ...(hasThreshold ? [{ name: SPIKE_ARRAY, type: 'u8' as const }, { name: SPIKE_LIST, type: 'i32' as const }] : []),
    ...(hasRefractory ? [{ name: LAST_SPIKE_TIME, type: 'f64' as const }, { name: REFRACTORY_FLAG, type: 'u8' as const }] : []),
    ...increments.map((v) => ({ name: incrementArray(v), type: float })),
    ...attached.flatMap((syn, j) => [...syn.model.states, '$inc'].map((v) => ({ name: attachedArray(j, v), type: float }))),
  ];
  const arrayOf = (name: string) => arrays.findIndex((a) => a.name === name);

  const body: KernelStatement[] = [];
  const current = (v: string) => `c_${v}`;
  const next = (v: string) => `n_${v}`;
  const param = (v: string) => `p_${v}`;
  for (const v of [...model.states, ...model.inputs]) body.push({ kind: 'load', local: current(v), array: arrayOf(v) });
  for (const p of arrayParams) body.push({ kind: 'load', local: param(p), array: arrayOf(p) });
  const other: Resolver = (name) => (model.inputs.includes(name) ? current(name) : arrayParams.includes(name) ? param(name) : undefined);
  const resolveWith = (state: (v: string) => string) => (name: string) => {
    const local = model.states.includes(name) ? state(name) : name === 't' ? 't' : other(name);
    return local === undefined ? undefined : sym(local);
  };

  // Attached synapses first: their new state is what their outputs read, before the membrane step.
  const numStates = model.states.length + attached.reduce((total, syn) => total + syn.model.states.length, 0);
  const fused = planAttachedSynapses(attached, arrayOf, dt, options.float32 === true, model.states.length);
  body.push(...fused.statements);
  // Stored before the checks, so that an error reports the input the neuron received.
  const targetedInputs = [...new Set(attached.map((syn) => syn.target))].filter((v) => model.inputs.includes(v));
  for (const v of targetedInputs) body.push({ kind: 'store', array: arrayOf(v), value: sym(current(v)) });

  const refr = sym('refr');
  if (hasRefractory) {
    body.push({ kind: 'load', local: 'tLast', array: arrayOf(LAST_SPIKE_TIME) });
    if (refractoryCondition !== undefined) {
      const condition = fold(substitute(refractoryCondition, (name) => (name === 'dt' ? num(dt) : undefined)));
      const resolve = (name: string) => (name === LAST_SPIKE_TIME ? sym('tLast') : resolveWith(current)(name));
      // not(not(x)) is JavaScript's Boolean(x): a number is true when neither 0 nor NaN.
      body.push({ kind: 'let', local: 'refr', value: not(not(resolveSymbols(condition, resolve, `${model.name} refractory condition`))), wide: true });
    } else {
      const limit = (refractoryPeriod as number) + REFRACTORY_SLACK * dt;
      body.push({ kind: 'let', local: 'refr', value: bin('<=', bin('-', sym('t'), sym('tLast')), num(limit)), wide: true });
    }
  }

  const rhs: Record<string, Expr> = {};
  for (const v of model.states) rhs[v] = fold(model.equations[v]);
  const noise = usesNoise(model) ? planNoise(model, rhs, method, dt) : undefined;
  if (noise) body.push(...noise.statements);
  const stepNames = { current, time: 't', other: (name: string) => noise?.resolve(name) ?? other(name), prefix: 's_' };
  const step = stepBindings({ vars: model.states, rhs }, method, dt, stepNames, model.name);
  for (const b of step.bindings) body.push({ kind: 'let', local: b.name, value: b.expr });
  for (const v of model.states) {
    let value = sym(step.next[v]);
    if (increments.includes(v)) {
      body.push({ kind: 'load', local: `i_${v}`, array: arrayOf(incrementArray(v)) });
      value = add(value, sym(`i_${v}`));
    }
    body.push({ kind: 'let', local: next(v), value });
  }
  const held = hasRefractory ? (model.refractory?.hold ?? []) : [];
  if (held.length > 0) body.push({ kind: 'if', condition: refr, then: held.map((v) => ({ kind: 'set', local: next(v), value: sym(current(v)) })) });
  // Synapse states first, as separate updates would find them first.
  body.push(...fused.checks);
  model.states.forEach((v, state) => body.push({ kind: 'failIfNotFinite', local: next(v), state }));

  const spk = sym('spk');
  if (hasThreshold) {
    const condition = fold(model.threshold as Expr);
    const where = `${model.name} threshold`;
    let test = resolveSymbols(condition, resolveWith(next), where);
    if (model.thresholdCrossing) test = bin('and', test, not(resolveSymbols(condition, resolveWith(current), where)));
    if (hasRefractory && model.refractory?.blocksThreshold) test = bin('and', test, not(refr));
    body.push({ kind: 'let', local: 'spk', value: test });
    const onSpike: KernelStatement[] = [];
    for (const [v, value] of model.reset) onSpike.push({ kind: 'set', local: next(v), value: resolveSymbols(fold(value), resolveWith(next), `${model.name} reset`) });
    if (hasRefractory) onSpike.push({ kind: 'store', array: arrayOf(LAST_SPIKE_TIME), value: sym('t'), wide: true });
    onSpike.push({ kind: 'spike', flags: arrayOf(SPIKE_ARRAY), list: arrayOf(SPIKE_LIST) });
    body.push({ kind: 'if', condition: spk, then: onSpike });
  }
  for (const v of model.states) body.push({ kind: 'store', array: arrayOf(v), value: sym(next(v)) });
  for (const v of increments) body.push({ kind: 'store', array: arrayOf(incrementArray(v)), value: num(0) });
  body.push(...fused.stores);
  if (hasRefractory) body.push({ kind: 'store', array: arrayOf(REFRACTORY_FLAG), value: hasThreshold ? bin('or', refr, spk) : refr });

  const clearSpikes = hasThreshold ? { flags: arrayOf(SPIKE_ARRAY), list: arrayOf(SPIKE_LIST) } : undefined;
  const expand = (e: Expr) => expandExprel(expandIntegerPowers(e));
  const rewrite = getMathMode() === 'fast' ? (e: Expr) => reciprocalDivisions(expand(e)) : expand;
  const plan = { arrays, clearSpikes, statesPerElement: numStates, body: body.map((s) => rewritten(s, rewrite)) };
  return getArithmetic() === 'float32' ? float32Plan(expandFloat32Exp(plan)) : plan;
}

/**
 * A statement with its expressions rewritten: small integer powers as products
 * (expr/integer-powers.ts), exprel by expm1 (expr/exprel.ts) and, in 'fast' math mode, divisions by constants as products
 * (expr/reciprocal-divisions.ts).
 */
function rewritten(s: KernelStatement, rewrite: (e: Expr) => Expr): KernelStatement {
  switch (s.kind) {
    case 'let':
    case 'set':
    case 'store':
      return { ...s, value: rewrite(s.value) };
    case 'if':
      return { ...s, condition: rewrite(s.condition), then: s.then.map((inner) => rewritten(inner, rewrite)) };
    default:
      return s;
  }
}

/**
 * Per neuron k: each attached synapse's new state (its step plus its increment) and its output
 * added to the targeted post variable, in network order; the same folding and integration as the
 * synapse's own kernel (compileGroupKernel with `increments`), so the values are bit-identical.
 * Also returns the non-finite checks (numbered from `firstState`) and the stores, which the
 * kernel runs after every check has passed.
 */
function planAttachedSynapses(
  attached: readonly AttachedSynapse[],
  arrayOf: (name: string) => number,
  dt: number,
  round32: boolean,
  firstState: number,
): { statements: KernelStatement[]; checks: KernelStatement[]; stores: KernelStatement[] } {
  const statements: KernelStatement[] = [];
  const checks: KernelStatement[] = [];
  const stores: KernelStatement[] = [];
  let state = firstState;
  attached.forEach((syn, j) => {
    const prefix = `y${j}_`;
    const where = `synapse '${syn.name}'`;
    const current = (v: string) => `${prefix}c_${v}`;
    const increment = `${prefix}inc`;
    for (const v of syn.model.states) statements.push({ kind: 'load', local: current(v), array: arrayOf(attachedArray(j, v)) });
    statements.push({ kind: 'load', local: increment, array: arrayOf(attachedArray(j, '$inc')) });
    const rhs: Record<string, Expr> = {};
    for (const v of syn.model.states) rhs[v] = simplify(substitute(syn.model.equations[v], (name) => (name in syn.params ? num(syn.params[name]) : undefined)));
    const names = { current, time: 't', other: () => undefined, prefix: `${prefix}s_` };
    const step = stepBindings({ vars: syn.model.states, rhs }, syn.method, dt, names, `${syn.model.name} of ${where}`);
    for (const b of step.bindings) statements.push({ kind: 'let', local: b.name, value: b.expr });
    for (const v of syn.model.states) {
      const next = `${prefix}n_${v}`;
      const value = v === syn.receives ? add(sym(step.next[v]), sym(increment)) : sym(step.next[v]);
      statements.push({ kind: 'let', local: next, value, round32 });
      checks.push({ kind: 'failIfNotFinite', local: next, state: state++ });
      stores.push({ kind: 'store', array: arrayOf(attachedArray(j, v)), value: sym(next) });
    }
    stores.push({ kind: 'store', array: arrayOf(attachedArray(j, '$inc')), value: num(0) });
    const conductance = `${prefix}n_${syn.conductance}`;
    const target = `c_${syn.target}`;
    const output = resolveSymbols(syn.current, (name) => sym(name === 'g' ? conductance : `c_${name}`), `output of ${where}`);
    statements.push({ kind: 'set', local: target, value: add(sym(target), output), round32 });
  });
  return { statements, checks, stores };
}

/**
 * White noise xi: each equation that contains it gets its own standard normal draw per neuron and
 * step, scaled by 1/sqrt(dt), so that Euler's step V + dt*(f + g*xi) is Euler-Maruyama's
 * V + f*dt + g*sqrt(dt)*N(0, 1). Only Euler is consistent with this; other methods are refused.
 * The equations in `rhs` are rewritten in place to name their own draw.
 */
function planNoise(model: Model, rhs: Record<string, Expr>, method: string, dt: number): { statements: KernelStatement[]; resolve: Resolver } {
  if (resolveMethod(method, model.name) !== 'euler') {
    throw new ParameterError(
      `${model.name}: equations with the noise term ${NOISE} are integrated by Euler-Maruyama; use method 'euler' (or sdeint for higher-order SDE methods), not '${method}'`,
    );
  }
  const statements: KernelStatement[] = [];
  const draws = new Map<string, string>();
  for (const v of model.states) {
    if (!symbolsOf(rhs[v]).has(NOISE)) continue;
    // '$' cannot appear in a parsed name, so this symbol cannot clash with a user's.
    const symbol = `${NOISE}$${v}`;
    rhs[v] = substitute(rhs[v], (name) => (name === NOISE ? sym(symbol) : undefined));
    draws.set(symbol, `s_${NOISE}_${v}`);
    statements.push({ kind: 'let', local: `s_${NOISE}_${v}`, value: mul(call('randn'), num(1 / Math.sqrt(dt))) });
  }
  return { statements, resolve: (name) => draws.get(name) };
}
