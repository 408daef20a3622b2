import { describe, expect, it } from 'vitest';
import { runDecisionMaking } from '../bench/decision-making.js';

describe('decision-making benchmark (bench/decision-making.ts)', () => {
  it('counts every neuron and connection of the gallery network, as bench/brian2/decision_making.py reports them', () => {
    // Scale 0.1: 160 excitatory (A, B: 24 each) and 40 inhibitory neurons.
    const result = runDecisionMaking({ n: 200, duration: 20, seed: 2 });
    const [nE, nI, nA] = [160, 40, 24];
    // All-to-all AMPA and NMDA from E, GABA from I, one-to-one noise on every neuron and stimuli on A and B.
    expect(result.synapses).toBe((nE * nE + nE * nI) * 2 + nI * (nE + nI) + nE + nI + 2 * nA);
    expect(result).toMatchObject({ simulator: 'neurodyn', model: 'decision-making', N: nE + nI, duration_ms: 20, dt_ms: 0.1 });
    // The noise alone (2400 Hz, weight 1.62) brings the inhibitory neurons to threshold after about 14 ms.
    expect(result.spikes).toBeGreaterThan(0);
  });
});
