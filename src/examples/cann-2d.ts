import path from 'node:path';
import type { StepContext } from '../core/context.js';
import { NeuGroup } from '../core/neu-group.js';
import { animate2D } from '../plot/node-animate.js';
import { Runner } from '../runner/runner.js';
import { bumpCentre, ringDistance } from './cann-1d.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

/**
 * The seed's CANN2D on a (length x length) torus, explicit Euler as the seed writes it:
 *   u += dt (-u + I + J r) / tau,  r = u^2 / (1 + k sum u^2),
 *   J = J0 exp(-|d|^2 / (2 a^2)) / (sqrt(2 pi) a) with d the per-axis ring distances.
 * The seed multiplies by a dense (length^2 x length^2) matrix; the kernel factorises into one
 * Gaussian per axis, so J r = G R G^T costs 2 length^3 per step instead of length^4, same result.
 */
export class CANN2D extends NeuGroup {
  readonly x: Float64Array;
  readonly u: Float64Array;
  readonly r: Float64Array;
  readonly input: Float64Array;
  private readonly g: Float64Array;
  private readonly tmp: Float64Array;

  constructor(
    readonly length: number,
    readonly p = { tau: 1, k: 8.1, a: 0.5, A: 10, J0: 4, z_min: -Math.PI, z_max: Math.PI },
  ) {
    super(length * length, { name: 'cann2d' });
    const range = p.z_max - p.z_min;
    this.x = Float64Array.from({ length }, (_, i) => p.z_min + (range * i) / (length - 1)); // bm.linspace
    this.u = this.addVariable('u') as Float64Array;
    this.r = this.addVariable('r') as Float64Array;
    this.input = this.addVariable('input') as Float64Array;
    this.g = new Float64Array(length * length);
    for (let i = 0; i < length; i++) {
      for (let j = 0; j < length; j++) this.g[i * length + j] = Math.exp(-0.5 * (ringDistance(this.x[i] - this.x[j], range) / p.a) ** 2);
    }
    this.tmp = new Float64Array(length * length);
  }

  /** The seed's get_stimulus_by_pos([py, px]): A exp(-|d|^2 / (4 a^2)), row index = first coordinate. */
  stimulus(pos: [number, number]): Float64Array {
    const range = this.p.z_max - this.p.z_min;
    const L = this.length;
    const out = new Float64Array(L * L);
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        const d2 = ringDistance(this.x[i] - pos[0], range) ** 2 + ringDistance(this.x[j] - pos[1], range) ** 2;
        out[i * L + j] = this.p.A * Math.exp((-0.25 * d2) / this.p.a ** 2);
      }
    }
    return out;
  }

  update(ctx: StepContext): void {
    const L = this.length;
    let sum = 0;
    for (let i = 0; i < L * L; i++) sum += this.u[i] * this.u[i];
    const norm = 1 + this.p.k * sum;
    for (let i = 0; i < L * L; i++) this.r[i] = (this.u[i] * this.u[i]) / norm;
    const scale = this.p.J0 / (Math.sqrt(2 * Math.PI) * this.p.a);
    for (let i = 0; i < L; i++) {
      for (let l = 0; l < L; l++) {
        let s = 0;
        for (let k = 0; k < L; k++) s += this.g[i * L + k] * this.r[k * L + l];
        this.tmp[i * L + l] = s;
      }
    }
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        let s = 0;
        for (let l = 0; l < L; l++) s += this.tmp[i * L + l] * this.g[j * L + l];
        const n = i * L + j;
        this.u[n] += (ctx.dt * (-this.u[n] + this.input[n] + scale * s)) / this.p.tau;
      }
    }
    this.recordSpikes(0);
  }

  override clearInputs(): void {
    this.input.fill(0);
  }

  /** Bump centre (row, column coordinates) of a frame, by the population vector along each axis. */
  centre(frame: ArrayLike<number>): [number, number] {
    const L = this.length;
    const rows = new Float64Array(L);
    const cols = new Float64Array(L);
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        rows[i] += frame[i * L + j];
        cols[j] += frame[i * L + j];
      }
    }
    return [bumpCentre(this.x, rows), bumpCentre(this.x, cols)];
  }
}

