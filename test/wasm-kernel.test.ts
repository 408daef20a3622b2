import { describe, expect, it } from 'vitest';
import { check, COBA, cobaPlan, if_, let_, load, set, store } from '../bench/coba-plan.js';
import type { ArrayType, KernelPlan } from '../src/core/kernel-ir.js';
import { compileKernelJs } from '../src/core/kernel-js.js';
import { streamFor } from '../src/core/random.js';
import { call, num } from '../src/expr/ast.js';
import { compileKernelWasm, wasmUnsupported } from '../src/wasm/kernel-wasm.js';
import { pairsUnsupported } from '../src/wasm/kernel-pairs.js';
import { quadLoopUnsupported } from '../src/wasm/kernel-quads.js';
import { float32Plan } from '../src/core/float32-plan.js';
import { expandFloat32Exp } from '../src/core/float32-exp.js';
import { wasmKernelFor } from '../src/wasm/kernel-for.js';
import { WasmArena } from '../src/wasm/arena.js';
import { float64Array, floatArray } from '../src/core/matrix.js';

type KernelArray = Float64Array | Float32Array | Uint8Array | Int32Array;
const CONSTRUCTORS = { f64: Float64Array, f32: Float32Array, u8: Uint8Array, i32: Int32Array } as const;
const PAGE = 65536;
/** Bytes left between arrays; they must stay zero (a kernel writing past an array would touch them). */
const GUARD = 40;

/**
 * The same plan compiled by both backends: the WebAssembly kernel over views of a shared memory
 * (arrays at deliberately odd but aligned addresses), the JavaScript kernel over ordinary typed
 * arrays filled with the same data.
 */
function twoBackends(plan: KernelPlan, n: number, fill: (array: number, type: ArrayType, k: number) => number) {
  const addresses: number[] = [];
  let end = 8;
  for (const a of plan.arrays) {
    const address = Math.ceil((end + GUARD) / 8) * 8;
    addresses.push(address);
    end = address + n * CONSTRUCTORS[a.type].BYTES_PER_ELEMENT;
  }
  const pages = Math.ceil((end + GUARD) / PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages + 4, shared: true });
  const wasmArrays: KernelArray[] = plan.arrays.map((a, i) => new CONSTRUCTORS[a.type](memory.buffer, addresses[i], n));
  const jsArrays: KernelArray[] = plan.arrays.map((a) => new CONSTRUCTORS[a.type](n));
  plan.arrays.forEach((a, i) => {
    for (let k = 0; k < n; k++) wasmArrays[i][k] = jsArrays[i][k] = fill(i, a.type, k);
  });
  const wasm = compileKernelWasm(plan, { memory, maximumPages: pages + 4, shared: true }, addresses);
  const js = compileKernelJs(plan).kernel;
  const used = new Uint8Array(memory.buffer.byteLength);
  plan.arrays.forEach((a, i) => used.fill(1, addresses[i], addresses[i] + n * CONSTRUCTORS[a.type].BYTES_PER_ELEMENT));
  return {
    wasmArrays,
    jsArrays,
    /** One step on both: [wasm result, js result]. */
    step: (t: number, previousCount: number, start = 0) => [
      wasm(n, t, wasmArrays, undefined, previousCount, start),
      js(n, t, jsArrays, undefined, previousCount, start),
    ],
    /** Index of the first byte outside the arrays that is not zero, or -1. */
    dirtyGuard: () => new Uint8Array(memory.buffer).findIndex((b, i) => b !== 0 && used[i] === 0),
  };
}

/**
 * Every array element for element with Object.is: bit for bit, the sign of zero included, except
 * that all NaNs count as equal. NaN payloads are not part of the contract: V8's own JavaScript
 * gives different NaN bits for the same expression in different tiers (Math.log(-1) *
 * Math.log1p(NaN) is 0x7ff8... interpreted and 0x7ffc... optimised), and f64.neg flips a NaN's sign.
 */
