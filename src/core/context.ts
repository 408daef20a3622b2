import { requirePositive } from './errors.js';

/** What every component sees at one step: time t (ms), step index i, step size dt (ms). */
export interface StepContext {
  t: number;
  i: number;
  dt: number;
}

let defaultDt = 0.1;

/** The default integration step in ms (0.1 unless changed), used when a run does not set its own. */
export function getDt(): number {
  return defaultDt;
}

export function setDt(dt: number): void {
  defaultDt = requirePositive(dt, 'dt (ms)');
}
