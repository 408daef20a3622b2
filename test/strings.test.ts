import { describe, expect, it } from 'vitest';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { Runner } from '../src/runner/runner.js';
import { NeuronGroup } from '../src/strings/neuron-group.js';
import { Synapses } from '../src/strings/synapses.js';
import { mV, ms, nS } from '../src/units/units.js';

describe('NeuronGroup from strings', () => {
  it('inlines subexpressions, holds (unless refractory) variables and blocks the threshold while refractory', () => {
    const g = new NeuronGroup(
      1,
      `dv/dt = (I_leak + I_in)/C : volt (unless refractory)
       I_leak = gL*(EL - v) : amp
       I_in : amp
       gL : siemens (constant)`,
      { threshold: 'v > -50*mV', reset: 'v = -70*mV', refractory: ms(5), method: 'euler', namespace: { EL: mV(-70), C: nS(10).times(ms(1)) } },
    );
    g.set('v', mV(-70)).set('gL', nS(10)).set('I_in', '300*pA');
    const runner = new Runner(g, { dt: 0.1, monitors: ['v', 'spike'] });
    runner.run(50);
    const spike = runner.mon.get('spike').data;
    const times = [...spike.keys()].filter((k) => spike[k]).map((k) => k * 0.1);
    expect(times.length).toBeGreaterThan(1);
    // Between spikes: at least the 5 ms refractory period plus the analytic charging time
    // t = tau*ln(I R/(I R - 20 mV)) with tau = 1 ms, I R = 30 mV (Euler at dt 0.1 is close).
    const isi = times[1] - times[0];
    expect(isi).toBeGreaterThan(5 + Math.log(3) - 0.15);
    expect(isi).toBeLessThan(5 + Math.log(3) + 0.25);
    const v = runner.mon.get('v').data;
    const first = Math.round(times[0] / 0.1);
    for (let k = first + 1; k < first + 49; k++) expect(v[k]).toBe(-70);
  });

  it('accepts a boolean refractory condition', () => {
    const g = new NeuronGroup(1, 'dv/dt = 1/ms : 1 (unless refractory)\nlock : 1', {
      threshold: 'v > 1', reset: 'v = 0; lock = 1', refractory: 'lock > 0 and t < 3*ms', method: 'euler',
    });
    const runner = new Runner(g, { dt: 0.1, monitors: ['v'] });
    runner.run(6);
    const v = runner.mon.get('v').data;
    // Spikes at ~1 ms, held at 0 until t = 3 ms, then charges again.
    expect(v[20]).toBe(0);
    expect(v[29]).toBe(0);
    expect(v[35]).toBeGreaterThan(0.4);
  });

  it('sets values from numbers, quantities, arrays with a unit and strings, also on slices', () => {
    seed(3);
    const g = new NeuronGroup(10, 'v : volt\nk : 1', { name: 'G' });
    g.set('v', mV(-65));
    expect(g.get('v')[3]).toBeCloseTo(-65, 12);
    g.slice(0, 5).set('v', [1, 2, 3, 4, 5], mV);
    expect(Array.from(g.get('v').slice(0, 6))).toEqual([1, 2, 3, 4, 5, -65]);
    g.slice(5).set('v', '-65*mV + 15*mV*rand()**2');
    const tail = g.get('v').slice(5);
    expect(tail.every((x) => x >= -65 && x <= -50)).toBe(true);
    expect(new Set(tail).size).toBe(5);
    g.set('k', 'i * 2 + N');
    expect(Array.from(g.get('k'))).toEqual(Array.from({ length: 10 }, (_, i) => 2 * i + 10));
    expect(() => g.set('v', -65)).toThrow(/'v' of group 'G' has dimension volt: give a quantity/);
    expect(() => g.set('v', '3*ms')).toThrow(/unit mismatch in value '3\*ms' for 'v'.*second.*volt/);
    expect(() => g.set('vv', mV(1))).toThrow(/no variable 'vv'; did you mean 'v'/);
  });

  it('draws rand() and randn() from seeded streams: same seed, same run', () => {
    const run = () => {
      seed(42);
      const g = new NeuronGroup(20, 'dv/dt = (-v + 5*randn())/ms : 1', { method: 'euler' });
      g.set('v', 'rand()');
      new Runner(g, { dt: 0.1 }).run(5);
      return g.get('v');
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.some((x) => x !== a[0])).toBe(true);
  });
});

