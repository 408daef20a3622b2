import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Matrix2D } from '../core/matrix.js';
import { Network } from '../core/network.js';
import { firingRate } from '../measure/index.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec, rasterSpec, stackSpecs } from '../plot/specs.js';
import { Runner } from '../runner/runner.js';
import { NeuronGroup } from '../strings/neuron-group.js';
import { Synapses } from '../strings/synapses.js';
import { Hz, Mohm, ms, pA } from '../units/units.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';
import { forumNetwork, izhikevichNetwork } from './strings-networks.js';

interface RateSummary {
  mean: number;
  sd: number;
}
interface NetworkReference {
  [key: string]: { dt: number; duration_ms: number; rate_E_Hz?: RateSummary; rate_I_Hz?: RateSummary; rate_Hz?: RateSummary };
}
const referencePath = new URL('../../test/reference/strings-networks-brian2.json', import.meta.url);
const reference = (): NetworkReference => JSON.parse(readFileSync(referencePath, 'utf8')) as NetworkReference;

const total = (m: Matrix2D, from = 0, to = m.cols) => {
  let n = 0;
  for (let r = 0; r < m.rows; r++) for (let c = from; c < to; c++) n += m.data[r * m.cols + c];
  return n;
};

/** Within 3 SD (at least 10 %) of the Brian2 mean over five seeds. */
function rateCheck(value: number, ref: RateSummary, what: string): Check {
  const half = Math.max(3 * ref.sd, 0.1 * ref.mean);
  return {
    value,
    expected: `${(ref.mean - half).toFixed(2)}..${(ref.mean + half).toFixed(2)} Hz (Brian2 2.5.1, same strings, 5 seeds: ${ref.mean.toFixed(2)} ± ${ref.sd.toFixed(2)}; ${what})`,
    pass: Math.abs(value - ref.mean) <= half,
  };
}

export const izhikevichNetworkExample: Example = {
  name: 'izhikevich-network',
  title: 'Izhikevich (2003) network from equation strings',
  description:
    'Seed 004: 800 excitatory + 200 inhibitory Izhikevich neurons written as Brian2 strings (random a, b, c, d, noise*randn(), ' +
    'reset v = c; u += d; g_exc = 0; g_inh = 0). Use --dt 0.5 for the seed\'s step. At --dt 0.1 the network is almost silent, ' +
    'in Brian2 too: noise*randn() inside dv/dt adds dt*noise*randn() per step, so a finer step shrinks the drive (the forum\'s ' +
    '"not invariant to the time step"). Rates are checked against Brian2 running the same strings at either dt. Difference: Brian2 runs on_pre before the reset in a step, so input to a neuron in the step it ' +
    'spikes is cleared; Neurodyn delivers it at the start of the next step, after the reset.',
  defaultDuration: 1000,
  async run(o: ExampleOptions): Promise<ExampleResult> {
    const duration = o.duration ?? 1000;
    const { net, N, ne } = izhikevichNetwork(o.seed);
    o.log(`izhikevich-network: ${N.num} neurons, ${duration} ms at dt = ${o.dt} ms`);
    const runner = new Runner(net, { dt: o.dt, monitors: ['N.spike'], progress: o.progress });
    const wall = runner.run(duration);
    const spikes = runner.mon.get('N.spike');
    const seconds = duration / 1000;
    const groups = {
      E: { size: ne, spikes: total(spikes, 0, ne), rate_hz: total(spikes, 0, ne) / ne / seconds },
      I: { size: N.num - ne, spikes: total(spikes, ne), rate_hz: total(spikes, ne) / (N.num - ne) / seconds },
    };
    const checks: Record<string, Check> = {};
    const ref = reference()[`izhikevich_network_dt${o.dt}`];
    if (ref && duration === ref.duration_ms) {
      checks.rate_E = rateCheck(groups.E.rate_hz, ref.rate_E_Hz as RateSummary, `dt ${o.dt} ms`);
      checks.rate_I = rateCheck(groups.I.rate_hz, ref.rate_I_Hz as RateSummary, `dt ${o.dt} ms`);
    } else o.log('(no Brian2 rate check: references exist for 1000 ms at dt 0.5 and 0.1 ms)');
    const ts = runner.mon.ts;
    const population = (from: number, to: number) => {
      const cols = to - from;
      const data = new Float64Array(spikes.rows * cols);
      for (let r = 0; r < spikes.rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = spikes.data[r * spikes.cols + from + c];
      return { data, rows: spikes.rows, cols };
    };
    const rate = (m: Matrix2D) => ({ data: firingRate(m, 2, o.dt), rows: m.rows, cols: 1 });
    const width = 640;
    const spec = stackSpecs(
      [
        rasterSpec(ts, spikes, { title: 'Neurons 0-799 excitatory, 800-999 inhibitory', width, height: 300, xlim: [0, duration] }),
        lineSpec(ts, rate(population(0, ne)), { title: 'Excitatory population rate (2 ms window)', ylabel: 'Rate (Hz)', width, height: 110, xlim: [0, duration] }),
        lineSpec(ts, rate(population(ne, N.num)), { title: 'Inhibitory population rate (2 ms window)', ylabel: 'Rate (Hz)', width, height: 110, xlim: [0, duration], color: '#b22222' }),
      ],
      `Izhikevich network from strings (dt = ${o.dt} ms)`,
    );
    const figures = await saveFigure(spec, path.join(o.outDir, 'izhikevich-network'));
    return { duration_ms: duration, steps: Math.round(duration / o.dt), wall_s: wall, groups, figures, checks };
  },
};

/** Spike times and indices of a run, in order (for comparing two formulations). */
function spikeList(m: Matrix2D): string[] {
  const out: string[] = [];
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) if (m.data[r * m.cols + c]) out.push(`${r}:${c}`);
  return out;
}

