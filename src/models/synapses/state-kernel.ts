import { NonFiniteStateError } from '../../core/errors.js';
import { type CompiledGroupKernel, compileGroupKernel } from '../../core/group-kernel.js';
import type { NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import { resolveMethod } from '../../integrators/methods.js';

/**
 * The integration step of a synapse's (or a plasticity rule's) state equations over its own
 * arrays: a model without threshold compiled by the group-kernel compiler, so every integration
 * method applies. Recompiled when dt changes; a non-finite value is reported by name.
 */
export class StateKernel {
  readonly method: string;
  private compiled: { dt: number; kernel: CompiledGroupKernel; arrays: NumericArray[] } | undefined;

  constructor(
    readonly model: Model,
    private readonly params: Readonly<Record<string, number>>,
    private readonly arrays: Readonly<Record<string, NumericArray>>,
    method: string,
    /** Who owns the state, for error messages ("synapse 'E2E'"). */
    private readonly owner: string,
  ) {
    this.method = resolveMethod(method, owner);
  }

  /** Advance every element by one step of dt at time t. */
  step(length: number, t: number, dt: number): void {
    if (this.compiled?.dt !== dt) {
      const kernel = compileGroupKernel(this.model, this.params, this.method, dt, undefined);
      this.compiled = { dt, kernel, arrays: kernel.arrayOrder.map((name) => this.arrays[name]) };
    }
    const status = this.compiled.kernel.kernel(length, t, this.compiled.arrays);
    if (status < 0) {
      const code = -status - 1;
      const states = this.model.states;
      const variable = states[code % states.length];
      const element = Math.floor(code / states.length);
      throw new NonFiniteStateError(
        `${this.owner}: ${this.model.name} variable '${variable}' of element ${element} became non-finite at t = ${t.toFixed(4)} ms; ` +
          'check the parameters or use a smaller dt',
      );
    }
  }
}
