/**
 * Seeded random streams. Every component that draws random numbers owns a `RandomStream`,
 * so one seed gives a bit-identical run on every machine. The generator is sfc32
 * (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state, passes PractRand),
 * seeded through splitmix32; doubles take 53 random bits from two outputs.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = NaN;

  constructor(readonly seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`random seed must be a finite number, got ${seed}`);
    const mix = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let k = 0; k < 12; k++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** Standard normal deviate (Marsaglia polar method; the second deviate is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = NaN;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** Integer in [0, n). */
  integer(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** A new independent stream whose seed is drawn from this one. */
  child(): RandomStream {
    return new RandomStream(this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11));
  }
}

let globalStream = new RandomStream(0);

/**
 * Reset the global stream. Components created afterwards draw their own stream seeds from it in
 * creation order, so the same program with the same seed builds and runs bit-identically.
 */
export function seed(value: number): void {
  globalStream = new RandomStream(value);
}

/** A fresh stream for a component: from its own seed if given, else from the global stream. */
export function streamFor(ownSeed?: number): RandomStream {
  return ownSeed === undefined ? globalStream.child() : new RandomStream(ownSeed);
}
