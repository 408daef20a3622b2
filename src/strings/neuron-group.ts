import { EquationGroup, type EquationGroupOptions } from '../core/equation-group.js';
import { UnknownNameError } from '../core/errors.js';
import type { FloatArray } from '../core/matrix.js';
import { NeuGroupView } from '../core/neu-group.js';
import { type RandomStream, streamFor } from '../core/random.js';
import type { Expr } from '../expr/ast.js';
import { closestName } from '../expr/suggest.js';
import type { Dimension } from '../units/dimension.js';
import { dimensionOf } from '../units/dimension.js';
import type { Quantity, Unit } from '../units/quantity.js';
import { type CompiledNeuronModel, compileNeuronModel, methodFor, type NeuronStrings, TIME } from './neuron-model.js';
import { evaluatePerElement } from './per-element.js';
import { Scope } from './scope.js';
import { toInternalValues, type VariableValue } from './values.js';

export interface NeuronGroupOptions extends NeuronStrings, Omit<EquationGroupOptions, 'method'> {
  /** euler (default), rk2, rk4, heun, exponential_euler (= exp_auto), or any Neurodyn method. */
  readonly method?: string;
}

/** Where a string model's per-element variables live, for synapses and value strings. */
export interface StringPopulation {
  readonly group: NeuronGroup;
  readonly offset: number;
  readonly num: number;
}

/**
 * A neuron group defined by Brian2-style strings:
 *   new NeuronGroup(1000, `dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1 (unless refractory)
 *                          du/dt = a*(b*v - u)/ms : 1
 *                          I : 1
 *                          a : 1 (constant) ...`,
 *                   { threshold: 'v >= 30', reset: 'v = c; u += d', refractory: ms(0.1), method: 'euler' })
 * The strings are checked (names, units, assignments) and become a Model; the group is an
 * EquationGroup, so it runs with the same fused kernel as the built-in models. Values are stored
 * in internal units (ms, mV, nS, pF, pA); `set` converts once.
 */
export class NeuronGroup extends EquationGroup implements StringPopulation {
  readonly strings!: CompiledNeuronModel;
  private readonly initStream!: RandomStream;

  constructor(size: number, equations: string, options: NeuronGroupOptions = {}) {
    const compiled = compileNeuronModel(options.name ?? 'NeuronGroup', equations, options);
    const params = Object.fromEntries(compiled.params.map((p) => [p, new Float64Array(size)]));
    super(size, compiled.model, params, {}, { ...options, method: methodFor(options.method) });
    this.strings = compiled;
    // Parameters are addressable like states, for monitors, inputs and synapses.
    for (const p of compiled.params) this.registerVariable(p, this.params[p] as FloatArray);
    this.initStream = streamFor(options.seed === undefined ? undefined : options.seed + 0x9e3779b9);
  }

  override get group(): NeuronGroup {
    return this;
  }

  /** The array holding a variable (state or parameter), in internal units. */
  array(name: string): FloatArray {
    const array = (this.variables()[name] as FloatArray | undefined) ?? (this.params[name] as FloatArray | undefined);
    if (array === undefined || !this.strings.variables.has(name)) {
      const suggestion = closestName(name, this.strings.variables.keys());
      throw new UnknownNameError(
        `group '${this.name}' has no variable '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (variables: ${[...this.strings.variables.keys()].join(', ')})`,
      );
    }
    return array;
  }

  dimensionOf(name: string): Dimension {
    this.array(name);
    return this.strings.variables.get(name) as Dimension;
  }

  /** Set a variable for all neurons: `set('v', mV(-65))`, `set('c', values, mV)`, `set('v', '-65*mV + 15*mV*rand()**2')`. */
  set(name: string, value: VariableValue, unit?: Unit | Quantity): this {
    setRange(this, 0, this.num, name, value, unit);
    return this;
  }

  /** Values of a variable in internal units (a copy). */
  get(name: string): Float64Array {
    return Float64Array.from(this.array(name));
  }

  /** Neurons [start, end) as a population for synapses, with its own `set` (Brian2's `P[:100]`). */
  override slice(start: number, end: number = this.num): NeuronGroupSlice {
    return new NeuronGroupSlice(this, start, end);
  }

  /** The stream that rand() in value strings draws from. */
  get valueStream(): RandomStream {
    return this.initStream;
  }
}

export class NeuronGroupSlice extends NeuGroupView implements StringPopulation {
  declare readonly group: NeuronGroup;

  set(name: string, value: VariableValue, unit?: Unit | Quantity): this {
    setRange(this.group, this.offset, this.num, name, value, unit);
    return this;
  }

  get(name: string): Float64Array {
    return this.group.get(name).slice(this.offset, this.offset + this.num);
  }
}

/** Scope for value strings on a population: its variables (current values), i (index in the population) and N. */
export function valueScope(group: NeuronGroup): Scope {
  return new Scope(group.strings.variables, new Map([['i', dimensionOf({})], ['N', dimensionOf({})], ['t', TIME]]), group.strings.scope.namespace);
}

function setRange(group: NeuronGroup, offset: number, count: number, name: string, value: VariableValue, unit?: Unit | Quantity): void {
  const target = group.array(name);
  const dim = group.dimensionOf(name);
  const evaluate = (expr: Expr, source: string): Float64Array => {
    const scope = valueScope(group);
    const where = `value '${source}' for '${name}' of group '${group.name}'`;
    scope.checkExpr(expr, where, dim, `'${name}'`);
    const sources: Record<string, { array: ArrayLike<number>; offset?: number }> = {
      i: { array: Int32Array.from({ length: count }, (_, k) => k) },
      N: { array: new Float64Array(count).fill(count) },
      t: { array: new Float64Array(count) },
    };
    for (const v of group.strings.variables.keys()) sources[v] = { array: group.array(v), offset };
    return evaluatePerElement(scope.lower(expr), count, sources, group.valueStream, where);
  };
  target.set(toInternalValues(value, count, dim, `'${name}' of group '${group.name}'`, evaluate, unit), offset);
}
