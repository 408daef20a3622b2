import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { All2All, One2One } from '../src/connect/index.js';
import { NeurodynError, ParameterError } from '../src/core/errors.js';
import { Network } from '../src/core/network.js';
import { NeuGroup } from '../src/core/neu-group.js';
import type { TwoEndConn } from '../src/core/two-end-conn.js';
import { ExpCOBA, ExpCOBA2, SaturatingCOBA } from '../src/examples/custom-synapse.js';
import { Runner } from '../src/runner/runner.js';
import { ScheduledSpikes } from './helpers.js';

/** Postsynaptic neurons whose V is held fixed, so that `input` shows the synaptic current alone. */
class VoltageClamp extends NeuGroup {
  readonly V: Float64Array;
  readonly input: Float64Array;

  constructor(num: number, V: number) {
    super(num, { name: 'clamp' });
    this.V = this.addVariable('V', new Array<number>(num).fill(V)) as Float64Array;
    this.input = this.addVariable('input') as Float64Array;
  }

  update(): void {
    this.recordSpikes(0);
  }

  override clearInputs(): void {
    this.input.fill(0);
  }
}

const dt = 0.1;
const SPIKE_STEP = 10;
const V_CLAMP = -65;

/** One presynaptic spike at step SPIKE_STEP into one clamped neuron; the input and g per step. */
function singleSpike(make: (pre: ScheduledSpikes, post: VoltageClamp) => TwoEndConn): { input: Float64Array; g: Float64Array } {
  const pre = new ScheduledSpikes(1, new Map([[SPIKE_STEP, [0]]]));
  const post = new VoltageClamp(1, V_CLAMP);
  const net = new Network({ pre, post, syn: make(pre, post) });
  const runner = new Runner(net, { monitors: ['post.input', 'syn.g'], dt, progress: false });
  runner.run(30);
  return { input: Float64Array.from(runner.mon.get('post.input').data), g: Float64Array.from(runner.mon.get('syn.g').data) };
}

/** g_max exp(-(step - arrival) dt / tau) from the arrival step on, 0 before. */
function analyticG(steps: number, arrival: number, g_max: number, tau: number): Float64Array {
  return Float64Array.from({ length: steps }, (_, r) => (r < arrival ? 0 : g_max * Math.exp((-(r - arrival) * dt) / tau)));
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('docs/custom-synapse.md code', () => {
  const p = { g_max: 0.3, tau: 5, E: 0 };
  const arrival = SPIKE_STEP + 1; // delay_step 0: a spike of step i reaches the synapse in step i + 1

  it('hand-written ExpCOBA: the analytic single-spike response (peak time, decay, integral)', () => {
    const { input, g } = singleSpike((pre, post) => new ExpCOBA(pre, post, new One2One(), p));
    const expectedG = analyticG(g.length, arrival, p.g_max, p.tau);
    expect(maxAbsDiff(g, expectedG)).toBeLessThan(1e-12);
    expect(maxAbsDiff(input, expectedG.map((v) => v * (p.E - V_CLAMP)))).toBeLessThan(1e-10);
    expect(input.indexOf(Math.max(...input))).toBe(arrival);
    expect(Math.log(input[arrival] / input[arrival + 50]) / (50 * dt)).toBeCloseTo(1 / p.tau, 10);
    // Integral of the sampled current: a geometric series, within dt/(2 tau) of the continuum g_max (E - V) tau.
    const integral = input.reduce((s, v) => s + v, 0) * dt;
    const steps = input.length - arrival;
    expect(integral).toBeCloseTo((p.g_max * (p.E - V_CLAMP) * dt * (1 - Math.exp((-steps * dt) / p.tau))) / (1 - Math.exp(-dt / p.tau)), 9);
    expect(Math.abs(integral / (p.g_max * (p.E - V_CLAMP) * p.tau) - 1)).toBeLessThan(dt / (2 * p.tau) + 0.01);
  });

  it('hand-written ExpCOBA honours delay_step and all-to-all connectivity', () => {
    const { g } = singleSpike((pre, post) => new ExpCOBA(pre, post, new All2All({ include_self: true }), { ...p, delay_step: 5 }));
    expect(g.indexOf(Math.max(...g))).toBe(arrival + 5);
    expect(g[arrival + 4]).toBe(0);
  });

  it('the PostStateSynapse version gives the same response; SaturatingCOBA saturates as its formula says', () => {
    const hand = singleSpike((pre, post) => new ExpCOBA(pre, post, new One2One(), p));
    const declared = singleSpike((pre, post) => new ExpCOBA2(pre, post, new One2One(), { g_max: p.g_max, tau: p.tau, E: p.E }));
    expect(maxAbsDiff(declared.g, hand.g)).toBeLessThan(1e-12);
    expect(maxAbsDiff(declared.input, hand.input)).toBeLessThan(1e-10);

    const g_sat = 0.1;
    const sat = singleSpike((pre, post) => new ExpCOBA2(pre, post, new One2One(), { g_max: p.g_max, tau: p.tau, output: new SaturatingCOBA({ E: p.E, g_sat }) }));
    const g = analyticG(sat.g.length, arrival, p.g_max, p.tau);
    expect(maxAbsDiff(sat.input, g.map((v) => ((g_sat * v) / (v + g_sat)) * (p.E - V_CLAMP)))).toBeLessThan(1e-10);
    expect(sat.input[arrival]).toBeLessThan(g_sat * (p.E - V_CLAMP)); // never above the saturated current
  });

  it('bad input is named', () => {
    const pre = new ScheduledSpikes(1, new Map());
    expect(() => new ExpCOBA(pre, pre, new One2One(), p)).toThrow(ParameterError);
    expect(() => new ExpCOBA(pre, pre, new One2One(), p)).toThrow(/needs float variables V and input/);
    expect(() => new SaturatingCOBA({ g_sat: -1 })).toThrow(/g_sat/);
    expect(() => new ExpCOBA2(pre, new VoltageClamp(1, 0), new One2One(), { tau: 0 })).toThrow(NeurodynError);
  });

  it('every code block of the page is copied verbatim from src/examples/custom-synapse.ts or this test', () => {
    const page = readFileSync('docs/custom-synapse.md', 'utf8');
    const sources = ['src/examples/custom-synapse.ts', 'test/custom-synapse-doc.test.ts'].map((f) => readFileSync(f, 'utf8'));
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBe(4);
    for (const block of blocks) expect(sources.some((s) => s.includes(block)), block.slice(0, 80)).toBe(true);
  });
});
