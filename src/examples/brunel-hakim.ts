import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { StepContext } from '../core/context.js';
import type { FloatArray } from '../core/matrix.js';
import { NeuGroup } from '../core/neu-group.js';
import { Network } from '../core/network.js';
import { seed as seedGlobal, streamFor } from '../core/random.js';
import { FixedProb } from '../connect/fixed-prob.js';
import { IncrementSource } from '../integrators/sde.js';
import { sdeStep } from '../integrators/sde-schemes.js';
import { Delta } from '../models/synapses/delta.js';
import { Runner } from '../runner/runner.js';
import { rasterSpec, lineSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import { firingRate } from '../measure/index.js';
import type { Check, Example } from './example.js';
import { rangeCheck } from './chaos-measures.js';

const P = { Vr: 10, theta: 20, tau: 20, delta: 2, taurefr: 2, J: 0.1, muext: 25, sigmaext: 1, C: 1000, N: 5000 };

/**
 * The seed's hand-written LIF with white-noise drive: dV = (-V + mu_ext)/tau dt + sigma_ext/sqrt(tau) dW
 * by Euler-Maruyama (the sdeint default) with one Wiener process per neuron; V held while
 * t - t_last_spike < taurefr; spike at V >= theta, reset to Vr.
 */
class NoisyLIF extends NeuGroup {
  readonly V: FloatArray;
  readonly refractory: FloatArray;
  private readonly tLast: Float64Array;
  private readonly step: ReturnType<typeof sdeStep>;
  private readonly noise: IncrementSource;
  private readonly old: Float64Array;

  constructor(num: number) {
    super(num, { name: 'group' });
    this.V = this.addVariable('V', new Float64Array(num).fill(P.Vr));
    this.refractory = this.addVariable('refractory');
    this.tLast = new Float64Array(num).fill(-1e7);
    this.old = new Float64Array(num);
    this.step = sdeStep('euler', 'ito', num, (V, _t, out) => {
      for (let k = 0; k < num; k++) out[k] = (-V[k] + P.muext) / P.tau;
    }, (_V, _t, out) => out.fill(P.sigmaext / Math.sqrt(P.tau)));
    this.noise = new IncrementSource(num, streamFor());
  }

  update(ctx: StepContext): void {
    const V = this.V as Float64Array;
    this.old.set(V);
    this.step(V, ctx.t, ctx.dt, this.noise.draw(ctx.dt));
    let count = 0;
    for (let k = 0; k < this.num; k++) {
      const inRef = ctx.t - this.tLast[k] < P.taurefr;
      if (inRef) V[k] = this.old[k];
      const spike = V[k] >= P.theta;
      this.spike[k] = spike ? 1 : 0;
      if (spike) {
        V[k] = P.Vr;
        this.tLast[k] = ctx.t;
        this.spikeList[count++] = k;
      }
      this.refractory[k] = inRef || spike ? 1 : 0;
    }
    this.recordSpikes(count);
  }
}

/** Frequency (Hz) of the highest peak of the population rate spectrum in [50, 500] Hz, rate in 0.5 ms bins over [20, 100] ms. */
export function spectrumPeak(spikeTimes: readonly number[], n: number, start = 20, stop = 100, binMs = 0.5): number {
  const bins = Math.round((stop - start) / binMs);
  const rate = new Float64Array(bins);
  for (const t of spikeTimes) {
    const b = Math.floor((t - start) / binMs);
    if (t >= start && b < bins) rate[b] += 1 / n / (binMs / 1000);
  }
  const meanRate = rate.reduce((a, b) => a + b, 0) / bins;
  let best = 0;
  let bestPower = -1;
  for (let f = 50; f <= 500; f++) {
    let re = 0;
    let im = 0;
    for (let b = 0; b < bins; b++) {
      const t = (start + (b + 0.5) * binMs) / 1000;
      re += (rate[b] - meanRate) * Math.cos(2 * Math.PI * f * t);
      im -= (rate[b] - meanRate) * Math.sin(2 * Math.PI * f * t);
    }
    if (re * re + im * im > bestPower) [best, bestPower] = [f, re * re + im * im];
  }
  return best;
}

interface BrunelHakimReference {
  mean_rate_Hz: number;
  sd_rate_Hz: number;
  spectrum_peak_Hz: number[];
  brian2_version: string;
  seeds: number[];
}

const REFERENCE_FILE = new URL('../../test/reference/brunel-hakim-brian2.json', import.meta.url);

export const brunelHakim: Example = {
  name: 'brunel-hakim',
  title: '(Brunel & Hakim, 1999) Fast Global Oscillation',
  description:
    'Seed 001: 5000 LIF neurons driven by white noise (sdeint, Euler-Maruyama), Delta synapses (J = -0.1 mV, FixedProb 0.2, delay 2 ms, blocked while refractory) onto V; checks the rate and the oscillation frequency against Brian2.',
  defaultDuration: 100,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    seedGlobal(o.seed);
    const group = new NoisyLIF(P.N);
    const syn = new Delta(group, group, new FixedProb(P.C / P.N), {
      delay_step: Math.round(P.delta / o.dt),
      post_ref_key: 'refractory',
      g_max: -P.J,
      name: 'syn',
    });
    const net = new Network({ syn, group });
    const runner = new Runner(net, { monitors: ['group.spike'], dt: o.dt, progress: o.progress });
    o.log(`brunel-hakim: ${P.N} neurons, ${syn.conn.pre2post.indices.length} synapses, delay ${Math.round(P.delta / o.dt)} steps, ${duration} ms at dt = ${o.dt} ms`);
    const wall = runner.run(duration);
    const spikes = runner.mon.get('group.spike');
    const times: number[] = [];
    for (let r = 0; r < spikes.rows; r++) for (let c = 0; c < spikes.cols; c++) if (spikes.data[r * spikes.cols + c]) times.push(spikes.ts[r]);
    const late = times.filter((t) => t >= 20).length;
    const rate = late / P.N / ((duration - 20) / 1000);
    const checks: Record<string, Check> = {};
    if (duration === 100 && o.dt === 0.1) {
      const ref = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as BrunelHakimReference;
      const half = Math.max(3 * ref.sd_rate_Hz, 0.1 * ref.mean_rate_Hz);
      checks.rate_vs_brian2 = rangeCheck(rate, ref.mean_rate_Hz - half, ref.mean_rate_Hz + half, `Brian2 ${ref.brian2_version}, seeds ${ref.seeds.join(', ')}: ${ref.mean_rate_Hz.toFixed(2)} ± max(3 sd, 10 %)`);
      const peak = spectrumPeak(times, P.N);
      const [lo, hi] = [Math.min(...ref.spectrum_peak_Hz), Math.max(...ref.spectrum_peak_Hz)];
      checks.oscillation_Hz_vs_brian2 = rangeCheck(peak, lo - 25, hi + 25, `Brian2 spectral peaks ${ref.spectrum_peak_Hz.join(', ')} Hz ± 25 Hz`);
    } else {
      o.log('(no Brian2 check: the reference is 100 ms at dt = 0.1 ms)');
    }
    o.log(`brunel-hakim: ${times.length} spikes, ${rate.toFixed(2)} Hz per neuron after 20 ms, spectral peak ${spectrumPeak(times, P.N, 20, duration)} Hz`);
    const width = 640;
    const population = { data: firingRate(spikes, 0.5, o.dt), rows: spikes.rows, cols: 1 };
    const figure = stackSpecs(
      [
        rasterSpec(spikes.ts, spikes, { title: 'Raster', width, height: 260, xlim: [0, duration] }),
        lineSpec(spikes.ts, population, { title: 'Population rate (0.5 ms window)', ylabel: 'Rate (Hz)', width, height: 120, xlim: [0, duration] }),
      ],
      'Brunel & Hakim (1999): fast global oscillation',
    );
    const figures = await saveFigure(figure, path.join(o.outDir, 'raster'));
    return { duration_ms: duration, steps: spikes.rows, wall_s: wall, groups: { group: { size: P.N, spikes: times.length, rate_hz: times.length / P.N / (duration / 1000) } }, figures, checks };
  },
};
