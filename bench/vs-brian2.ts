import { type ChildRun, runBrian2, runNeurodyn, type RunSpec } from './child.js';
import { round } from './result.js';
import { median, rateAgreement } from './stats.js';

export interface VsOptions {
  /** The Brian2 script and its leading arguments (suite.ts). */
  brian2: readonly string[];
  pairs: number;
  target: string;
  log: (line: string) => void;
}

/**
 * Alternates Neurodyn and Brian2 (A B A B ...), each run in a fresh process with the pair's
 * seed, so both see the same machine load over time; the ratio of each pair is what counts on
 * a shared machine. Rates are compared across the seeds: if they disagree beyond seed noise the
 * two programs do not simulate the same thing and the comparison is marked void.
 */
export async function versusBrian2(spec: RunSpec, o: VsOptions): Promise<Record<string, unknown>> {
  const ours: ChildRun[] = [];
  const theirs: ChildRun[] = [];
  for (let k = 0; k < o.pairs; k++) {
    const seeded = { ...spec, seed: (spec.seed ?? 1) + k };
    const a = await runNeurodyn(seeded);
    const b = await runBrian2(seeded, o.brian2, o.target);
    ours.push(a);
    theirs.push(b);
    o.log(
      `pair ${k + 1}/${o.pairs} seed ${seeded.seed}: neurodyn run ${a.result.wall_run_s.toFixed(3)} s (total ${a.elapsed_s.toFixed(2)} s, ${a.result.rate_hz.toFixed(2)} Hz) | ` +
        `brian2 run ${b.result.wall_run_s.toFixed(3)} s (total ${b.elapsed_s.toFixed(2)} s, ${b.result.rate_hz.toFixed(2)} Hz) | ` +
        `ratio run ${(a.result.wall_run_s / b.result.wall_run_s).toFixed(3)}, total ${(a.elapsed_s / b.elapsed_s).toFixed(3)}`,
    );
  }
  const runRatios = ours.map((a, k) => a.result.wall_run_s / theirs[k].result.wall_run_s);
  const totalRatios = ours.map((a, k) => a.elapsed_s / theirs[k].elapsed_s);
  // Brian2's standalone loop time is CPU time (std::clock) without OpenMP: compare it with our CPU time.
  const cpuLoop = (r: ChildRun) => (r.result.loop_clock === 'cpu (std::clock)' ? r.result.wall_run_s : (r.result.cpu_run_s as number | null | undefined));
  const cpuRatios = ours.every((r) => r.result.cpu_run_s) && theirs.every((r) => cpuLoop(r)) ? ours.map((a, k) => (a.result.cpu_run_s as number) / (cpuLoop(theirs[k]) as number)) : [];
  const rates = rateAgreement(ours.map((r) => r.result.rate_hz), theirs.map((r) => r.result.rate_hz));
  const first = ours[0].result;
  return {
    comparison: 'neurodyn-vs-brian2',
    model: first.model,
    N: first.N,
    duration_ms: first.duration_ms,
    brian2_backend: theirs[0].result.backend,
    neurodyn_backend: first.backend,
    threads: first.threads,
    pairs: o.pairs,
    neurodyn_wall_run_s_median: round(median(ours.map((r) => r.result.wall_run_s)), 4),
    brian2_wall_run_s_median: round(median(theirs.map((r) => r.result.wall_run_s)), 4),
    neurodyn_total_s_median: round(median(ours.map((r) => r.elapsed_s)), 3),
    brian2_total_s_median: round(median(theirs.map((r) => r.elapsed_s)), 3),
    neurodyn_runs: ours.map((r) => ({ seed: r.result.seed, wall_run_s: r.result.wall_run_s, cpu_run_s: r.result.cpu_run_s, elapsed_s: round(r.elapsed_s, 3), rate_hz: r.result.rate_hz })),
    brian2_runs: theirs.map((r) => ({ seed: r.result.seed, wall_run_s: r.result.wall_run_s, loop_clock: r.result.loop_clock, cpu_run_s: r.result.cpu_run_s, elapsed_s: round(r.elapsed_s, 3), rate_hz: r.result.rate_hz })),
    /** Our wall-clock loop over Brian2's reported loop time (CPU time for single-thread cpp_standalone). */
    run_ratio_per_pair: runRatios.map((x) => round(x, 3)),
    run_ratio_median: round(median(runRatios), 3),
    /** CPU time of our loop over the CPU time of Brian2's loop: the fair ratio on a loaded machine. */
    cpu_ratio_per_pair: cpuRatios.map((x) => round(x, 3)),
    cpu_ratio_median: cpuRatios.length ? round(median(cpuRatios), 3) : null,
    total_ratio_per_pair: totalRatios.map((x) => round(x, 3)),
    total_ratio_median: round(median(totalRatios), 3),
    neurodyn_rates_hz: ours.map((r) => r.result.rate_hz),
    brian2_rates_hz: theirs.map((r) => r.result.rate_hz),
    rate_z: round(rates.z, 2),
    rates_agree: rates.agree,
    void: !rates.agree,
    neurodyn_peak_rss_mb_median: median(ours.map((r) => r.result.peak_rss_mb)),
    brian2_peak_rss_mb_median: median(theirs.map((r) => r.result.peak_rss_mb)),
  };
}