function expectSame(plan: KernelPlan, wasm: KernelArray[], js: KernelArray[], when: string) {
  plan.arrays.forEach((a, i) => {
    const first = wasm[i].findIndex((w, k) => !Object.is(w, js[i][k]));
    expect(first, `${a.name} ${when}: element ${first} is ${wasm[i][first]} in wasm, ${js[i][first]} in js`).toBe(-1);
  });
}

/** Runs the COBA plan like the benchmark: 20 added to the input each step, random synaptic events. */
function runCoba(n: number, steps: number, start = 0, plan = cobaPlan()) {
  const init = streamFor(7);
  const both = twoBackends(plan, n, (array, _type, k) =>
    array === COBA.V ? -60 + 10 * init.random() : array === COBA.tLast ? -1e7 : array === COBA.g0 ? k * 1e-3 : 0,
  );
  const events = streamFor(8);
  let previous = 0;
  let spikes = 0;
  const results: number[][] = [];
  for (let i = 0; i < steps; i++) {
    for (let k = 0; k < n; k++) {
      const r = events.random();
      const increment = r < 0.02 ? 0.6 : r < 0.03 ? 6.7 : 0;
      both.wasmArrays[r < 0.02 ? COBA.inc0 : COBA.inc1][k] += increment;
      both.jsArrays[r < 0.02 ? COBA.inc0 : COBA.inc1][k] += increment;
      both.wasmArrays[COBA.input][k] += 20;
      both.jsArrays[COBA.input][k] += 20;
    }
    const result = both.step(i * 0.1, previous, start);
    results.push(result);
    previous = result[0];
    spikes += Math.max(result[0], 0);
    both.wasmArrays[COBA.input].fill(0);
    both.jsArrays[COBA.input].fill(0);
  }
  return { both, results, spikes };
}

/** Expressions over x and y without function calls (the SIMD pair loop's), with their special cases. */
const CALL_FREE_OUTPUTS = [
  'sqrt(x) + abs(y)',
  'floor(x) + ceil(y) + int(x * 3.3)',
  'sign(x)',
  'min(x, y)',
  'max(x, y)',
  'clip(x, y, 1)',
  'where(x, 1, 2)',
  'x and y',
  'x or y',
  '(x > 0) + (y <= 0) * 2',
  '-(x > y)',
  'where(x > 0, x > 1, y)',
  '(x > 0) == (y > 0)',
  '(x > 0) == 1',
  '(x > 0) != 0',
  'x == y',
  'x != y',
  'not x',
  'not (x > y or y)',
];

