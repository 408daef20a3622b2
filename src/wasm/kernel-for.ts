import type { ArrayType, GroupKernel, KernelPlan, KernelRandom } from '../core/kernel-ir.js';
import type { NumericArray } from '../core/matrix.js';
import type { WasmArena } from './arena.js';
import { compileKernelWasm, slowerInWasm, WasmUnsupportedError } from './kernel-wasm.js';

const ELEMENT_TYPES: Readonly<Record<ArrayType, unknown>> = { f64: Float64Array, f32: Float32Array, u8: Uint8Array, i32: Int32Array };

/**
 * A plan compiled to WebAssembly over the arena its arrays live in, or why it runs as
 * JavaScript instead: an array outside the arena, a plan the backend cannot compile, a platform
 * that refuses (a browser's main thread limits synchronous compilation), or, when `onlyIfFaster`
 * (backend 'auto'), a kernel with functions measured slower in WebAssembly (slowerInWasm).
 */
export function wasmKernelFor(
  plan: KernelPlan,
  arrays: readonly NumericArray[],
  arena: WasmArena,
  rng: KernelRandom | undefined,
  onlyIfFaster: boolean,
): { kernel: GroupKernel; note?: undefined } | { kernel?: undefined; note: string } {
  const addresses = arrays.map((array) => arena.addressOf(array));
  const outside = addresses.indexOf(undefined);
  if (outside >= 0) return { note: `array '${plan.arrays[outside].name}' is not in the group's WebAssembly memory` };
  // WebAssembly reads memory as the plan says; JavaScript would read the typed array as it is.
  const mistyped = plan.arrays.findIndex((a, i) => ELEMENT_TYPES[a.type] !== arrays[i].constructor);
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
