import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IJConn } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Delta } from '../src/models/synapses/index.js';
import { Runner } from '../src/runner/runner.js';

interface DeltaNet {
  params: Record<string, number>;
  network: { v0: number[]; pre: number[]; post: number[]; w: number[]; delay: number[] };
  spikes: { i: number[]; step: number[] };
  v_trace: { neurons: number[]; v: number[][] };
}

const ref = JSON.parse(readFileSync(new URL('./reference/synapses-delta-delays-brian2.json', import.meta.url), 'utf8')) as DeltaNet;

describe('Delta synapses with per-connection delays and post_ref_key, spike for spike against Brian2', () => {
  it('fires the same neurons at the same steps, with V equal to rounding (test/reference/synapses-delta-delays-brian2.json)', () => {
    const p = ref.params;
    const N = new LIF(p.N, { V_rest: p.V_rest, V_th: p.V_th, V_reset: p.V_reset, tau: p.tau, tau_ref: p.tau_ref, V_initializer: ref.network.v0 });
    // The reference lists synapses in pre2post order (by pre, then post), which is IJConn's order.
    const syn = new Delta(N, N, new IJConn(ref.network.pre, ref.network.post), {
      g_max: ref.network.w,
      delay_step: ref.network.delay,
      post_ref_key: 'refractory',
    });
    const runner = new Runner(new Network({ N, syn }), { monitors: ['N.spike', { path: 'N.V', index: ref.v_trace.neurons }], inputs: [['N.input', p.I_ext]], dt: p.dt, progress: false });
    runner.run(p.duration);

    const spikes = runner.mon.get('N.spike');
    const ours: string[] = [];
    for (let step = 0; step < spikes.rows; step++) for (let k = 0; k < spikes.cols; k++) if (spikes.data[step * spikes.cols + k]) ours.push(`${step}:${k}`);
    const theirs = ref.spikes.step.map((step, n) => `${step}:${ref.spikes.i[n]}`);
    expect(theirs.length).toBeGreaterThan(500);
    expect(ours).toEqual(theirs);

    const V = runner.mon.get('N.V');
    let maxDiff = 0;
    ref.v_trace.v.forEach((row, step) => row.forEach((v, c) => (maxDiff = Math.max(maxDiff, Math.abs(V.data[step * V.cols + c] - v)))));
    expect(maxDiff).toBeLessThan(1e-9);
  });

  it('differs when the delays or the refractory mask are dropped (the reference is sensitive to both)', () => {
    const p = ref.params;
    const run = (withDelays: boolean, withMask: boolean) => {
      const N = new LIF(p.N, { V_rest: p.V_rest, V_th: p.V_th, V_reset: p.V_reset, tau: p.tau, tau_ref: p.tau_ref, V_initializer: ref.network.v0 });
      const syn = new Delta(N, N, new IJConn(ref.network.pre, ref.network.post), {
        g_max: ref.network.w,
        delay_step: withDelays ? ref.network.delay : 0,
        post_ref_key: withMask ? 'refractory' : undefined,
      });
      const runner = new Runner(new Network({ N, syn }), { monitors: ['N.spike'], inputs: [['N.input', p.I_ext]], dt: p.dt, progress: false });
      runner.run(p.duration);
      return Array.from(runner.mon.get('N.spike').data).join('');
    };
    const full = run(true, true);
    expect(run(false, true)).not.toBe(full);
    expect(run(true, false)).not.toBe(full);
  });
});
