import path from 'node:path';
import { Network } from '../core/network.js';
import { seed as seedGlobal } from '../core/random.js';
import { resolveDataDir } from '../io/node.js';
import { firingRate } from '../measure/index.js';
import { saveFigure } from '../plot/node.js';
import { Runner } from '../runner/runner.js';
import type { Check, Example, ExampleOptions, GroupSummary } from './example.js';
import { fig5PeaksSpec, indexOf, fig5RasterSpec, fig5RatesSpec, type RegimeRun } from './joglekar-fig5-figures.js';
import { AREAS, buildMultiAreaNet, loadMultiAreaData, type MultiAreaData, type MultiAreaParams, STRONG_GBA, WEAK_GBA } from './joglekar-fig5-net.js';

const DEFAULT_SCALE = 0.25;
/** The seed's input: 15 to V1's E neurons for 150 ms after 300 ms, then 500 ms more (950 ms). */
const PULSE = { value: 15, start: 300, end: 450 };
const BASELINE: readonly [number, number] = [100, 300];
const RESPONSE: readonly [number, number] = [300, 650];
/** After the response has had 300 ms to decay: the paper's network is back in its background state. */
const LATE: readonly [number, number] = [750, 950];
const SMOOTH_MS = 10;
/** E neurons per area drawn in the raster. */
const SHOWN = 20;
/** A response is a peak rise above the baseline mean by more than this many baseline SDs. */
const SIGNIFICANT_SD = 5;
/** The areas of the seed's Fig. 3B-D panels (V1, V4, 8m, 8l, TEO, 7A, 9/46d, TEpd, 24c). */
const PANEL_AREAS = [0, 2, 5, 7, 8, 12, 16, 18, 28];

export interface RegimeResult extends RegimeRun {
  baseline: Float64Array;
  /** Mean E rate over all areas in the LATE window (NaN when the run is shorter). */
  late: number;
  noise: Float64Array;
  groups: Record<string, GroupSummary>;
  wall: number;
  steps: number;
}


function meanSd(xs: Float64Array): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [mean, Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)];
}

export function runRegime(data: MultiAreaData, params: MultiAreaParams, title: string, o: ExampleOptions, scale: number, duration: number, pulse = PULSE.value): RegimeResult {
  seedGlobal(o.seed);
  const { E, I, synapses, perArea, prob } = buildMultiAreaNet(data, { params, scale, dt: o.dt, seed: o.seed });
  const n = data.n;
  const drive = new Float64Array(E.num).fill(params.extE);
  const driveWithPulse = drive.map((v, j) => (j < perArea.E ? v + pulse : v));
  const counts = new Float64Array(n);
  const shown = Array.from({ length: n * SHOWN }, (_, k) => Math.floor(k / SHOWN) * perArea.E + (k % SHOWN));
  const runner = new Runner(new Network({ E, I, synapses }), {
    monitors: [
      { key: 'counts', fn: () => areaCounts(E.spikeList, E.spikeCount, perArea.E, counts) },
      { key: 'raster', path: 'E.spike', index: shown },
      { key: 'countI', fn: () => I.spikeCount },
    ],
    inputs: [
      ['E.input', (t: number) => (t >= PULSE.start - o.dt / 2 && t < PULSE.end - o.dt / 2 ? driveWithPulse : drive), 'func', '+'],
      ['I.input', params.extI],
    ],
    dt: o.dt,
    progress: o.progress,
  });
  o.log(`joglekar-fig5 ${title}: ${n} areas x (${perArea.E} E + ${perArea.I} I) noisy LIF neurons, connection probability ${prob.toFixed(3)} (in-degrees as at full size), ${duration} ms at dt = ${o.dt} ms`);
  const wall = runner.run(duration);
  const ts = runner.mon.ts;
  const c = runner.mon.get('counts');
  const rates = new Float64Array(c.data.length);
  const [b0, b1, r0, r1] = [...BASELINE, ...RESPONSE].map((t) => indexOf(ts, t));
  const baseline = new Float64Array(n);
  const noise = new Float64Array(n);
  const peaks = new Float64Array(n);
  let spikesE = 0;
  for (let a = 0; a < n; a++) {
    const column = Float64Array.from({ length: c.rows }, (_, s) => c.data[s * n + a]);
    for (let s = 0; s < column.length; s++) spikesE += column[s];
    const rate = firingRate({ data: column, rows: c.rows, cols: 1 }, SMOOTH_MS, o.dt).map((r) => r / perArea.E);
    rate.forEach((r, s) => (rates[s * n + a] = r));
    [baseline[a], noise[a]] = meanSd(rate.subarray(b0, b1));
    peaks[a] = rate.subarray(r0, r1).reduce((m, r) => Math.max(m, r), -Infinity) - baseline[a];
  }
  const [l0, l1] = LATE.map((t) => indexOf(ts, t));
  let late = 0;
  for (let k = l0; k < l1; k++) for (let a = 0; a < n; a++) late += rates[k * n + a];
  late = duration >= LATE[1] ? late / ((l1 - l0) * n) : NaN;
  let spikesI = 0;
  for (const count of runner.mon.get('countI').data) spikesI += count;
  const seconds = duration / 1000;
  const groups = {
    [`E (${title})`]: { size: E.num, spikes: spikesE, rate_hz: spikesE / E.num / seconds },
    [`I (${title})`]: { size: I.num, spikes: spikesI, rate_hz: spikesI / I.num / seconds },
  };
  o.log(`joglekar-fig5 ${title}: ${wall.toFixed(1)} s; per area (baseline Hz / peak rise Hz): ${AREAS.map((name, a) => `${name} ${baseline[a].toFixed(1)}/${peaks[a].toFixed(1)}`).join(', ')}`);
  return { title, ts, raster: runner.mon.get('raster'), rates: { data: rates, rows: c.rows, cols: n }, peaks, baseline, noise, late, groups, wall, steps: ts.length };
}

