#!/usr/bin/env node
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { type Backend, checkBackend, setBackend } from '../core/backend.js';
import { checkMathMode, type MathMode, setMathMode } from '../core/math-mode.js';
import { setArithmetic } from '../core/arithmetic.js';
import { setDType } from '../core/dtype.js';
import { EXAMPLES, findExample } from '../examples/index.js';
import { setDefaultProgress } from '../runner/progress.js';
import { terminalProgress } from './progress-bar.js';

function positiveNumber(value: string): number {
  const x = Number(value);
  if (!(x > 0) || !Number.isFinite(x)) throw new InvalidArgumentError(`expected a positive number, got '${value}'`);
  return x;
}

function integer(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x)) throw new InvalidArgumentError(`expected an integer, got '${value}'`);
  return x;
}

interface RunFlags {
  out?: string;
  duration?: number;
  seed: number;
  dt: number;
  scale?: number;
  data?: string;
  json?: boolean;
  backend?: Backend;
  math?: MathMode;
  float32?: boolean;
}

async function runExample(name: string, flags: RunFlags): Promise<void> {
  const example = findExample(name);
  if (!example) {
    throw new InvalidArgumentError(`unknown example '${name}'; available: ${EXAMPLES.map((e) => e.name).join(', ')}`);
  }
  if (flags.backend) setBackend(flags.backend);
  if (flags.math) setMathMode(flags.math);
  if (flags.float32) {
    setDType('float32');
    setArithmetic('float32');
  }
  const outDir = path.resolve(flags.out ?? path.join('neurodyn-out', name));
  const log = flags.json ? () => undefined : (message: string) => console.log(message);
  if (!flags.json) setDefaultProgress(terminalProgress);
  const result = await example.run({ outDir, duration: flags.duration, seed: flags.seed, dt: flags.dt, scale: flags.scale, dataDir: flags.data, log, progress: !flags.json });
  const failed = Object.entries(result.checks).filter(([, c]) => !c.pass);
  if (flags.json) {
    console.log(JSON.stringify({ example: name, seed: flags.seed, dt: flags.dt, ...result }));
  } else {
    console.log(`simulated ${result.duration_ms} ms (${result.steps} steps) in ${result.wall_s.toFixed(2)} s`);
    for (const [group, g] of Object.entries(result.groups)) console.log(`  ${group}: ${g.size} neurons, ${g.spikes} spikes, ${g.rate_hz.toFixed(2)} Hz`);
    for (const [check, c] of Object.entries(result.checks)) console.log(`  check ${check}: ${c.value.toFixed(3)} (expected ${c.expected}) ${c.pass ? 'PASS' : 'FAIL'}`);
    console.log('figures:');
    for (const file of result.figures) console.log(`  ${file}`);
  }
  // A failed self-check is a wrong result, not a crash: exit code 2 tells scripts apart from errors.
  if (failed.length > 0) process.exitCode = 2;
}

const program = new Command()
  .name('neurodyn')
  .description('Brain-dynamics simulation: run the example gallery, write figures and self-checks.');

program
  .command('examples')
  .description('list the gallery')
  .action(() => {
    const width = Math.max(...EXAMPLES.map((e) => e.name.length));
    for (const e of EXAMPLES) console.log(`${e.name.padEnd(width)}  ${e.title}: ${e.description}`);
  });

program
  .command('run')
  .description('run one gallery entry and write its figures')
  .argument('<name>', 'example name (see `neurodyn examples`)')
  .option('--out <dir>', 'folder for the figures (default neurodyn-out/<name>)')
  .option('--duration <ms>', 'simulated time in ms (default: the example\'s own)', positiveNumber)
  .option('--seed <n>', 'random seed', integer, 0)
  .option('--dt <ms>', 'integration step in ms', positiveNumber, 0.1)
  .option('--scale <x>', 'network size factor (coba, cuba, ei-balanced)', positiveNumber)
  .option('--data <dir>', 'folder of the data sets (hcp/, joglekar2018/); default $NEURODYN_DATA, then ../shared/data')
  .option('--backend <backend>', "where group kernels run: 'auto' (default in Node: WebAssembly unless a kernel calls JavaScript functions), 'wasm' or 'js'", (v: string) => checkBackend(v, '--backend'))
  .option('--math <mode>', "kernel arithmetic: 'exact' (default, IEEE 754 as written) or 'fast' (divisions by constants as products, as -ffast-math)", (v: string) => checkMathMode(v, '--math'))
  .option('--float32', 'store states and compute kernels in float32 (default float64)')
  .option('--json', 'print one JSON object as the last line, no progress bar')
  .action(runExample);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
