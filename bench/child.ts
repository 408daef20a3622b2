import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './result.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..');
export const BRIAN2_PYTHON = '/usr/bin/python3';

export interface ChildRun {
  result: BenchResult;
  /** Seconds from spawning the process to its exit, as a user would wait for it. */
  elapsed_s: number;
}

/** Run a command in its own process and parse the JSON line it prints last. */
export function runChild(command: string, args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = (performance.now() - started) / 1000;
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${err.slice(-2000)}${out.slice(-500)}`));
        return;
      }
      resolve({ result: JSON.parse(last) as BenchResult, elapsed_s: elapsed });
    });
  });
}

export interface RunSpec {
  name: string;
  n?: number;
  duration?: number;
  seed?: number;
  /** Neurodyn's kernel backend (src/core/backend.ts); Brian2 runs ignore it. */
  backend?: string;
  /** Neurodyn's math mode (src/core/math-mode.ts); Brian2 runs ignore it. */
  math?: string;
  /** Neurodyn's kernel threads; Brian2's OpenMP threads. */
  threads?: number;
  /** Neurodyn in float32 storage and arithmetic. */
  float32?: boolean;
  /** Brian2 with float32 state. */
  brian2Float32?: boolean;
}

function commonArgs(s: RunSpec): string[] {
  const args: string[] = [];
  if (s.n !== undefined) args.push('--n', String(s.n));
  if (s.duration !== undefined) args.push('--duration', String(s.duration));
  if (s.seed !== undefined) args.push('--seed', String(s.seed));
  if (s.threads !== undefined) args.push('--threads', String(s.threads));
  return args;
}

/** One Neurodyn benchmark in a fresh Node process (so JIT state never carries over). */
export function runNeurodyn(s: RunSpec): Promise<ChildRun> {
  const backend = s.backend === undefined ? [] : ['--backend', s.backend];
  const math = s.math === undefined ? [] : ['--math', s.math];
  const float32 = s.float32 ? ['--float32'] : [];
  return runChild(process.execPath, ['--import', 'tsx', path.join(HERE, 'run.ts'), s.name, ...commonArgs(s), ...backend, ...math, ...float32, '--json']);
}

/**
 * The Brian2 equivalent: `script` is the script in bench/brian2/ and its leading arguments (the
 * benchmark's `brian2` entry in suite.ts), run with a fresh cpp_standalone build each time.
 */
export function runBrian2(s: RunSpec, script: readonly string[], target: string): Promise<ChildRun> {
  const [file, ...leading] = script;
  const args = [path.join(HERE, 'brian2', file), ...leading, ...commonArgs(s), '--target', target, ...(s.brian2Float32 ? ['--float32'] : [])];
  return runChild(BRIAN2_PYTHON, args);
}