/** Spikes per area in this step (the spike list is ascending, so one pass suffices). */
function areaCounts(list: Int32Array, count: number, perArea: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let k = 0; k < count; k++) out[Math.floor(list[k] / perArea)]++;
  return out;
}

export const responds = (r: RegimeResult, a: number) => r.peaks[a] > SIGNIFICANT_SD * r.noise[a];

/** Spearman rank correlation of x with y (no ties expected). */
function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>) => {
    const order = Array.from(v, (_, k) => k).sort((a, b) => v[a] - v[b]);
    const r = new Float64Array(v.length);
    order.forEach((k, pos) => (r[k] = pos));
    return r;
  };
  const [rx, ry] = [rank(x), rank(y)];
  const n = x.length;
  const d2 = rx.reduce((sum, v, k) => sum + (v - ry[k]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

function checks(weak: RegimeResult, strong: RegimeResult, data: MultiAreaData): Record<string, Check> {
  const last = data.n - 1;
  const count = (r: RegimeResult) => Array.from({ length: data.n - 1 }, (_, k) => k + 1).filter((a) => responds(r, a)).length;
  const [nWeak, nStrong] = [count(weak), count(strong)];
  const maxBaseline = Math.max(...weak.baseline, ...strong.baseline);
  const meanBaseline = strong.baseline.reduce((a, b) => a + b, 0) / data.n;
  const rho = spearman(data.hier, weak.peaks);
  const sds = (r: RegimeResult) => r.peaks[last] / Math.max(r.noise[last], 1e-12);
  const criterion = `peak rise of the ${SMOOTH_MS} ms rate > ${SIGNIFICANT_SD} SD of its baseline (${BASELINE[0]}-${BASELINE[1]} ms)`;
  const result: Record<string, Check> = {
    background_asynchronous_max_hz: { value: maxBaseline, expected: "< 20 Hz in every area before the pulse, both regimes (the paper's low-rate asynchronous background)", pass: maxBaseline < 20 },
    v1_peak_largest_weak: { value: weak.peaks[0], expected: 'V1, the stimulated area, has the largest peak rise of all areas with weak GBA', pass: weak.peaks.every((p, a) => a === 0 || p < weak.peaks[0]) },
    weak_peak_vs_hierarchy_spearman: { value: rho, expected: '< 0: with weak GBA the response decays along the hierarchy', pass: rho < 0 },
    weak_24c_no_response_sd: { value: sds(weak), expected: `<= ${SIGNIFICANT_SD}: with weak GBA the signal does not reach 24c (paper, Fig. 5)`, pass: !responds(weak, last) },
    strong_24c_response_sd: { value: sds(strong), expected: `> ${SIGNIFICANT_SD}: with strong GBA the signal reaches 24c, the top of the hierarchy (paper, Fig. 5)`, pass: responds(strong, last) },
    areas_responding_strong_minus_weak: { value: nStrong - nWeak, expected: `> 0: more of the 28 unstimulated areas respond with strong GBA (${nStrong}) than with weak (${nWeak}); ${criterion}`, pass: nStrong > nWeak },
  };
  if (!Number.isNaN(strong.late)) {
    result.strong_late_rate_hz = {
      value: strong.late,
      expected: `< ${(2 * meanBaseline).toFixed(1)} Hz, twice the background: in the paper the strong-GBA response is transient and the network returns to its asynchronous state (${LATE[0]}-${LATE[1]} ms, all areas)`,
      pass: strong.late < 2 * meanBaseline,
    };
  }
  return result;
}

export const joglekarFig5: Example = {
  name: 'joglekar-fig5',
  title: '(Joglekar, et. al, 2018): Inter-areal Balanced Amplification Figure 5',
  description:
    "Seed 001's MultiAreaNet: 29 areas of noisy LIF neurons (1600 E + 400 I at full size), delta synapses with FLN- and hierarchy-scaled " +
    "long-range weights and distance/3.5 delays, V1 driven by 15 for 300-450 ms of 950 ms. Runs the seed's parameters (weak GBA) and strong " +
    "GBA (wEI = muEE = 0.05, from the authors' code; the seed runs only the weak case). Connectivity is generated on the fly (JitFixedProb). " +
    `Default --scale ${DEFAULT_SCALE} (400 E + 100 I per area, connection probability 0.4 so in-degrees are the full network's); --scale 1 is the seed's size. ` +
    'Weak GBA reproduces Fig. 5A: the pulse reaches the early visual areas and not prefrontal cortex. Strong GBA does NOT reproduce the ' +
    "paper's transient propagation: the pulse reaches 24c, but the whole network then ignites into a persistent 100-400 Hz state, and the " +
    'late-rate check fails. Brian2 running the same equations ignites too (test/reference/joglekar-fig5-brian2.json), and so does the ' +
    "full-size network and the authors' smaller pulse (6.3); so does Brian2 running the authors' own formulation (delays jittered by 10 %, " +
    'pulse 6.3, input also during refractoriness).',
  defaultDuration: 950,
  async run(o: ExampleOptions) {
    const scale = o.scale ?? DEFAULT_SCALE;
    const duration = o.duration ?? 950;
    const data = loadMultiAreaData(resolveDataDir(o.dataDir, 'joglekar2018'));
    const weak = runRegime(data, WEAK_GBA, 'weak GBA', o, scale, duration);
    const strong = runRegime(data, STRONG_GBA, 'strong GBA', o, scale, duration);
    const runs = [weak, strong];
    if (duration < RESPONSE[1]) o.log(`joglekar-fig5: no checks: they need the response window up to ${RESPONSE[1]} ms, the run is ${duration} ms`);
    const names = [...AREAS];
    const save = async (spec: Parameters<typeof saveFigure>[0], name: string) => saveFigure(spec, path.join(o.outDir, name));
    const figures = [
      ...(await save(fig5RasterSpec(runs, names, SHOWN, duration), 'fig5-raster')),
      ...(await save(fig5RatesSpec(runs, names, PANEL_AREAS, duration >= 800 ? [200, 800] : [0, duration]), 'fig5-rates')),
      ...(await save(fig5PeaksSpec(runs), 'fig5-peaks')),
    ];
    return {
      duration_ms: duration,
      steps: weak.steps + strong.steps,
      wall_s: weak.wall + strong.wall,
      groups: { ...weak.groups, ...strong.groups },
      figures,
      checks: duration >= RESPONSE[1] ? checks(weak, strong, data) : {},
    };
  },
};
