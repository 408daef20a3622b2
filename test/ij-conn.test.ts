import { describe, expect, it } from 'vitest';
import { IJConn } from '../src/connect/index.js';

describe('IJConn', () => {
  it('stores pairs as CSR rows with posts ascending, whatever the input order', () => {
    const c = new IJConn([2, 0, 2, 1, 0], [1, 3, 0, 2, 0]).build(3, 4);
    expect(Array.from(c.pre2post.indptr)).toEqual([0, 2, 3, 5]);
    expect(Array.from(c.pre2post.indices)).toEqual([0, 3, 2, 0, 1]);
    expect(c.numConnections).toBe(5);
    expect(Array.from(c.post2pre.indptr)).toEqual([0, 2, 3, 4, 5]);
  });

  it('names a pair outside the groups, and mismatched lengths', () => {
    expect(() => new IJConn([0, 5], [1, 1]).build(3, 4)).toThrow(/presynaptic index 5 of pair 1 is outside 0..2/);
    expect(() => new IJConn([0], [1, 2])).toThrow(/1 presynaptic but 2 postsynaptic/);
  });
});
