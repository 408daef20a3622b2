import { arrayTypeOf, type GroupKernel, type KernelPlan, type KernelRandom } from '../core/kernel-ir.js';
import type { NumericArray } from '../core/matrix.js';
import type { Backend } from '../core/backend.js';
import { arenaOf } from './arena.js';
import { compileKernelWasm, slowerInWasm, WasmUnsupportedError } from './kernel-wasm.js';

/**
 * A plan compiled to WebAssembly over the arena its arrays live in, when `backend` chooses
 * WebAssembly, or else nothing (backend 'js', or arrays in no arena) or why it runs as JavaScript
 * instead: an array outside the first array's arena or not of the plan's type, a plan the backend
 * cannot compile, a platform that refuses (a browser's main thread limits synchronous
 * compilation), or, under 'auto', a kernel with functions measured slower in WebAssembly
 * (slowerInWasm). The same rule for group kernels, synapse state kernels and synaptic outputs.
 */
export function wasmKernelFor(
  plan: KernelPlan,
  arrays: readonly NumericArray[],
  backend: Backend,
  rng?: KernelRandom,
): { kernel: GroupKernel; note?: undefined } | { kernel?: undefined; note?: string } {
  const arena = arrays.length > 0 ? arenaOf(arrays[0]) : undefined;
  if (backend === 'js' || !arena) return {};
  const onlyIfFaster = backend === 'auto';
  const addresses = arrays.map((array) => arena.addressOf(array));
  const outside = addresses.indexOf(undefined);
  if (outside >= 0) return { note: `array '${plan.arrays[outside].name}' is not in the group's WebAssembly memory` };
  // WebAssembly reads memory as the plan says; JavaScript would read the typed array as it is.
  const mistyped = plan.arrays.findIndex((a, i) => arrayTypeOf(arrays[i]) !== a.type);
  if (mistyped >= 0) return { note: `array '${plan.arrays[mistyped].name}' is a ${arrays[mistyped].constructor.name}, not the plan's ${plan.arrays[mistyped].type}` };
  const slower = onlyIfFaster ? slowerInWasm(plan) : [];
  if (slower.length > 0) {
    return { note: `the kernel calls ${slower.join(', ')}, which run faster in a JavaScript kernel; backend 'wasm' forces WebAssembly` };
  }
  try {
    return { kernel: compileKernelWasm(plan, arena, addresses as number[], rng) };
  } catch (error) {
    if (error instanceof WasmUnsupportedError) return { note: error.reason };
    if (error instanceof RangeError) return { note: `WebAssembly compilation failed (${error.message})` };
    throw error;
  }
}
