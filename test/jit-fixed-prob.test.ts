import { describe, expect, it } from 'vitest';
import { JitFixedProb } from '../src/connect/jit-fixed-prob.js';
import { ParameterError } from '../src/core/errors.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { JitExponential } from '../src/models/synapses/jit-exponential.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { Runner } from '../src/runner/runner.js';

/** Connectivity generated on the fly must be a fixed Bernoulli(prob) network, as FixedProb draws it. */
describe('JitFixedProb', () => {
  const numPre = 2000;
  const numPost = 2000;
  const prob = 0.02;
  const conn = new JitFixedProb(numPre, numPost, prob, 42);
  const row = (c: JitFixedProb, i: number) => {
    const g = new Float64Array(c.numPost);
    c.addRow(g, i, 1);
    return g;
  };
  const moments = (xs: ArrayLike<number>) => {
    let sum = 0;
    for (let k = 0; k < xs.length; k++) sum += xs[k];
    const mean = sum / xs.length;
    let ss = 0;
    for (let k = 0; k < xs.length; k++) ss += (xs[k] - mean) ** 2;
    return { mean, variance: ss / (xs.length - 1) };
  };

  it('regenerates the same row for the same (seed, i), other rows for other i or seeds', () => {
    expect(Array.from(row(conn, 7))).toEqual(Array.from(row(conn, 7)));
    expect(Array.from(row(conn, 8))).not.toEqual(Array.from(row(conn, 7)));
    expect(Array.from(row(new JitFixedProb(numPre, numPost, prob, 43), 7))).not.toEqual(Array.from(row(conn, 7)));
    expect(Array.from(row(new JitFixedProb(numPre, numPost, prob, 42), 7))).toEqual(Array.from(row(conn, 7)));
  });

  it('has binomial(numPre, prob) in-degrees and binomial(numPost, prob) out-degrees, no duplicate pairs', () => {
    const inDegree = new Float64Array(numPost);
    const outDegree = new Float64Array(numPre);
    let notBinary = 0;
    for (let i = 0; i < numPre; i++) {
      const g = row(conn, i);
      for (let j = 0; j < numPost; j++) {
        if (g[j] !== 0 && g[j] !== 1) notBinary++;
        inDegree[j] += g[j];
        outDegree[i] += g[j];
      }
    }
    expect(notBinary).toBe(0);
    for (const [degrees, n] of [[inDegree, numPre], [outDegree, numPost]] as const) {
      const { mean, variance } = moments(degrees);
      const expected = n * prob; // 40, binomial variance 39.2
      expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - prob)) / degrees.length));
      expect(variance / (expected * (1 - prob))).toBeGreaterThan(0.85);
      expect(variance / (expected * (1 - prob))).toBeLessThan(1.15);
    }
    const total = inDegree.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - conn.numConnections)).toBeLessThan(4 * Math.sqrt(conn.numConnections));
  });

  it('writes a row at an offset into a larger array, the same targets shifted', () => {
    const plain = row(conn, 3);
    const shifted = new Float64Array(numPost + 100);
    conn.addRow(shifted, 3, 1, 100);
    expect(Array.from(shifted.subarray(100))).toEqual(Array.from(plain));
    expect(shifted.subarray(0, 100).every((v) => v === 0)).toBe(true);
  });

  it('refuses bad parameters with a message naming them, and stores no CSR', () => {
    expect(() => new JitFixedProb(10, 10, 1.5, 1)).toThrow(/prob must be in \(0, 1\), got 1.5/);
    expect(() => new JitFixedProb(10.5, 10, 0.1, 1)).toThrow(/numPre must be a non-negative integer/);
    expect(() => new JitFixedProb(10, 10, 0.1, 0.5)).toThrow(/seed must be an integer/);
    expect(() => conn.pre2post).toThrow(ParameterError);
  });
});

describe('JitExponential', () => {
  it('gives a network identical from run to run with the same seed, and different with another', () => {
    const spikes = (connSeed: number) => {
      const N = new LIF(400, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: Float64Array.from({ length: 400 }, (_, k) => -60 + (k % 10)) });
      const E = new JitExponential(N.slice(0, 320), N, new JitFixedProb(320, 400, 0.1, connSeed), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) });
      const I = new JitExponential(N.slice(320), N, new JitFixedProb(80, 400, 0.1, connSeed + 1), { g_max: 6.7, tau: 10, output: new COBA({ E: -80 }) });
      const runner = new Runner(new Network({ N, E, I }), { monitors: ['N.spike'], inputs: [['N.input', 20]], dt: 0.1, progress: false });
      runner.run(100);
      return Array.from(runner.mon.get('N.spike').data);
    };
    const a = spikes(5);
    expect(a.reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
    expect(spikes(5)).toEqual(a);
    expect(spikes(6)).not.toEqual(a);
  });

  it('decays g with tau and adds g_max per connection of each arriving spike', () => {
    const N = new LIF(50, { V_th: 1e9 });
    const conn = new JitFixedProb(50, 50, 0.2, 9);
    const syn = new JitExponential(N, N, conn, { g_max: 0.5, tau: 4, output: new COBA({ E: 0 }) });
    N.spikeList[0] = 3;
    N.spikeCount = 1;
    syn.update({ t: 0, i: 0, dt: 0.1 } as Parameters<typeof syn.update>[0]);
    const expected = new Float64Array(50);
    conn.addRow(expected, 3, 0.5);
    expect(Array.from(syn.g)).toEqual(Array.from(expected));
    N.spikeCount = 0;
    syn.update({ t: 0.1, i: 1, dt: 0.1 } as Parameters<typeof syn.update>[0]);
    for (let j = 0; j < 50; j++) expect(syn.g[j]).toBeCloseTo(expected[j] * Math.exp(-0.1 / 4), 12);
  });
});
