import { HenonMap, LogisticMap } from '../models/chaos/maps.js';
import { Runner } from '../runner/runner.js';
import { scatterSpec } from '../plot/phase-spec.js';
import type { PlotSpec } from '../plot/specs.js';
import type { Check, Example } from './example.js';
import { column, henonLyapunov, rangeCheck } from './chaos-measures.js';
import { saveGrid } from './chaos-panels.js';

function runMap(map: HenonMap | LogisticMap, steps: number, monitors: string[]) {
  const runner = new Runner(map, { monitors, dt: 1, progress: false });
  const wall = runner.run(steps);
  return { runner, wall };
}

export const henonMap: Example = {
  name: 'henon-map',
  title: 'Hénon map',
  description: 'Seed 001: HenonMap(4) with a = 0.5, 1.0, 1.4, 2.0 (b = 0.3), then a = 0.2 with b = 0.9991 and b = -0.9999, each for 10000 iterations at dt = 1.',
  defaultDuration: 10000,
  async run(o) {
    const steps = Math.round(o.duration ?? this.defaultDuration);
    const aValues = [0.5, 1.0, 1.4, 2.0];
    const four = runMap(new HenonMap(4, { a: aValues }), steps, ['x', 'y']);
    const x = four.runner.mon.get('x');
    const y = four.runner.mon.get('y');
    const panels: PlotSpec[] = aValues.map((a, c) =>
      scatterSpec(column(x.data, 4, c), column(y.data, 4, c), { title: `a = ${a}, b = 0.3`, xlabel: 'x', ylabel: 'y', width: 220, height: 220, pointSize: a === 1.4 ? 1 : 12 }),
    );
    let wall = four.wall;
    for (const b of [0.9991, -0.9999]) {
      const run = runMap(new HenonMap(1, { a: 0.2, b }), steps, ['x', 'y']);
      wall += run.wall;
      panels.push(scatterSpec(run.runner.mon.get('x').data, run.runner.mon.get('y').data, { title: `a = 0.2, b = ${b}`, xlabel: 'x', ylabel: 'y', width: 220, height: 220, pointSize: 1 }));
    }
    const last = (c: number, back: number) => x.data[(x.rows - 1 - back) * 4 + c];
    const checks: Record<string, Check> = {
      period2_sum_a05: { value: last(0, 0) + last(0, 1), expected: '1.4 = (1 - b)/a, the analytic period-2 orbit', pass: Math.abs(last(0, 0) + last(0, 1) - 1.4) < 1e-9 },
      lyapunov_a14: rangeCheck(henonLyapunov(1.4, 0.3, steps), 0.40, 0.44, 'largest exponent 0.4192 for a = 1.4, b = 0.3, Sprott 2003'),
      escapes_a2: { value: last(3, 0), expected: '-Infinity: for a = 2 the orbit from (0, 0) escapes', pass: last(3, 0) === -Infinity },
    };
    o.log(`henon-map: the a = 2 orbit diverges to -Infinity (plotted points stop where it leaves), as the seed's does`);
    const figures = await saveGrid(panels, 3, 'Hénon map', o.outDir, 'henon');
    return { duration_ms: steps, steps: steps * 3, wall_s: wall, groups: {}, figures, checks };
  },
};

/** The number of distinct values (to 1e-6) among the last iterations of one column: the period, or the count when chaotic. */
function period(data: ArrayLike<number>, cols: number, c: number, rows: number, last: number): number {
  const values: number[] = [];
  for (let r = rows - last; r < rows; r++) {
    const v = data[r * cols + c];
    if (!values.some((u) => Math.abs(u - v) < 1e-6)) values.push(v);
  }
  return values.length;
}

export const logisticMap: Example = {
  name: 'logistic-map',
  title: 'Logistic map',
  description: 'Seed 001: LogisticMap(10000, mu from 2 to 4) for 1100 iterations at dt = 1; the last 100 iterations against mu form the bifurcation diagram.',
  defaultDuration: 1100,
  async run(o) {
    const steps = Math.round(o.duration ?? this.defaultDuration);
    const num = 10000;
    const map = new LogisticMap(num, 2, 4);
    const { runner, wall } = runMap(map, steps, ['x']);
    const x = runner.mon.get('x');
    const keep = Math.min(100, x.rows);
    // Every 25th mu (400 columns) keeps the figure light: 40 000 points.
    const mus: number[] = [];
    const xs: number[] = [];
    for (let c = 0; c < num; c += 25) {
      for (let r = x.rows - keep; r < x.rows; r++) {
        mus.push(map.mu[c]);
        xs.push(x.data[r * num + c]);
      }
    }
    const nearest = (mu: number) => Math.round(((mu - 2) / 2) * (num - 1));
    const periodAt = (mu: number) => period(x.data, num, nearest(mu), x.rows, keep);
    // The period-2 orbit of the grid mu nearest 3.2 against its closed form.
    const mu2 = map.mu[nearest(3.2)];
    const upperExact = (mu2 + 1 + Math.sqrt((mu2 - 3) * (mu2 + 1))) / (2 * mu2);
    const upper = Math.max(x.data[(x.rows - 1) * num + nearest(3.2)], x.data[(x.rows - 2) * num + nearest(3.2)]);
    const checks: Record<string, Check> = {
      period_mu_2_8: { value: periodAt(2.8), expected: '1 (fixed point 1 - 1/mu)', pass: periodAt(2.8) === 1 },
      period_mu_3_2: { value: periodAt(3.2), expected: '2', pass: periodAt(3.2) === 2 },
      period_mu_3_5: { value: periodAt(3.5), expected: '4', pass: periodAt(3.5) === 4 },
      period_mu_3_55: { value: periodAt(3.55), expected: '8', pass: periodAt(3.55) === 8 },
      period2_upper_value: rangeCheck(upper, upperExact - 1e-9, upperExact + 1e-9, `(mu + 1 + sqrt((mu - 3)(mu + 1)))/(2 mu) at mu = ${mu2.toFixed(4)}`),
    };
    const figure = scatterSpec(mus, xs, { title: 'Bifurcation diagram', xlabel: 'mu', ylabel: 'x', width: 560, height: 340, pointSize: 0.5, maxPoints: 40000 });
    const figures = await saveGrid([figure], 1, 'Logistic map x -> mu x (1 - x)', o.outDir, 'bifurcation');
    return { duration_ms: steps, steps, wall_s: wall, groups: {}, figures, checks };
  },
};
