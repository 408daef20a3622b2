import { synapticStateNotFinite } from '../../core/errors.js';
import { type CompiledGroupKernel, compileGroupKernel, incrementArray } from '../../core/group-kernel.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import { resolveMethod } from '../../integrators/methods.js';

/**
 * The integration step of a synapse's (or a plasticity rule's) state equations over its own
 * arrays: a model without threshold compiled by the group-kernel compiler, so every integration
 * method applies. Recompiled when dt changes; a non-finite value is reported by name. With
 * `increments`, each named state adds its increment array after the step and clears it (the
 * events a synapse collected), exactly as a fused postsynaptic kernel does.
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
    private readonly increments: Readonly<Record<string, FloatArray>> = {},
  ) {
    this.method = resolveMethod(method, owner);
  }

  /** Advance every element by one step of dt at time t. */
  step(length: number, t: number, dt: number): void {
    if (this.compiled?.dt !== dt) {
      const increments = Object.keys(this.increments);
      const kernel = compileGroupKernel(this.model, this.params, this.method, dt, undefined, { increments });
      const named: Record<string, NumericArray> = { ...this.arrays };
      for (const v of increments) named[incrementArray(v)] = this.increments[v];
      this.compiled = { dt, kernel, arrays: kernel.arrayOrder.map((name) => named[name]) };
    }
    const status = this.compiled.kernel.kernel(length, t, this.compiled.arrays);
    if (status < 0) {
      const code = -status - 1;
      const states = this.model.states;
      throw synapticStateNotFinite(this.owner, this.model.name, states[code % states.length], Math.floor(code / states.length), t);
    }
  }
}

