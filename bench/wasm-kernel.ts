import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cobaPlan, COBA, load, store } from './coba-plan.js';
import type { ArrayType, GroupKernel, KernelPlan } from '../src/core/kernel-ir.js';
import { compileKernelJs } from '../src/core/kernel-js.js';
import { float32Plan } from '../src/core/float32-plan.js';
import { streamFor } from '../src/core/random.js';
import { WasmArena } from '../src/wasm/arena.js';
import { compileKernelWasm } from '../src/wasm/kernel-wasm.js';

/**
 * JavaScript and WebAssembly group kernels compiled from the same plan, timed in CPU time per
 * element and step, in interleaved blocks so that a change in machine load hits both alike:
 * 1. the fused COBA kernel (bench/coba-plan.ts): N neurons, V uniform in [-60, -50] mV, 20 added
 *    to the input before each step (outside the timing);
 * 2. the cost of one Math.exp call: a kernel storing exp(x) against one storing x * 1.0001.
 * 'wasm-f32x4-prototype' (N <= 4000, a multiple of 4) is the hand-written float32 version of the
 * COBA kernel in bench/prototypes/; 'wasm-float32' the generated kernel under float32 arithmetic
 * (src/core/arithmetic.ts), whose four-lane loop is what the prototype measured beforehand.
 * 'js' runs the JavaScript kernel on arrays over ordinary ArrayBuffers, 'js-shared' on arrays in a
 * shared WebAssembly memory (groups keep their arrays in shared memory by default), 'wasm' the
 * WebAssembly kernel on those.
 * Usage: npx tsx bench/wasm-kernel.ts [N] [blocks] [steps per block]
 */
const n = Number(process.argv[2] ?? 4000);
const blocks = Number(process.argv[3] ?? 15);
const stepsPerBlock = Number(process.argv[4] ?? 250);
const BACKENDS = ['js', 'js-shared', 'wasm'] as const;
type Variant = (typeof BACKENDS)[number] | 'wasm-float32' | 'wasm-f32x4-prototype';
const COBA_VARIANTS: readonly Variant[] = [...BACKENDS, 'wasm-float32', ...(n <= 4000 && n % 4 === 0 ? (['wasm-f32x4-prototype'] as const) : [])];

type KernelArray = Float64Array | Float32Array | Uint8Array | Int32Array;
interface ArrayConstructor {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): KernelArray;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): KernelArray;
}
const CONSTRUCTORS: Readonly<Record<ArrayType, ArrayConstructor>> = { f64: Float64Array, f32: Float32Array, u8: Uint8Array, i32: Int32Array };

/** Byte offsets of the COBA plan's arrays in the prototype's memory (bench/prototypes/coba-f32x4.wat). */
const PROTOTYPE_LAYOUT: readonly { offset: number; type: ArrayType }[] = [
  { offset: 0, type: 'f32' },
  { offset: 16384, type: 'f32' },
  { offset: 131072, type: 'u8' },
  { offset: 139264, type: 'i32' },
  { offset: 98304, type: 'f64' },
  { offset: 135168, type: 'u8' },
  { offset: 32768, type: 'f32' },
  { offset: 49152, type: 'f32' },
  { offset: 65536, type: 'f32' },
  { offset: 81920, type: 'f32' },
];

/** The prototype with the COBA plan's array order (as views of its memory) and the GroupKernel signature. */
function preparePrototype(fill: (array: number, k: number) => number) {
  const bytes = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'prototypes', 'coba-f32x4.wasm'));
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as {
    mem: WebAssembly.Memory;
    init: (c0: number, c1: number, c2: number) => void;
    kernel: (n: number, t: number, previousCount: number) => number;
  };
  // The factors of the two synaptic steps and of the membrane step, as in bench/coba-plan.ts.
  exports.init(0.0990066334662235, 0.09950166250831949, 0.09975041614635376);
  const arrays = PROTOTYPE_LAYOUT.map(({ offset, type }) => new CONSTRUCTORS[type](exports.mem.buffer, offset, n));
  arrays.forEach((array, i) => {
    for (let k = 0; k < n; k++) array[k] = fill(i, k);
  });
  const kernel: GroupKernel = (count, t, _arrays, _rng, previousCount = 0) => exports.kernel(count, t, previousCount);
  return { arrays, kernel };
}

