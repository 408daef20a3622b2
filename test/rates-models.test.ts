import { describe, expect, it } from 'vitest';
import { FeedbackFHN, JansenRitModel, QIF, StuartLandauOscillator, ThresholdLinearModel } from '../src/models/rates/index.js';
import { odeint } from '../src/integrators/odeint.js';
import { Runner } from '../src/runner/runner.js';
import { RandomStream } from '../src/core/random.js';

const run = (group: ConstructorParameters<typeof Runner>[0], ms: number, dt: number, extra: Partial<ConstructorParameters<typeof Runner>[1]> = {}) => {
  const runner = new Runner(group, { dt, progress: false, ...extra });
  runner.run(ms);
  return runner;
};

/** Dominant frequency (Hz) of a signal sampled every dt seconds, by a plain DFT scan over 1..40 Hz. */
function dominantFrequency(signal: ArrayLike<number>, dt: number): number {
  const n = signal.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += signal[i] / n;
  let best = [0, 0];
  for (let f = 1; f <= 40; f += 0.25) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      re += (signal[i] - mean) * Math.cos(2 * Math.PI * f * i * dt);
      im += (signal[i] - mean) * Math.sin(2 * Math.PI * f * i * dt);
    }
    if (re * re + im * im > best[1]) best = [f, re * re + im * im];
  }
  return best[0];
}

describe('JansenRitModel (seed 001, time in seconds)', () => {
  const S = (v: number) => 5 / (1 + Math.exp(0.56 * (6 - v)));
  it('matches a hand-written rk4 integration of the seed\'s six equations', () => {
    const C = 135;
    const jr = new JansenRitModel(1, { C, method: 'rk4' });
    run(jr, 0.05, 1e-4, { inputs: [['p', 220, 'fix', '=']] });
    const f = ([y0, y1, y2, y3, y4, y5]: readonly number[]) => [
      y3, y4, y5,
      (3.25 * S(y1 - y2) - 2 * y3 - y0 / 0.01) / 0.01,
      (3.25 * (220 + 0.8 * C * S(C * y0)) - 2 * y4 - y1 / 0.01) / 0.01,
      (22 * 0.25 * C * S(0.25 * C * y0) - 2 * y5 - y2 / 0.02) / 0.02,
    ];
    const step = odeint(f, { method: 'rk4', vector: true });
    let y = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 500; i++) y = step(y, i * 1e-4, 1e-4);
    const v = jr.variables();
    ['y0', 'y1', 'y2', 'y3', 'y4', 'y5'].forEach((name, k) => expect(v[name][0]).toBeCloseTo(y[k], 8));
  });

  it('produces an alpha rhythm (8-12 Hz) for C = 135 with noisy input in [120, 320]', () => {
    const dt = 1e-4;
    const stream = new RandomStream(7);
    const ps = Float64Array.from({ length: 30000 }, () => stream.uniform(120, 320));
    const jr = new JansenRitModel(1, { C: 135 });
    const runner = run(jr, 3, dt, { monitors: ['y1', 'y2'], inputs: [['p', ps, 'iter', '=']] });
    const y1 = runner.mon.get('y1').data;
    const y2 = runner.mon.get('y2').data;
    const eeg = Float64Array.from({ length: 20000 }, (_, i) => y1[10000 + i] - y2[10000 + i]);
    const f = dominantFrequency(eeg.filter((_, i) => i % 10 === 0), dt * 10);
    expect(f).toBeGreaterThanOrEqual(8);
    expect(f).toBeLessThanOrEqual(12);
  });
});

describe('StuartLandauOscillator', () => {
  it('settles on the cycle of radius sqrt(a) and period 2 pi / w', () => {
    const sl = new StuartLandauOscillator(1, { a: 0.25, w: 0.2, method: 'rk4', x_initializer: 0.1, y_initializer: 0 });
    const runner = run(sl, 400, 0.01, { monitors: ['x', 'y'] });
    const x = runner.mon.get('x').data;
    const y = runner.mon.get('y').data;
    const last = x.length - 1;
    expect(Math.hypot(x[last], y[last])).toBeCloseTo(0.5, 6);
    // angle advances by w per ms
    const angle = (i: number) => Math.atan2(y[i], x[i]);
    let d = angle(last) - angle(last - 100);
    if (d < 0) d += 2 * Math.PI;
    expect(d).toBeCloseTo(0.2, 6);
  });
});

describe('QIF mean field', () => {
  it('converges to a fixed point of the Montbrio-Pazo-Roxin equations', () => {
    const qif = new QIF(1, { method: 'rk4', x_initializer: -2, y_initializer: 0.1 });
    run(qif, 200, 0.01);
    const { x, y } = qif.variables();
    const [v, r] = [x[0], y[0]];
    expect(1 / Math.PI + 2 * v * r).toBeCloseTo(0, 8);
    expect(v * v - 5 + 15 * r - (Math.PI * r) ** 2).toBeCloseTo(0, 8);
    expect(r).toBeGreaterThan(0);
  });
});

describe('ThresholdLinearModel', () => {
  it('relaxes to beta [I]+ with BrainPy\'s Euler step and ignores negative drive', () => {
    const tl = new ThresholdLinearModel(2);
    expect(tl.method).toBe('euler');
    run(tl, 0.5, 1e-4, { inputs: [['Ie', [10, -10]], ['Ii', 5]] });
    const { e, i } = tl.variables();
    expect(e[0]).toBeCloseTo(0.66, 6);
    expect(e[1]).toBe(0);
    expect(i[0]).toBeCloseTo(0.351 * 5, 6);
  });
});

describe('FeedbackFHN', () => {
  it('matches a hand-written Euler integration of the delay equation with zero history', () => {
    const [dt, delay, steps] = [0.1, 2, 600];
    const fhn = new FeedbackFHN(1, { delay, method: 'euler', x_initializer: 0.5, y_initializer: 0.2 });
    run(fhn, steps * dt, dt, { inputs: [['input', 1]] });
    const d = Math.round(delay / dt);
    const xs = [0.5];
    let [x, y] = [0.5, 0.2];
    for (let k = 0; k < steps; k++) {
      const xd = k - d >= 0 ? xs[k - d] : 0;
      const dx = x - x ** 3 / 3 - y + 1 + 1.6886 * (xd + 1);
      const dy = (x + 0.7 - 0.8 * y) / 12.5;
      [x, y] = [x + dt * dx, y + dt * dy];
      xs.push(x);
    }
    expect(fhn.variables().x[0]).toBeCloseTo(x, 10);
    expect(fhn.variables().y[0]).toBeCloseTo(y, 10);
  });

  it('rejects a negative or per-neuron delay', () => {
    expect(() => new FeedbackFHN(1, { delay: -1 })).toThrow(/delay must be a number >= 0/);
  });
});
