import { describe, expect, it } from 'vitest';
import { All2All, IJConn, One2One } from '../src/connect/index.js';
import type { Connectivity, Connector } from '../src/connect/connector.js';
import { Network } from '../src/core/network.js';
import type { Population } from '../src/core/neu-group.js';
import type { DynamicalSystem } from '../src/core/dynamical-system.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Alpha, AMPA, Delta, DualExponential, GABAa, GapJunction, NMDA } from '../src/models/synapses/index.js';
import { CUBA, MgBlock } from '../src/models/synouts/index.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

const SPIKE_STEP = 10;
/** Synapses update before neurons, so a spike emitted in step n reaches them in step n + 1. */
const ARRIVAL = SPIKE_STEP + 1;

/** One presynaptic spike at step 10 into a silent LIF; returns the monitored traces. */
function singleSpike(make: (pre: Population, post: Population, conn: Connector) => DynamicalSystem, monitors: string[], duration: number, dt: number) {
  const pre = new ScheduledSpikes(1, new Map([[SPIKE_STEP, [0]]]));
  const post = new LIF(1, { V_rest: -65, V_th: 1e9, tau: 10, V_initializer: -65 });
  const syn = make(pre, post, new One2One());
  const runner = new Runner(new Network({ pre, post, syn }), { monitors, dt, progress: false });
  runner.run(duration);
  return (key: string) => runner.mon.get(key).data;
}

/** Peak (index, value) and the time integral (rectangle rule) of a trace. */
function shape(trace: ArrayLike<number>, dt: number) {
  let peak = 0;
  let integral = 0;
  for (let k = 0; k < trace.length; k++) {
    if (trace[k] > trace[peak]) peak = k;
    integral += trace[k] * dt;
  }
  return { peakStep: peak, peak: trace[peak], integral };
}

describe('DualExponential and Alpha: single-spike response against the closed form', () => {
  it('DualExponential peaks at tau_d tau_r/(tau_d - tau_r) ln(tau_d/tau_r) with integral w tau_d tau_r', () => {
    const dt = 0.01;
    const [w, td, tr] = [0.8, 10, 2];
    const g = singleSpike((a, b, c) => new DualExponential(a, b, c, { g_max: w, tau_decay: td, tau_rise: tr }), ['syn.g', 'syn.h'], 300, dt);
    const h = g('syn.h');
    expect(h[ARRIVAL - 1]).toBe(0);
    expect(h[ARRIVAL]).toBe(w);
    const s = shape(g('syn.g'), dt);
    const tPeak = ((td * tr) / (td - tr)) * Math.log(td / tr);
    const gPeak = ((w * td * tr) / (td - tr)) * (Math.exp(-tPeak / td) - Math.exp(-tPeak / tr));
    expect(Math.abs((s.peakStep - ARRIVAL) * dt - tPeak)).toBeLessThan(2 * dt);
    expect(s.peak / gPeak).toBeCloseTo(1, 2);
    expect(s.integral / (w * td * tr)).toBeCloseTo(1, 2);
  });

  it('Alpha peaks at tau with w tau / e and integrates to w tau^2', () => {
    const dt = 0.01;
    const [w, tau] = [0.5, 4];
    const g = singleSpike((a, b, c) => new Alpha(a, b, c, { g_max: w, tau_decay: tau }), ['syn.g'], 150, dt);
    const s = shape(g('syn.g'), dt);
    expect(Math.abs((s.peakStep - ARRIVAL) * dt - tau)).toBeLessThan(2 * dt);
    expect(s.peak / ((w * tau) / Math.E)).toBeCloseTo(1, 2);
    expect(s.integral / (w * tau * tau)).toBeCloseTo(1, 2);
  });
});

describe('AMPA and GABAa: transmitter pulse kinetics', () => {
  for (const [name, make, p] of [
    ['AMPA', (a: Population, b: Population, c: Connector) => new AMPA(a, b, c), { alpha: 0.98, beta: 0.18, T: 0.5, dur: 0.5, E: 0, g_max: 0.42 }],
    ['GABAa', (a: Population, b: Population, c: Connector) => new GABAa(a, b, c), { alpha: 0.53, beta: 0.18, T: 1, dur: 1, E: -80, g_max: 0.04 }],
  ] as const) {
    it(`${name} with BrainPy's defaults rises for T_duration to g_inf(1 - exp(-(alpha T + beta) T_duration)), then decays as exp(-beta t)`, () => {
      const dt = 0.1;
      const g = singleSpike(make, ['syn.g', 'syn.g_post', 'post.input', 'post.V'], 40, dt);
      const trace = g('syn.g');
      const rate = p.alpha * p.T + p.beta;
      const gInf = (p.alpha * p.T) / rate;
      const steps = Math.round(p.dur / dt);
      expect(trace[ARRIVAL - 1]).toBe(0);
      for (let k = 1; k <= steps; k++) expect(trace[ARRIVAL + k - 1]).toBeCloseTo(gInf * (1 - Math.exp(-rate * k * dt)), 12);
      const peakStep = ARRIVAL + steps - 1;
      expect(shape(trace, dt).peakStep).toBe(peakStep);
      for (let k = 1; k < 200; k++) expect(trace[peakStep + k]).toBeCloseTo(trace[peakStep] * Math.exp(-p.beta * k * dt), 12);
      // The output is COBA with BrainPy's reversal potential and weight.
      const step = peakStep + 5;
      const Vbefore = g('post.V')[step - 1];
      expect(g('syn.g_post')[step]).toBeCloseTo(p.g_max * trace[step], 14);
      expect(g('post.input')[step]).toBeCloseTo(p.g_max * trace[step] * (p.E - Vbefore), 12);
    });
  }
});

