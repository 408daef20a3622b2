import { loadJoglekar, peakRise, simulateJoglekar } from './joglekar-model.js';

/** Sweep task for joglekar-fig2 (run in worker threads): area 24c's peak rise for one muEE. */
export interface MuEETask {
  dataDir: string;
  muEE: number;
  feedforwardOnly: boolean;
  amplitude: number;
  /** Default 19.7 (no GBA); Fig. 3F scales it with muEE. */
  omegaEI?: number;
  /** End of the peak window in s (default 5; Fig. 3F uses 3.5). */
  windowEnd?: number;
}

export function peak24c(task: MuEETask): number {
  const data = loadJoglekar(task.dataDir);
  const result = simulateJoglekar(data, task);
  return peakRise(result, data.n, data.n - 1, [1.75, task.windowEnd ?? 5]);
}
