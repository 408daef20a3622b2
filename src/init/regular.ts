import type { FloatArray } from '../core/matrix.js';
import type { Initializer } from './initializer.js';

/** Every value equal to `value` (default 1). */
export class OneInit implements Initializer {
  constructor(readonly value = 1) {}

  fill(out: FloatArray): void {
    out.fill(this.value);
  }

  describe(): string {
    return `Constant(value=${this.value})`;
  }
}

/** BrainPy's name for the same initialiser. */
export const Constant = OneInit;
export type Constant = OneInit;

/** Every value zero. */
export class ZeroInit implements Initializer {
  fill(out: FloatArray): void {
    out.fill(0);
  }

  describe(): string {
    return 'ZeroInit()';
  }
}
