import { describe, expect, it } from 'vitest';
import { bandpassEnvelope, fft, peakFrequency, powerSpectrum, unitaryLFP } from '../src/measure/index.js';

describe('unitaryLFP', () => {
  const dt = 0.1;
  const times = Float64Array.from({ length: 600 }, (_, k) => k * dt);
  const oneSpike = (step: number, cols = 1) => {
    const data = new Uint8Array(600 * cols);
    data[step * cols] = 1;
    return { data, rows: 600, cols };
  };

  it('is a Gaussian of width sig_e peaking 10.4 ms after the spike, with the soma-layer amplitude, at the electrode', () => {
    const lfp = unitaryLFP(times, oneSpike(50), { xmax: 1e-9, ymax: 1e-9, seed: 1 });
    const peak = lfp.indexOf(Math.max(...lfp));
    expect(peak).toBe(50 + 104);
    expect(lfp[peak]).toBeCloseTo(0.48, 7);
    const sigma = 2.1 * 1.5;
    for (const k of [10, 25, 40]) expect(lfp[peak + k] / lfp[peak]).toBeCloseTo(Math.exp(-((k * dt) ** 2) / (2 * sigma * sigma)), 9);
    const inh = unitaryLFP(times, oneSpike(50), { spike_type: 'inh', xmax: 1e-9, ymax: 1e-9 });
    expect(Math.max(...inh)).toBeCloseTo(3, 7);
    const deep = unitaryLFP(times, oneSpike(50), { location: 'deep layer', xmax: 1e-9, ymax: 1e-9 });
    expect(Math.min(...deep)).toBeCloseTo(-0.16, 7);
  });

  it('sums the neurons, attenuated by exp(-distance / lambda), and is seeded', () => {
    const many = { data: new Uint8Array(600 * 50), rows: 600, cols: 50 };
    for (let k = 0; k < 50; k++) many.data[100 * 50 + k] = 1;
    const a = unitaryLFP(times, many, { seed: 4 });
    expect(Array.from(unitaryLFP(times, many, { seed: 4 }))).toEqual(Array.from(a));
    const peak = Math.max(...a);
    // Every neuron is within sqrt(2) * 0.1 mm of the electrode.
    expect(peak).toBeLessThan(50 * 0.48);
    expect(peak).toBeGreaterThan(50 * 0.48 * Math.exp(-Math.SQRT2 * 0.1 / 0.2));
    expect(() => unitaryLFP(times.subarray(1), many)).toThrow(/599 times/);
  });
});

describe('spectral helpers', () => {
  it('fft then inverse fft is the identity (times n)', () => {
    const re = Float64Array.from({ length: 16 }, (_, k) => Math.sin(k) + k / 3);
    const im = new Float64Array(16);
    const copy = Float64Array.from(re);
    fft(re, im);
    fft(re, im, true);
    copy.forEach((v, k) => expect(re[k] / 16).toBeCloseTo(v, 12));
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(/power of two/);
  });

  it('band-passes 30-50 Hz out of a 10 + 40 Hz mixture with a flat envelope, and finds the 40 Hz peak', () => {
    const n = 4096;
    const dt = 0.25; // frequency resolution 1000 / (n dt) = 0.977 Hz; 41 bins = 40.04 Hz
    const f1 = (10 * 1000) / (n * dt);
    const f2 = (41 * 1000) / (n * dt);
    const signal = Float64Array.from({ length: n }, (_, k) => 2 * Math.sin((2 * Math.PI * f1 * k * dt) / 1000) + 0.5 * Math.cos((2 * Math.PI * f2 * k * dt) / 1000));
    const { filtered, envelope } = bandpassEnvelope(signal, dt, 30, 50);
    filtered.forEach((v, k) => expect(v).toBeCloseTo(0.5 * Math.cos((2 * Math.PI * f2 * k * dt) / 1000), 9));
    for (let k = 0; k < n; k += 97) expect(envelope[k]).toBeCloseTo(0.5, 9);
    const spectrum = powerSpectrum(signal, dt, 100);
    expect(peakFrequency(spectrum, 0, 100)).toBeCloseTo(f1, 9);
    expect(peakFrequency(spectrum, 30, 100)).toBeCloseTo(f2, 9);
  });
});
