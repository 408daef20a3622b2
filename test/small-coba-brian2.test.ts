import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IJConn } from '../src/connect/index.js';
import { Network } from '../src/core/network.js';
import { LIF } from '../src/models/neurons/lif.js';
import { Exponential } from '../src/models/synapses/exponential.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { Runner } from '../src/runner/runner.js';

interface SmallNet {
  params: Record<string, number>;
  network: { v0: number[]; exc_synapses: [number, number][]; inh_synapses: [number, number][] };
  spikes: { i: number[]; step: number[] };
  v_trace: { neurons: number[]; v: number[][] };
}

const ref = JSON.parse(readFileSync(new URL('./reference/small-coba-brian2.json', import.meta.url), 'utf8')) as SmallNet;

describe('100-neuron COBA net, spike for spike against Brian2 (test/reference/small-coba-brian2.json)', () => {
  it('fires the same neurons at the same steps, with V equal to rounding', () => {
    const p = ref.params;
    const N = new LIF(p.N, { V_rest: p.V_rest, V_th: p.V_th, V_reset: p.V_reset, tau: p.tau, tau_ref: p.tau_ref, V_initializer: ref.network.v0 });
    const pairs = (list: [number, number][], offset: number) => new IJConn(list.map(([i]) => i - offset), list.map(([, j]) => j));
    const net = new Network({
      N,
      Esyn: new Exponential(N.slice(0, p.N_E), N, pairs(ref.network.exc_synapses, 0), { g_max: p.we, tau: p.tau_e, output: new COBA({ E: p.E_e }) }),
      Isyn: new Exponential(N.slice(p.N_E), N, pairs(ref.network.inh_synapses, p.N_E), { g_max: p.wi, tau: p.tau_i, output: new COBA({ E: p.E_i }) }),
    });
    const runner = new Runner(net, { monitors: ['N.spike', { path: 'N.V', index: ref.v_trace.neurons }], inputs: [['N.input', p.I_ext]], dt: p.dt, progress: false });
    runner.run(p.duration);

    const spikes = runner.mon.get('N.spike');
    const ours: string[] = [];
    for (let step = 0; step < spikes.rows; step++) for (let k = 0; k < spikes.cols; k++) if (spikes.data[step * spikes.cols + k]) ours.push(`${step}:${k}`);
    const theirs = ref.spikes.step.map((step, n) => `${step}:${ref.spikes.i[n]}`);
    expect(theirs.length).toBeGreaterThan(1000);
    expect(ours).toEqual(theirs);

    const V = runner.mon.get('N.V');
    let maxDiff = 0;
    ref.v_trace.v.forEach((row, step) => row.forEach((v, c) => (maxDiff = Math.max(maxDiff, Math.abs(V.data[step * V.cols + c] - v)))));
    expect(maxDiff).toBeLessThan(1e-9);
  });
});
