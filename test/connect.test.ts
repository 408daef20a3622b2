import { describe, expect, it } from 'vitest';
import { All2All, type CSR, FixedProb, One2One, rowCounts, transposeCSR } from '../src/connect/index.js';
import { ParameterError } from '../src/core/errors.js';
import { seed } from '../src/core/random.js';

/** Throws unless every row's indices lie in [0, numCols) and increase strictly. */
function expectValidSortedRows(csr: CSR, allowDuplicates = false): void {
  expect(csr.indptr.length).toBe(csr.numRows + 1);
  expect(csr.indptr[0]).toBe(0);
  expect(csr.indptr[csr.numRows]).toBe(csr.indices.length);
  for (let r = 0; r < csr.numRows; r++) {
    for (let k = csr.indptr[r]; k < csr.indptr[r + 1]; k++) {
      const c = csr.indices[k];
      if (c < 0 || c >= csr.numCols) throw new Error(`row ${r}: index ${c} out of range`);
      const prev = csr.indices[k - 1];
      if (k > csr.indptr[r] && (allowDuplicates ? c < prev : c <= prev)) {
        throw new Error(`row ${r}: indices not sorted at ${k}`);
      }
    }
  }
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}

describe('FixedProb', () => {
  it('makes about N * M * p connections (within 4 standard deviations)', () => {
    const [n, m, p] = [2000, 3000, 0.05];
    const conn = new FixedProb(p, { seed: 1 }).build(n, m);
    const expected = n * m * p;
    const sd = Math.sqrt(n * m * p * (1 - p));
    expect(Math.abs(conn.numConnections - expected)).toBeLessThan(4 * sd);
    expect(conn.allToAll).toBe(false);
    expect(conn.numPre).toBe(n);
    expect(conn.numPost).toBe(m);
    expectValidSortedRows(conn.pre2post);
  });

  it('draws rows independently with binomial row counts and uniform targets', () => {
    const [n, m, p] = [4000, 1000, 0.1];
    const csr = new FixedProb(p, { seed: 7 }).build(n, m).pre2post;
    const counts = rowCounts(csr);
    // Row counts are Binomial(m, p): mean m p, variance m p (1 - p).
    expect(Math.abs(mean(counts) - m * p)).toBeLessThan(4 * Math.sqrt((m * p * (1 - p)) / n));
    expect(variance(counts) / (m * p * (1 - p))).toBeGreaterThan(0.85);
    expect(variance(counts) / (m * p * (1 - p))).toBeLessThan(1.15);
    // Independent rows share about m p^2 targets; correlated rows would share far more or fewer.
    const row = (r: number) => new Set(csr.indices.subarray(csr.indptr[r], csr.indptr[r + 1]));
    let shared = 0;
    for (let r = 0; r + 1 < n; r += 2) {
      const a = row(r);
      for (const c of row(r + 1)) if (a.has(c)) shared++;
    }
    const pairs = n / 2;
    const sharedMean = shared / pairs;
    expect(Math.abs(sharedMean - m * p * p)).toBeLessThan(4 * Math.sqrt((m * p * p) / pairs));
  });

  it('connects the first and last columns as often as any other (no off-by-one in the skipping)', () => {
    const [n, m, p] = [20000, 10, 0.3];
    const csr = new FixedProb(p, { seed: 3 }).build(n, m).pre2post;
    const perColumn = rowCounts(transposeCSR(csr));
    const sd = Math.sqrt(n * p * (1 - p));
    for (const count of perColumn) expect(Math.abs(count - n * p)).toBeLessThan(4 * sd);
  });

  it('leaves out the diagonal with include_self: false', () => {
    const [n, p] = [1500, 0.1];
    const conn = new FixedProb(p, { include_self: false, seed: 11 }).build(n, n);
    const csr = conn.pre2post;
    for (let i = 0; i < n; i++) {
      const row = csr.indices.subarray(csr.indptr[i], csr.indptr[i + 1]);
      expect(row.includes(i)).toBe(false);
    }
    const pairs = n * (n - 1);
    expect(Math.abs(conn.numConnections - pairs * p)).toBeLessThan(4 * Math.sqrt(pairs * p * (1 - p)));
    expect(conn.includeSelf).toBe(false);
    expect(new FixedProb(1, { include_self: false, seed: 1 }).build(50, 50).numConnections).toBe(50 * 49);
  });

  it('includes the diagonal by default, as BrainPy does', () => {
    const conn = new FixedProb(1, { seed: 1 }).build(40, 40);
    expect(conn.numConnections).toBe(1600);
    expect(conn.includeSelf).toBe(true);
  });

  it('rejects include_self: false between groups of different sizes', () => {
    expect(() => new FixedProb(0.1, { include_self: false }).build(10, 20)).toThrow(/10 != 20/);
  });

  it('gives identical connectivity for the same seed and different connectivity for another', () => {
    const a = new FixedProb(0.05, { seed: 42 }).build(500, 400).pre2post;
    const b = new FixedProb(0.05, { seed: 42 }).build(500, 400).pre2post;
    const c = new FixedProb(0.05, { seed: 43 }).build(500, 400).pre2post;
    expect(b.indptr).toEqual(a.indptr);
    expect(b.indices).toEqual(a.indices);
    expect(c.indices).not.toEqual(a.indices);
  });

  it('without a seed, takes its stream from the global stream at construction', () => {
    seed(5);
    const first = new FixedProb(0.05);
    const second = new FixedProb(0.05);
    seed(5);
    const again = new FixedProb(0.05);
    const a = first.build(300, 300).pre2post.indices;
    expect(second.build(300, 300).pre2post.indices).not.toEqual(a);
    expect(again.build(300, 300).pre2post.indices).toEqual(a);
  });

  it('handles prob 0 and 1', () => {
    expect(new FixedProb(0, { seed: 1 }).build(100, 100).numConnections).toBe(0);
    const full = new FixedProb(1, { seed: 1 }).build(30, 70);
    expect(full.numConnections).toBe(2100);
    expectValidSortedRows(full.pre2post);
  });

  it('connects exactly floor(numPre * pre_ratio) presynaptic neurons', () => {
    const csr = new FixedProb(1, { pre_ratio: 0.3, seed: 2 }).build(101, 20).pre2post;
    const counts = rowCounts(csr);
    expect(counts.filter((c) => c > 0).length).toBe(30);
    expect(counts.every((c) => c === 0 || c === 20)).toBe(true);
    const none = new FixedProb(0.5, { pre_ratio: 0, seed: 2 }).build(50, 50);
    expect(none.numConnections).toBe(0);
  });

  it('with allow_multi_conn draws floor(prob * numPost) targets per row with replacement', () => {
    const [n, m, p] = [200, 50, 0.9];
    const csr = new FixedProb(p, { allow_multi_conn: true, seed: 9 }).build(n, m).pre2post;
    expect(rowCounts(csr).every((c) => c === 45)).toBe(true);
    expectValidSortedRows(csr, true);
    // 45 draws out of 50 with replacement almost surely repeat within a row.
    let duplicates = 0;
    for (let k = 1; k < csr.indices.length; k++) {
      if (k % 45 !== 0 && csr.indices[k] === csr.indices[k - 1]) duplicates++;
    }
    expect(duplicates).toBeGreaterThan(0);
    const noSelf = new FixedProb(p, { allow_multi_conn: true, include_self: false, seed: 9 }).build(n, n);
    const s = noSelf.pre2post;
    for (let i = 0; i < n; i++) expect(s.indices.subarray(s.indptr[i], s.indptr[i + 1]).includes(i)).toBe(false);
  });

  it('validates prob and pre_ratio, naming the parameter', () => {
    expect(() => new FixedProb(1.5)).toThrow(ParameterError);
    expect(() => new FixedProb(1.5)).toThrow(/prob/);
    expect(() => new FixedProb(-0.1)).toThrow(/prob/);
    expect(() => new FixedProb(Number.NaN)).toThrow(/prob/);
    expect(() => new FixedProb(0.1, { pre_ratio: 2 })).toThrow(/pre_ratio/);
  });

  it('rejects sizes that are not non-negative integers', () => {
    expect(() => new FixedProb(0.1).build(-1, 10)).toThrow(/numPre = -1/);
    expect(() => new FixedProb(0.1).build(10, 2.5)).toThrow(/numPost = 2.5/);
  });

  it('builds 4000 x 4000 at p = 0.02 quickly', () => {
    const start = performance.now();
    const conn = new FixedProb(0.02, { seed: 1 }).build(4000, 4000);
    const ms = performance.now() - start;
    expect(conn.numConnections).toBeGreaterThan(300_000);
    expect(ms).toBeLessThan(500); // generous for slow CI; typically a few ms
  });
});

