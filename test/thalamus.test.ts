import { describe, expect, it } from 'vitest';
import { ParameterError } from '../src/core/errors.js';
import { streamFor } from '../src/core/random.js';
import { runThalamusState, stateChecks } from '../src/examples/thalamus.js';
import { makeHTC, makeTRN } from '../src/examples/thalamus-cells.js';
import { rhythmConstInput, ThalamusMgBlock } from '../src/examples/thalamus-network.js';
import { burstFraction, cellBurstHz, pooledCounts, rhythmOf } from '../src/examples/thalamus-rhythm.js';

/** A spike matrix (rows = steps of dt) from per-neuron spike times in ms. */
function spikeMatrix(times: number[][], duration: number, dt: number) {
  const rows = Math.round(duration / dt);
  const cols = times.length;
  const data = new Uint8Array(rows * cols);
  times.forEach((ts, c) => ts.forEach((t) => (data[Math.round(t / dt) * cols + c] = 1)));
  return { data, rows, cols };
}

describe('thalamus network parts', () => {
  it("rhythmConstInput gives the seed's 4 Hz train of 10 ms pulses between 1 and 2 s", () => {
    const I = rhythmConstInput(2e-4, 4, 10, 3000, 0.1, 1000, 2000);
    expect(I.length).toBe(30000);
    const on: number[] = [];
    I.forEach((v, k) => v !== 0 && on.push(k));
    expect(on.length).toBe(400);
    expect([0, 100, 200, 300].map((k) => on[k])).toEqual([10000, 12500, 15000, 17500]);
    expect(on.every((k) => I[k] === 2e-4 && (k - 10000) % 2500 < 100)).toBe(true);
    expect(() => rhythmConstInput(1, 4, 20, 10, 0.1)).toThrow(ParameterError);
  });

  it("the seed's MgBlock output adds g (E - V) / (1 + exp(-(V + 25) / 12.5)) to the input", () => {
    const cells = makeTRN(3, { V_initializer: [-80, -25, 10] });
    const g = new Float64Array([0.5, 1, 2]);
    new ThalamusMgBlock(0).bind(cells, g, 'test')();
    const input = cells.variables().input;
    [-80, -25, 10].forEach((V, k) => expect(input[k]).toBeCloseTo((g[k] * (0 - V)) / (1 + Math.exp(-(V + 25) / 12.5)), 12));
    // At V = -25 the block halves the conductance.
    expect(input[1]).toBeCloseTo(12.5, 12);
  });

  it('cell classes draw gL from Uniform(0.0075, 0.0125) for populations and use 0.01 for one cell', () => {
    const pop = makeHTC([7, 7], { gKL: 0.035 });
    const gL = pop.params.IL_g_max as Float64Array;
    expect(gL.length).toBe(49);
    expect(Math.min(...gL)).toBeGreaterThanOrEqual(0.0075);
    expect(Math.max(...gL)).toBeLessThanOrEqual(0.0125);
    expect(new Set(gL).size).toBe(49);
    expect(pop.params.IKL_g_max).toBe(0.035);
    expect(makeHTC(1).params.IL_g_max).toBe(0.01);
  });

  it('rhythm measures: a 4 Hz burst clock against unpatterned spikes', () => {
    const dt = 0.1;
    const clock = Array.from({ length: 20 }, (_, c) => Array.from({ length: 12 }, (_, k) => [k * 250 + 20 + c, k * 250 + 24 + c]).flat());
    const m = spikeMatrix(clock, 3000, dt);
    const r = rhythmOf(pooledCounts([m], dt, 0));
    expect(r.repeat_hz).toBeCloseTo(4, 5);
    // The spectral peak of such a burst train is a harmonic: why it is shown but not checked.
    expect(r.peak_hz).toBeCloseTo(8, 0);
    expect(r.rhythmicity).toBeGreaterThan(0.8);
    expect(cellBurstHz(m, dt)).toBeCloseTo(4, 5);
    expect(burstFraction(m, dt)).toBe(1);

    const rng = streamFor(3);
    const random = Array.from({ length: 20 }, () => Array.from({ length: 30 }, () => Math.floor(rng.random() * 29990) / 10));
    const noise = spikeMatrix(random, 3000, dt);
    expect(rhythmOf(pooledCounts([noise], dt, 0)).rhythmicity).toBeLessThan(0.2);
    expect(burstFraction(noise, dt)).toBeLessThan(0.3);
    expect(() => pooledCounts([noise], 0.3, 0)).toThrow(ParameterError);
  });
});

describe('thalamus (delta state, short run)', () => {
  it('TC cells fire low-threshold bursts at a delta rate, and the checks are computed from the run', () => {
    const run = runThalamusState('delta', 800, 1);
    expect(run.spikes.HTC.cols).toBe(49);
    expect(run.spikes.RTC.cols).toBe(144);
    for (const p of ['HTC', 'RTC'] as const) {
      expect(run.cell_hz[p]).toBeGreaterThanOrEqual(0.5);
      expect(run.cell_hz[p]).toBeLessThanOrEqual(4);
    }
    expect(run.tc_burst_fraction).toBeGreaterThan(0.5);
    const checks = stateChecks(run);
    expect(Object.keys(checks).sort()).toEqual(
      ['delta_htc_cell_burst_hz', 'delta_rtc_cell_burst_hz', 'delta_tc_burst_spike_share', 'delta_tc_peak_hz', 'delta_tc_repeat_hz', 'delta_tc_rhythmicity'].sort(),
    );
    expect(checks.delta_htc_cell_burst_hz.pass).toBe(true);
    expect(checks.delta_tc_burst_spike_share.value).toBeCloseTo(run.tc_burst_fraction, 2);
  }, 30_000);
});