describe('WebAssembly group kernels', () => {
  it('run the fused COBA kernel bit-identically to the JavaScript backend', () => {
    const plan = cobaPlan();
    const { both, results, spikes } = runCoba(300, 1500);
    for (const [i, [wasm, js]] of results.entries()) expect(wasm, `step ${i}`).toBe(js);
    expect(spikes).toBeGreaterThan(300);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'after 1500 steps');
    // The last step's flags are exactly its spike list: the previous step's flags were cleared.
    const count = results[results.length - 1][0];
    const list = [...both.wasmArrays[COBA.spikeList].subarray(0, count)];
    const flagged = [...both.wasmArrays[COBA.spike].keys()].filter((k) => both.wasmArrays[COBA.spike][k] === 1);
    expect(flagged).toEqual(list);
    // Some neurons are refractory (held) at the end, as the JavaScript kernel says.
    expect(both.wasmArrays[COBA.refractory].some((f) => f === 1)).toBe(true);
    expect(both.dirtyGuard()).toBe(-1);
  });

  it('start from the given element and leave the ones before it alone', () => {
    const { both, results } = runCoba(200, 300, 120);
    for (const [wasm, js] of results) expect(wasm).toBe(js);
    expectSame(cobaPlan(), both.wasmArrays, both.jsArrays, 'with start 120');
    expect([...both.wasmArrays[COBA.g1].subarray(0, 120)].every((g) => g === 0)).toBe(true);
    expect(both.wasmArrays[COBA.g1][120]).toBeGreaterThan(0);
    expect(both.dirtyGuard()).toBe(-1);
  });

  it('return the failure code of the first non-finite state and keep that element unchanged', () => {
    const plan = cobaPlan();
    for (const [array, k, state] of [
      [COBA.V, 37, 0],
      [COBA.g0, 5, 1],
      [COBA.inc1, 90, 2],
    ] as const) {
      const both = twoBackends(plan, 100, (a) => (a === COBA.V ? -55 : a === COBA.tLast ? -1e7 : 0));
      both.wasmArrays[array][k] = both.jsArrays[array][k] = array === COBA.inc1 ? Infinity : NaN;
      expect(both.step(1, 0)).toEqual([-(1 + k * 3 + state), -(1 + k * 3 + state)]);
      expectSame(plan, both.wasmArrays, both.jsArrays, `after the failure at ${k}`);
    }
  });

  it('compute Math functions, where, **, min/max/clip with NaN and -0, and JavaScript truth rules like the JavaScript backend', () => {
    const special = [NaN, -0, 0, 1, -1, 0.5, -2.5, 1e-310, 3.7e5, Infinity, -Infinity, Math.PI];
    const n = special.length ** 2;
    const outputs = [
      'exp(x) + expm1(y)',
      'log(x) * log1p(y)',
      'sin(x) - cos(y) + tan(x * y)',
      'sinh(x) / cosh(y) + tanh(x)',
      'x ** y',
      '2.5 ** x + x ** 0.5 + y ** 3',
      'floor(y)',
      'ceil(x)',
      'int(y)',
      'abs(x)',
      'clip(x, -1, y)',
      'where(x > y, exp(x), log(y))',
      ...CALL_FREE_OUTPUTS,
    ];
    const flags = ['x', 'x and y > 0', 'not (y or x)', 'where(x > 0, y, x < 0)', 'x > 0 and log(y) > 0'];
    const arrays = [
      { name: 'x', type: 'f64' as const },
      { name: 'y', type: 'f64' as const },
      ...outputs.map((_, i) => ({ name: `out${i}`, type: 'f64' as const })),
      ...flags.map((_, i) => ({ name: `flag${i}`, type: 'u8' as const })),
    ];
    const plan: KernelPlan = {
      arrays,
      statesPerElement: 1,
      body: [
        load('x', 0),
        load('y', 1),
        ...outputs.map((e, i) => store(2 + i, e)),
        ...flags.map((e, i) => store(2 + outputs.length + i, e)),
        let_('r', 'min(-0, 0) + max(-0, 0)'),
        if_('x', [set('r', 'r + 1'), let_('inner', 'x * 2'), set('r', 'r + inner')]),
        store(2, 'r + exp(r)'),
      ],
    };
    const both = twoBackends(plan, n, (array, _type, k) => (array === 0 ? special[k % special.length] : array === 1 ? special[Math.floor(k / special.length)] : 0));
    expect(both.step(0, 0)).toEqual([0, 0]);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'over all pairs of special values');
    // Against Math directly too, so the test does not rest on the JavaScript backend alone.
    const minOf = both.wasmArrays[2 + outputs.indexOf('min(x, y)')];
    const clipOf = both.wasmArrays[2 + outputs.indexOf('clip(x, y, 1)')];
    for (let k = 0; k < n; k++) {
      const [x, y] = [both.wasmArrays[0][k], both.wasmArrays[1][k]];
      expect(Object.is(minOf[k], Math.min(x, y)), `min(${x}, ${y})`).toBe(true);
      expect(Object.is(clipOf[k], Math.min(Math.max(x, y), 1)), `clip(${x}, ${y}, 1)`).toBe(true);
    }
    expect(both.dirtyGuard()).toBe(-1);
  });

  it('run two elements per iteration (SIMD) where the plan allows it, for odd sizes and starts', () => {
    expect(pairsUnsupported(cobaPlan())).toBeUndefined();
    const { both, results } = runCoba(201, 300, 121);
    for (const [wasm, js] of results) expect(wasm).toBe(js);
    expectSame(cobaPlan(), both.wasmArrays, both.jsArrays, 'with 201 elements from 121');
    expect(both.dirtyGuard()).toBe(-1);

    const body = cobaPlan().body;
    expect(pairsUnsupported({ ...cobaPlan(), body: [let_('e', 'log(c_V) + exp(c_V)'), ...body] })).toMatch(/calls log\(\)/);
    const spikeIf = body.findIndex((s) => s.kind === 'if' && s.then.some((inner) => inner.kind === 'spike'));
    const spikeFirst = [...body.slice(0, 2), ...body.slice(spikeIf - 1, spikeIf + 1), ...body.slice(2, spikeIf - 1), ...body.slice(spikeIf + 1)];
    expect(pairsUnsupported({ ...cobaPlan(), body: spikeFirst })).toMatch(/stores or spikes in a branch before a non-finite check/);
    expect(pairsUnsupported({ ...cobaPlan(), body: [...body, if_('refr', [check('c_V', 0)])] })).toMatch(/inside a branch/);
  });

  it('compute loads of every type, exp, where, min/max/clip/sign, truth rules and branches per lane like the JavaScript backend', () => {
    const special = [NaN, -0, 0, 1, -1, 0.5, -2.5, 1e-310, 3.7e5, Infinity, -Infinity, Math.PI];
    // Odd, so the last element runs in the one-element loop.
    const n = special.length ** 2 + 1;
    const outputs = [...CALL_FREE_OUTPUTS, 'sign(x) - sign(y)', 'where(x > y, x / y, y - x)', 't * x'];
    const flags = ['x', 'x and y > 0', 'not (y or x)', 'where(x > 0, y, x < 0)'];
    const arrays = [
      { name: 'x', type: 'f64' as const },
      { name: 'y', type: 'f64' as const },
      ...outputs.map((_, i) => ({ name: `out${i}`, type: 'f64' as const })),
      ...flags.map((_, i) => ({ name: `flag${i}`, type: 'u8' as const })),
      { name: 'x32', type: 'f32' as const },
      { name: 'spike', type: 'u8' as const },
      { name: 'spikeList', type: 'i32' as const },
      { name: 'flagIn', type: 'u8' as const },
      { name: 'countIn', type: 'i32' as const },
      { name: 'loaded', type: 'f64' as const },
    ];
    const [x32, spike, spikeList, flagIn, countIn, loaded] = [6, 5, 4, 3, 2, 1].map((back) => arrays.length - back);
    const plan: KernelPlan = {
      arrays,
      clearSpikes: { flags: spike, list: spikeList },
      statesPerElement: 1,
      body: [
        load('x', 0),
        load('y', 1),
        load('x32', x32),
        load('flagIn', flagIn),
        load('countIn', countIn),
        // exp of the special values: pairs with one lane off exp's main path (NaN, infinities, tiny, 1).
        store(loaded, 'flagIn * 2 + countIn + exp(x / 700) + exp(y)'),
        ...outputs.map((e, i) => store(2 + i, e)),
        ...flags.map((e, i) => store(2 + outputs.length + i, e)),
        let_('r', 'min(-0, 0) + max(-0, 0)'),
        if_('x', [set('r', 'r + 1'), set('r', 'r * y')]),
        check('x32', 0),
        if_('x > y', [let_('inner', 'x * 2'), set('r', 'r + inner'), store(2, 'r'), store(x32, 'x32 + 1'), if_('y > 0', [{ kind: 'spike', flags: spike, list: spikeList }])]),
        store(3, 'r'),
      ],
    };
    expect(pairsUnsupported(plan)).toBeUndefined();
    const both = twoBackends(plan, n, (array, _type, k) =>
      array === 0
        ? special[k % special.length]
        : array === 1
          ? special[Math.floor(k / special.length) % special.length]
          : array === x32
            ? k / 7
            : array === flagIn
              ? Number(k % 3 === 0)
              : array === countIn
                ? k - 70
                : 0,
    );
    const [first] = both.step(0.25, 0);
    expect(first).toBeGreaterThan(10);
    expect(both.step(0.5, first)).toEqual([first, first]);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'over all pairs of special values');
    expect(both.dirtyGuard()).toBe(-1);
  });

  it('compute x ** y exactly as JavaScript on random operands', () => {
    const plan: KernelPlan = {
      arrays: [
        { name: 'x', type: 'f64' },
        { name: 'y', type: 'f64' },
        { name: 'p', type: 'f64' },
      ],
      statesPerElement: 1,
      body: [load('x', 0), load('y', 1), store(2, 'x ** y')],
    };
    const rng = streamFor(3);
    const both = twoBackends(plan, 20000, (array) => (array === 0 ? 100 * rng.random() : array === 1 ? 20 * rng.normal() : 0));
    both.step(0, 0);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'x ** y');
  });

  it('round float32 arrays and round32 locals like Math.fround and Float32Array', () => {
    const plan: KernelPlan = {
      arrays: [
        { name: 'v', type: 'f32' },
        { name: 'w', type: 'f32' },
        { name: 'd', type: 'f64' },
      ],
      statesPerElement: 2,
      body: [
        load('c_v', 0),
        load('c_w', 1),
        let_('n_v', 'c_v + 0.1 * (c_w - c_v) / 3', true),
        let_('n_w', 'c_w * 1.0000001 + 1e-9'),
        set('n_w', 'n_w + n_v / 7', true),
        check('n_v', 0),
        check('n_w', 1),
        store(0, 'n_v'),
        store(1, 'n_w + 1e-7'),
        store(2, 'n_v * 1e-3 + n_w'),
      ],
    };
    const rng = streamFor(4);
    const both = twoBackends(plan, 1000, () => rng.normal() * 10);
    for (let i = 0; i < 200; i++) expect(both.step(i, 0)).toEqual([0, 0]);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'float32 after 200 steps');
  });

  it('name why a plan cannot be compiled', () => {
    const plan = cobaPlan();
    expect(wasmUnsupported(plan)).toBeUndefined();
    const noisy: KernelPlan = { ...plan, body: [{ kind: 'let', local: 'xi', value: call('randn') }, ...plan.body] };
    expect(wasmUnsupported(noisy)).toBeUndefined();
    expect(() => compileKernelWasm(noisy, { memory: new WebAssembly.Memory({ initial: 1 }), maximumPages: 1, shared: false }, plan.arrays.map(() => 0))).toThrow(/randn\(\)\) but was given no random stream/);
    const retyped: KernelPlan = { ...plan, body: [...plan.body, set('refr', '1.5')] };
    expect(wasmUnsupported(retyped)).toMatch(/'refr' is a boolean but is assigned a number/);
    const intStore: KernelPlan = { ...plan, body: [...plan.body, { kind: 'store', array: COBA.spikeList, value: num(1) }] };
    expect(wasmUnsupported(intStore)).toMatch(/int32 array 'spikeList'/);
    const mixedEquality: KernelPlan = { ...plan, body: [...plan.body, let_('m', '(refr or c_V) == 1')] };
    expect(wasmUnsupported(mixedEquality)).toMatch(/may be a boolean or a number/);
  });

  it('run over an unshared memory, and keep working when a shared memory grows', () => {
    const plan: KernelPlan = {
      arrays: [{ name: 'v', type: 'f64' }],
      statesPerElement: 1,
      body: [load('v', 0), store(0, 'v * 2 + t')],
    };
    const unshared = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    const once = compileKernelWasm(plan, { memory: unshared, maximumPages: 3, shared: false }, [16]);
    new Float64Array(unshared.buffer, 16, 4).set([1, 2, 3, 4]);
    expect(once(4, 0.5, [])).toBe(0);
    expect([...new Float64Array(unshared.buffer, 16, 4)]).toEqual([2.5, 4.5, 6.5, 8.5]);

    const shared = new WebAssembly.Memory({ initial: 1, maximum: 3, shared: true });
    const kernel = compileKernelWasm(plan, { memory: shared, maximumPages: 3, shared: true }, [PAGE + 8]);
    // The array lies in a page added after the kernel was compiled.
    shared.grow(1);
    const v = new Float64Array(shared.buffer, PAGE + 8, 3);
    v.set([1, -0, NaN]);
    expect(kernel(3, 0, [], undefined, 0, 1)).toBe(0);
    expect([...v]).toEqual([1, 0, NaN]);
    expect(Object.is(v[1], 0)).toBe(true);
  });

  it('run as JavaScript, with a note, when an array is not of the type the plan reads', () => {
    const plan: KernelPlan = { arrays: [{ name: 'v', type: 'f64' }], statesPerElement: 1, body: [load('v', 0), store(0, 'v * 2')] };
    const arena = new WasmArena('test');
    const v32 = floatArray('float32', 4, arena);
    expect(wasmKernelFor(plan, [v32], 'wasm')).toEqual({ note: "array 'v' is a Float32Array, not the plan's f64" });
    expect(wasmKernelFor(plan, [float64Array(4, arena)], 'wasm').kernel).toBeDefined();
    expect(wasmKernelFor(plan, [float64Array(4, arena)], 'js')).toEqual({});
  });

  it('refuse misaligned addresses', () => {
    const plan = cobaPlan();
    const memory = { memory: new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }), maximumPages: 2, shared: true };
    const addresses = plan.arrays.map((_, i) => i * 1024);
    expect(() => compileKernelWasm(plan, memory, addresses)).not.toThrow();
    addresses[COBA.V] += 4;
    expect(() => compileKernelWasm(plan, memory, addresses)).toThrow(/array 'V' \(f64\) at address 4 is not aligned to 8 bytes/);
  });
});

