/**
 * Neurodyn for Node.js: the browser-safe core plus what needs Node (figures written to files,
 * the terminal progress bar). In a browser, import 'neurodyn/browser'.
 */
import { setDefaultProgress } from './runner/progress.js';
import { terminalProgress } from './cli/progress-bar.js';

export * from './browser.js';
export * as visualize from './plot/visualize-node.js';
export * as io from './io/node-index.js';
export { parallelSweep, type ParallelSweepOptions, SweepTaskError } from './sweep/node.js';
export { KernelThreads, KernelThreadError } from './parallel/kernel-threads.js';

setDefaultProgress(terminalProgress);
