/**
 * The spike lists of a group's last few steps, as a ring buffer, for synapses with a
 * homogeneous delay of d steps: entry 0 is the current step, entry d the one d steps ago.
 */
export class SpikeHistory {
  private lists: Int32Array[];
  private counts: Int32Array;
  private head = 0;

  constructor(
    private readonly size: number,
    maxDelay: number,
  ) {
    this.lists = Array.from({ length: maxDelay + 1 }, () => new Int32Array(size));
    this.counts = new Int32Array(maxDelay + 1);
  }

  get maxDelay(): number {
    return this.lists.length - 1;
  }

  /** Grow to hold at least `delay` steps of history (keeps what is recorded). */
  ensure(delay: number): void {
    while (this.maxDelay < delay) {
      // Insert an empty slot just before the oldest entry so ages of existing entries are kept.
      const oldest = (this.head + 1) % this.lists.length;
      this.lists.splice(oldest, 0, new Int32Array(this.size));
      const counts = Array.from(this.counts);
      counts.splice(oldest, 0, 0);
      this.counts = Int32Array.from(counts);
      if (oldest <= this.head) this.head++;
    }
  }

  push(list: Int32Array, count: number): void {
    this.head = (this.head + 1) % this.lists.length;
    this.lists[this.head].set(list.subarray(0, count));
    this.counts[this.head] = count;
  }

  /** Indices of the neurons that spiked `delay` steps ago. */
  get(delay: number): Int32Array {
    const slot = (this.head - delay + this.lists.length) % this.lists.length;
    return this.lists[slot].subarray(0, this.counts[slot]);
  }

  clear(): void {
    this.counts.fill(0);
  }
}
