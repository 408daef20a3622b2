import type { StepContext } from '../core/context.js';
import { ParameterError } from '../core/errors.js';
import type { FloatArray } from '../core/matrix.js';
import { defineModel, type Model } from '../core/model.js';
import { NeuGroup, type NeuGroupOptions, type Size } from '../core/neu-group.js';
import { num, substitute } from '../expr/ast.js';
import { compileFunction, emit } from '../expr/emit.js';
import { simplify } from '../expr/simplify.js';
import { initialize, type InitValue } from '../init/index.js';

export type MapKernel = (n: number, A: readonly FloatArray[]) => void;

/**
 * A discrete-time system (BrainPy examples' HenonMap, LogisticMap): every step applies
 * x_{k+1} = F(x_k) to all variables at once, whatever dt is (the examples run with dt = 1).
 * The map is written in the model language, one new-value expression per variable, and
 * compiled into one loop; a parameter may be one number or one value per element.
 *
 * A map may diverge (the Hénon map for a = 2): values then become infinite or NaN and are kept,
 * since escaping to infinity is one of the behaviours such examples show.
 */
export class DiscreteMapGroup extends NeuGroup {
  readonly model: Model;
  readonly params: Readonly<Record<string, number | Float64Array>>;
  private readonly kernel: MapKernel;
  private readonly kernelArrays: FloatArray[];

  constructor(
    size: Size,
    name: string,
    map: Readonly<Record<string, string>>,
    params: Readonly<Record<string, number | ArrayLike<number>>>,
    initial: Readonly<Record<string, InitValue>>,
    options: NeuGroupOptions = {},
  ) {
    super(size, options);
    this.model = defineModel(name, { equations: map }, Object.keys(params));
    const values: Record<string, number | Float64Array> = {};
    for (const [p, value] of Object.entries(params)) {
      if (typeof value === 'number') values[p] = value;
      else if (value.length !== this.num) throw new ParameterError(`${name} parameter '${p}' has ${value.length} values for ${this.num} elements`);
      else values[p] = Float64Array.from(value);
    }
    this.params = values;
    const states = this.model.states;
    for (const v of states) {
      if (initial[v] === undefined) throw new ParameterError(`${name} needs an initial value for '${v}'`);
      this.addVariable(v, initialize(initial[v], this.num, 'float64', `${name} initial ${v}`));
    }
    const arrayParams = Object.keys(values).filter((p) => typeof values[p] !== 'number');
    const order = [...states, ...arrayParams];
    const resolve = (symbol: string) => {
      const i = order.indexOf(symbol);
      if (i < 0) return undefined;
      return i < states.length ? `c_${symbol}` : `a${i}[k]`;
    };
    const fold = (v: string) => simplify(substitute(this.model.equations[v], (s) => (typeof values[s] === 'number' ? num(values[s] as number) : undefined)));
    const lines = [
      ...order.map((_, i) => `const a${i} = A[${i}];`),
      'for (let k = 0; k < n; k++) {',
      ...states.map((v, i) => `const c_${v} = a${i}[k];`),
      ...states.map((v, i) => `a${i}[k] = ${emit(fold(v), resolve, `${name}: ${v} -> ${map[v]}`)};`),
      '}',
    ];
    this.kernel = compileFunction<MapKernel>(['n', 'A'], lines.join('\n'));
    const vars = this.variables();
    this.kernelArrays = order.map((v) => (vars[v] as FloatArray | undefined) ?? (values[v] as Float64Array));
  }

  update(_ctx: StepContext): void {
    this.kernel(this.num, this.kernelArrays);
    this.recordSpikes(0);
  }
}
