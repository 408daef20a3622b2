import cliProgress from 'cli-progress';
import type { ProgressReporter } from '../runner/progress.js';

/** A terminal progress bar for runs; none when stderr is not a terminal (pipes, CI, --json). */
export function terminalProgress(): ProgressReporter | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: 'running [{bar}] {percentage}% | {value}/{total} steps | eta {eta_formatted}', stream: process.stderr, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
