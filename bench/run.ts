import { Command, InvalidArgumentError } from 'commander';
import { type Backend, checkBackend, getBackend, setBackend } from '../src/core/backend.js';
import { checkMathMode, getMathMode, type MathMode, setMathMode } from '../src/core/math-mode.js';
import { setArithmetic } from '../src/core/arithmetic.js';
import { setDType } from '../src/core/dtype.js';
import { runNeurodyn } from './child.js';
import { BENCHMARKS, findBenchmark } from './suite.js';
import { versusBrian2 } from './vs-brian2.js';

/**
 * `npm run bench` runs the suite, each benchmark in its own process, one JSON line each;
 * `npm run bench -- coba --n 4000 --duration 5000 --json` runs one here and prints its JSON
 * line last; `npm run bench -- coba --vs brian2` alternates with Brian2 (bench/brian2/).
 */
const positiveInt = (what: string) => (v: string) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x <= 0) throw new InvalidArgumentError(`${what} must be a positive integer, got '${v}'`);
  return x;
};
const positive = (what: string) => (v: string) => {
  const x = Number(v);
  if (!(x > 0)) throw new InvalidArgumentError(`${what} must be a positive number, got '${v}'`);
  return x;
};

interface Opts {
  n?: number;
  duration?: number;
  seed?: number;
  threads?: number;
  backend: Backend;
  math: MathMode;
  float32?: boolean;
  brian2Float32?: boolean;
  json?: boolean;
  vs?: string;
  pairs: number;
  target: string;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(names: string[], o: Opts): Promise<void> {
  setBackend(o.backend);
  setMathMode(o.math);
  if (o.float32) {
    setDType('float32');
    setArithmetic('float32');
  }
  if (o.vs !== undefined) {
    if (o.vs !== 'brian2') throw new InvalidArgumentError(`--vs: only 'brian2' is supported, got '${o.vs}'`);
    if (o.pairs < 5) log(`note: ${o.pairs} pairs; at least 5 are needed for a meaningful median`);
    for (const name of names.length ? names : ['coba']) {
      const b = findBenchmark(name);
      if (!b.brian2) throw new InvalidArgumentError(`--vs brian2: '${name}' has no Brian2 equivalent in bench/brian2/`);
      const spec = { name, n: o.n ?? b.defaults.n, duration: o.duration ?? b.defaults.duration, seed: o.seed ?? b.defaults.seed, backend: o.backend, math: o.math, threads: o.threads, float32: o.float32, brian2Float32: o.brian2Float32 };
      log(`${name}: ${o.pairs} A/B pairs against Brian2 ${o.target}, N = ${spec.n}, ${spec.duration} ms`);
      console.log(JSON.stringify(await versusBrian2(spec, { brian2: b.brian2, pairs: o.pairs, target: o.target, log })));
    }
    return;
  }
  if (names.length === 1) {
    const b = findBenchmark(names[0]);
    const result = b.run({ n: o.n ?? b.defaults.n, duration: o.duration ?? b.defaults.duration, seed: o.seed ?? b.defaults.seed, threads: o.threads });
    if (!o.json) log(`${b.name}: ${b.description}`);
    console.log(JSON.stringify(result));
    return;
  }
  const selected = names.length ? names.map(findBenchmark) : BENCHMARKS;
  if (!names.length) log(`suite: ${selected.map((b) => b.name).join(', ')}`);
  for (const b of selected) {
    const scaled = names.length ? {} : (b.inSuite ?? {});
    if (scaled.n !== undefined && o.n === undefined) log(`${b.name}: scaled to N = ${scaled.n} in the suite (run it alone for N = ${b.defaults.n})`);
    const { result } = await runNeurodyn({ name: b.name, n: o.n ?? scaled.n, duration: o.duration ?? scaled.duration, seed: o.seed, backend: o.backend, math: o.math, float32: o.float32 });
    console.log(JSON.stringify(result));
  }
}

const program = new Command('bench')
  .description('Neurodyn benchmarks (Brette et al. 2007 COBA/CUBA, ...); one JSON line per run')
  .argument('[names...]', `benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')} (default: all)`)
  .option('--n <neurons>', 'network size', positiveInt('--n'))
  .option('--duration <ms>', 'simulated time in ms', positive('--duration'))
  .option('--seed <seed>', 'random seed (first seed of the pairs with --vs)', positiveInt('--seed'))
  .option('--threads <k>', "kernel threads (with --vs, Brian2's OpenMP threads too)", positiveInt('--threads'))
  .option('--backend <backend>', "where group kernels run: 'auto', 'wasm' or 'js'", (v: string) => checkBackend(v, '--backend'), getBackend())
  .option('--math <mode>', "kernel arithmetic: 'exact' or 'fast' (src/core/math-mode.ts)", (v: string) => checkMathMode(v, '--math'), getMathMode())
  .option('--float32', 'float32 storage and arithmetic (src/core/arithmetic.ts); default float64')
  .option('--brian2-float32', "with --vs: Brian2's state in float32 (default float64)")
  .option('--json', 'print only the JSON line')
  .option('--vs <simulator>', "alternate with another simulator: 'brian2'")
  .option('--pairs <k>', 'A/B pairs for --vs', positiveInt('--pairs'), 5)
  .option('--target <target>', 'Brian2 target for --vs: cpp_standalone, cython or numpy', 'cpp_standalone')
  .action((names: string[], o: Opts) => main(names, o));

program.parseAsync().catch((e: unknown) => {
  log(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
