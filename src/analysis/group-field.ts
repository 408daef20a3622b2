import { ParameterError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { type JacobianFunction, type VectorFunction } from './batch-field.js';
import { requireKnown, resolveModel } from './source.js';
import { buildVectorSystem, columns } from './vector-system.js';

/** A group built from a model description (an EquationGroup or anything shaped like one). */
export interface GroupLike {
  readonly model: Model;
  readonly params: Readonly<Record<string, number | ArrayLike<number>>>;
  readonly num: number;
}

export const isGroupLike = (x: unknown): x is GroupLike =>
  typeof x === 'object' && x !== null && typeof (x as GroupLike).num === 'number' && typeof (x as GroupLike).model === 'object';

/**
 * The state of a whole group as one vector, [v_0 of every neuron, v_1 of every neuron, ...],
 * with the model's equations as its field and the exact block-diagonal Jacobian. Parameters
 * that differ between neurons are passed per neuron; states not analysed need `fixed` values.
 */
export function groupFunctions(group: GroupLike, vars: readonly string[], fixed: Readonly<Record<string, number>>, where: string): { f: VectorFunction; jacobian: JacobianFunction; dim: number } {
  const resolved = resolveModel(group.model);
  requireKnown(vars, resolved.states, 'target variable', where);
  const n = group.num;
  const perNeuron = Object.entries(group.params).filter(([name, v]) => typeof v !== 'number' && !(name in fixed));
  const scalars: Record<string, number> = { ...resolved.defaults, ...fixed };
  for (const [name, v] of Object.entries(group.params)) if (typeof v === 'number' && !(name in fixed)) scalars[name] = v;
  const system = buildVectorSystem({ ...resolved, defaults: scalars }, vars, perNeuron.map(([name]) => name), {}, where);
  const parArrays = perNeuron.map(([name, v]) => {
    const values = Float64Array.from(v as ArrayLike<number>);
    if (values.length !== n) throw new ParameterError(`${where}: parameter '${name}' has ${values.length} values for ${n} neurons`);
    return values;
  });
  const d = vars.length;
  const dim = d * n;
  const split = (x: Float64Array) => {
    if (x.length !== dim) throw new ParameterError(`${where}: a state of ${vars.join(', ')} for ${n} neurons has ${dim} entries, got ${x.length}`);
    return vars.map((_, i) => x.subarray(i * n, (i + 1) * n));
  };
  const f: VectorFunction = (x) => {
    const out = columns(d, n);
    system.derivatives(n, split(x), parArrays, out);
    const flat = new Float64Array(dim);
    out.forEach((o, i) => flat.set(o, i * n));
    return flat;
  };
  const jacobian: JacobianFunction = (x) => {
    const blocks = columns(d * d, n);
    system.jacobian(n, split(x), parArrays, blocks);
    const j = new Float64Array(dim * dim);
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        for (let a = 0; a < n; a++) j[(r * n + a) * dim + c * n + a] = blocks[r * d + c][a];
      }
    }
    return j;
  };
  return { f, jacobian, dim };
}
