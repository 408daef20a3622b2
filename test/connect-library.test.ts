import { describe, expect, it } from 'vitest';
import { FixedPostNum, FixedPreNum, FixedProb, GridEight, GridFour, MatConn, ProbDist, rowCounts } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Exponential } from '../src/models/synapses/index.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

const meanVar = (xs: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < xs.length; k++) m += xs[k];
  m /= xs.length;
  let v = 0;
  for (let k = 0; k < xs.length; k++) v += (xs[k] - m) ** 2;
  return [m, v / (xs.length - 1)];
};

const pairsOf = (c: { pre2post: { indptr: Int32Array; indices: Int32Array; numRows: number } }) => {
  const out: string[] = [];
  for (let i = 0; i < c.pre2post.numRows; i++) for (let k = c.pre2post.indptr[i]; k < c.pre2post.indptr[i + 1]; k++) out.push(`${i}-${c.pre2post.indices[k]}`);
  return out;
};

describe('FixedProb statistics', () => {
  it('in-degrees have the binomial mean N p and variance N p (1 - p)', () => {
    const [N, M, p] = [2000, 1500, 0.1];
    const conn = new FixedProb(p, { seed: 11 }).build(N, M);
    const [mean, variance] = meanVar(rowCounts(conn.post2pre));
    const expectedVar = N * p * (1 - p);
    expect(Math.abs(mean - N * p)).toBeLessThan(4 * Math.sqrt(expectedVar / M));
    // Standard error of a sample variance of M values: var * sqrt(2 / (M - 1)).
    expect(Math.abs(variance - expectedVar)).toBeLessThan(4 * expectedVar * Math.sqrt(2 / (M - 1)));
  });
});

describe('FixedPreNum and FixedPostNum', () => {
  it('give every row exactly num distinct partners, uniformly spread over the other side', () => {
    const post = new FixedPostNum(30, { seed: 1 }).build(400, 200);
    expect(Array.from(rowCounts(post.pre2post)).every((c) => c === 30)).toBe(true);
    const pre = new FixedPreNum(25, { seed: 2 }).build(300, 500);
    expect(Array.from(rowCounts(pre.post2pre)).every((c) => c === 25)).toBe(true);
    // In-degree of FixedPostNum: each pre picks each post with probability 30/200.
    const [mean, variance] = meanVar(rowCounts(post.post2pre));
    expect(mean).toBe((400 * 30) / 200);
    const q = 30 / 200;
    expect(Math.abs(variance - 400 * q * (1 - q))).toBeLessThan(0.35 * 400 * q * (1 - q));
    for (const c of [post, pre]) {
      const pairs = pairsOf(c);
      expect(new Set(pairs).size).toBe(pairs.length);
    }
  });

  it('exclude self-pairs, take a fraction of the other side, allow duplicates only when asked, and are seeded', () => {
    const c = new FixedPostNum(0.5, { include_self: false, seed: 3 }).build(10, 10);
    expect(pairsOf(c).every((p) => p.split('-')[0] !== p.split('-')[1])).toBe(true);
    expect(c.numConnections).toBe(50);
    const all = new FixedPreNum(9, { include_self: false, seed: 3 }).build(10, 10);
    expect(all.numConnections).toBe(90);
    expect(pairsOf(new FixedPostNum(5, { seed: 9 }).build(20, 30))).toEqual(pairsOf(new FixedPostNum(5, { seed: 9 }).build(20, 30)));
    const multi = new FixedPostNum(50, { allow_multi_conn: true, seed: 4 }).build(5, 10);
    expect(new Set(pairsOf(multi)).size).toBeLessThan(250);
    expect(new FixedPostNum(10).build(3, 10).numConnections).toBe(30);
    expect(() => new FixedPostNum(11).build(3, 5)).toThrow(/11 distinct partners out of 5/);
    expect(() => new FixedPreNum(2.5)).toThrow(/num must be/);
  });
});

