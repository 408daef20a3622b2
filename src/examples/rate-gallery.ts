import path from 'node:path';
import type { Matrix2D } from '../core/matrix.js';
import { RandomStream, seed as seedGlobal } from '../core/random.js';
import { peakFrequency, powerSpectrum } from '../measure/lfp-spectral.js';
import { FHN } from '../models/rates/fhn.js';
import { JansenRitModel } from '../models/rates/jansen-rit.js';
import { WilsonCowanModel } from '../models/rates/wilson-cowan.js';
import { lineSpec, stackSpecs } from '../plot/specs.js';
import { saveFigure } from '../plot/node.js';
import { Runner } from '../runner/runner.js';
import type { Check, Example, ExampleResult } from './example.js';
import { thinTrace } from './thin-trace.js';

/** Seed 000's rate-model simulations (Wilson-Cowan, FHN) and seed 001's Jansen-Rit model. */

function column(m: Matrix2D, c: number, from = 0): Float64Array {
  return Float64Array.from({ length: m.rows - from }, (_, r) => m.data[(r + from) * m.cols + c]);
}

const range = (a: ArrayLike<number>) => Math.max(...Array.from(a)) - Math.min(...Array.from(a));

export const wilsonCowan: Example = {
  name: 'wilson-cowan',
  title: 'Neural mass model: Wilson-Cowan',
  description:
    'Seed 000: WilsonCowanModel(2, wEE=16, wIE=15, wEI=12, wII=3, E_a=I_a=1.5, E_theta=I_theta=3) from x = [-0.2, 1], y = [0, 1] with input -0.5. ' +
    'The seed says the model "has at least two stable states"; with BrainPy\'s equations and these parameters there is one fixed point ' +
    '(a nullcline scan over x_ext in [-2, 2] finds one per value), and both starts converge to it. The check states that honestly.',
  defaultDuration: 100,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    const wc = new WilsonCowanModel(2, { wEE: 16, wIE: 15, wEI: 12, wII: 3, E_a: 1.5, I_a: 1.5, E_theta: 3, I_theta: 3, x_initializer: [-0.2, 1], y_initializer: [0, 1] });
    const runner = new Runner(wc, { monitors: ['x', 'y'], inputs: [['input', -0.5]], dt: o.dt, progress: o.progress });
    const wall = runner.run(duration);
    const { x, y } = wc.variables();
    o.log(`wilson-cowan: final (x, y) = (${x[0].toFixed(5)}, ${y[0].toFixed(5)}) and (${x[1].toFixed(5)}, ${y[1].toFixed(5)})`);
    const separation = Math.hypot(x[0] - x[1], y[0] - y[1]);
    const ts = runner.mon.ts;
    const figures = await saveFigure(
      stackSpecs([
        lineSpec(ts, runner.mon.get('x'), { title: 'e', legend: 'start', ylabel: 'x', width: 420, height: 160 }),
        lineSpec(ts, runner.mon.get('y'), { title: 'i', legend: 'start', ylabel: 'y', xlabel: 'Time (ms)', width: 420, height: 160 }),
      ], 'Wilson-Cowan: two starting points'),
      path.join(o.outDir, 'traces'),
    );
    const checks: Record<string, Check> = {
      final_state_separation: { value: separation, expected: '< 1e-6: one stable state (the seed claims two; see description)', pass: separation < 1e-6 },
    };
    return { duration_ms: duration, steps: ts.length, wall_s: wall, groups: {}, figures, checks };
  },
};

/** x_ext from 0.5 to 1.8 in steps of 0.01, one unit each. */
const FHN_DRIVES = Array.from({ length: 131 }, (_, k) => Math.round(50 + k) / 100);
const SEED_RANGE = [0.72, 1.4] as const;

/**
 * The two Hopf points of FHN with BrainPy's defaults, from the equations: on the fixed-point
 * curve y = x / epsilon the Jacobian's trace -3 alpha x^2 + 2 beta x + gamma - epsilon / tau
 * vanishes at two x; the drive there is x_ext = alpha x^3 - beta x^2 - gamma x + x / epsilon.
 */
function fhnHopfDrives(alpha = 3, beta = 4, gamma = -1.5, epsilon = 0.5, tau = 20): [number, number] {
  const [a, b, c] = [-3 * alpha, 2 * beta, gamma - epsilon / tau];
  const root = Math.sqrt(b * b - 4 * a * c);
  const drive = (x: number) => alpha * x ** 3 - beta * x ** 2 - gamma * x + x / epsilon;
  const xs = [(-b + root) / (2 * a), (-b - root) / (2 * a)].sort((p, q) => p - q);
  return [drive(xs[0]), drive(xs[1])];
}

