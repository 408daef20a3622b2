import type { Expr } from '../expr/ast.js';
import { compileFunction, emit } from '../expr/emit.js';
import { RANDOM_STREAM_PARAMETER } from '../expr/functions.js';
import type { KernelRandom } from '../core/kernel-ir.js';

/** Where a symbol's value comes from: `array[index[k] + offset]`, or `array[k + offset]` without index. */
export interface ElementSource {
  readonly array: ArrayLike<number>;
  readonly index?: Int32Array;
  readonly offset?: number;
}

/**
 * Evaluate a lowered expression for elements k = 0..count-1 (neurons of a group, synapses, or
 * candidate pairs): one generated loop, so a string such as '-65*mV + 15*mV*rand()**2' costs
 * what the equivalent hand-written loop costs.
 */
export function evaluatePerElement(
  expr: Expr,
  count: number,
  sources: Readonly<Record<string, ElementSource>>,
  rng: KernelRandom,
  where: string,
): Float64Array {
  const names = Object.keys(sources);
  const code = emit(expr, (name) => {
    const m = names.indexOf(name);
    if (m < 0) return undefined;
    const source = sources[name];
    const offset = source.offset ? ` + ${source.offset}` : '';
    return `V[${m}][${source.index ? `X[${m}][k]` : 'k'}${offset}]`;
  }, where);
  const body = `for (let k = 0; k < n; k++) out[k] = ${code};`;
  const run = compileFunction<(n: number, V: unknown[], X: unknown[], rng: KernelRandom, out: Float64Array) => void>(
    ['n', 'V', 'X', RANDOM_STREAM_PARAMETER, 'out'],
    body,
  );
  const out = new Float64Array(count);
  run(count, names.map((n) => sources[n].array), names.map((n) => sources[n].index), rng, out);
  return out;
}
