import { synapticStateNotFinite } from '../../core/errors.js';
import type { Backend } from '../../core/backend.js';
import { compileGroupKernel, incrementArray } from '../../core/group-kernel.js';
import type { GroupKernel } from '../../core/kernel-ir.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Model } from '../../core/model.js';
import { resolveMethod } from '../../integrators/methods.js';
import { wasmKernelFor } from '../../wasm/kernel-for.js';

/**
 * The integration step of a synapse's (or a plasticity rule's) state equations over its own
 * arrays: a model without threshold compiled by the group-kernel compiler, so every integration
 * method applies. Recompiled when dt changes; a non-finite value is reported by name. With
 * `increments`, each named state adds its increment array after the step and clears it (the
 * events a synapse collected), exactly as a fused postsynaptic kernel does. When the arrays live
 * in one WebAssembly arena, the kernel runs as WebAssembly under the same rule as a group's
 * (`backend`: 'auto' only where that is faster, see src/wasm/kernel-for.ts); the numbers are the same.
 */
export class StateKernel {
  readonly method: string;
  private compiled: { dt: number; run: GroupKernel; arrays: NumericArray[]; backend: 'js' | 'wasm' } | undefined;

  constructor(
    readonly model: Model,
    private readonly params: Readonly<Record<string, number>>,
    private readonly arrays: Readonly<Record<string, NumericArray>>,
    method: string,
    /** Who owns the state, for error messages ("synapse 'E2E'"). */
    private readonly owner: string,
    private readonly increments: Readonly<Record<string, FloatArray>> = {},
    private readonly backend: Backend = 'js',
  ) {
    this.method = resolveMethod(method, owner);
  }

  /** Which backend ran the last compiled kernel; undefined before the first step. */
  get kernelBackend(): 'js' | 'wasm' | undefined {
    return this.compiled?.backend;
  }

  /** Advance every element by one step of dt at time t. */
  step(length: number, t: number, dt: number): void {
    if (this.compiled?.dt !== dt) {
      const increments = Object.keys(this.increments);
      // float32 storage: the plan reads and writes float32 arrays (JavaScript would round the stores the same way).
      const float32 = Object.values(this.arrays).some((a) => a instanceof Float32Array);
      const kernel = compileGroupKernel(this.model, this.params, this.method, dt, undefined, { increments, float32 });
      const named: Record<string, NumericArray> = { ...this.arrays };
      for (const v of increments) named[incrementArray(v)] = this.increments[v];
      const arrays = kernel.arrayOrder.map((name) => named[name]);
      const wasm = wasmKernelFor(kernel.plan, arrays, this.backend);
      this.compiled = wasm.kernel ? { dt, run: wasm.kernel, arrays, backend: 'wasm' } : { dt, run: kernel.kernel, arrays, backend: 'js' };
    }
    const status = this.compiled.run(length, t, this.compiled.arrays);
    if (status < 0) {
      const code = -status - 1;
      const states = this.model.states;
      throw synapticStateNotFinite(this.owner, this.model.name, states[code % states.length], Math.floor(code / states.length), t);
    }
  }
}

