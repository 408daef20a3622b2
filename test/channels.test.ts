import { describe, expect, it } from 'vitest';
import * as channels from '../src/models/channels/index.js';
import { CondNeuGroup } from '../src/models/channels/index.js';
import { defineModel } from '../src/core/model.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { Runner } from '../src/runner/runner.js';

/** Seed 001's COBA-HH neuron written out by hand (Traub-Miles rates, VT = -63). */
const HAND_WRITTEN = defineModel(
  'TraubMilesHH',
  {
    equations: {
      V: '(gl * (El - V) + gNa * m ** 3 * h * (ENa - V) + gK * n ** 4 * (EK - V) + input * (0.001 / A)) / C',
      m: '0.32 * (13 - V + VT) / (exp((13 - V + VT) / 4) - 1) * (1 - m) - 0.28 * (V - VT - 40) / (exp((V - VT - 40) / 5) - 1) * m',
      h: '0.128 * exp((17 - V + VT) / 18) * (1 - h) - 4 / (1 + exp(-(V - VT - 40) / 5)) * h',
      n: '0.032 * (15 - V + VT) / (exp((15 - V + VT) / 5) - 1) * (1 - n) - 0.5 * exp((10 - V + VT) / 40) * n',
    },
    inputs: ['input'],
    threshold: 'V >= V_th',
    thresholdCrossing: true,
  },
  ['gl', 'El', 'gNa', 'ENa', 'gK', 'EK', 'VT', 'A', 'C', 'V_th'],
);

function hh2(n: number, V0: number[], method: string): CondNeuGroup {
  return new CondNeuGroup(n, {
    V_initializer: V0,
    method,
    INa: new channels.INa_TM1991(n, { g_max: 100, V_sh: -63 }),
    IK: new channels.IK_TM1991(n, { g_max: 30, V_sh: -63 }),
    IL: new channels.IL(n, { E: -60, g_max: 0.05 }),
  });
}

function trace(group: EquationGroup, input: number, duration: number, dt: number, states: string[]) {
  const runner = new Runner(group, { monitors: ['spike', ...states], inputs: [['input', input]], dt, progress: false });
  runner.run(duration);
  return runner.mon;
}

describe('CondNeuGroup', () => {
  for (const method of ['exp_auto', 'rk4']) {
    it(`composes INa_TM1991 + IK_TM1991 + IL into the hand-written HH of seed 001 (${method})`, () => {
      const V0 = [-65, -60];
      const composed = hh2(2, V0, method);
      const { V, INa_p, INa_q, IK_p } = composed.variables();
      const hand = new EquationGroup(
        2,
        HAND_WRITTEN,
        { gl: 0.05, El: -60, gNa: 100, ENa: 50, gK: 30, EK: -90, VT: -63, A: 1e-3, C: 1, V_th: 0 },
        { V: V0, m: INa_p, h: INa_q, n: IK_p },
        { method },
      );
      expect(Array.from(V)).toEqual(V0);
      const a = trace(composed, 3, 100, 0.01, ['V', 'IK_p']);
      const b = trace(hand, 3, 100, 0.01, ['V', 'n']);
      expect(Array.from(a.get('spike').data)).toEqual(Array.from(b.get('spike').data));
      let spikes = 0;
      a.get('spike').data.forEach((s) => (spikes += s));
      expect(spikes).toBeGreaterThan(4);
      const Va = a.get('V').data;
      const Vb = b.get('V').data;
      let worst = 0;
      for (let k = 0; k < Va.length; k++) worst = Math.max(worst, Math.abs(Va[k] - Vb[k]));
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('starts the gates at their steady states and scales the input by 1e-3 / A (passive cell: exact steady state)', () => {
    const g = hh2(1, [-70], 'exp_auto');
    const ap = 0.32 * (13 + 70 - 63) / (Math.exp((13 + 70 - 63) / 4) - 1);
    const bp = 0.28 * (-70 + 63 - 40) / (Math.exp((-70 + 63 - 40) / 5) - 1);
    expect(g.variables().INa_p[0]).toBeCloseTo(ap / (ap + bp), 14);
    const passive = new CondNeuGroup(1, { A: 2e-3, V_initializer: -70, IL: new channels.IL(1, { g_max: 0.1, E: -70 }) });
    trace(passive, 1, 200, 0.1, []);
    // C dV/dt = g (E - V) + I 1e-3 / A  ->  V = E + I 1e-3 / (A g) = -70 + 5.
    expect(passive.variables().V[0]).toBeCloseTo(-65, 6);
  });

  it('drives calcium from its channels and relaxes to C_rest without them', () => {
    const n = 1;
    const pool = new channels.CalciumDetailed(n, {
      C_rest: 5e-5, tau: 10, d: 0.5,
      ICaT: new channels.ICaT_HM1992(n, { g_max: 2.1 }),
      IAHP: new channels.IAHP_De1994(n, { g_max: 0.3, E: -90 }),
    });
    const g = new CondNeuGroup(n, { V_initializer: -65, V_th: 20, IL: new channels.IL(n, { g_max: 0.01, E: -70 }), Ca: pool });
    const C0 = g.variables().Ca_C[0];
    expect(C0).toBe(2.4e-4);
    // IAHP starts at alpha C^n / (alpha C^n + beta).
    const x = 48 * C0 ** 2;
    expect(g.variables().Ca_IAHP_p[0]).toBeCloseTo(x / (x + 0.09), 14);
    // With the T-type current the pool rises above its resting level instead of relaxing to C_rest.
    const mon = trace(g, 0, 300, 0.05, ['Ca_C']);
    const C = mon.get('Ca_C').data;
    expect(Math.min(...C)).toBeGreaterThan(0);
    const withoutT = new CondNeuGroup(n, {
      V_initializer: -65, IL: new channels.IL(n, { g_max: 0.01, E: -70 }),
      Ca: new channels.CalciumDetailed(n, { C_rest: 5e-5, tau: 10, d: 0.5 }),
    });
    trace(withoutT, 0, 300, 0.05, []);
    expect(withoutT.variables().Ca_C[0]).toBeCloseTo(5e-5, 12);
    expect(g.variables().Ca_C[0]).toBeGreaterThan(5e-5);
  });

  it('rejects misplaced channels, unknown options and size mismatches', () => {
    expect(() => new CondNeuGroup(1, { ICaT: new channels.ICaT_HM1992(1) })).toThrow(/needs calcium: put it inside a CalciumDetailed/);
    expect(() => new CondNeuGroup(1, { Vth: 3 })).toThrow(/CondNeuGroup has no option 'Vth'/);
    expect(() => new CondNeuGroup(2, { IL: new channels.IL(3) })).toThrow(/'IL' \(IL\) has 3 neurons, the group 2/);
    expect(() => new channels.INa_TM1991(1, { gmax: 3 } as never)).toThrow(/INa_TM1991 has no parameter 'gmax'/);
    expect(() => new channels.CalciumDetailed(1, { tua: 3 })).toThrow(/CalciumDetailed has no option 'tua'/);
  });
});
