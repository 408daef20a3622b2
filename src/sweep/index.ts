/** Browser-safe sweeps (sequential, seeded per task); Node's parallel runner is in sweep/node.ts. */
export { runTask, sweep, type SweepOptions, type SweepTask, taskSeed, type TaskContext } from './sweep.js';
