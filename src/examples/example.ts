/** What every gallery entry provides, and what a run of one reports (the CLI prints it). */
export interface ExampleOptions {
  /** Folder the figures go to. */
  outDir: string;
  /** Simulated time in ms (default: the entry's own). */
  duration?: number;
  seed: number;
  dt: number;
  /** Folder of the real data sets (hcp/, joglekar2018/); default $NEURODYN_DATA, then ../shared/data. */
  dataDir?: string;
  /** Network size factor for entries that have one (COBA, CUBA: 4000*scale neurons, weights / scale). */
  scale?: number;
  /** Print progress lines (false with --json). */
  log: (message: string) => void;
  /** Show a progress bar while running. */
  progress: boolean;
}

export interface GroupSummary {
  size: number;
  spikes: number;
  rate_hz: number;
}

export interface Check {
  value: number;
  /** The number or range it is compared with, and where that comes from. */
  expected: string;
  pass: boolean;
}

export interface ExampleResult {
  duration_ms: number;
  steps: number;
  wall_s: number;
  groups: Record<string, GroupSummary>;
  figures: string[];
  checks: Record<string, Check>;
}

export interface Example {
  name: string;
  /** The seed document's title of the example. */
  title: string;
  description: string;
  defaultDuration: number;
  run(options: ExampleOptions): Promise<ExampleResult>;
}
