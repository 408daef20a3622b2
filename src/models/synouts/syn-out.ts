import { type Expr, num, substitute, symbolsOf } from '../../expr/ast.js';
import { compileFunction, emit } from '../../expr/emit.js';
import { parseExpression } from '../../expr/parse.js';
import { simplify } from '../../expr/simplify.js';
import { EquationError } from '../../core/errors.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';

type OutputKernel = (n: number, offset: number, arrays: readonly NumericArray[]) => void;

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

  /** A function that applies this output of conductance g (one value per post neuron). */
  bind(post: Population, g: FloatArray, synapse: string): () => void {
    const vars = post.group.variables();
    const where = `${this.name} output of synapse '${synapse}'`;
    const target = vars[this.target];
    if (!target) {
      throw new EquationError(`${where}: postsynaptic group '${post.group.name}' has no variable '${this.target}' (it has ${Object.keys(vars).join(', ')})`);
    }
    const postVars = [...symbolsOf(this.current)].filter((s) => s !== 'g');
    for (const s of postVars) {
      if (!vars[s]) throw new EquationError(`${where}: unknown symbol '${s}'; the current may use g, its parameters and the post variables ${Object.keys(vars).join(', ')}`);
    }
    const arrays: NumericArray[] = [g, target, ...postVars.map((s) => vars[s])];
    const code = emit(this.current, (s) => (s === 'g' ? 'g[j]' : postVars.includes(s) ? `p${postVars.indexOf(s)}[j + offset]` : undefined), where);
    const body = [
      'const g = A[0], target = A[1];',
      ...postVars.map((_, i) => `const p${i} = A[${i + 2}];`),
      `for (let j = 0; j < n; j++) target[j + offset] += ${code};`,
    ].join('\n');
    const kernel = compileFunction<OutputKernel>(['n', 'offset', 'A'], body);
    const { num: n, offset } = post;
    return () => kernel(n, offset, arrays);
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
