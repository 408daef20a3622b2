import { ParameterError } from './errors.js';

/** Initial content of the history: one number, one value per element, or a function of the size. */
export type InitialDelayData = number | ArrayLike<number> | ((size: number) => ArrayLike<number>);

/**
 * The last `delayLen` values of a variable, for delay equations and custom delayed models
 * (BrainPy's bm.LengthDelay): `update(x)` records a new value, `retrieve(d)` returns the value
 * recorded d updates ago (d = 0: the newest). At construction the newest entry is the target's
 * current value and the older ones are `initial` (default 0).
 */
export class LengthDelay {
  readonly size: number;
  readonly delayLen: number;
  private readonly data: Float64Array[];
  /** Slot the next update writes to: the oldest entry. */
  private next = 0;

  constructor(target: ArrayLike<number>, delayLen: number, initial: InitialDelayData = 0) {
    if (!Number.isInteger(delayLen) || delayLen < 0) throw new ParameterError(`LengthDelay delay_len must be a non-negative integer, got ${delayLen}`);
    this.size = target.length;
    this.delayLen = delayLen;
    this.data = Array.from({ length: delayLen + 1 }, () => new Float64Array(this.size));
    for (let s = 0; s < delayLen; s++) this.fill(this.data[s], typeof initial === 'function' ? initial(this.size) : initial);
    this.data[delayLen].set(target);
  }

  private fill(slot: Float64Array, values: number | ArrayLike<number>): void {
    if (typeof values === 'number') slot.fill(values);
    else if (values.length !== this.size) throw new ParameterError(`LengthDelay initial data has ${values.length} values for ${this.size} elements`);
    else slot.set(values);
  }

  private slotOf(delay: number): Float64Array {
    if (!Number.isInteger(delay) || delay < 0 || delay > this.delayLen) {
      throw new ParameterError(`LengthDelay: delay ${delay} is outside 0..${this.delayLen} steps`);
    }
    const length = this.data.length;
    return this.data[(((this.next - 1 - delay) % length) + length) % length];
  }

  /** Record the newest value (one per element). */
  update(values: ArrayLike<number>): void {
    if (values.length !== this.size) throw new ParameterError(`LengthDelay.update: ${values.length} values for ${this.size} elements`);
    this.data[this.next].set(values);
    this.next = (this.next + 1) % this.data.length;
  }

  /**
   * The values recorded `delay` updates ago: one delay for all elements (a view, valid until the
   * next update), or one delay per element (a new array).
   */
  retrieve(delay: number | ArrayLike<number>): Float64Array {
    if (typeof delay === 'number') return this.slotOf(delay);
    if (delay.length !== this.size) throw new ParameterError(`LengthDelay.retrieve: ${delay.length} delays for ${this.size} elements`);
    const out = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) out[k] = this.slotOf(delay[k])[k];
    return out;
  }

  /** The value of one element recorded `delay` updates ago. */
  at(delay: number, index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new ParameterError(`LengthDelay: index ${index} is outside 0..${this.size - 1}`);
    return this.slotOf(delay)[index];
  }
}
