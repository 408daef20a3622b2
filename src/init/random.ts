import { ParameterError } from '../core/errors.js';
import type { FloatArray } from '../core/matrix.js';
import { type RandomStream, streamFor } from '../core/random.js';
import type { Initializer } from './initializer.js';

export interface SeedOption {
  /** Own seed; without it the stream is drawn from the global stream when the initialiser is created. */
  seed?: number;
}

/** Independent normal values with mean `mean` and standard deviation `scale`. */
export class Normal implements Initializer {
  private readonly stream: RandomStream;

  constructor(
    readonly mean = 0,
    readonly scale = 1,
    { seed }: SeedOption = {},
  ) {
    requireFinite(mean, 'Normal mean');
    if (!(scale >= 0) || !Number.isFinite(scale)) {
      throw new ParameterError(`Normal scale (standard deviation) must be finite and >= 0, got ${scale}`);
    }
    this.stream = streamFor(seed);
  }

  fill(out: FloatArray): void {
    for (let i = 0; i < out.length; i++) out[i] = this.mean + this.scale * this.stream.normal();
  }

  describe(): string {
    return `Normal(mean=${this.mean}, scale=${this.scale})`;
  }
}

/** Independent values uniform in [min_val, max_val) (float32 rounding can reach max_val). */
export class Uniform implements Initializer {
  private readonly stream: RandomStream;

  constructor(
    readonly min_val = 0,
    readonly max_val = 1,
    { seed }: SeedOption = {},
  ) {
    requireFinite(min_val, 'Uniform min_val');
    requireFinite(max_val, 'Uniform max_val');
    if (max_val < min_val) {
      throw new ParameterError(`Uniform needs min_val <= max_val, got min_val=${min_val} > max_val=${max_val}`);
    }
    this.stream = streamFor(seed);
  }

  fill(out: FloatArray): void {
    for (let i = 0; i < out.length; i++) out[i] = this.stream.uniform(this.min_val, this.max_val);
  }

  describe(): string {
    return `Uniform(min_val=${this.min_val}, max_val=${this.max_val})`;
  }
}

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new ParameterError(`${what} must be a finite number, got ${value}`);
}
