import { describe, expect, it } from 'vitest';
import type { Matrix2D } from '../src/core/matrix.js';
import { RandomStream } from '../src/core/random.js';
import { firingRate, meanRate, windowLength } from '../src/measure/index.js';

/** numNeurons neurons, each spiking every `period` steps; neuron k first at step `phase(k)`. */
function regularTrain(steps: number, numNeurons: number, period: number, phase: (k: number) => number): Matrix2D {
  const data = new Uint8Array(steps * numNeurons);
  for (let k = 0; k < numNeurons; k++) {
    for (let t = phase(k); t < steps; t += period) data[t * numNeurons + k] = 1;
  }
  return { data, rows: steps, cols: numNeurons };
}

/** numpy.convolve(mean over neurons, ones(width1) * 1000 / width, 'same'), written out directly. */
function naiveFiringRate(spikes: Matrix2D, width: number, dt: number): number[] {
  const width1 = Math.trunc(width / 2 / dt) * 2 + 1;
  const mean: number[] = [];
  for (let t = 0; t < spikes.rows; t++) {
    let s = 0;
    for (let c = 0; c < spikes.cols; c++) s += spikes.data[t * spikes.cols + c];
    mean.push(s / spikes.cols);
  }
  const full: number[] = new Array(spikes.rows + width1 - 1).fill(0);
  for (let t = 0; t < spikes.rows; t++) for (let j = 0; j < width1; j++) full[t + j] += (mean[t] * 1000) / width;
  const offset = (width1 - 1) / 2; // 'same' keeps the centre of the full convolution
  return full.slice(offset, offset + spikes.rows);
}

describe('windowLength', () => {
  it('is int(width / 2 / dt) * 2 + 1', () => {
    expect(windowLength(100, 0.1)).toBe(1001);
    expect(windowLength(10, 1)).toBe(11);
    expect(windowLength(5, 2)).toBe(3); // int(1.25) = 1
    expect(windowLength(0.05, 0.1)).toBe(1);
    expect(windowLength(10)).toBe(101); // default dt 0.1 ms
  });
});

describe('firingRate', () => {
  it('gives 100 Hz in the middle for every neuron spiking every 10 ms (dt 0.1)', () => {
    const [dt, width, steps, n] = [0.1, 100, 5000, 100];
    // Staggered phases make the population mean exactly 1/100 spikes per step.
    const rate = firingRate(regularTrain(steps, n, 100, (k) => k), width, dt);
    expect(rate.length).toBe(steps);
    // BrainPy's window spans width + dt ms but weighs 1000 / width, hence the factor 100.1 / 100.
    const expected = 100 * ((width + dt) / width);
    for (let t = 1000; t < 4000; t += 37) expect(rate[t]).toBeCloseTo(expected, 9);
    expect(Math.abs(rate[2500] - 100)).toBeLessThan(0.2);
    // Near the edges the 'same' convolution sees only part of the window.
    expect(rate[0]).toBeLessThan(60);
  });

  it('averages to about 100 Hz for synchronous neurons too', () => {
    const rate = firingRate(regularTrain(5000, 20, 100, () => 50), 100, 0.1);
    let sum = 0;
    for (let t = 1000; t < 4000; t++) sum += rate[t];
    expect(Math.abs(sum / 3000 - 100)).toBeLessThan(1);
  });

  it('matches numpy-style "same" convolution on random spikes, edges included', () => {
    const rng = new RandomStream(1);
    const data = new Uint8Array(700 * 7).map(() => (rng.random() < 0.05 ? 1 : 0));
    const spikes = { data, rows: 700, cols: 7 };
    for (const [width, dt] of [[10, 0.1], [3, 0.5], [0.05, 0.1]]) {
      const fast = firingRate(spikes, width, dt);
      const slow = naiveFiringRate(spikes, width, dt);
      for (let t = 0; t < spikes.rows; t++) expect(fast[t]).toBeCloseTo(slow[t], 9);
    }
  });

  it('is exactly 0 Hz in a silent stretch after activity', () => {
    const spikes = regularTrain(3000, 10, 7, (k) => k);
    spikes.data.fill(0, 1000 * 10);
    expect(firingRate(spikes, 10, 0.1)[2500]).toBe(0);
  });

  it('rejects a non-positive width', () => {
    const spikes = regularTrain(10, 1, 5, () => 0);
    expect(() => firingRate(spikes, 0, 0.1)).toThrow(/width/);
    expect(() => firingRate(spikes, -5, 0.1)).toThrow(/width/);
  });
});

describe('meanRate', () => {
  it('is 100 Hz for every neuron spiking every 10 ms', () => {
    expect(meanRate(regularTrain(5000, 30, 100, (k) => k), 0.1)).toBeCloseTo(100, 10);
  });

  it('uses the default dt and handles an empty recording', () => {
    // 2 spikes per neuron in 100 steps of 0.1 ms = 10 ms: 200 Hz.
    expect(meanRate(regularTrain(100, 4, 50, () => 0))).toBeCloseTo(200, 10);
    expect(meanRate({ data: new Uint8Array(0), rows: 0, cols: 5 }, 0.1)).toBe(0);
  });
});
