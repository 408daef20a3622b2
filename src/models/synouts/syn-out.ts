import { add, type Expr, num, substitute, sym, symbolsOf } from '../../expr/ast.js';
import { resolveSymbols } from '../../expr/resolve.js';
import { parseExpression } from '../../expr/parse.js';
import { simplify } from '../../expr/simplify.js';
import { EquationError } from '../../core/errors.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { arrayTypeOf, type KernelPlan, type KernelStatement } from '../../core/kernel-ir.js';
import { compileKernelJs } from '../../core/kernel-js.js';
import { wasmKernelFor } from '../../wasm/kernel-for.js';

/**
 * How a synapse's conductance g acts on its postsynaptic neurons: each step, for every
 * postsynaptic neuron j, `target[j] += current(g[j], post variables)`. The current is an
 * expression, so an output is data like the models (COBA: g * (E - V); CUBA: g); a user-defined
 * output is a subclass with its own expression and parameters.
 */
export class SynOut {
  /** The current as an expression in g, the parameters (folded in) and postsynaptic variables. */
  readonly current: Expr;

  constructor(
    readonly name: string,
    current: string,
    readonly params: Readonly<Record<string, number>>,
    /** The postsynaptic variable the current is added to. */
    readonly target = 'input',
  ) {
    this.current = simplify(
      substitute(parseExpression(current), (s) => (s in params ? num(params[s]) : undefined)),
    );
  }

  /**
   * A function that applies this output of conductance g (one value per post neuron): a kernel
   * plan (core/kernel-ir.ts) over g and views of the post group's arrays, run as WebAssembly where
   * the post group's kernel is (an NMDA output's Mg block then computes its exp in SIMD lanes),
   * else as JavaScript; the same numbers either way.
   */
  bind(post: Population, g: FloatArray, synapse: string): () => void {
    const group = post.group;
    const vars = group.variables();
    const where = `${this.name} output of synapse '${synapse}'`;
    const target = vars[this.target];
    if (!target) {
      throw new EquationError(`${where}: postsynaptic group '${group.name}' has no variable '${this.target}' (it has ${Object.keys(vars).join(', ')})`);
    }
    if (!(target instanceof Float64Array || target instanceof Float32Array)) {
      throw new EquationError(`${where}: the current is added to '${this.target}' of group '${group.name}', which is not a floating-point variable`);
    }
    const postVars = [...symbolsOf(this.current)].filter((s) => s !== 'g');
    for (const s of postVars) {
      if (!vars[s]) throw new EquationError(`${where}: unknown symbol '${s}'; the current may use g, its parameters and the post variables ${Object.keys(vars).join(', ')}`);
    }
    const { num: n, offset } = post;
    // Views of the post slice, so that element k of every array is post neuron k.
    const arrays: NumericArray[] = [g, ...[target, ...postVars.map((s) => vars[s])].map((a) => a.subarray(offset, offset + n))];
    const current = resolveSymbols(this.current, (s) => sym(s === 'g' ? 'c_g' : `p${postVars.indexOf(s)}`), where);
    const plan: KernelPlan = {
      arrays: arrays.map((a, i) => ({ name: i === 0 ? 'g' : i === 1 ? this.target : postVars[i - 2], type: arrayTypeOf(a) })),
      statesPerElement: 1,
      body: [
        { kind: 'load', local: 'c_g', array: 0 },
        { kind: 'load', local: 'c_target', array: 1 },
        ...postVars.map((_, i): KernelStatement => ({ kind: 'load', local: `p${i}`, array: i + 2 })),
        { kind: 'store', array: 1, value: add(sym('c_target'), current) },
      ],
    };
    const kernel = wasmKernelFor(plan, arrays, group.backend).kernel ?? compileKernelJs(plan).kernel;
    return () => kernel(n, 0, arrays);
  }
}

/** Conductance-based output: I = g * (E - V), added to the postsynaptic input (BrainPy's COBA). */
export class COBA extends SynOut {
  constructor({ E = 0 }: { E?: number } = {}) {
    super('COBA', 'g * (E - V)', { E });
  }
}

/** Current-based output: g added as it is to `target_var` (BrainPy's CUBA; default 'input'). */
export class CUBA extends SynOut {
  constructor({ target_var = 'input' }: { target_var?: string } = {}) {
    super('CUBA', 'g', {}, target_var);
  }
}