export function runForum(seed: number, where: 'neuron' | 'synapse', duration: number, dt: number) {
  const { net, P, Ce, Ci } = forumNetwork(seed, where);
  const runner = new Runner(net, { dt, monitors: ['P.spike'] });
  const wall = runner.run(duration);
  return { spikes: runner.mon.get('P.spike'), ts: runner.mon.ts, wall, P, synapses: Ce.numSynapses + Ci.numSynapses };
}

export const izhikevichForumExample: Example = {
  name: 'izhikevich-forum-network',
  title: 'Seed-004 forum network: y on the neuron side vs per-synapse y with (summed)',
  description:
    'The N = 125 network of the seed\'s forum thread, twice: y in the neuron equations (on_pre y += w), and y per synapse with ' +
    'Isyn_post = y*w (summed) (the version Brian2 rejected). The two are the same model; the check compares their spikes. ' +
    'bench/strings-forum.ts times them. The rate varies a lot with the seed (Brian2, 5 seeds: 99-131 Hz; Neurodyn, 8 seeds: ' +
    '68-107 Hz); with the same stored connectivity, weights and drive both give identical spikes (test/strings-brian2.test.ts).',
  defaultDuration: 1000,
  async run(o: ExampleOptions): Promise<ExampleResult> {
    const duration = o.duration ?? 1000;
    o.log(`izhikevich-forum-network: 125 neurons, ${duration} ms at dt = ${o.dt} ms, both formulations`);
    const a = runForum(o.seed, 'neuron', duration, o.dt);
    const b = runForum(o.seed, 'synapse', duration, o.dt);
    const sa = spikeList(a.spikes);
    const sb = spikeList(b.spikes);
    let firstDifference = sa.findIndex((s, k) => s !== sb[k]);
    if (firstDifference < 0 && sa.length !== sb.length) firstDifference = Math.min(sa.length, sb.length);
    const agreeUntil = firstDifference < 0 ? duration : Number(sa[firstDifference]?.split(':')[0] ?? sb[firstDifference].split(':')[0]) * o.dt;
    o.log(`neuron-side y: ${sa.length} spikes in ${a.wall.toFixed(2)} s; per-synapse y (${b.synapses} synapses): ${sb.length} spikes in ${b.wall.toFixed(2)} s`);
    o.log(firstDifference < 0 ? 'identical spike trains' : `spike trains identical until ${agreeUntil} ms (rounding: sums in a different order), then diverge`);
    const seconds = duration / 1000;
    const checks: Record<string, Check> = {
      identical_spikes_ms: { value: agreeUntil, expected: `${duration} ms (identical spikes over the whole run)`, pass: agreeUntil >= duration },
      speedup: { value: b.wall / a.wall, expected: '> 1 (neuron-side y is faster)', pass: b.wall > a.wall },
    };
    const ref = reference().forum_network;
    if (ref && duration === ref.duration_ms && o.dt === ref.dt) checks.rate = rateCheck(sa.length / 125 / seconds, ref.rate_Hz as RateSummary, 'neuron-side y');
    const width = 640;
    const spec = stackSpecs(
      [
        rasterSpec(a.ts, a.spikes, { title: `y in the neurons (${a.wall.toFixed(2)} s)`, width, height: 180, xlim: [0, duration] }),
        rasterSpec(b.ts, b.spikes, { title: `y in ${b.synapses} synapses, (summed) (${b.wall.toFixed(2)} s)`, width, height: 180, xlim: [0, duration], color: '#b22222' }),
      ],
      'Forum network: the same spikes from two formulations',
    );
    const figures = await saveFigure(spec, path.join(o.outDir, 'izhikevich-forum-network'));
    return {
      duration_ms: duration,
      steps: Math.round(duration / o.dt),
      wall_s: a.wall + b.wall,
      groups: {
        neuron_y: { size: 125, spikes: sa.length, rate_hz: sa.length / 125 / seconds },
        synapse_y: { size: 125, spikes: sb.length, rate_hz: sb.length / 125 / seconds },
      },
      figures,
      checks,
    };
  },
};

