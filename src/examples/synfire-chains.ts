import path from 'node:path';
import type { StepContext } from '../core/context.js';
import { LengthDelay } from '../core/delay-buffer.js';
import type { FloatArray } from '../core/matrix.js';
import { NeuGroup } from '../core/neu-group.js';
import { Network } from '../core/network.js';
import { seed as seedGlobal, streamFor } from '../core/random.js';
import { TwoEndConn } from '../core/two-end-conn.js';
import { One2One } from '../connect/regular.js';
import { IncrementSource } from '../integrators/sde.js';
import { sdeStep } from '../integrators/sde-schemes.js';
import { SpikeTimeGroup } from '../models/generators/spike-time-group.js';
import { Runner } from '../runner/runner.js';
import { rasterSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import type { MonitorTrace } from '../runner/monitors.js';
import type { Check, Example } from './example.js';

/** Seed 001's parameters (Diesmann, Gewaltig & Aertsen 1999). */
const P = { Vr: -70, Vt: -55, tau_m: 10, tau_ref: 1, tau_psp: 0.325, weight: 4.86, noise: 39.24, n_groups: 10, group_size: 100, spike_sigma: 1, delay: 5 };

/**
 * The seed's neuron groups: V follows the synaptic current x (Euler), x follows y (Euler), and y
 * is an Ornstein-Uhlenbeck-like SDE with drift -y/tau_psp + 25.27 and noise 39.24 per neuron
 * (Euler-Maruyama), in that order each step; V is held for tau_ref after a spike.
 */
class ChainGroups extends NeuGroup {
  readonly V: FloatArray;
  readonly x: FloatArray;
  readonly y: Float64Array;
  private readonly tLast: Float64Array;
  private readonly ySde: ReturnType<typeof sdeStep>;
  private readonly noise: IncrementSource;

  constructor(num: number) {
    super(num, { name: 'group' });
    const stream = streamFor();
    this.V = this.addVariable('V', Float64Array.from({ length: num }, () => P.Vr + stream.random() * (P.Vt - P.Vr)));
    this.x = this.addVariable('x');
    this.y = new Float64Array(num);
    this.registerVariable('y', this.y);
    this.tLast = new Float64Array(num).fill(-1e7);
    this.ySde = sdeStep('euler', 'ito', num, (y, _t, out) => {
      for (let k = 0; k < num; k++) out[k] = -y[k] / P.tau_psp + 25.27;
    }, (_y, _t, out) => out.fill(P.noise));
    this.noise = new IncrementSource(num, stream);
  }

  update(ctx: StepContext): void {
    const { dt, t } = ctx;
    for (let k = 0; k < this.num; k++) this.x[k] += (dt * (-this.x[k] + this.y[k])) / P.tau_psp;
    this.ySde(this.y, t, dt, this.noise.draw(dt));
    let count = 0;
    for (let k = 0; k < this.num; k++) {
      const inRef = t - this.tLast[k] < P.tau_ref;
      const V = inRef ? this.V[k] : this.V[k] + (dt * (-(this.V[k] - P.Vr) + this.x[k])) / P.tau_m;
      const spike = V >= P.Vt;
      this.spike[k] = spike ? 1 : 0;
      this.V[k] = spike ? P.Vr : V;
      if (spike) {
        this.tLast[k] = t;
        this.spikeList[count++] = k;
      }
    }
    this.recordSpikes(count);
  }
}

/**
 * The seed's SynBetweenGroups: group i receives weight * (number of spikes of group i - 1) in y,
 * group 1 from the external volley, through a LengthDelay of delay/dt steps.
 */
class ChainSynapses extends TwoEndConn {
  private readonly g: Float64Array;
  private buffer: { dt: number; delay: LengthDelay; steps: number } | undefined;

  constructor(
    private readonly group: ChainGroups,
    private readonly external: SpikeTimeGroup,
  ) {
    // The coupling is group to group, not neuron to neuron: the connectivity is nominal.
    super(group, group, new One2One(), { name: 'syn_conn' });
    this.g = new Float64Array(group.num);
  }

  override prepare(dt: number): void {
    if (this.buffer?.dt === dt) return;
    const steps = Math.floor(P.delay / dt + 1e-9);
    this.buffer = { dt, steps, delay: new LengthDelay(new Float64Array(this.group.num), steps) };
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const { delay, steps } = this.buffer as NonNullable<typeof this.buffer>;
    const size = P.group_size;
    this.g.fill(P.weight * this.external.spikeCount, 0, size);
    for (let i = 1; i < P.n_groups; i++) {
      let fired = 0;
      for (let k = (i - 1) * size; k < i * size; k++) fired += this.group.spike[k];
      this.g.fill(P.weight * fired, i * size, (i + 1) * size);
    }
    delay.update(this.g);
    const arriving = delay.retrieve(steps);
    for (let k = 0; k < this.group.num; k++) this.group.y[k] += arriving[k];
  }
}

/** A volley of at least this many of the 100 neurons of a group within 2 ms (background noise gives about 5). */
const PROPAGATED = 25;

/** The largest number of spikes of each group within any 2 ms window: a synchronous volley gives tens. */
function volleySizes(spikes: MonitorTrace, dt: number): number[] {
  const window = Math.round(2 / dt);
  return Array.from({ length: P.n_groups }, (_, g) => {
    const perStep = Array.from({ length: spikes.rows }, (_, r) => {
      let n = 0;
      for (let k = g * P.group_size; k < (g + 1) * P.group_size; k++) n += spikes.data[r * spikes.cols + k];
      return n;
    });
    let best = 0;
    let sum = 0;
    perStep.forEach((n, r) => {
      sum += n - (r >= window ? perStep[r - window] : 0);
      best = Math.max(best, sum);
    });
    return best;
  });
}

async function runChain(spikeNum: number, seed: number, dt: number, duration: number) {
  seedGlobal(seed);
  const times = streamFor();
  const ext = new SpikeTimeGroup(spikeNum, {
    times: Array.from({ length: spikeNum }, () => times.normal() * P.spike_sigma + 20),
    indices: Array.from({ length: spikeNum }, (_, k) => k),
    name: 'ext_group',
  });
  const group = new ChainGroups(P.n_groups * P.group_size);
  const net = new Network({ ext_group: ext, syn_conn: new ChainSynapses(group, ext), group });
  const runner = new Runner(net, { monitors: ['group.spike'], dt, progress: false });
  const wall = runner.run(duration);
  return { spikes: runner.mon.get('group.spike'), wall };
}

export const synfireChains: Example = {
  name: 'synfire-chains',
  title: '(Diesmann, et, al., 1999) Synfire Chains',
  description:
    'Seed 001: ten groups of 100 noisy IF neurons, each group driving the next through a 5 ms LengthDelay; a volley of 51 external spikes (sigma 1 ms at 20 ms) propagates to the last group, one of 44 dies out (checked).',
  defaultDuration: 100,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    const panels: object[] = [];
    const checks: Record<string, Check> = {};
    let wall = 0;
    let steps = 0;
    let total = 0;
    for (const spikeNum of [51, 44]) {
      const { spikes, wall: w } = await runChain(spikeNum, o.seed, o.dt, duration);
      wall += w;
      steps += spikes.rows;
      const volleys = volleySizes(spikes, o.dt);
      for (let k = 0; k < spikes.data.length; k++) total += spikes.data[k];
      o.log(`synfire-chains, ${spikeNum} input spikes: largest 2 ms volley per group ${volleys.join(', ')}`);
      const last = volleys[P.n_groups - 1];
      if (duration >= 90) {
        checks[`last_group_volley_${spikeNum}_seed_${o.seed}`] =
          spikeNum === 51
            ? { value: last, expected: `>= ${PROPAGATED} of 100 neurons within 2 ms: the volley propagates (seed text)`, pass: last >= PROPAGATED }
            : { value: last, expected: `< ${PROPAGATED} within 2 ms: the volley dies out (seed text)`, pass: last < PROPAGATED };
      }
      panels.push(rasterSpec(spikes.ts, spikes, { title: `${spikeNum} input spikes`, width: 600, height: 220, xlim: [0, duration] }));
    }
    if (duration < 90) o.log('(no propagation check: the volley needs about 75 ms to reach the last group)');
    else {
      // One run is one sample of a noisy chain: count propagation over ten seeds as well.
      const reached = async (spikeNum: number) => {
        let n = 0;
        for (let s = 0; s < 10; s++) n += volleySizes((await runChain(spikeNum, s, o.dt, duration)).spikes, o.dt)[P.n_groups - 1] >= PROPAGATED ? 1 : 0;
        return n;
      };
      const [with51, with44] = [await reached(51), await reached(44)];
      o.log(`synfire-chains: the last group received a volley in ${with51}/10 seeds with 51 input spikes, ${with44}/10 with 44`);
      checks.seeds_propagating_51 = { value: with51, expected: '> seeds with 44: the larger volley propagates more often', pass: with51 > with44 };
      checks.seeds_propagating_44 = { value: with44, expected: '0 of 10: 44 input spikes die out (seed text)', pass: with44 === 0 };
    }
    const figures = await saveFigure(stackSpecs(panels, 'Synfire chain (Diesmann et al. 1999)'), path.join(o.outDir, 'raster'));
    return { duration_ms: duration, steps, wall_s: wall, groups: { group: { size: 1000, spikes: total, rate_hz: total / 2 / 1000 / (duration / 1000) } }, figures, checks };
  },
};
