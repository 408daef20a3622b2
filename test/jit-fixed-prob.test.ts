import { describe, expect, it } from 'vitest';
import { JitFixedProb } from '../bench/jit-synapse.js';

/** Connectivity generated on the fly (bench/jit-synapse.ts) must be a fixed Bernoulli(prob) network. */
describe('bench: JitFixedProb', () => {
  const numPost = 20000;
  const prob = 0.02;
  const conn = new JitFixedProb(500, numPost, prob, 42);
  const row = (c: JitFixedProb, i: number) => {
    const g = new Float64Array(numPost);
    c.addRow(g, i, 1);
    return g;
  };

  it('regenerates the same row for the same (seed, i), other rows for other i or seeds', () => {
    expect(Array.from(row(conn, 7))).toEqual(Array.from(row(conn, 7)));
    expect(Array.from(row(conn, 8))).not.toEqual(Array.from(row(conn, 7)));
    expect(Array.from(row(new JitFixedProb(500, numPost, prob, 43), 7))).not.toEqual(Array.from(row(conn, 7)));
  });

  it('has Bernoulli(prob) rows: mean and variance of the row length, no duplicate targets, uniform targets', () => {
    const lengths: number[] = [];
    const perQuarter = [0, 0, 0, 0];
    let notBinary = 0;
    for (let i = 0; i < 500; i++) {
      const g = row(conn, i);
      let n = 0;
      for (let j = 0; j < numPost; j++) {
        if (g[j] !== 0 && g[j] !== 1) notBinary++;
        n += g[j];
        perQuarter[Math.floor((4 * j) / numPost)] += g[j];
      }
      lengths.push(n);
    }
    expect(notBinary).toBe(0);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    const variance = lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / (lengths.length - 1);
    const expected = numPost * prob; // 400, binomial variance 392
    expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - prob)) / lengths.length));
    expect(variance / (expected * (1 - prob))).toBeGreaterThan(0.75);
    expect(variance / (expected * (1 - prob))).toBeLessThan(1.3);
    const total = perQuarter.reduce((a, b) => a + b, 0);
    for (const q of perQuarter) expect(Math.abs(q - total / 4)).toBeLessThan(4 * Math.sqrt(total / 4));
  });
});
