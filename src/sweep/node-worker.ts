import { parentPort } from 'node:worker_threads';
import { runTask, type SweepTask } from './sweep.js';

/**
 * Worker-thread side of parallelSweep: imports the task module once per (module, export), then
 * runs each task message it receives and posts the result (or the error) back with its index.
 */
interface TaskMessage {
  module: string;
  exportName: string;
  index: number;
  value: unknown;
  seed: number;
}

const loaded = new Map<string, SweepTask<unknown, unknown>>();

async function taskOf(module: string, exportName: string): Promise<SweepTask<unknown, unknown>> {
  const key = `${module}#${exportName}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const exported = ((await import(module)) as Record<string, unknown>)[exportName];
  if (typeof exported !== 'function') throw new Error(`module ${module} has no exported function '${exportName}'`);
  loaded.set(key, exported as SweepTask<unknown, unknown>);
  return exported as SweepTask<unknown, unknown>;
}

parentPort?.on('message', (message: TaskMessage) => {
  void (async () => {
    try {
      const task = await taskOf(message.module, message.exportName);
      const result = await runTask(task, message.value, message.index, message.seed);
      parentPort?.postMessage({ index: message.index, result });
    } catch (error) {
      parentPort?.postMessage({ index: message.index, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  })();
});