async function simulate(cann: CANN2D, stim: (t: number) => Float64Array | number, duration: number, file: string, o: ExampleOptions) {
  const runner = new Runner(cann, { monitors: ['r'], inputs: [['input', stim, 'func', '=']], dt: o.dt, progress: false });
  const wall = runner.run(duration);
  const r = runner.mon.get('r');
  const frames = { values: r.data, netSize: [cann.length, cann.length] as [number, number], frameStep: Math.max(1, Math.round(0.5 / o.dt)), frameDelay: 50, t0: r.ts[0], dt: r.ts[1] - r.ts[0], title: file };
  const animations = [await animate2D(frames, path.join(o.outDir, file)), await animate2D({ ...frames, format: 'gif' }, path.join(o.outDir, file))];
  return { r, wall, animations };
}

export const cann2D: Example = {
  name: 'cann-2d',
  title: '(Si Wu, 2008): Continuous-attractor Neural Network 2D',
  description:
    'Seed 001: CANN2D(length=100, k=0.1), encoding (stimulus at (0, 0) for 10 ms, then 20 ms without input) and ' +
    'tracking (continuing from the encoding state as the seed does; 20 ms, stimulus moving along the diagonal from ' +
    '-pi to pi as ramp_input). The seed uses a dense 10^4 x 10^4 matrix; here the separable Gaussian kernel gives the ' +
    'same interaction in O(length^3). Checks: the bump forms at the stimulus position and persists without input; in ' +
    'tracking the bump lags the fast stimulus (0.31 rad/ms per axis) by less than 2a and stays on the diagonal. The ' +
    'duration option sets the encoding run. Animations (animate_2D of r) are written as HTML and as GIF files.',
  defaultDuration: 30,
  run: async (o: ExampleOptions): Promise<ExampleResult> => {
    const cann = new CANN2D(100, { tau: 1, k: 0.1, a: 0.5, A: 10, J0: 4, z_min: -Math.PI, z_max: Math.PI });
    const duration = o.duration ?? 30;
    const onset = cann.stimulus([0, 0]);
    const enc = await simulate(cann, (t) => (t < 10 - 1e-9 ? onset : 0), duration, 'cann2d-encoding', o);
    const n = cann.num;
    const last = enc.r.data.subarray((enc.r.rows - 1) * n, enc.r.rows * n);
    const [cy, cx] = cann.centre(last);
    const peak = Math.max(...last);
    const step = cann.x[1] - cann.x[0];
    o.log(`encoding: bump centre (${cy.toFixed(4)}, ${cx.toFixed(4)}), peak r ${peak.toExponential(3)} after ${duration - 10} ms without input`);

    const range = cann.p.z_max - cann.p.z_min;
    const pos = (t: number) => cann.p.z_min + (range * Math.min(t, 20)) / 20; // ramp_input(-pi, pi, duration=20)
    const tr = await simulate(cann, (t) => cann.stimulus([pos(t), pos(t)]), 20, 'cann2d-tracking', o);
    const end = tr.r.data.subarray((tr.r.rows - 1) * n, tr.r.rows * n);
    const [ty, tx] = cann.centre(end);
    const target = pos(tr.r.ts[tr.r.rows - 1]);
    const lag = (ringDistance(ty - target, range) + ringDistance(tx - target, range)) / 2;
    o.log(`tracking: bump at (${ty.toFixed(3)}, ${tx.toFixed(3)}), stimulus at (${target.toFixed(3)}, ${target.toFixed(3)}), signed lead ${lag.toFixed(3)}`);
    const checks: Record<string, Check> = {
      bump_position: { value: Math.hypot(cy, cx), expected: `within one grid step (${step.toFixed(4)}) of the stimulus position (0, 0)`, pass: Math.hypot(cy, cx) <= step },
      bump_persists: { value: peak, expected: '> 0.01 (the peak rate without input; a decaying bump would reach ~0)', pass: peak > 0.01 },
      tracking_lead: { value: lag, expected: 'in (-1, 0): the bump lags the moving stimulus (no adaptation) but stays within two tuning widths a', pass: lag < 0 && lag > -2 * cann.p.a },
      tracking_on_diagonal: { value: Math.abs(ringDistance(ty - tx, range)), expected: `< one grid step ${step.toFixed(4)}: the bump moves along the stimulus diagonal`, pass: Math.abs(ringDistance(ty - tx, range)) < step },
    };
    return { duration_ms: duration, steps: enc.r.rows + tr.r.rows, wall_s: enc.wall + tr.wall, groups: {}, figures: [...enc.animations, ...tr.animations], checks };
  },
};
