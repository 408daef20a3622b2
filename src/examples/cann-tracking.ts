import path from 'node:path';
import type { StepContext } from '../core/context.js';
import { animate1D } from '../plot/node-animate.js';
import { Runner } from '../runner/runner.js';
import { bumpCentre, CANN1D, ringDistance } from './cann-1d.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

/**
 * The seed's oscillatory-tracking CANN1D (Mi, Fung, Wong & Wu 2014): CANN1D plus spike-frequency
 * adaptation v, explicit Euler as the seed writes it:
 *   u += dt (-u + J r + I - v) / tau,  v += dt (-v + m u) / tau_v.
 */
export class CANN1DSFA extends CANN1D {
  readonly v: Float64Array;

  constructor(num: number, readonly sfa = { tau_v: 50, m: 0.3 }) {
    super(num, { tau: 1, k: 1, a: 0.3, A: 0.2, J0: 1, z_min: -Math.PI, z_max: Math.PI });
    this.v = this.addVariable('v') as Float64Array;
  }

  override update(ctx: StepContext): void {
    const n = this.num;
    this.computeRates();
    for (let i = 0; i < n; i++) {
      let rec = 0;
      for (let j = 0; j < n; j++) rec += this.conn[i * n + j] * this.r[j];
      const u = this.u[i];
      this.u[i] = u + (ctx.dt * (-u + rec + this.input[i] - this.v[i])) / this.p.tau;
      this.v[i] += (ctx.dt * (-this.v[i] + this.sfa.m * u)) / this.sfa.tau_v;
    }
    this.recordSpikes(0);
  }
}

interface TrackingRun {
  /** Mean signed (bump - stimulus) distance over the second half of the ramp; > 0 leads. */
  lead: number;
  animation: string;
}

/** Run `cann` under a stimulus at `position(t)` and measure the bump's lead over the ramp [rampStart, rampEnd). */
async function track(cann: CANN1D, position: (t: number) => number, duration: number, ramp: [number, number], frameStep: number, file: string, o: ExampleOptions, extra: string[]): Promise<TrackingRun> {
  const range = cann.p.z_max - cann.p.z_min;
  const runner = new Runner(cann, { monitors: ['u', ...extra], inputs: [['input', (t: number) => cann.stimulus(position(t)), 'func', '=']], dt: o.dt, progress: false });
  runner.run(duration);
  const u = runner.mon.get('u');
  let lead = 0;
  let count = 0;
  const stim = new Float64Array(u.rows * u.cols);
  for (let r = 0; r < u.rows; r++) {
    const t = u.ts[r];
    stim.set(cann.stimulus(position(t)), r * u.cols);
    if (t < (ramp[0] + ramp[1]) / 2 || t >= ramp[1]) continue;
    lead += ringDistance(bumpCentre(cann.x, u.data.subarray(r * u.cols, (r + 1) * u.cols)) - position(t), range);
    count++;
  }
  const series = [{ legend: 'u', ys: u.data }, ...extra.map((k) => ({ legend: k, ys: runner.mon.get(k).data })), { legend: 'Iext', ys: stim }];
  const animation = await animate1D({ xs: cann.x, series, frameStep, frameDelay: 50, t0: u.ts[0], dt: u.ts[1] - u.ts[0], title: file }, path.join(o.outDir, file));
  return { lead: count ? lead / count : NaN, animation };
}

export const cann1DTracking: Example = {
  name: 'cann-1d-tracking',
  title: 'CANN 1D Oscillatory Tracking, and smooth tracking of (Si Wu, 2008)',
  description:
    "Seed 001: smooth tracking (E08's CANN1D, num=512, k=8.1 as left by template matching; stimulus at 0 for 20 ms, " +
    'moving to 12 over 20 ms, held 20 ms) and anticipative tracking (E10: CANN1D with adaptation, tau_v=50, m=0.3; ' +
    'stimulus at 0 for the first 100/2600 of the run, moving at 0.6 a / tau_v per ms, held for the last 500/2600). ' +
    'Checks: the bump lags a moving stimulus without adaptation and leads it with adaptation (Mi et al. 2014), ' +
    'measured as the mean signed bump-stimulus distance over the second half of each ramp. Animations are HTML files.',
  defaultDuration: 2600,
  run: async (o: ExampleOptions): Promise<ExampleResult> => {
    const start = performance.now();
    const smoothCann = new CANN1D(512, { tau: 1, k: 8.1, a: 0.5, A: 10, J0: 4, z_min: -Math.PI, z_max: Math.PI });
    const smoothPos = (t: number) => (t < 20 ? 0 : t < 40 ? (12 * (t - 20)) / 20 : 12);
    const smooth = await track(smoothCann, smoothPos, 60, [20, 40], 5, 'smooth-tracking', o, []);
    const duration = o.duration ?? 2600;
    const sfa = new CANN1DSFA(512);
    const [t1, t2] = [(100 / 2600) * duration, (2100 / 2600) * duration];
    const speed = (0.6 * sfa.p.a) / sfa.sfa.tau_v;
    const sfaPos = (t: number) => speed * (Math.min(Math.max(t, t1), t2) - t1);
    const anticipative = await track(sfa, sfaPos, duration, [t1, t2], 30, 'anticipative-tracking', o, ['v']);
    o.log(`smooth tracking: bump - stimulus = ${smooth.lead.toFixed(4)}; anticipative tracking: ${anticipative.lead.toFixed(4)}`);
    const checks: Record<string, Check> = {
      smooth_tracking_lead: { value: smooth.lead, expected: '< 0: without adaptation the bump lags the moving stimulus', pass: smooth.lead < 0 },
      anticipative_tracking_lead: { value: anticipative.lead, expected: '> 0: with adaptation (m > tau / tau_v) the bump leads the stimulus (Mi et al. 2014)', pass: anticipative.lead > 0 },
    };
    return { duration_ms: duration, steps: Math.round(duration / o.dt), wall_s: (performance.now() - start) / 1000, groups: {}, figures: [smooth.animation, anticipative.animation], checks };
  },
};
