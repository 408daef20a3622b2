import { ParameterError } from '../core/errors.js';
import { seed as seedGlobal } from '../core/random.js';

/**
 * Parameter sweeps: run one task over many parameter values and get the results in order.
 * Each task gets its own seed derived from the sweep's seed and the task's index, and the global
 * random stream is reset to it before the task runs, so a result depends only on (seed, index,
 * value): the same in this sequential runner, in any number of worker threads (sweep/node.ts),
 * and in any scheduling order.
 */

export interface TaskContext {
  /** Position of the value in the sweep. */
  readonly index: number;
  /** The task's own seed (the global stream is already reset to it). */
  readonly seed: number;
}

export type SweepTask<P, R> = (value: P, context: TaskContext) => R | Promise<R>;

export interface SweepOptions {
  /** Seed of the whole sweep (default 0). */
  seed?: number;
}

/** A 32-bit seed for task `index` of a sweep seeded with `seed` (splitmix32-style mixing). */
export function taskSeed(seed: number, index: number): number {
  if (!Number.isInteger(seed) || !Number.isInteger(index) || index < 0) throw new ParameterError(`taskSeed needs integer seed and index >= 0, got ${seed}, ${index}`);
  let z = (Math.imul(seed | 0, 0x9e3779b9) + Math.imul(index + 1, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Runs one task with its seed set; shared by the sequential runner and the worker threads. */
export async function runTask<P, R>(task: SweepTask<P, R>, value: P, index: number, seed: number): Promise<R> {
  const own = taskSeed(seed, index);
  seedGlobal(own);
  return task(value, { index, seed: own });
}

/** Runs the task over `values` one after another in this thread (browsers, or as a reference). */
export async function sweep<P, R>(task: SweepTask<P, R>, values: readonly P[], { seed = 0 }: SweepOptions = {}): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i++) results.push(await runTask(task, values[i], i, seed));
  return results;
}
