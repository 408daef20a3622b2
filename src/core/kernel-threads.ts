import type { CompiledGroupKernel } from './group-kernel.js';
import type { GroupKernel } from './kernel-ir.js';
import type { NumericArray } from './matrix.js';
import type { EventPathway } from './range-events.js';
import type { WasmArena } from '../wasm/arena.js';

/** A group whose kernel runs as WebAssembly: the threads run its plan as WebAssembly too, over the same memory. */
export interface WasmThreading {
  readonly arena: WasmArena;
  /** The main thread's compiled kernel (which runs the first range). */
  readonly run: GroupKernel;
}

/**
 * Threads that share the update of large groups (KernelThreads in src/parallel/ on Node). A
 * group's arrays live in shared memory (see matrix.ts), so every thread runs the same generated
 * kernel in place over its own range of neurons; the spike lists are concatenated in range order,
 * so spikes and states are exactly those of one thread.
 */
export interface KernelThreadPool {
  readonly threads: number;
  /**
   * Prepare a kernel of a group of n neurons to run split; `spikeList` receives the merged spikes.
   * Each thread first adds the `events` onto its own range (they must be in shared memory).
   */
  split(kernel: CompiledGroupKernel, arrays: readonly NumericArray[], n: number, spikeList: Int32Array, owner: string, extras?: SplitExtras): SplitKernel;
}

export interface SplitExtras {
  /** The group's kernel runs as WebAssembly. */
  readonly wasm?: WasmThreading;
  /** Synaptic events the threads deliver to their ranges before each step. */
  readonly events?: readonly EventPathway[];
}

export interface SplitKernel {
  /**
   * One step at time t (previousCount: length of the group's previous spike list). Returns the
   * spike count, or the kernel's failure code (< 0) of the first range that failed.
   */
  step(t: number, previousCount: number): number;
}

/** Groups smaller than this per thread stay on one thread: the hand-over would cost more than it saves. */
export const MIN_NEURONS_PER_THREAD = 1000;
