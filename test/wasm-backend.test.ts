import { afterEach, describe, expect, it } from 'vitest';
import { build, run } from './ei-fixture.js';
import { FixedProb } from '../src/connect/index.js';
import { getBackend, setBackend } from '../src/core/backend.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { NonFiniteStateError, ParameterError } from '../src/core/errors.js';
import { defineModel } from '../src/core/model.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { Uniform } from '../src/init/index.js';
import { HH, Izhikevich, LIF } from '../src/models/neurons/index.js';
import { Exponential, NMDA } from '../src/models/synapses/index.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { flagArray, floatArray } from '../src/core/matrix.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { WasmArena } from '../src/wasm/arena.js';
import { Runner } from '../src/runner/runner.js';

/**
 * The WebAssembly backend compiles the same kernel plan as the JavaScript one, so a network must
 * give the same numbers bit for bit on either; every monitored state, spike, input and
 * conductance is compared.
 */
describe('the WebAssembly backend of group kernels', () => {
  const initial = getBackend();
  afterEach(() => setBackend(initial));

  it.each(['coba', 'mixed-kinds', 'with-delta'] as const)('gives bit-identical results to JavaScript (%s, fused)', (variant) => {
    const wasm = run(variant, true, 'float64', 'wasm');
    const js = run(variant, true, 'float64', 'js');
    expect([wasm.built.E.kernelBackend, wasm.built.I.kernelBackend]).toEqual(['wasm', 'wasm']);
    expect(js.built.E.kernelBackend).toBe('js');
    for (const path of wasm.built.paths) expect(wasm.results[path], path).toEqual(js.results[path]);
  });

  it('gives bit-identical results unfused and in float32 storage', () => {
    for (const [fuse, dtype] of [[false, 'float64'], [true, 'float32']] as const) {
      const wasm = run('coba', fuse, dtype, 'wasm');
      const js = run('coba', fuse, dtype, 'js');
      for (const path of wasm.built.paths) expect(wasm.results[path], `${path}, fused ${fuse}, ${dtype}`).toEqual(js.results[path]);
    }
  });

  it('runs synapse state kernels and outputs (NMDA per presynaptic neuron with its Mg block, an unfused Exponential onto a slice) identically', () => {
    const simulate = (backend: 'js' | 'wasm') => {
      seed(8);
      const E = new LIF(300, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Uniform(-60, -50), backend, name: 'E' });
      const nmda = new NMDA(E, E, new FixedProb(0.05), { g_max: 0.05 });
      // A post slice at an offset: the output kernel works on views of the post group's arrays.
      const slice = new Exponential(E, E.slice(120, 261), new FixedProb(0.1), { g_max: 0.3, tau: 5, output: new COBA({ E: 0 }) });
      const net = new Network({ E, nmda, slice });
      const runner = new Runner(net, { monitors: { V: 'E.V', g: 'nmda.g', x: 'nmda.x', s: 'slice.g' }, inputs: [['E.input', 12]], progress: false });
      runner.run(50);
      // The NMDA state (one expm1 per presynaptic neuron) runs where its presynaptic group's kernel does.
      expect([nmda.kernelBackend, slice.kernelBackend]).toEqual([backend, backend]);
      return ['V', 'g', 'x', 's'].map((p) => Array.from(runner.mon.get(p).data));
    };
    const [wasm, js] = [simulate('wasm'), simulate('js')];
    expect(wasm[1].reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(0);
    wasm.forEach((series, i) => expect(series).toEqual(js[i]));
  });

  it('runs HH (exp, powers, threshold crossing) and Izhikevich with per-neuron parameters identically', () => {
    const simulate = (backend: 'js' | 'wasm') => {
      seed(5);
      const hh = new HH(60, { backend, name: 'H' });
      const iz = new Izhikevich(60, { backend, name: 'Z', a: Float64Array.from({ length: 60 }, (_, i) => 0.02 + 0.001 * i), d: Float64Array.from({ length: 60 }, (_, i) => 2 + 0.1 * i) });
      const syn = new Exponential(iz, hh, new FixedProb(0.2), { g_max: 0.5, tau: 5, output: new COBA({ E: 0 }) });
      const runner = new Runner(new Network({ H: hh, Z: iz, syn }), {
        monitors: { 'H.V': 'H.V', 'H.m': 'H.m', 'Z.V': 'Z.V', 'Z.u': 'Z.u', 'Z.spike': 'Z.spike' },
        inputs: [['H.input', 8], ['Z.input', 12]],
        progress: false,
      });
      runner.run(60);
      expect(hh.kernelBackend).toBe(backend);
      return ['H.V', 'H.m', 'Z.V', 'Z.u', 'Z.spike'].map((p) => Array.from(runner.mon.get(p).data));
    };
    const [wasm, js] = [simulate('wasm'), simulate('js')];
    expect(wasm[4].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    wasm.forEach((series, i) => expect(series).toEqual(js[i]));
  });

  it('runs WebAssembly kernels on kernel threads with the same results (LIF, and HH with imported Math)', () => {
    const threads = new KernelThreads(2);
    try {
      const simulate = (pool: KernelThreads | undefined) => {
        seed(2);
        const E = new LIF(2400, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5, V_initializer: new Uniform(-60, -50), backend: 'wasm', name: 'E' });
        const H = new HH(2000, { backend: 'wasm', name: 'H', V_initializer: new Uniform(-70, -60) });
        const S = new Exponential(E, E, new FixedProb(0.01), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) });
        const T = new Exponential(E, H, new FixedProb(0.01), { g_max: 0.3, tau: 5, output: new COBA({ E: 0 }) });
        const net = new Network({ E, H, S, T });
        net.useThreads(pool);
        const runner = new Runner(net, { monitors: { 'E.V': 'E.V', 'H.V': 'H.V', 'H.spike': 'H.spike' }, inputs: [['E.input', 20], ['H.input', 6]], progress: false });
        runner.run(20);
        expect([E.kernelBackend, H.kernelBackend, E.threaded]).toEqual(['wasm', 'wasm', pool !== undefined]);
        return ['E.V', 'H.V', 'H.spike'].map((p) => Array.from(runner.mon.get(p).data));
      };
      const [split, single] = [simulate(threads), simulate(undefined)];
      expect(single[2].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
      split.forEach((series, i) => expect(series).toEqual(single[i]));
    } finally {
      threads.close();
    }
  });

  it('applies constant inputs and clears inputs in WebAssembly with the values JavaScript gives', () => {
    const arena = new WasmArena('test');
    // 11 elements: whole SIMD vectors, then single elements (3 float32s, 1 float64).
    const start = [0, -0, 1.5, -3, NaN, Infinity, 1e-310, 7, 0.1, -1e30, 3e-39];
    const reference = { '=': (_: number, v: number) => v, '+': (x: number, v: number) => x + v, '-': (x: number, v: number) => x - v, '*': (x: number, v: number) => x * v, '/': (x: number, v: number) => x / v };
    for (const dtype of ['float64', 'float32'] as const) {
      // A Float32Array stores the float64 result rounded to float32.
      const stored = dtype === 'float64' ? (x: number) => x : Math.fround;
      for (const op of ['=', '+', '-', '*', '/'] as const) {
        for (const value of [2.5, -0, NaN, 3e-320, -Infinity, 0.1]) {
          const array = floatArray(dtype, start.length, arena);
          array.set(start);
          expect(arena.scalar(op, array, value)).toBe(true);
          start.forEach((x, i) => expect(Object.is(array[i], stored(reference[op](stored(x), value))), `${dtype}: ${x} ${op} ${value}`).toBe(true));
          arena.zero(array);
          expect(Array.from(array).every((x) => Object.is(x, 0))).toBe(true);
        }
      }
    }
    expect(arena.scalar('+', new Float64Array(3), 1)).toBe(false);
    expect(arena.scalar('+', flagArray(3, arena), 1)).toBe(false);
  });

  it('adds spike events in WebAssembly with the values and order of the JavaScript loop', () => {
    const arena = new WasmArena('test');
    // Rows with repeated targets and an empty row; 0.1 is not a float32, so rounding order shows.
    const csr = { numRows: 4, numCols: 5, indptr: Int32Array.from([0, 3, 3, 7, 9]), indices: Int32Array.from([0, 4, 0, 1, 2, 3, 4, 4, 0]) };
    for (const dtype of ['float64', 'float32'] as const) {
      const target = floatArray(dtype, 5, arena);
      const reference = dtype === 'float64' ? new Float64Array(5) : new Float32Array(5);
      target.set([1e16, -0, 3, 0.7, 1]);
      reference.set(target);
      for (const spikes of [[0, 2, 3], [], [3, 3, 0, 1, 2, 0, 2]]) {
        expect(arena.addEvents(target, Int32Array.from(spikes), csr, 0.1)).toBe(true);
        for (const i of spikes) for (let k = csr.indptr[i]; k < csr.indptr[i + 1]; k++) reference[csr.indices[k]] += 0.1;
        expect(Array.from(target), `${dtype} after ${spikes}`).toEqual(Array.from(reference));
      }
    }
    expect(arena.addEvents(new Float64Array(5), Int32Array.from([0]), csr, 1)).toBe(false);
    // Connections whose copy would take the memory past 2 GiB stay in JavaScript (nothing is allocated).
    const huge = { numRows: 1, numCols: 5, indptr: Int32Array.from([0, 1]), indices: { length: 2 ** 29 } } as unknown as typeof csr;
    const target = floatArray('float32', 5, arena);
    const pages = arena.memory.buffer.byteLength;
    expect(arena.addEvents(target, Int32Array.from([0]), huge, 1)).toBe(false);
    expect(arena.memory.buffer.byteLength).toBe(pages);
  });

  it('draws the same random numbers as JavaScript for noise and rand() (one seeded stream, same order)', () => {
    const OU = defineModel('OU', { equations: { V: '-V / tau + sigma * sqrt(2 / tau) * xi', u: 'where(rand() < 0.5, 1, -1) - u' } }, ['tau', 'sigma']);
    const simulate = (backend: 'js' | 'wasm') => {
      const g = new EquationGroup(50, OU, { tau: 10, sigma: 1 }, { V: new Float64Array(50), u: new Float64Array(50) }, { method: 'euler', seed: 1, backend });
      const runner = new Runner(g, { dt: 0.1, progress: false, monitors: { V: 'V', u: 'u' } });
      runner.run(20);
      expect(g.kernelBackend).toBe(backend);
      return [Array.from(runner.mon.get('V').data), Array.from(runner.mon.get('u').data)];
    };
    const [wasm, js] = [simulate('wasm'), simulate('js')];
    expect(new Set(wasm[0]).size).toBeGreaterThan(900);
    expect(wasm).toEqual(js);
  });

  it('names the synapse when a fused synaptic state becomes non-finite', () => {
    seed(3);
    const E = new LIF(50, { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, V_initializer: -55, name: 'E', backend: 'wasm' });
    const S = new Exponential(E, E, new FixedProb(0.2), { g_max: 1, tau: 5, output: new COBA({ E: 0 }), name: 'S' });
    const runner = new Runner(new Network({ E, S }), { progress: false });
    runner.run(1);
    expect(E.kernelBackend).toBe('wasm');
    S.g[7] = Infinity;
    expect(() => runner.run(1)).toThrow(NonFiniteStateError);
    S.g[7] = Infinity;
    expect(() => runner.run(1)).toThrow(/synapse 'S': Exponential variable 'g' of element 7/);
  });

  it("uses 'auto' by default in Node: WebAssembly unless the kernel calls tanh, log, randn, ... (exp and expm1 only in SIMD lanes)", () => {
    expect(initial).toBe('auto');
    seed(1);
    const { net, E } = build('coba');
    new Runner(net, { progress: false }).run(1);
    expect(E.kernelBackend).toBe('wasm');
    const OU = defineModel('OU', { equations: { V: '-V / tau + sigma * xi' } }, ['tau', 'sigma']);
    const noisy = new EquationGroup(10, OU, { tau: 10, sigma: 1 }, { V: new Float64Array(10) }, { method: 'euler', seed: 1 });
    const Saturating = defineModel('Saturating', { equations: { V: '-V / tau + tanh(V) + log1p(V * V)' } }, ['tau']);
    const tanhLog = new EquationGroup(10, Saturating, { tau: 10 }, { V: new Float64Array(10) }, { method: 'euler' });
    // HH under exp_auto calls exp and expm1, both of which have SIMD-lane forms.
    const hh = new HH(10);
    for (const g of [noisy, tanhLog, hh]) new Runner(g, { progress: false }).run(1);
    expect([noisy.kernelBackend, tanhLog.kernelBackend, hh.kernelBackend]).toEqual(['js', 'js', 'wasm']);
    expect(noisy.kernelNote).toMatch(/calls randn\(\), which run faster in a JavaScript kernel/);
    expect(tanhLog.kernelNote).toMatch(/log1p\(\), tanh\(\)/);
  });

  it('takes the backend from setBackend and rejects an unknown one', () => {
    setBackend('js');
    seed(1);
    expect(build('coba').E.backend).toBe('js');
    expect(() => setBackend('gpu' as 'js')).toThrow(ParameterError);
    expect(() => new LIF(3, { backend: 'fast' as 'js' })).toThrow(/unknown backend 'fast'/);
  });
});
