import { expect } from 'vitest';
import type { StepContext } from '../src/core/context.js';
import { NeuGroup } from '../src/core/neu-group.js';

/** A group that fires at given step indices: also shows that update() can be written by hand. */
export class ScheduledSpikes extends NeuGroup {
  constructor(
    size: number,
    private readonly schedule: ReadonlyMap<number, readonly number[]>,
  ) {
    super(size);
  }

  update(ctx: StepContext): void {
    this.spike.fill(0);
    const who = this.schedule.get(ctx.i) ?? [];
    who.forEach((k, n) => {
      this.spike[k] = 1;
      this.spikeList[n] = k;
    });
    this.recordSpikes(who.length);
  }
}

export function countSpikes(data: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < data.length; k++) n += data[k];
  return n;
}

/**
 * Fails at the first element that differs (Object.is: bit for bit, NaNs equal, -0 and +0 not),
 * naming `what` and the index. As fast as a loop, where toEqual on millions of values takes seconds.
 */
export function expectSameValues(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) expect.fail(`${what}[${k}]: ${actual[k]}, expected ${expected[k]}`);
  }
}
