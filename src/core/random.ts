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
  /**
   * The four 32-bit words a, b, c, d. In an Int32Array rather than four fields: V8 stored the
   * fields (seeded with unsigned values) as boxed doubles, and random() took 11 ns instead of 3.5.
   * Every operation is modulo 2^32, so the words' signedness does not change the output.
   */
  private readonly words = new Int32Array(4);
  private spareNormal = NaN;

  constructor(readonly seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`random seed must be a finite number, got ${seed}`);
    const mix = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
    for (let w = 0; w < 4; w++) this.words[w] = mix();
    for (let k = 0; k < 12; k++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.words;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
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