describe('WebAssembly group kernels under float32 arithmetic (four float32 lanes)', () => {
  const cobaF32 = () => float32Plan(cobaPlan(true));
  const quadReason = (plan: KernelPlan) =>
    quadLoopUnsupported({ plan, addresses: plan.arrays.map(() => 0), local: () => 0, imports: new Map([['exp', 0], ['expm1', 1]]), k: 0, count: 0, n: 0, t: 0 });

  it('run the fused COBA kernel bit-identically to JavaScript, with sizes and starts that leave pairs and single elements', () => {
    expect(quadReason(cobaF32())).toBeUndefined();
    expect(quadReason(cobaPlan())).toBeDefined();
    for (const [n, start] of [
      [300, 0],
      [203, 121],
      [7, 2],
    ] as const) {
      const { both, results, spikes } = runCoba(n, 1200, start, cobaF32());
      for (const [i, [wasm, js]] of results.entries()) expect(wasm, `step ${i}`).toBe(js);
      if (n === 300) expect(spikes).toBeGreaterThan(300);
      expectSame(cobaF32(), both.wasmArrays, both.jsArrays, `${n} elements from ${start}`);
      expect(both.dirtyGuard()).toBe(-1);
    }
  });

  it('return the failure code of the first non-finite state and leave the rest of its quad as JavaScript does', () => {
    const plan = cobaF32();
    for (const [array, k, state] of [
      [COBA.V, 37, 0],
      [COBA.g0, 5, 1],
      [COBA.inc1, 90, 2],
    ] as const) {
      // Conductances, so that the input stored before the checks differs from the one loaded.
      const both = twoBackends(plan, 100, (a, _type, i) => (a === COBA.V ? -55 : a === COBA.tLast ? -1e7 : a === COBA.input ? i : a === COBA.g0 ? 0.5 : 0));
      both.wasmArrays[array][k] = both.jsArrays[array][k] = array === COBA.inc1 ? Infinity : NaN;
      expect(both.step(1, 0)).toEqual([-(1 + k * 3 + state), -(1 + k * 3 + state)]);
      expectSame(plan, both.wasmArrays, both.jsArrays, `after the failure at ${k}`);
    }
  });

  it('compute float32 operations, exp and expm1 (written out), selections, comparisons and flags over special values like JavaScript', () => {
    const special = [NaN, -0, 0, 1, -1, 0.5, -2.5, 1e-40, 3.7e5, Infinity, -Infinity, Math.fround(Math.PI), 88.7, -103.5, 1e-8];
    const n = special.length ** 2 + 3;
    const outputs = [
      'x + y',
      'x - y * 0.1',
      'x / y',
      'sqrt(x) + abs(y)',
      'floor(x) + ceil(y) + int(x * 3.3)',
      'sign(x) - sign(y)',
      'min(x, y) + max(y, -0)',
      'clip(x, y, 1)',
      'where(x > y, x / y, y - x)',
      'exp(x) + expm1(y)',
      'exp(x * 0.01)',
      '(x > 0) + (y <= 0) * 2',
      't * x + p',
    ];
    const flags = ['x > y', 'not (x <= y)', 'x == y', '(x > 0) != (y > 0)', 'x', 't - p > 3'];
    const plan = float32Plan(expandFloat32Exp({
      arrays: [
        { name: 'x', type: 'f32' },
        { name: 'y', type: 'f32' },
        { name: 'p', type: 'f64' },
        ...outputs.map((_, i) => ({ name: `out${i}`, type: 'f32' as const })),
        ...flags.map((_, i) => ({ name: `flag${i}`, type: 'u8' as const })),
        { name: 'wide', type: 'f64' },
      ],
      statesPerElement: 1,
      body: [
        load('x', 0),
        load('y', 1),
        load('p', 2),
        ...outputs.map((e, i) => store(3 + i, e)),
        ...flags.map((e, i) => store(3 + outputs.length + i, e)),
        let_('r', 'x * 2'),
        if_('x > 1', [set('r', 'r + y')]),
        store(3, 'r'),
        store(3 + outputs.length + flags.length, 'r * 1.5'),
      ],
    }));
    expect(quadReason(plan)).toBeUndefined();
    const both = twoBackends(plan, n, (array, _type, k) =>
      array === 0 ? special[k % special.length] : array === 1 ? special[Math.floor(k / special.length) % special.length] : array === 2 ? k * 0.37 : 0,
    );
    expect(both.step(1234.5, 0)).toEqual([0, 0]);
    expectSame(plan, both.wasmArrays, both.jsArrays, 'over all pairs of special values');
    // Against float32 arithmetic directly: x / y rounded, exp within an ulp of Math.exp.
    const f = Math.fround;
    for (let k = 0; k < n; k++) {
      const [x, y] = [both.wasmArrays[0][k], both.wasmArrays[1][k]];
      expect(Object.is(both.wasmArrays[5][k], f(x / y)), `${x} / ${y}`).toBe(true);
      const exact = Math.exp(f(x * f(0.01)));
      const ulp = 2 ** (Math.floor(Math.log2(exact)) - 23);
      if (exact > 0 && Number.isFinite(exact)) expect(Math.abs(both.wasmArrays[13][k] - exact), `exp(${x} * 0.01)`).toBeLessThan(ulp);
      else expect(Object.is(both.wasmArrays[13][k], f(exact)) || Number.isNaN(exact), `exp(${x} * 0.01)`).toBe(true);
    }
    expect(both.dirtyGuard()).toBe(-1);
  });
});
