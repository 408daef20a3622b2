import { choiceChecker } from './choice.js';

/**
 * How a group's generated kernel runs: 'js' (generated JavaScript, everywhere), 'wasm' (the same
 * plan compiled to WebAssembly, with the group's arrays in one WebAssembly memory; same numbers,
 * faster loops) or 'auto' (arrays in WebAssembly memory, and each kernel WebAssembly unless it
 * calls functions measured faster in JavaScript: log, tanh, randn(), ..., and exp or expm1 unless
 * the kernel runs in SIMD lanes, src/wasm/kernel-pairs.ts). A kernel
 * the WebAssembly backend cannot compile runs as JavaScript over the same arrays;
 * `group.kernelBackend` says which ran and `group.kernelNote` why.
 */
export type Backend = 'auto' | 'js' | 'wasm';

const BACKENDS: readonly Backend[] = ['auto', 'js', 'wasm'];
/** 'auto' where the platform can share WebAssembly memory (Node; cross-origin isolated pages), else JavaScript. */
let defaultBackend: Backend = typeof SharedArrayBuffer === 'function' && typeof WebAssembly === 'object' ? 'auto' : 'js';

export const checkBackend = choiceChecker(BACKENDS, 'backend');

/** Backend new groups use unless they are given one. */
export function getBackend(): Backend {
  return defaultBackend;
}

export function setBackend(backend: Backend): void {
  defaultBackend = checkBackend(backend, 'setBackend');
}