describe('NMDA', () => {
  it('x decays exactly, and g follows a fine Runge-Kutta solution of the same equations (peak, time, integral)', () => {
    // Exponential Euler of the coupled pair is first order: 0.7 % peak error at dt = 0.05, 0.15 % at 0.01.
    const dt = 0.01;
    const [td, tr, a] = [100, 2, 0.5];
    const get = singleSpike((p, q, c) => new NMDA(p, q, c), ['syn.g', 'syn.x'], 600, dt);
    const x = get('syn.x');
    for (let k = 0; k < 500; k++) expect(x[ARRIVAL + k]).toBeCloseTo(Math.exp(-k * dt / tr), 12);
    // Reference: RK4 at dt/50 from g = 0, x = 1.
    const h = dt / 10;
    let [G, X] = [0, 1];
    const f = (gg: number, xx: number) => [-gg / td + a * xx * (1 - gg), -xx / tr];
    let refPeak = 0;
    let refPeakT = 0;
    let refIntegral = 0;
    for (let n = 0; n < Math.floor(590 / h); n++) {
      const k1 = f(G, X);
      const k2 = f(G + (h / 2) * k1[0], X + (h / 2) * k1[1]);
      const k3 = f(G + (h / 2) * k2[0], X + (h / 2) * k2[1]);
      const k4 = f(G + h * k3[0], X + h * k3[1]);
      G += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      X += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      refIntegral += G * h;
      if (G > refPeak) [refPeak, refPeakT] = [G, (n + 1) * h];
    }
    const s = shape(get('syn.g'), dt);
    expect(s.peak / refPeak).toBeCloseTo(1, 2);
    expect(Math.abs((s.peakStep - ARRIVAL) * dt - refPeakT)).toBeLessThan(0.05 * refPeakT);
    expect(s.integral / refIntegral).toBeCloseTo(1, 2);
    expect(refPeakT).toBeGreaterThan(2);
  });

  it('MgBlock (default output) passes g (E - V) / (1 + cc_Mg/beta exp(-alpha V))', () => {
    const get = singleSpike((p, q, c) => new NMDA(p, q, c, { g_max: 2 }), ['syn.g_post', 'post.input', 'post.V'], 5, 0.1);
    const step = ARRIVAL + 5;
    const V = get('post.V')[step - 1];
    const block = 1 + (1.2 / 3.57) * Math.exp(-0.062 * V);
    expect(get('syn.g_post')[step]).toBeGreaterThan(0);
    expect(get('post.input')[step]).toBeCloseTo((get('syn.g_post')[step] * (0 - V)) / block, 12);
    const custom = new MgBlock({ E: 10, cc_Mg: 2 });
    expect(custom.params).toEqual({ E: 10, cc_Mg: 2, alpha: 0.062, beta: 3.57 });
  });
});