/** Tsodyks-Markram: u jumps by U(1 - u) at a spike and decays to 0 (tau_f); x loses u*x and recovers to 1 (tau_d). */
const TM_MODEL = `du/dt = -u/tau_f : 1 (event-driven)
dx/dt = (1 - x)/tau_d : 1 (event-driven)
U : 1 (constant)
tau_f : second (constant)
tau_d : second (constant)
w : amp (constant)
r : 1`;
const TM_ON_PRE = 'u += U*(1 - u); r = u*x; x -= r; I_post += w*r';
const TM_CASES = { depressing: { U: 0.5, tau_f: 0.001, tau_d: 800 }, facilitating: { U: 0.15, tau_f: 530, tau_d: 130 } } as const;

export const tsodyksMarkramExample: Example = {
  name: 'tsodyks-markram',
  title: 'Tsodyks-Markram depressing and facilitating synapses written as strings',
  description:
    'A 20 Hz train (spikes until 400 ms, then a recovery spike after 900 ms) through two event-driven Tsodyks-Markram synapses ' +
    '(depressing U = 0.5, tau_d = 800 ms; facilitating U = 0.15, tau_f = 530 ms, tau_d = 130 ms; Markram et al. 1998) onto two ' +
    'current-based neurons. Checked: every release u*x against the closed-form recursion between spikes.',
  defaultDuration: 1000,
  async run(o: ExampleOptions): Promise<ExampleResult> {
    const duration = o.duration ?? 1000;
    const pre = new NeuronGroup(1, 'dphase/dt = rate : 1\nrate : hertz', {
      threshold: 'phase >= 1 and (t < 400*ms or t > 900*ms)', reset: 'phase = 0', method: 'euler', name: 'pre',
    });
    pre.set('rate', Hz(20));
    const post = new NeuronGroup(2, 'dI/dt = -I/tau_s : amp\ndv/dt = (-v + R*I)/tau_m : volt', {
      method: 'exponential_euler', namespace: { tau_s: ms(5), tau_m: ms(20), R: Mohm(100) }, name: 'post',
    });
    const S = new Synapses(pre, post, { model: TM_MODEL, onPre: TM_ON_PRE, name: 'S' }).connect({ i: [0, 0], j: [0, 1] });
    const cases = [TM_CASES.depressing, TM_CASES.facilitating];
    S.set('U', cases.map((c) => c.U)).set('tau_f', cases.map((c) => c.tau_f), ms).set('tau_d', cases.map((c) => c.tau_d), ms);
    S.set('w', pA(100)).set('x', 1);
    const runner = new Runner(new Network({ pre, post, S }), { dt: o.dt, monitors: ['pre.spike', 'post.v', 'S.r'], progress: o.progress });
    const wall = runner.run(duration);
    const ts = runner.mon.ts;
    const spikeSteps = [...runner.mon.get('pre.spike').data.keys()].filter((k) => runner.mon.get('pre.spike').data[k] && k + 1 < ts.length);
    const r = runner.mon.get('S.r');
    const released = (syn: number) => spikeSteps.map((k) => r.data[(k + 1) * 2 + syn]);
    // The closed form between spikes, applied at each spike time.
    const expected = (c: (typeof cases)[number]) => {
      let u = 0;
      let x = 1;
      let last = 0;
      return spikeSteps.map((k) => {
        const t = ts[k];
        u *= Math.exp(-(t - last) / c.tau_f);
        x = 1 - (1 - x) * Math.exp(-(t - last) / c.tau_d);
        last = t;
        u += c.U * (1 - u);
        const release = u * x;
        x -= release;
        return release;
      });
    };
    const worst = Math.max(...cases.flatMap((c, syn) => released(syn).map((v, k) => Math.abs(v - expected(c)[k]))));
    const dep = released(0);
    const fac = released(1);
    const train = spikeSteps.filter((k) => ts[k] < 400).length;
    o.log(`releases (u*x), depressing: ${dep.map((v) => v.toFixed(3)).join(' ')}`);
    o.log(`releases (u*x), facilitating: ${fac.map((v) => v.toFixed(3)).join(' ')}`);
    const checks: Record<string, Check> = {
      release_vs_closed_form: { value: worst, expected: '< 1e-12 (exact event-driven integration)', pass: worst < 1e-12 },
      depression_last_over_first: { value: dep[train - 1] / dep[0], expected: '< 0.5 (depressing)', pass: dep[train - 1] / dep[0] < 0.5 },
      facilitation_third_over_first: { value: fac[2] / fac[0], expected: '> 1.5 (facilitating)', pass: fac[2] / fac[0] > 1.5 },
      recovery_depressing: { value: dep[train] / dep[0], expected: '> 0.4 (recovered after 500 ms, tau_d = 800 ms)', pass: dep[train] / dep[0] > 0.4 },
    };
    const v = runner.mon.get('post.v');
    const column = (c: number) => ({ data: Float64Array.from({ length: v.rows }, (_, k) => v.data[k * 2 + c]), rows: v.rows, cols: 1 });
    const width = 640;
    const spec = stackSpecs(
      [
        lineSpec(ts, column(0), { title: 'Depressing synapse: U = 0.5, tau_d = 800 ms', ylabel: 'v (mV)', width, height: 150, xlim: [0, duration] }),
        lineSpec(ts, column(1), { title: 'Facilitating synapse: U = 0.15, tau_f = 530 ms, tau_d = 130 ms', ylabel: 'v (mV)', width, height: 150, xlim: [0, duration], color: '#b22222' }),
      ],
      'Tsodyks-Markram synapses from strings',
    );
    const figures = await saveFigure(spec, path.join(o.outDir, 'tsodyks-markram'));
    return {
      duration_ms: duration,
      steps: Math.round(duration / o.dt),
      wall_s: wall,
      groups: { pre: { size: 1, spikes: spikeSteps.length, rate_hz: spikeSteps.length / (duration / 1000) } },
      figures,
      checks,
    };
  },
};
