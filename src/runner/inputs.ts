import type { DynamicalSystem } from '../core/dynamical-system.js';
import { ParameterError } from '../core/errors.js';
import type { Matrix2D, NumericArray } from '../core/matrix.js';
import { arenaOf } from '../wasm/arena.js';

export type InputOp = '=' | '+' | '-' | '*' | '/';
/** 'fix': a constant (number or one value per neuron); 'iter': one entry per step; 'func': a function of t. */
export type InputType = 'fix' | 'iter' | 'func';
type StepValue = number | ArrayLike<number>;
export type InputValue = StepValue | readonly StepValue[] | Matrix2D | ((t: number) => StepValue);

export interface InputSpecObject {
  target: string;
  value: InputValue;
  type?: InputType;
  op?: InputOp;
}
/** BrainPy's tuple form ['E.input', 20] or ['E.input', values, 'iter', '+'], or an object. */
export type InputSpec = readonly [string, InputValue, InputType?, InputOp?] | InputSpecObject;

const OPS: readonly InputOp[] = ['=', '+', '-', '*', '/'];

function apply(target: NumericArray, op: InputOp, value: StepValue): void {
  const n = target.length;
  if (typeof value === 'number') {
    // An array of a WebAssembly group: the same operation in a WebAssembly loop, several times faster.
    if (arenaOf(target)?.scalar(op, target, value)) return;
    switch (op) {
      case '=': target.fill(value); break;
      case '+': for (let j = 0; j < n; j++) target[j] += value; break;
      case '-': for (let j = 0; j < n; j++) target[j] -= value; break;
      case '*': for (let j = 0; j < n; j++) target[j] *= value; break;
      case '/': for (let j = 0; j < n; j++) target[j] /= value; break;
    }
    return;
  }
  switch (op) {
    case '=': for (let j = 0; j < n; j++) target[j] = value[j]; break;
    case '+': for (let j = 0; j < n; j++) target[j] += value[j]; break;
    case '-': for (let j = 0; j < n; j++) target[j] -= value[j]; break;
    case '*': for (let j = 0; j < n; j++) target[j] *= value[j]; break;
    case '/': for (let j = 0; j < n; j++) target[j] /= value[j]; break;
  }
}

function isMatrix(value: unknown): value is Matrix2D {
  return typeof value === 'object' && value !== null && 'rows' in value && 'cols' in value && 'data' in value;
}

/** An input bound to its target array; `valueAt(step, t)` gives the value for one step of a run. */
export class BoundInput {
  readonly target: NumericArray;
  readonly op: InputOp;
  readonly type: InputType;
  private readonly value: InputValue;
  private readonly path: string;

  constructor(system: DynamicalSystem, spec: InputSpec) {
    const { target, value, type, op } = Array.isArray(spec)
      ? { target: spec[0] as string, value: spec[1] as InputValue, type: spec[2] as InputType | undefined, op: spec[3] as InputOp | undefined }
      : (spec as InputSpecObject);
    this.path = target;
    this.target = system.resolveVariable(target, 'input');
    this.value = value;
    this.op = op ?? '+';
    if (!OPS.includes(this.op)) throw new ParameterError(`input '${target}': unknown operation '${op}'; use one of ${OPS.join(' ')}`);
    this.type = type ?? (typeof value === 'function' ? 'func' : 'fix');
    if (this.type === 'fix') this.checkWidth(value as StepValue, 'value');
    if (this.type === 'func' && typeof value !== 'function') throw new ParameterError(`input '${target}': type 'func' needs a function of t`);
  }

  private checkWidth(value: StepValue, what: string): void {
    if (typeof value === 'number') {
      if (Number.isNaN(value)) throw new ParameterError(`input '${this.path}': ${what} is NaN`);
      return;
    }
    if (value.length !== this.target.length) {
      throw new ParameterError(`input '${this.path}': ${what} has ${value.length} entries for ${this.target.length} neurons`);
    }
  }

  /** Check an 'iter' input is long enough for a run of `steps` steps starting at step 0. */
  checkSteps(steps: number): void {
    if (this.type !== 'iter') return;
    const length = isMatrix(this.value) ? this.value.rows : (this.value as ArrayLike<unknown>).length;
    if (length < steps) {
      throw new ParameterError(`input '${this.path}' (type 'iter') has ${length} steps but the run needs ${steps}`);
    }
  }

  applyAt(step: number, t: number): void {
    apply(this.target, this.op, this.valueAt(step, t));
  }

  private valueAt(step: number, t: number): StepValue {
    switch (this.type) {
      case 'fix':
        return this.value as StepValue;
      case 'func': {
        const v = (this.value as (t: number) => StepValue)(t);
        this.checkWidth(v, `the value at t = ${t} ms`);
        return v;
      }
      case 'iter': {
        if (isMatrix(this.value)) {
          const m = this.value;
          return m.cols === 1 ? m.data[step] : m.data.subarray(step * m.cols, (step + 1) * m.cols);
        }
        return (this.value as readonly StepValue[])[step];
      }
    }
  }
}
