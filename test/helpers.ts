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