function prepare(plan: KernelPlan, variant: Variant, fill: (array: number, k: number) => number) {
  if (variant === 'wasm-f32x4-prototype') return preparePrototype(fill);
  const arena = new WasmArena('bench');
  const arrays: KernelArray[] = plan.arrays.map((a) => {
    const Constructor = CONSTRUCTORS[a.type];
    if (variant === 'js') return new Constructor(n);
    const { buffer, byteOffset } = arena.allocate(n, Constructor.BYTES_PER_ELEMENT);
    return new Constructor(buffer, byteOffset, n);
  });
  arrays.forEach((array, i) => {
    for (let k = 0; k < n; k++) array[k] = fill(i, k);
  });
  const kernel: GroupKernel =
    variant === 'wasm' || variant === 'wasm-float32'
      ? compileKernelWasm(
          plan,
          arena,
          arrays.map((a) => a.byteOffset),
        )
      : compileKernelJs(plan).kernel;
  return { arrays, kernel };
}

/** CPU microseconds (user + system) spent in `f`. */
function cpuMicroseconds(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const spent = process.cpuUsage(before);
  return spent.user + spent.system;
}

function cobaRunner(variant: Variant) {
  const rng = streamFor(1);
  const plan = variant === 'wasm-float32' ? float32Plan(cobaPlan(true)) : cobaPlan();
  const { arrays, kernel } = prepare(plan, variant, (array) => (array === COBA.V ? -60 + 10 * rng.random() : array === COBA.tLast ? -1e7 : 0));
  const input = arrays[COBA.input];
  let step = 0;
  let previous = 0;
  let spikes = 0;
  return {
    /** CPU µs of the kernel calls of `steps` steps. */
    block(steps: number): number {
      let cpu = 0;
      for (let s = 0; s < steps; s++, step++) {
        for (let k = 0; k < n; k++) input[k] += 20;
        cpu += cpuMicroseconds(() => {
          previous = kernel(n, step * 0.1, arrays, undefined, previous);
        });
        if (previous < 0) throw new Error(`${variant}: non-finite state, code ${previous}`);
        spikes += previous;
        input.fill(0);
      }
      return cpu;
    },
    rate: () => (spikes / n / (step * 1e-4)).toFixed(1),
  };
}

function expRunner(variant: Variant, value: string) {
  const plan: KernelPlan = {
    arrays: [
      { name: 'x', type: 'f64' },
      { name: 'y', type: 'f64' },
    ],
    statesPerElement: 1,
    body: [load('x', 0), store(1, value)],
  };
  const rng = streamFor(2);
  const { arrays, kernel } = prepare(plan, variant, (array) => (array === 0 ? -5 * rng.random() : 0));
  return {
    block: (steps: number) =>
      cpuMicroseconds(() => {
        for (let s = 0; s < steps; s++) kernel(n, 0, arrays);
      }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Interleaves the runners block by block (after one warm-up block each); ns per element and step. */
function measure(runners: Record<string, { block(steps: number): number }>): Record<string, { median: number; min: number }> {
  const samples: Record<string, number[]> = {};
  for (const [name, r] of Object.entries(runners)) {
    r.block(stepsPerBlock);
    samples[name] = [];
  }
  for (let b = 0; b < blocks; b++) {
    for (const [name, r] of Object.entries(runners)) samples[name].push((r.block(stepsPerBlock) * 1000) / (n * stepsPerBlock));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, { median: median(xs), min: Math.min(...xs) }]));
}

const show = (results: Record<string, { median: number; min: number }>) => {
  for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(22)} ${r.median.toFixed(2).padStart(7)} ns (min ${r.min.toFixed(2)})`);
};

console.log(`COBA fused kernel, N = ${n}, ${blocks} interleaved blocks of ${stepsPerBlock} steps; CPU ns per neuron per step (median over blocks):`);
const coba = Object.fromEntries(COBA_VARIANTS.map((v) => [v, cobaRunner(v)]));
show(measure(coba));
console.log(`  firing rates (Hz): ${COBA_VARIANTS.map((v) => `${v} ${coba[v].rate()}`).join(', ')}`);

console.log('exp(x) against x * 1.0001, CPU ns per element:');
const expResults = measure(
  Object.fromEntries(BACKENDS.flatMap((v) => [[`${v} exp`, expRunner(v, 'exp(x)')], [`${v} mul`, expRunner(v, 'x * 1.0001')]])),
);
show(expResults);
for (const v of BACKENDS) console.log(`  one exp call, ${v}: ${(expResults[`${v} exp`].median - expResults[`${v} mul`].median).toFixed(2)} ns`);
