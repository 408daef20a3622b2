import type { StepContext } from './context.js';
import { ParameterError, UnknownNameError } from './errors.js';
import type { NumericArray } from './matrix.js';

const nameCounters = new Map<string, number>();

/** A unique default name per class, as BrainPy gives them: LIF0, LIF1, Exponential0, ... */
function defaultName(className: string): string {
  const n = nameCounters.get(className) ?? 0;
  nameCounters.set(className, n + 1);
  return `${className}${n}`;
}

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface SystemOptions {
  name?: string;
}

/**
 * A node of the model tree: it owns state arrays (its variables), may have named children, and
 * advances one step in `update`. Networks order their children's updates; a user may subclass
 * this (or NeuGroup) and write `update()` by hand.
 */
export abstract class DynamicalSystem {
  readonly name: string;
  private readonly childMap = new Map<string, DynamicalSystem>();

  constructor(options: SystemOptions = {}) {
    const name = options.name ?? defaultName(new.target.name);
    if (!VALID_NAME.test(name)) throw new ParameterError(`name '${name}' must be an identifier (letters, digits, _)`);
    this.name = name;
  }

  /** Advance by one step. */
  abstract update(ctx: StepContext): void;

  /** The state arrays a monitor or an input may address by name. */
  variables(): Record<string, NumericArray> {
    return {};
  }

  /** Reset the per-step input accumulators (called by the runner after every step). */
  clearInputs(): void {
    for (const child of this.childMap.values()) child.clearInputs();
  }

  /** Called once before a run with the run's dt, so kernels can be compiled for it. */
  prepare(dt: number): void {
    for (const child of this.childMap.values()) child.prepare(dt);
  }

  protected addChild(name: string, child: DynamicalSystem): void {
    if (!VALID_NAME.test(name)) throw new ParameterError(`child name '${name}' must be an identifier`);
    if (this.childMap.has(name) && this.childMap.get(name) !== child) {
      throw new ParameterError(`'${this.name}' already has a child named '${name}'`);
    }
    this.childMap.set(name, child);
  }

  children(): ReadonlyMap<string, DynamicalSystem> {
    return this.childMap;
  }

  /** Every addressable variable path below this node ('E.V', 'E.spike', ...). */
  variablePaths(prefix = ''): string[] {
    const paths = Object.keys(this.variables()).map((v) => prefix + v);
    for (const [name, child] of this.childMap) paths.push(...child.variablePaths(`${prefix}${name}.`));
    return paths;
  }

  /** The array at a dotted path such as 'E.V'; the error lists the valid paths. */
  resolveVariable(path: string, what = 'variable'): NumericArray {
    const parts = path.split('.');
    const owner = parts.slice(0, -1).reduce<DynamicalSystem | undefined>((node, part) => node?.childMap.get(part), this);
    const array = owner?.variables()[parts[parts.length - 1]];
    if (!array) {
      const valid = this.variablePaths();
      throw new UnknownNameError(`unknown ${what} path '${path}'; valid paths are: ${valid.join(', ') || '(none)'}`);
    }
    return array;
  }
}