describe('CSR helpers', () => {
  it('transposeCSR round-trips and sorts the transposed rows', () => {
    const conn = new FixedProb(0.1, { seed: 4 }).build(300, 200);
    const t = transposeCSR(conn.pre2post);
    expect(t.numRows).toBe(200);
    expect(t.numCols).toBe(300);
    expectValidSortedRows(t);
    const back = transposeCSR(t);
    expect(back).toEqual(conn.pre2post);
  });

  it('post2pre is the transpose and is cached', () => {
    const conn = new FixedProb(0.1, { seed: 4 }).build(50, 80);
    expect(conn.post2pre).toEqual(transposeCSR(conn.pre2post));
    expect(conn.post2pre).toBe(conn.post2pre);
  });

  it('transposes a small known matrix', () => {
    // rows: 0 -> {1, 2}, 1 -> {}, 2 -> {0, 2}
    const csr: CSR = { indptr: Int32Array.of(0, 2, 2, 4), indices: Int32Array.of(1, 2, 0, 2), numRows: 3, numCols: 3 };
    const t = transposeCSR(csr);
    expect(Array.from(t.indptr)).toEqual([0, 1, 2, 4]);
    expect(Array.from(t.indices)).toEqual([2, 0, 0, 2]);
    expect(Array.from(rowCounts(csr))).toEqual([2, 0, 2]);
  });
});