describe('error messages name the string and the column', () => {
  const eqs = 'dv/dt = (V_rest - v)/tau : volt\ng : siemens';
  const ns = { V_rest: mV(-65), tau: ms(10) };

  it('undefined symbol, with the closest defined name', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = (Vrest - v)/tau : volt', { namespace: ns })).toThrow(
      /undefined symbol 'Vrest' in equation 'dv\/dt = \(Vrest - v\)\/tau : volt' at column 10; did you mean 'V_rest'\?/,
    );
  });

  it('unit mismatch, with the term and both dimensions', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = (V_rest - v + g)/tau : volt\ng : siemens', { namespace: ns })).toThrow(
      /unit mismatch in equation 'dv\/dt = \(V_rest - v \+ g\)\/tau : volt' at column 23: the term '\(V_rest - v\)' has dimension volt but 'g' has dimension siemens/,
    );
    expect(() => new NeuronGroup(1, 'dv/dt = (V_rest - v) : volt', { namespace: ns })).toThrow(
      /unit mismatch .* has dimension volt but the unit of dv\/dt \(volt\/second\) is volt\/second/,
    );
  });

  it('a reset that assigns a variable the group does not have', () => {
    expect(() => new NeuronGroup(1, eqs, { namespace: ns, threshold: 'v > -50*mV', reset: 'v = V_rest; gg += 1*nS' })).toThrow(
      /reset 'v = V_rest; gg \+= 1\*nS' at column 13 assigns 'gg', which is not a variable of the group; variables: v, g/,
    );
  });

  it('a threshold that is not a condition', () => {
    expect(() => new NeuronGroup(1, eqs, { namespace: ns, threshold: 'v - 30*mV' })).toThrow(/threshold 'v - 30\*mV' at column 1 is not a condition/);
  });

  it('on_pre writing a variable on the wrong side', () => {
    const pre = new NeuronGroup(2, 'x : 1', { name: 'Pre' });
    const post = new NeuronGroup(2, eqs, { namespace: ns, name: 'Post' });
    expect(() => new Synapses(pre, post, { model: 'w : siemens', onPre: 'v_pre += 1*mV; g_pre += w' })).toThrow(
      /on_pre 'v_pre \+= 1\*mV; g_pre \+= w' at column 1 writes 'v_pre', but the presynaptic group 'Pre' has no variable 'v'; it is a variable of the postsynaptic group 'Post': write 'v_post'/,
    );
    expect(() => new Synapses(pre, post, { model: 'w : siemens', onPre: 'g_post += w*2*mV' })).toThrow(/unit mismatch in on_pre 'g_post \+= w\*2\*mV' at column 1/);
  });

  it('syntax errors point at the position', () => {
    expect(() => new NeuronGroup(1, 'dv/dt = (V_rest - v)/tau) : volt', { namespace: ns })).toThrow(/unexpected '\)' at position 25/);
    expect(() => new NeuronGroup(1, 'dv/dt = -v/tau : volt (unless refractroy)', { namespace: ns })).toThrow(/unknown flag '\(unless refractroy\)'/);
  });
});

