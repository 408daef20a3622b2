import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { NeurodynError, ParameterError } from '../core/errors.js';
import { startModuleWorker } from '../parallel/start-worker.js';
import type { SweepOptions } from './sweep.js';

/**
 * Parallel parameter sweeps on Node's worker threads (BrainPy's vmap/jit sweeps of seed 003):
 * the task is a function exported by a module (functions cannot be sent to threads), each value
 * is sent to the next free worker, and the results come back in the order of `values`. Seeds
 * are per task (see sweep.ts), so results do not depend on the number of workers.
 */
export interface ParallelSweepOptions extends SweepOptions {
  /** Number of worker threads; default: the machine's available parallelism, at most one per value. */
  workers?: number;
  /** Name of the task function exported by the module; default 'default'. */
  exportName?: string;
}

export class SweepTaskError extends NeurodynError {}

const startWorker = (): Worker => startModuleWorker(import.meta.url, 'node-worker');

/**
 * Runs `module`'s exported task over `values` on worker threads; `module` is a URL or an absolute
 * path of an ES module (e.g. `new URL('./task.js', import.meta.url)`). Values and results must be
 * structured-cloneable (numbers, arrays, typed arrays, plain objects).
 */
export async function parallelSweep<P, R>(module: URL | string, values: readonly P[], options: ParallelSweepOptions = {}): Promise<R[]> {
  const { seed = 0, exportName = 'default' } = options;
  const wanted = options.workers ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) throw new ParameterError(`parallelSweep: workers must be a positive integer, got ${wanted}`);
  const count = Math.min(wanted, values.length);
  if (values.length === 0) return [];
  const href = module instanceof URL ? module.href : new URL(module, 'file://').href;
  const results = new Array<R>(values.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= values.length) return;
        const index = next++;
        worker.postMessage({ module: href, exportName, index, value: values[index], seed });
      };
      for (let w = 0; w < count; w++) {
        const worker = startWorker();
        workers.push(worker);
        worker.on('message', (message: { index: number; result?: R; error?: string }) => {
          if (message.error !== undefined) {
            reject(new SweepTaskError(`parallelSweep: task ${message.index} (value ${JSON.stringify(values[message.index])}) of ${href}#${exportName} failed: ${message.error}`));
            return;
          }
          results[message.index] = message.result as R;
          if (++done === values.length) resolve();
          else send(worker);
        });
        worker.on('error', (error) => reject(new SweepTaskError(`parallelSweep: a worker failed: ${error.message}`)));
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