describe('Delta', () => {
  it('adds g_max straight into V the step the spike arrives, and nothing while post_ref_key is set', () => {
    const pre = new ScheduledSpikes(1, new Map([[5, [0]], [60, [0]]]));
    const post = new LIF(1, { V_rest: 0, V_reset: 0, V_th: 10, tau: 1e6, tau_ref: 5, V_initializer: 9.5 });
    const pre2 = new ScheduledSpikes(1, new Map([[20, [0]]]));
    const kick = new Delta(pre, post, new One2One(), { g_max: 1, post_ref_key: 'refractory' });
    const blocked = new Delta(pre2, post, new One2One(), { g_max: 3, post_ref_key: 'refractory' });
    const runner = new Runner(new Network({ pre, pre2, post, kick, blocked }), { monitors: ['post.V', 'post.spike', 'blocked.g', 'kick.g'], dt: 0.1, progress: false });
    runner.run(7);
    const V = runner.mon.get('post.V').data;
    const spike = runner.mon.get('post.spike').data;
    expect(spike[6]).toBe(1); // 9.5 + 1 crosses 10 in the step the spike arrives
    expect(V[6]).toBe(0);
    expect(runner.mon.get('blocked.g').data[21]).toBe(0); // refractory at step 21 (up to 5 ms after step 6)
    expect(V[21]).toBeCloseTo(0, 6);
    expect(runner.mon.get('kick.g').data[61]).toBe(1); // out of refractoriness at step 61
    expect(V[61]).toBeCloseTo(1, 6);
  });

  it('writes to another variable through CUBA(target_var) and rejects an unknown post_ref_key', () => {
    const pre = new ScheduledSpikes(2, new Map([[1, [0, 1]]]));
    const post = new LIF(3, { V_th: 1e9 });
    const syn = new Delta(pre, post, new IJConn([0, 1, 1], [2, 2, 0]), { g_max: [0.5, 0.25, 2], output: new CUBA({ target_var: 'input' }) });
    const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['post.input'], progress: false });
    runner.run(0.3);
    expect(Array.from(runner.mon.get('post.input').data.subarray(6, 9))).toEqual([0.25, 0, 2.5]); // pre2post order: 0->2 (0.5), 1->0 (0.25), 1->2 (2)
    expect(() => new Delta(pre, post, new All2All(), { post_ref_key: 'ref' })).toThrow(/post_ref_key 'ref'/);
  });
});

describe('GapJunction', () => {
  it('adds w (V_pre - V_post) to post.input and subtracts it from pre.input; all-to-all equals the explicit pairs', () => {
    const V0 = [-70, -60, -55, -50, -40];
    const n = V0.length;
    const results: Float64Array[] = [];
    const pairs: [number[], number[]] = [[], []];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) {
          pairs[0].push(i);
          pairs[1].push(j);
        }
    for (const conn of [new All2All({ include_self: false }), new IJConn(...pairs)] as (Connector | Connectivity)[]) {
      const N = new LIF(n, { V_th: 1e9, V_initializer: V0 });
      const gj = new GapJunction(N, N, conn, { g_max: 0.1 });
      const runner = new Runner(new Network({ N, gj }), { monitors: ['N.input'], progress: false });
      runner.run(0.1);
      results.push(Float64Array.from(runner.mon.get('N.input').data));
    }
    // Pre and post are the same group: input_j = w sum_i (V_i - V_j) - w sum_k (V_j - V_k) = 2 w sum_i (V_i - V_j).
    const sum = V0.reduce((x, y) => x + y, 0);
    V0.forEach((v, j) => {
      expect(results[0][j]).toBeCloseTo(2 * 0.1 * (sum - n * v), 10);
      expect(results[1][j]).toBeCloseTo(results[0][j], 10);
    });
  });

  it('between two groups: post gains, pre loses the same current', () => {
    const A = new LIF(1, { V_th: 1e9, V_initializer: -50 });
    const B = new LIF(2, { V_th: 1e9, V_initializer: [-70, -60] });
    const gj = new GapJunction(A, B, new All2All(), { g_max: 0.5 });
    const runner = new Runner(new Network({ A, B, gj }), { monitors: ['A.input', 'B.input'], progress: false });
    runner.run(0.1);
    expect(Array.from(runner.mon.get('B.input').data)).toEqual([10, 5]);
    expect(runner.mon.get('A.input').data[0]).toBe(-15);
  });
});

describe('per-presynaptic state with all-to-all', () => {
  it('gives the same conductance through the O(N+M) path as through explicit pairs', () => {
    const spikes = new Map([[2, [0, 3]], [7, [1, 3, 5]]]);
    const pairs: [number[], number[]] = [[], []];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) if (i !== j) {
          pairs[0].push(i);
          pairs[1].push(j);
        }
    const traces = ([new All2All({ include_self: false }), new IJConn(...pairs)] as Connector[]).map((conn) => {
      const pre = new ScheduledSpikes(6, spikes);
      const post = new LIF(6, { V_th: 1e9 });
      const syn = new AMPA(pre, post, conn, { g_max: 0.3 });
      const runner = new Runner(new Network({ pre, post, syn }), { monitors: ['syn.g_post'], progress: false });
      runner.run(3);
      return runner.mon.get('syn.g_post').data;
    });
    expect(Math.max(...traces[0])).toBeGreaterThan(0.1);
    traces[0].forEach((v, k) => expect(v).toBeCloseTo(traces[1][k], 12));
  });

  it('refuses per-connection delays', () => {
    const a = new LIF(3);
    expect(() => new NMDA(a, a, new One2One(), { delay_step: [1, 2, 3] })).toThrow(/one delay_step/);
  });
});
