import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Network } from '../src/core/network.js';
import { Runner } from '../src/runner/runner.js';
import { NeuronGroup } from '../src/strings/neuron-group.js';
import { Synapses } from '../src/strings/synapses.js';
import { Hz, Mohm, mV, ms, nA, nS, pA, pF } from '../src/units/units.js';

/**
 * The same equation strings as test/reference/brian2/strings_models.py, run in Neurodyn with the
 * same method and dt, against Brian2 2.5.1's stored traces (numpy target).
 */
interface Case {
  name: string;
  dt: number;
  every: number;
  [key: string]: unknown;
}
const reference = JSON.parse(readFileSync(new URL('./reference/strings-brian2.json', import.meta.url), 'utf8')) as { cases: Case[] };
const byName = (name: string) => reference.cases.find((c) => c.name === name) as Case;

const IZH = `dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1 (unless refractory)
du/dt = a*(b*v - u)/ms : 1 (unless refractory)
I : 1
a : 1
b : 1
c : 1
d : 1`;
const IZH_TYPES: Record<string, number[]> = {
  regular_spiking: [0.02, 0.2, -65, 8, 10],
  intrinsically_bursting: [0.02, 0.2, -55, 4, 10],
  chattering: [0.02, 0.2, -50, 2, 10],
  fast_spiking: [0.1, 0.2, -65, 2, 10],
};

function spikeTimes(data: ArrayLike<number>, rows: number, cols: number, ts: ArrayLike<number>): { i: number[]; t: number[] } {
  const out = { i: [] as number[], t: [] as number[] };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (data[r * cols + c]) {
    out.i.push(c);
    out.t.push(ts[r]);
  }
  return out;
}

/**
 * Brian2's StateMonitor records at the start of a step, Neurodyn's monitors after it: Brian2's
 * row r is Neurodyn's row r - 1 (row 0 is the initial value). Compare from row 1 on.
 */
const brianRows = (data: ArrayLike<number>, cols: number, col: number, count: number, every: number) =>
  Array.from({ length: count - 1 }, (_, k) => data[((k + 1) * every - 1) * cols + col]);

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, k) => Math.max(m, Math.abs(x - b[k])), 0);

/**
 * Brian2 evaluates the Euler step in SI units, v + 1e-4*(f/1e-3), Neurodyn in ms, v + 0.1*f; the
 * two differ in the last bit. The fast-spiking neuron's 27 upstrokes through the v**2 term
 * amplify that rounding to ~3e-6 by 200 ms (the other types stay below 1e-9), so it gets 1e-5.
 */
const IZH_TOLERANCE: Record<string, number> = { fast_spiking: 1e-5 };