describe('Synapses from strings', () => {
  it('connects by condition, by probability with a condition, and by index arrays', () => {
    seed(1);
    const g = new NeuronGroup(20, 'x : 1');
    const all = new Synapses(g, g, { model: 'w : 1' }).connect({ condition: 'i != j' });
    expect(all.numSynapses).toBe(20 * 19);
    const near = new Synapses(g, g).connect({ condition: 'abs(i - j) <= 2 and i != j' });
    expect(near.numSynapses).toBe(2 * (4 * 20 - 6) / 2);
    const sparse = new Synapses(g, g).connect({ condition: 'i != j', p: 0.1 });
    expect(sparse.numSynapses).toBeGreaterThan(15);
    expect(sparse.numSynapses).toBeLessThan(60);
    const ij = new Synapses(g, g).connect({ i: [3, 1], j: [0, 2] });
    expect(Array.from(ij.get('i'))).toEqual([1, 3]);
    expect(Array.from(ij.get('j'))).toEqual([2, 0]);
  });

  it('delivers events after per-synapse delays', () => {
    const pre = new NeuronGroup(1, 'dv/dt = 1/ms : 1', { threshold: 'v > 0.95', reset: 'v = -100', method: 'euler', name: 'P' });
    const post = new NeuronGroup(2, 'x : 1', { name: 'Q' });
    const S = new Synapses(pre, post, { onPre: 'x_post += 1', name: 'S' }).connect({ i: [0, 0], j: [0, 1] });
    S.set('delay', [0, 3], ms);
    const runner = new Runner(new Network({ P: pre, Q: post, S }), { dt: 0.1, monitors: ['Q.x', 'P.spike'] });
    runner.run(6);
    const x = runner.mon.get('Q.x').data;
    const spikeStep = Array.from(runner.mon.get('P.spike').data).indexOf(1);
    const firstStep = (col: number) => [...Array(60).keys()].find((k) => x[k * 2 + col] > 0) as number;
    expect(firstStep(0)).toBe(spikeStep + 1);
    expect(firstStep(1) - firstStep(0)).toBe(30);
  });

  it('integrates event-driven variables exactly between events', () => {
    const pre = new NeuronGroup(1, 'dv/dt = 1/period : 1\nperiod : second (constant)', { threshold: 'v > 1', reset: 'v = 0', method: 'euler' });
    pre.set('period', ms(4.95));
    const post = new NeuronGroup(1, 'g : 1');
    const S = new Synapses(pre, post, {
      model: 'dx/dt = (1 - x)/tau_d : 1 (event-driven)',
      onPre: 'g_post += x; x -= 0.5*x',
      namespace: { tau_d: ms(20) },
    }).connect({ i: [0], j: [0] });
    S.set('x', 1);
    const runner = new Runner(new Network({ pre, post, S }), { dt: 0.1, monitors: ['pre.spike'] });
    runner.run(40);
    // A spike in the last step would be delivered in the next one, which does not run.
    const spikes = Array.from(runner.mon.get('pre.spike').data).flatMap((s, k) => (s && k < 399 ? [k * 0.1] : []));
    let x = 1;
    let g = 0;
    let last = 0;
    for (const t of spikes) {
      x = 1 - (1 - x) * Math.exp(-(t - last) / 20);
      last = t;
      g += x;
      x -= 0.5 * x;
    }
    expect(spikes.length).toBeGreaterThan(5);
    expect(post.get('g')[0]).toBeCloseTo(g, 12);
    expect(S.get('x')[0]).toBeCloseTo(x, 12);
  });

  it('sums a synaptic expression into a neuron variable, also from two pathways into one target (the seed\'s first version)', () => {
    const pre = new NeuronGroup(3, 'dv/dt = 1/ms : 1', { threshold: 'v > 10', reset: 'v = 0', method: 'euler' });
    const post = new NeuronGroup(2, 'Isyn : volt/second');
    const model = 'w : volt/second\ndy/dt = -y/tau : 1 (clock-driven)\nIsyn_post = y*w : volt/second (summed)';
    const a = new Synapses(pre.slice(0, 2), post, { model, onPre: 'y += 1', namespace: { tau: ms(4) }, method: 'euler' }).connect({ i: [0, 1], j: [0, 1] });
    const b = new Synapses(pre.slice(2), post, { model, onPre: 'y += 1', namespace: { tau: ms(4) }, method: 'euler' }).connect({ i: [0], j: [1] });
    a.set('w', '(i + 1)*mV/ms');
    b.set('w', '10*mV/ms');
    a.set('y', [1, 2]);
    b.set('y', 3);
    new Runner(new Network({ pre, post, a, b }), { dt: 0.1 }).run(0.1);
    expect(Array.from(post.get('Isyn'))).toEqual([1 * 1, 2 * 2 + 10 * 3].map((x) => expect.closeTo(x, 12)));
  });

  it('runs on_post statements for the synapses of postsynaptic spikes', () => {
    const pre = new NeuronGroup(2, 'x : 1');
    const post = new NeuronGroup(1, 'dv/dt = 1/ms : 1', { threshold: 'v > 1', reset: 'v = 0', method: 'euler' });
    const S = new Synapses(pre, post, { model: 'count : 1', onPost: 'count += 1; x_pre += 2' }).connect({ i: [0, 1], j: [0, 0] });
    new Runner(new Network({ pre, post, S }), { dt: 0.1 }).run(5);
    expect(Array.from(S.get('count'))).toEqual([4, 4]);
    expect(Array.from(pre.get('x'))).toEqual([8, 8]);
  });
});