export const fhn: Example = {
  name: 'fhn',
  title: 'Neural mass model: FitzHugh-Nagumo (rate form)',
  description:
    'Seed 000: FHN(1, exp_auto) driven by input 1.0 oscillates. One unit per x_ext in 0.5..1.8 (step 0.01) measures where the limit cycle exists; ' +
    'the seed reads [0.72, 1.4] off its bifurcation diagram. The checks compare the measured range with the two Hopf points computed from the ' +
    'equations (0.726 and 1.332): the upper end is 1.33, not the 1.4 the seed reads off its plot.',
  defaultDuration: 2000,
  async run(o) {
    const duration = o.duration ?? this.defaultDuration;
    seedGlobal(o.seed);
    const group = new FHN(FHN_DRIVES.length, { x_ext: FHN_DRIVES });
    const runner = new Runner(group, { monitors: ['x', 'y'], dt: o.dt, progress: o.progress });
    const wall = runner.run(duration);
    const x = runner.mon.get('x');
    const tail = Math.floor(x.rows / 2);
    const oscillating = FHN_DRIVES.filter((_, k) => range(column(x, k, tail)) > 0.05);
    const [low, high] = [Math.min(...oscillating), Math.max(...oscillating)];
    const hopf = fhnHopfDrives();
    o.log(`fhn: limit cycle (x amplitude > 0.05 over the second half) for x_ext in [${low.toFixed(2)}, ${high.toFixed(2)}]; ` +
      `Hopf points from the Jacobian: ${hopf.map((h) => h.toFixed(4)).join(', ')}; seed 000 reads [${SEED_RANGE.join(', ')}] off its diagram`);
    const one = FHN_DRIVES.indexOf(1.0);
    const shown = [0.6, 0.8, 1.0, 1.2, 1.6].map((d) => FHN_DRIVES.indexOf(d));
    const { ts, m: xs } = thinTrace(runner.mon.ts, x, 1 / o.dt);
    const ys = thinTrace(runner.mon.ts, runner.mon.get('y'), 1 / o.dt).m;
    const figures = await saveFigure(
      stackSpecs([
        lineSpec(ts, column(xs, one), { title: 'input 1.0 (seed 000)', legend: false, ylabel: 'x', width: 560, height: 150 }),
        lineSpec(ts, column(ys, one), { legend: false, ylabel: 'y', width: 560, height: 150, color: '#b22222' }),
        lineSpec(ts, xs, { title: 'x_ext = 0.6, 0.8, 1.0, 1.2, 1.6', plotIds: shown, legend: 'unit', ylabel: 'x', xlabel: 'Time (ms)', width: 560, height: 200 }),
      ]),
      path.join(o.outDir, 'traces'),
    );
    const checks: Record<string, Check> = {
      cycle_low_x_ext: { value: low, expected: `within 0.015 of the Hopf point ${hopf[0].toFixed(4)} (seed 000: ${SEED_RANGE[0]})`, pass: Math.abs(low - hopf[0]) <= 0.015 },
      cycle_high_x_ext: { value: high, expected: `within 0.015 of the Hopf point ${hopf[1].toFixed(4)} (seed 000: ${SEED_RANGE[1]})`, pass: Math.abs(high - hopf[1]) <= 0.015 },
    };
    return { duration_ms: duration, steps: x.rows, wall_s: wall, groups: {}, figures, checks };
  },
};

const JR_C = [68, 128, 135, 270, 675, 1350];

export const jansenRit: Example = {
  name: 'jansen-rit',
  title: '(Jansen & Rit, 1995): Jansen-Rit Model',
  description:
    'Seed 001: six Jansen-Rit units with C = 68, 128, 135, 270, 675, 1350, input p drawn uniformly in [120, 320] pulses/s every step, dt = 0.1 ms; ' +
    'time is in seconds (duration and dt options are read as ms and converted). C = 135 gives the alpha rhythm (8-12 Hz).',
  defaultDuration: 5000,
  async run(o) {
    const seconds = (o.duration ?? this.defaultDuration) / 1000;
    const dt = o.dt / 1000;
    const steps = Math.round(seconds / dt);
    const stream = new RandomStream(o.seed);
    const ps = Float64Array.from({ length: steps }, () => stream.uniform(120, 320));
    const jr = new JansenRitModel(JR_C.length, { C: JR_C });
    const runner = new Runner(jr, { monitors: ['y0', 'y1', 'y2'], inputs: [['p', ps, 'iter', '=']], dt, progress: o.progress });
    const wall = runner.run(steps * dt);
    const [y0, y1, y2] = ['y0', 'y1', 'y2'].map((k) => runner.mon.get(k));
    const skip = Math.min(Math.round(2 / dt), Math.floor(steps / 2)); // the seed plots t in [2, 5] s
    const peaks = JR_C.map((_, k) => {
      const eeg = column(y1, k, skip).map((v, r) => v - y2.data[(r + skip) * y2.cols + k]);
      return peakFrequency(powerSpectrum(eeg, o.dt, 60), 1, 60);
    });
    JR_C.forEach((c, k) => o.log(`jansen-rit: C = ${c}: peak frequency of y1 - y2 ${peaks[k].toFixed(2)} Hz`));
    // plot t in [2, 5] s at 1 ms resolution, as the seed's figure
    const every = Math.round(1e-3 / dt);
    const from = Math.ceil(skip / every);
    const panel = (m: Matrix2D, k: number, title: string) => {
      const thin = thinTrace(runner.mon.ts, m, every);
      return lineSpec(thin.ts.subarray(from), column(thin.m, k, from), { title, legend: false, width: 420, height: 80, ylabel: 'Hz', xlabel: 'time [s]' });
    };
    const figures: string[] = [];
    for (const [label, m] of [['E', y1], ['P', y0], ['I', y2]] as const) {
      figures.push(...(await saveFigure(stackSpecs(JR_C.map((c, k) => panel(m, k, `${label}, C = ${c}`))), path.join(o.outDir, label))));
    }
    const alpha = peaks[JR_C.indexOf(135)];
    const result: ExampleResult = {
      duration_ms: seconds * 1000,
      steps,
      wall_s: wall,
      groups: {},
      figures,
      checks: { alpha_peak_hz_C135: { value: alpha, expected: '8..12 Hz (alpha rhythm, Jansen & Rit 1995; seed 001 text)', pass: alpha >= 8 && alpha <= 12 } },
    };
    return result;
  },
};
