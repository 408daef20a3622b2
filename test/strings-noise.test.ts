import { describe, expect, it } from 'vitest';
import { NeuronGroup } from '../src/strings/index.js';
import { Runner } from '../src/runner/runner.js';

describe('xi in equation strings', () => {
  it('gives an OU process its stationary variance sigma^2 (Euler-Maruyama, units checked)', () => {
    const n = 4000;
    const G = new NeuronGroup(n, 'dv/dt = -v/tau + sigma*sqrt(2/tau)*xi : volt\ntau : second (constant)\nsigma : volt (constant)', { method: 'euler', seed: 5 });
    G.set('tau', '10*ms');
    G.set('sigma', '2*mV');
    new Runner(G, { dt: 0.1, progress: false }).run(200);
    const v = G.get('v');
    const mean = v.reduce((a, b) => a + b, 0) / n;
    const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const a = 1 - 0.1 / 10;
    const expected = ((4 * 2 * 0.1) / 10 / (1 - a * a)) * (1 - a ** 4000);
    expect(Math.abs(variance / expected - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('rejects a noise term with the wrong units', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = sigma*xi : volt\nsigma : volt (constant)', { method: 'euler' })).toThrow(/second/);
  });
});
