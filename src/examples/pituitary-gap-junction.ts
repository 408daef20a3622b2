import path from 'node:path';
import { All2All } from '../connect/index.js';
import { EquationGroup } from '../core/equation-group.js';
import { defineModel } from '../core/model.js';
import { Network } from '../core/network.js';
import { seed as seedGlobal, streamFor } from '../core/random.js';
import { GapJunction } from '../models/synapses/index.js';
import { saveFigure } from '../plot/node.js';
import { lineSpec } from '../plot/specs.js';
import { Runner } from '../runner/runner.js';
import type { Check, Example, ExampleOptions, ExampleResult } from './example.js';

/**
 * The seed's PituitaryCell (Fazli & Bertram 2022): Ca, delayed-rectifier K, BK and SK currents,
 * with the synaptic/coupling input SUBTRACTED in dV (as the seed writes it).
 */
const PITUITARY_MODEL = defineModel(
  'PituitaryCell',
  {
    equations: {
      V: '-(gca / (1 + exp((vm - V) / sm)) * (V - vca) + gsk * c * c / (c * c + ks * ks) * (V - vk) + gbk * b * (V - vk) + gk * n * (V - vk) + gl * (V - vl) + input) / cm',
      n: '(1 / (1 + exp((vn - V) / sn)) - n) / taun',
      b: '(1 / (1 + exp((vb - V) / sbk)) - b) / taubk',
      c: '-ff * (alpha * gca / (1 + exp((vm - V) / sm)) * (V - vca) + kc * c)',
    },
    inputs: ['input'],
  },
  ['vn', 'kc', 'ff', 'vca', 'vk', 'vl', 'gk', 'cm', 'gbk', 'gca', 'gsk', 'vm', 'vb', 'sn', 'sm', 'sbk', 'taun', 'taubk', 'ks', 'alpha', 'gl'],
);

const PARAMS = { vn: -5, kc: 0.12, ff: 0.005, vca: 60, vk: -75, vl: -50, gk: 2.5, cm: 5, gbk: 1, gca: 2.1, gsk: 2, vm: -20, vb: -5, sn: 10, sm: 12, sbk: 2, taun: 30, taubk: 5, ks: 0.4, alpha: 0.0015, gl: 0.2 };

function pituitaryCells(num: number): EquationGroup {
  const rng = streamFor();
  const draw = (f: () => number) => Float64Array.from({ length: num }, f);
  // The seed's initial state: V uniform in (-70, 20], n and b in [0, 0.5), c in [0, 1).
  const initial = { V: draw(() => rng.random() * -90 + 20), n: draw(() => rng.random() / 2), b: draw(() => rng.random() / 2), c: draw(() => rng.random()) };
  return new EquationGroup(num, PITUITARY_MODEL, PARAMS, initial, { method: 'exp_auto', name: 'N' });
}

/** Upward crossings of -30 mV: one per burst (the plateau stays above it). */
function events(v: ArrayLike<number>, cols: number, col: number): number {
  let n = 0;
  for (let r = 1; r < v.length / cols; r++) if (v[(r - 1) * cols + col] < -30 && v[r * cols + col] >= -30) n++;
  return n;
}

function correlation(v: ArrayLike<number>, rows: number, from: number): number {
  let [sa, sb, saa, sbb, sab, n] = [0, 0, 0, 0, 0, 0];
  for (let r = from; r < rows; r++) {
    const [a, b] = [v[r * 2], v[r * 2 + 1]];
    sa += a;
    sb += b;
    saa += a * a;
    sbb += b * b;
    sab += a * b;
    n++;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
}

function simulate(gc: number, seed: number, dt: number, duration: number) {
  seedGlobal(seed);
  const N = pituitaryCells(2);
  const gj = new GapJunction(N, N, new All2All({ include_self: false }), { g_max: gc });
  const runner = new Runner(new Network({ N, gj }), { monitors: ['N.V'], dt, progress: false });
  const wall = runner.run(duration);
  return { runner, wall, V: runner.mon.get('N.V') };
}

export const pituitaryGapJunction: Example = {
  name: 'pituitary-gap-junction',
  title: '(Fazli and Richard, 2022): Electrically Coupled Bursting Pituitary Cells',
  description:
    'Seed 001: two pituitary cells (Ca, Kdr, BK, SK currents; exponential Euler) coupled by a GapJunction ' +
    '(All2All without self-connections, g_max 0.002), dt 0.5 ms, 10 s, random initial states. Kept oddity of the seed: ' +
    'the cell subtracts `input` in dV while BrainPy\'s GapJunction adds g (V_pre - V_post) to it, so the coupling current ' +
    'has the opposite sign of a conventional gap junction. Check: both cells burst. The run is repeated with the ' +
    'coupling off and the voltage correlation of the two cells with and without it is logged (seed 1: 0.51 vs 0.23).',
  defaultDuration: 10000,
  run: async (o: ExampleOptions): Promise<ExampleResult> => {
    const dt = 0.5;
    if (o.dt !== dt) o.log(`pituitary-gap-junction runs at the seed's dt = ${dt} ms`);
    const duration = o.duration ?? 10000;
    const coupled = simulate(0.002, o.seed, dt, duration);
    const uncoupled = simulate(0, o.seed, dt, duration);
    const rows = coupled.V.rows;
    const settle = Math.min(rows - 2, Math.round(2000 / dt));
    const rCoupled = correlation(coupled.V.data, rows, settle);
    const rUncoupled = correlation(uncoupled.V.data, rows, settle);
    const counts = [events(coupled.V.data, 2, 0), events(coupled.V.data, 2, 1)];
    o.log(`bursts (upward crossings of -30 mV): cell 0 ${counts[0]}, cell 1 ${counts[1]}`);
    o.log(`V correlation of the two cells after 2 s (no seed number to compare): coupled ${rCoupled.toFixed(3)}, uncoupled ${rUncoupled.toFixed(3)}`);
    const checks: Record<string, Check> = {
      cells_burst: { value: Math.min(...counts), expected: '>= 5 bursts per cell in 10 s (the seed shows bursting cells; it prints no count)', pass: Math.min(...counts) >= 5 },
    };
    const figure = lineSpec(coupled.runner.mon.ts, coupled.V, { title: 'Electrically coupled pituitary cells (g_c = 0.002)', ylabel: 'V (mV)', xlabel: 'Time (ms)', legend: 'Cell', width: 720, height: 260 });
    const figures = await saveFigure(figure, path.join(o.outDir, 'voltage'));
    const groups = { N: { size: 2, spikes: counts[0] + counts[1], rate_hz: (counts[0] + counts[1]) / 2 / (duration / 1000) } };
    return { duration_ms: duration, steps: rows, wall_s: coupled.wall + uncoupled.wall, groups, figures, checks };
  },
};