describe('grids', () => {
  it('GridFour and GridEight give 4 and 8 neighbours inside a 2-D grid, fewer at edges, all of them on a torus', () => {
    const four = new GridFour().build(20, 20, { pre: [4, 5], post: [4, 5] });
    const eight = new GridEight().build(20, 20, { pre: [4, 5], post: [4, 5] });
    const at = (r: number, c: number) => r * 5 + c;
    const row = (conn: typeof four, i: number) => Array.from(conn.pre2post.indices.subarray(conn.pre2post.indptr[i], conn.pre2post.indptr[i + 1]));
    expect(row(four, at(1, 1))).toEqual([at(0, 1), at(1, 0), at(1, 2), at(2, 1)]);
    expect(row(eight, at(1, 1))).toEqual([at(0, 0), at(0, 1), at(0, 2), at(1, 0), at(1, 2), at(2, 0), at(2, 1), at(2, 2)]);
    expect(row(four, at(0, 0))).toEqual([at(0, 1), at(1, 0)]);
    expect(row(eight, at(0, 0)).length).toBe(3);
    const torus = new GridEight({ periodic_boundary: true, include_self: true }).build(20, 20, { pre: [4, 5], post: [4, 5] });
    expect(Array.from(rowCounts(torus.pre2post)).every((c) => c === 9)).toBe(true);
    expect(pairsOf(new GridFour().build(5, 5))).toEqual(['0-1', '1-0', '1-2', '2-1', '2-3', '3-2', '3-4', '4-3']);
  });

  it('takes the shape from a 2-D group inside a synapse', () => {
    const grid = new LIF([3, 3], { V_th: 1e9 });
    const syn = new Exponential(grid, grid, new GridFour());
    expect(syn.conn.numConnections).toBe(4 * 2 + 4 * 3 + 4);
    expect(() => new GridFour().build(6, 6, { pre: [2, 3], post: [3, 2] })).toThrow(/must be equal/);
  });
});

describe('ProbDist', () => {
  it('connects only within the distance, with probability prob, and only pre_ratio of the presynaptic neurons', () => {
    const side = 40;
    const conn = new ProbDist({ dist: 2, prob: 0.3, seed: 5 }).build(side * side, side * side, { pre: [side, side], post: [side, side] });
    const { indptr, indices } = conn.pre2post;
    let maxDistance = 0;
    for (let i = 0; i < side * side; i++) {
      for (let k = indptr[i]; k < indptr[i + 1]; k++) {
        const j = indices[k];
        maxDistance = Math.max(maxDistance, Math.hypot(Math.floor(i / side) - Math.floor(j / side), (i % side) - (j % side)));
      }
    }
    expect(maxDistance).toBeLessThanOrEqual(2);
    // Interior neurons have 13 cells within distance 2 (self included): expect 0.3 * 13 each.
    let interior = 0;
    let count = 0;
    for (let r = 2; r < side - 2; r++) {
      for (let c = 2; c < side - 2; c++) {
        interior += indptr[r * side + c + 1] - indptr[r * side + c];
        count++;
      }
    }
    const mean = interior / count;
    expect(Math.abs(mean - 0.3 * 13)).toBeLessThan(4 * Math.sqrt((13 * 0.3 * 0.7) / count));

    const sparse = new ProbDist({ dist: 2, prob: 1, pre_ratio: 0.2, seed: 6 }).build(1000, 1000);
    const active = Array.from(rowCounts(sparse.pre2post)).filter((c) => c > 0).length;
    expect(Math.abs(active - 200)).toBeLessThan(4 * Math.sqrt(1000 * 0.2 * 0.8));
  });
});

describe('MatConn', () => {
  it('connects the non-zero entries, with the entries as weights in pre2post order', () => {
    const m = new MatConn([
      [0, 0.5, 0],
      [2, 0, 3],
    ]);
    const c = m.build(2, 3);
    expect(pairsOf(c)).toEqual(['0-1', '1-0', '1-2']);
    expect(Array.from(m.weights())).toEqual([0.5, 2, 3]);
    expect(pairsOf(new MatConn({ data: [1, 0, 0, 1], rows: 2, cols: 2 }).build(2, 2))).toEqual(['0-0', '1-1']);
    expect(() => m.build(3, 2)).toThrow(/2 x 3/);
    expect(() => new MatConn([[1, 2], [3]])).toThrow(/row 1 has 1/);
  });

  it('drives a synapse with per-connection weights', () => {
    const pre = new ScheduledSpikes(2, new Map([[0, [1]]]));
    const post = new LIF(3, { V_th: 1e9 });
    const m = new MatConn([
      [0, 0.5, 0],
      [2, 0, 3],
    ]);
    const syn = new Exponential(pre, post, m, { g_max: m.weights() });
    const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g'], progress: false });
    runner.run(0.2);
    expect(Array.from(runner.mon.get('syn.g').data.subarray(3, 6))).toEqual([2, 0, 3]);
  });
});
