import { Uniform } from '../src/init/index.js';
import { FHN } from '../src/models/rates/fhn.js';
import { Runner } from '../src/runner/runner.js';
import type { TaskContext } from '../src/sweep/sweep.js';

/** A sweep task for test/sweep.test.ts: FHN amplitude at one drive, from random initial values. */
export function fhnAmplitude(drive: number, { index }: TaskContext): { index: number; drive: number; x0: number; amplitude: number } {
  if (drive < 0) throw new Error(`negative drive ${drive}`);
  const fhn = new FHN(1, { x_ext: drive, x_initializer: new Uniform(0, 1) });
  const x0 = fhn.variables().x[0];
  const runner = new Runner(fhn, { monitors: ['x'], dt: 0.1, progress: false });
  runner.run(400);
  const x = runner.mon.get('x').data.subarray(2000);
  return { index, drive, x0, amplitude: Math.max(...x) - Math.min(...x) };
}
