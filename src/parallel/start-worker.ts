import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module next to the caller named `name` (without extension): the
 * compiled .js in the package, or, when running from TypeScript sources, the .ts file after
 * registering tsx inside the worker (Node 20 cannot start a .ts worker even with --import tsx).
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const url = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, callerUrl);
  if (!fromSources) return new Worker(url, options);
  return new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(url.href)});`, { ...options, eval: true });
}