describe('All2All', () => {
  it('counts connections and builds the index arrays on request', () => {
    const conn = new All2All().build(3, 4);
    expect(conn.allToAll).toBe(true);
    expect(conn.includeSelf).toBe(true);
    expect(conn.numConnections).toBe(12);
    expect(Array.from(conn.pre2post.indptr)).toEqual([0, 4, 8, 12]);
    expect(Array.from(conn.pre2post.indices)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    expect(conn.post2pre).toEqual(transposeCSR(conn.pre2post));
    expect(conn.pre2post).toBe(conn.pre2post);
  });

  it('leaves out (i, i) with include_self: false, also for rectangular groups', () => {
    const conn = new All2All({ include_self: false }).build(3, 4);
    expect(conn.includeSelf).toBe(false);
    expect(conn.numConnections).toBe(9);
    expect(Array.from(conn.pre2post.indices)).toEqual([1, 2, 3, 0, 2, 3, 0, 1, 3]);
    expect(conn.post2pre).toEqual(transposeCSR(conn.pre2post));
  });

  it('does not materialise N * M indices unless pre2post is asked for', () => {
    // 10^10 connections: building eagerly would fail or exhaust memory.
    const conn = new All2All().build(100_000, 100_000);
    expect(conn.numConnections).toBe(1e10);
    expect(conn.allToAll).toBe(true);
    expect(() => conn.pre2post).toThrow(ParameterError);
  });
});

describe('One2One', () => {
  it('connects i to i', () => {
    const conn = new One2One().build(5, 5);
    expect(conn.numConnections).toBe(5);
    expect(Array.from(conn.pre2post.indices)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(conn.post2pre.indptr)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('names both sizes when they differ', () => {
    expect(() => new One2One().build(10, 12)).toThrow(ParameterError);
    expect(() => new One2One().build(10, 12)).toThrow(/numPre = 10 != numPost = 12/);
  });
});
