import { describe, expect, it } from 'vitest';
import { FractionalIzhikevich } from '../src/models/neurons/fractional-izhikevich.js';
import { FractionalFHR } from '../src/models/neurons/fractional-fhr.js';
import { Runner } from '../src/runner/runner.js';
import { countSpikes } from './helpers.js';

describe('fractional-order neurons', () => {
  it('FractionalIzhikevich with alpha = 1 is the Izhikevich model under forward Euler, spike for spike', () => {
    const dt = 0.1;
    const neuron = new FractionalIzhikevich(1, { alpha: 1, num_memory: 2000 });
    const runner = new Runner(neuron, { monitors: ['V', 'spike'], inputs: [['input', 10]], dt, progress: false });
    runner.run(200);
    let V = -65;
    let u = -13;
    const spikes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const dV = 0.04 * V * V + 5 * V + 140 - u + 10;
      const du = 0.02 * (0.2 * V - u);
      V += dt * dV;
      u += dt * du;
      if (V >= 30) {
        V = -65;
        u += 8;
        spikes.push(i);
      }
    }
    const spike = runner.mon.get('spike').data;
    const got = Array.from(spike.keys()).filter((i) => spike[i]);
    expect(spikes.length).toBeGreaterThan(3);
    expect(got).toEqual(spikes);
  });

  it('FractionalIzhikevich with alpha < 1 fires differently, and the memory matters', () => {
    const spikesFor = (alpha: number, memory: number) => {
      const neuron = new FractionalIzhikevich(1, { alpha, num_memory: memory });
      const runner = new Runner(neuron, { monitors: ['spike'], inputs: [['input', 10]], dt: 0.1, progress: false });
      runner.run(300);
      return countSpikes(runner.mon.get('spike').data);
    };
    const full = spikesFor(0.8, 3000);
    expect(full).toBeGreaterThan(0);
    expect(full).not.toBe(spikesFor(1, 3000));
    expect(full).not.toBe(spikesFor(0.8, 5));
  });

  it('FractionalFHR with alpha = 1 is forward Euler of the FitzHugh-Rinzel equations, with upward-crossing spikes', () => {
    const dt = 0.1;
    const neuron = new FractionalFHR(1, { alpha: 1, num_memory: 100, mu: 0.18, w_initializer: -0.1, y_initializer: 0.1 });
    const runner = new Runner(neuron, { monitors: ['V', 'spike'], inputs: [['input', 3]], dt, progress: false });
    runner.run(500);
    let [V, w, y] = [2.5, -0.1, 0.1];
    const trace: number[] = [];
    let crossings = 0;
    for (let i = 0; i < 5000; i++) {
      const next = V + dt * (V - V ** 3 / 3 - w + y + 3);
      [w, y] = [w + dt * 0.08 * (0.7 + V - 0.8 * w), y + dt * 0.18 * (-0.775 - V - y)];
      if (next >= 1.8 && V < 1.8) crossings++;
      V = next;
      trace.push(V);
    }
    const V_mon = runner.mon.get('V').data;
    trace.forEach((v, i) => expect(V_mon[i]).toBeCloseTo(v, 9));
    expect(crossings).toBeGreaterThan(3);
    expect(countSpikes(runner.mon.get('spike').data)).toBe(crossings);
  });

  it('rejects an order outside (0, 1]', () => {
    expect(() => new FractionalFHR(1, { alpha: 0 })).toThrow(/alpha must lie in \(0, 1\], got 0/);
    expect(() => new FractionalIzhikevich(1, { alpha: 0.5, num_memory: 1.5 })).toThrow(/num_memory must be a positive integer/);
  });
});
