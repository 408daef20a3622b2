/** One benchmark run, printed as one JSON line (the same fields as bench/brian2/brette.py). */
export interface BenchResult {
  simulator: 'neurodyn' | 'brian2';
  model: string;
  N: number;
  synapses: number;
  duration_ms: number;
  dt_ms: number;
  backend: string;
  threads: number;
  seed: number;
  /** The step loop alone. */
  wall_run_s: number;
  /** From process start to the printed rates (network construction included). */
  wall_total_s: number;
  spikes: number;
  rate_hz: number;
  peak_rss_mb: number;
  [extra: string]: unknown;
}

export interface BenchOptions {
  n: number;
  duration: number;
  seed: number;
  /** Kernel threads (src/parallel/); 1 by default. */
  threads?: number;
}

export const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Peak resident set size of this process so far, in MB (Linux reports KiB). */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