describe('string models against Brian2', () => {
  it('the SI and internal-unit Euler increments differ only by rounding', () => {
    const f = 12.345678901234567;
    expect(Math.abs(1e-4 * (f / 1e-3) - 0.1 * f)).toBeLessThan(1e-14);
  });

  for (const [type, [a, b, c, d, I]] of Object.entries(IZH_TYPES)) {
    it(`Izhikevich ${type} (euler, dt 0.1 ms): voltage within 1e-9 for 200 ms`, () => {
      const ref = byName(`izhikevich_${type}`);
      const g = new NeuronGroup(1, IZH, { threshold: 'v >= 30', reset: 'v = c; u += d', refractory: ms(0.1), method: 'euler' });
      g.set('a', a).set('b', b).set('c', c).set('d', d).set('I', I).set('v', -65).set('u', 'b*v');
      const runner = new Runner(g, { dt: ref.dt, monitors: ['v', 'spike'] });
      runner.run(200);
      const v = runner.mon.get('v');
      const refV = ref.v as number[];
      expect(maxAbsDiff(brianRows(v.data, 1, 0, refV.length, ref.every), refV.slice(1))).toBeLessThan(IZH_TOLERANCE[type] ?? 1e-9);
      const s = runner.mon.get('spike');
      expect(spikeTimes(s.data, s.rows, s.cols, s.ts).t).toEqual((ref.spikes as number[]).map((t) => expect.closeTo(t, 9)));
    });
  }

  it('AdEx with exponential_euler and units: v within 1e-9 mV, w within 1e-9 pA', () => {
    const ref = byName('adex_exponential_euler');
    const g = new NeuronGroup(
      1,
      `dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) - w + I)/C : volt
       dw/dt = (a*(v - EL) - w)/tauw : amp
       I : amp`,
      {
        threshold: 'v > -40*mV',
        reset: 'v = -58*mV; w += 0.08*nA',
        method: 'exponential_euler',
        namespace: { gL: nS(10), EL: mV(-70), DeltaT: mV(2), VT: mV(-50), C: pF(200), a: nS(2), tauw: ms(120) },
      },
    );
    g.set('v', mV(-70)).set('I', nA(0.5));
    const runner = new Runner(g, { dt: ref.dt, monitors: ['v', 'w'] });
    runner.run(200);
    const count = (ref.v_mV as number[]).length;
    const sample = (key: string) => brianRows(runner.mon.get(key).data, 1, 0, count, ref.every);
    expect(maxAbsDiff(sample('v'), (ref.v_mV as number[]).slice(1))).toBeLessThan(1e-9);
    // Internal current unit is pA.
    expect(pA(1).inInternalUnits()).toBe(1);
    expect(maxAbsDiff(sample('w'), (ref.w_pA as number[]).slice(1))).toBeLessThan(1e-9);
  });

  it('LIF network with fixed connectivity: same spikes, voltage within 1e-9 mV', () => {
    const ref = byName('lif_network');
    const G = new NeuronGroup(
      50,
      `dv/dt = (v_rest - v + R*(I + I_ext))/tau : volt (unless refractory)
       dI/dt = -I/tau_s : amp
       I_ext : amp`,
      {
        threshold: 'v > -50*mV',
        reset: 'v = -65*mV',
        refractory: ms(2),
        method: 'euler',
        namespace: { v_rest: mV(-65), R: Mohm(100), tau: ms(10), tau_s: ms(5) },
        name: 'G',
      },
    );
    G.set('v', mV(-65)).set('I_ext', ref.I_ext_nA as number[], nA);
    const S = new Synapses(G, G, { model: 'w : amp', onPre: 'I_post += w', name: 'S' });
    S.connect({ i: ref.i as number[], j: ref.j as number[] });
    // connect() stores synapses pre-major; the reference lists them in its own order.
    const order = (ref.i as number[]).map((i, k) => [i, (ref.j as number[])[k], (ref.w_nA as number[])[k]]);
    order.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    S.set('w', order.map((x) => x[2]), nA);
    const runner = new Runner(new Network({ G, S }), { dt: ref.dt, monitors: ['G.v', 'G.spike'] });
    runner.run(200);
    const s = runner.mon.get('G.spike');
    const spikes = spikeTimes(s.data, s.rows, s.cols, s.ts);
    const refSpikes = (ref.spike_t as number[]).map((t, k) => [t, (ref.spike_i as number[])[k]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(spikes.i.length).toBe(refSpikes.length);
    expect(spikes.i).toEqual(refSpikes.map((x) => x[1]));
    const v = runner.mon.get('G.v');
    const refV = ref.v_mV as number[][];
    let worst = 0;
    for (let n = 0; n < 50; n++) worst = Math.max(worst, maxAbsDiff(brianRows(v.data, 50, n, refV[n].length, ref.every), refV[n].slice(1)));
    expect(worst).toBeLessThan(1e-9);
  });

  it('seed 004 forum network (125 Izhikevich neurons with units, stored connectivity): same spike counts, Vm within 1e-9 mV', () => {
    const ref = byName('forum_network');
    const ns = { a: Hz(20), b: Hz(500), c: mV(-40), d: mV(100).div(ms(1)), k: 0.5, Vr: mV(-60), Vt: mV(-45), Vpeak: mV(35), Cm: 50, tau: ms(4) };
    const P = new NeuronGroup(
      125,
      `dVm/dt = ((k/ms/mV)*(Vm**2 - Vm*Vr - Vm*Vt + Vr*Vt) - Um + Iext + y) / Cm : volt
       dUm/dt = a*(b*(Vm - Vr) - Um) : volt/second
       Iext : volt/second
       dy/dt = -y / tau : volt/second`,
      { threshold: 'Vm > Vpeak', reset: 'Vm = c; Um = Um + d', method: 'euler', namespace: ns, name: 'P' },
    );
    const mVperMs = mV(1).div(ms(1));
    const pathway = (pre: ReturnType<typeof P.slice>, i: number[], j: number[], w: number[], name: string) => {
      const sorted = i.map((x, k) => [x, j[k], w[k]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const S = new Synapses(pre, P, { model: 'w : volt/second', onPre: 'y += w', name });
      S.connect({ i: sorted.map((x) => x[0]), j: sorted.map((x) => x[1]) }).set('w', sorted.map((x) => x[2]), mVperMs);
      return S;
    };
    const Ce = pathway(P.slice(0, 100), ref.i_e as number[], ref.j_e as number[], ref.w_e as number[], 'Ce');
    const Ci = pathway(P.slice(100), ref.i_i as number[], ref.j_i as number[], ref.w_i as number[], 'Ci');
    P.set('Iext', ref.Iext as number[], mVperMs).set('Vm', mV(-60));
    const runner = new Runner(new Network({ P, Ce, Ci }), { dt: ref.dt, monitors: ['P.Vm', 'P.spike'] });
    runner.run(200);
    const s = runner.mon.get('P.spike');
    const counts = new Array(125).fill(0);
    for (let r = 0; r < s.rows; r++) for (let c = 0; c < 125; c++) counts[c] += s.data[r * 125 + c];
    expect(counts).toEqual(ref.spike_counts);
    const refV = ref.v0_mV as number[];
    expect(maxAbsDiff(brianRows(runner.mon.get('P.Vm').data, 125, 0, refV.length, ref.every), refV.slice(1))).toBeLessThan(1e-9);
  });
});
