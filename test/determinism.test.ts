import { describe, expect, it } from 'vitest';
import { seed } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { buildEINet, cobaParams } from '../src/examples/ei-network.js';

function spikeTrain(seedValue: number): Uint8Array {
  seed(seedValue);
  const { net } = buildEINet(cobaParams(0.25));
  const runner = new Runner(net, { monitors: ['E.spike', 'I.spike'], inputs: [['E.input', 20], ['I.input', 20]], progress: false });
  runner.run(100);
  const e = runner.mon.get('E.spike').data as Uint8Array;
  const i = runner.mon.get('I.spike').data as Uint8Array;
  const all = new Uint8Array(e.length + i.length);
  all.set(e);
  all.set(i, e.length);
  return all;
}

describe('seeded runs', () => {
  it('give identical spike trains for the same seed and different ones for another seed', () => {
    const a = spikeTrain(42);
    const b = spikeTrain(42);
    const c = spikeTrain(43);
    expect(a.reduce((s, x) => s + x, 0)).toBeGreaterThan(100);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).not.toBe(0);
  });
});
