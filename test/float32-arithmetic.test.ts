import { afterEach, describe, expect, it } from 'vitest';
import { run } from './ei-fixture.js';
import { expectSameValues } from './helpers.js';
import { FixedProb } from '../src/connect/index.js';
import { getArithmetic, setArithmetic } from '../src/core/arithmetic.js';
import type { Backend } from '../src/core/backend.js';
import { EquationGroup } from '../src/core/equation-group.js';
import { NonFiniteStateError, ParameterError } from '../src/core/errors.js';
import { planGroupKernel } from '../src/core/group-kernel.js';
import type { KernelStatement } from '../src/core/kernel-ir.js';
import type { DType } from '../src/core/matrix.js';
import { defineModel } from '../src/core/model.js';
import { Network } from '../src/core/network.js';
import { seed } from '../src/core/random.js';
import { type Expr, show } from '../src/expr/ast.js';
import { Uniform } from '../src/init/index.js';
import { HH, Izhikevich, LIF } from '../src/models/neurons/index.js';
import { Exponential } from '../src/models/synapses/index.js';
import { COBA } from '../src/models/synouts/syn-out.js';
import { KernelThreads } from '../src/parallel/kernel-threads.js';
import { Runner } from '../src/runner/runner.js';
import { quadLoopUnsupported } from '../src/wasm/kernel-quads.js';
import { compileKernelWasm } from '../src/wasm/kernel-wasm.js';
import { WasmArena } from '../src/wasm/arena.js';
import { compileKernelJs } from '../src/core/kernel-js.js';
import { float32Plan } from '../src/core/float32-plan.js';
import { expandFloat32Exp } from '../src/core/float32-exp.js';
import { floatArray } from '../src/core/matrix.js';
import { streamFor } from '../src/core/random.js';
import { parseExpression } from '../src/expr/parse.js';

/**
 * Float32 arithmetic (src/core/arithmetic.ts): a rewrite of the kernel plan that rounds every
 * operation, run bit for bit alike by the JavaScript kernel, the WebAssembly one-element and
 * pair loops and the four-lane float32 loop; its difference from float64 is bounded here.
 */
describe('float32 arithmetic', () => {
  const initial = getArithmetic();
  afterEach(() => setArithmetic(initial));

  const lifOptions = { V_rest: -60, V_th: -50, V_reset: -60, tau: 20, tau_ref: 5 };

  it('rounds every operation, constant and use of t in the plan, and leaves the refractory clock in float64', () => {
    setArithmetic('float32');
    const lif = new LIF(4, { ...lifOptions, dtype: 'float32' });
    const plan = planGroupKernel(lif.model, lif.params, lif.method, 0.1, lif.refractoryPeriod);
    const wide: string[] = [];
    const visit = (statements: readonly KernelStatement[]) => {
      for (const s of statements) {
        if (s.kind === 'let' && s.wide) wide.push(`let ${s.local} = ${show(s.value)}`);
        if (s.kind === 'store' && s.wide) wide.push(`store ${show(s.value)}`);
        if (((s.kind === 'let' || s.kind === 'store') && !s.wide) || s.kind === 'set') checkRounded(s.value, false);
        if (s.kind === 'if') visit(s.then);
      }
    };
    // Below a non-rounding node every arithmetic node is wrapped in fround and every constant is a float32.
    const checkRounded = (e: Expr, insideFround: boolean): void => {
      if (e.kind === 'num') expect(Math.fround(e.value), show(e)).toBe(e.value);
      if (e.kind === 'sym') expect(e.name === 't' && !insideFround, 'a bare t').toBe(false);
      if (e.kind === 'binary' && ['+', '-', '*', '/'].includes(e.op)) expect(insideFround, `unrounded ${show(e)}`).toBe(true);
      const children = e.kind === 'unary' ? [e.arg] : e.kind === 'binary' ? [e.left, e.right] : e.kind === 'call' ? e.args : [];
      for (const child of children) checkRounded(child, e.kind === 'call' && e.fn === 'fround');
    };
    visit(plan.body);
    expect(wide).toEqual([
      'let refr = ((t - tLast) <= 5.0000001)',
      'store t',
    ]);
    // In float64 nothing is rounded.
    setArithmetic('float64');
    const plan64 = planGroupKernel(lif.model, lif.params, lif.method, 0.1, lif.refractoryPeriod);
    expect(JSON.stringify(plan64.body)).not.toContain('fround');
    expect(() => setArithmetic('float16' as 'float32')).toThrow(ParameterError);
  });

  it('runs LIF and HH in four float32 lanes, and float64 plans in pairs', () => {
    const lanes = (arithmetic: 'float32' | 'float64', dtype: DType) => {
      setArithmetic(arithmetic);
      return [new LIF(4, { ...lifOptions, dtype }), new HH(4, { dtype })].map((g) => {
        const plan = planGroupKernel(g.model, g.params, g.method, 0.1, g.refractoryPeriod);
        return quadLoopUnsupported({ plan, addresses: plan.arrays.map(() => 0), local: () => 0, imports: new Map([['exp', 0], ['expm1', 1]]), k: 0, count: 0, n: 0, t: 0 });
      });
    };
    expect(lanes('float32', 'float32')).toEqual([undefined, undefined]);
    for (const reason of lanes('float64', 'float32')) expect(reason).toBeDefined();
  });

  it.each([true, false])('gives the same bits in JavaScript and WebAssembly (E/I networks, fused: %s)', (fuse) => {
    setArithmetic('float32');
    for (const variant of ['coba', 'mixed-kinds', 'with-delta'] as const) {
      const wasm = run(variant, fuse, 'float32', 'wasm');
      const js = run(variant, fuse, 'float32', 'js');
      expect([wasm.built.E.kernelBackend, js.built.E.kernelBackend]).toEqual(['wasm', 'js']);
      expect(wasm.results['E.spike'].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
      for (const path of wasm.built.paths) expectSameValues(wasm.results[path], js.results[path], `${variant} ${path}`);
    }
  });

  it('gives the same bits for sizes that leave pairs and single elements, per-neuron parameters, exp and expm1, and float64 storage', () => {
    setArithmetic('float32');
    const simulate = (backend: Backend, dtype: DType) => {
      seed(5);
      const hh = new HH(63, { backend, name: 'H', dtype, V_initializer: new Uniform(-70, -60) });
      const a = Float64Array.from({ length: 61 }, (_, i) => 0.02 + 0.001 * i);
      const iz = new Izhikevich(61, { backend, name: 'Z', dtype, a, d: Float64Array.from({ length: 61 }, (_, i) => 2 + 0.1 * i) });
      const syn = new Exponential(iz, hh, new FixedProb(0.2), { g_max: 0.5, tau: 5, output: new COBA({ E: 0 }) });
      const runner = new Runner(new Network({ H: hh, Z: iz, syn }), {
        monitors: { 'H.V': 'H.V', 'H.m': 'H.m', 'H.n': 'H.n', 'Z.V': 'Z.V', 'Z.u': 'Z.u', 'Z.spike': 'Z.spike' },
        inputs: [['H.input', 8], ['Z.input', 12]],
        progress: false,
      });
      runner.run(60);
      expect([hh.kernelBackend, iz.kernelBackend]).toEqual([backend, backend]);
      return ['H.V', 'H.m', 'H.n', 'Z.V', 'Z.u', 'Z.spike'].map((p) => Array.from(runner.mon.get(p).data));
    };
    for (const dtype of ['float32', 'float64'] as const) {
      const [wasm, js] = [simulate('wasm', dtype), simulate('js', dtype)];
      expect(wasm[5].reduce((x, y) => x + y, 0)).toBeGreaterThan(50);
      wasm.forEach((series, i) => expectSameValues(series, js[i], `${dtype} series ${i}`));
      // Every value is a float32, also in float64 arrays.
      for (const series of wasm) expect(series.every((x) => Object.is(Math.fround(x), x))).toBe(true);
    }
  });

  it('gives the same bits on two kernel threads', () => {
    setArithmetic('float32');
    const threads = new KernelThreads(2);
    try {
      const simulate = (pool: KernelThreads | undefined) => {
        seed(2);
        const E = new LIF(2401, { ...lifOptions, V_initializer: new Uniform(-60, -50), backend: 'wasm', name: 'E', dtype: 'float32' });
        const S = new Exponential(E, E, new FixedProb(0.01), { g_max: 0.6, tau: 5, output: new COBA({ E: 0 }) });
        const net = new Network({ E, S });
        net.useThreads(pool);
        const runner = new Runner(net, { monitors: { V: 'E.V', spike: 'E.spike' }, inputs: [['E.input', 20]], progress: false });
        runner.run(20);
        expect(E.threaded).toBe(pool !== undefined);
        return ['V', 'spike'].map((p) => Array.from(runner.mon.get(p).data));
      };
      const [split, single] = [simulate(threads), simulate(undefined)];
      expect(single[1].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
      split.forEach((series, i) => expectSameValues(series, single[i], `series ${i}`));
    } finally {
      threads.close();
    }
  });

  it('reports the first non-finite neuron as JavaScript does, inside a quad', () => {
    setArithmetic('float32');
    const model = defineModel('Grow', { equations: { V: 'a * V' } }, ['a']);
    const attempt = (backend: Backend) => {
      const a = new Float64Array(11).fill(0.01);
      a[6] = 900; // overflows float32 (3.4e38) after some 13 steps of x91, long before float64 would
      const group = new EquationGroup(11, model, { a }, { V: new Float64Array(11).fill(1) }, { method: 'euler', backend, dtype: 'float32', name: 'G' });
      const runner = new Runner(new Network({ G: group }), { progress: false });
      let message = '';
      try {
        runner.run(5);
      } catch (e) {
        expect(e).toBeInstanceOf(NonFiniteStateError);
        message = (e as Error).message;
      }
      return { message, V: Array.from(group.variables().V) };
    };
    const [wasm, js] = [attempt('wasm'), attempt('js')];
    expect(js.message).toMatch(/neuron 6 .*t = 1\.\d+ ms/);
    expect(wasm).toEqual(js);
  });

  it('keeps float64 spike times of uncoupled LIF neurons within a step and their voltages within 1e-4 mV', () => {
    const simulate = (arithmetic: 'float32' | 'float64') => {
      setArithmetic(arithmetic);
      seed(3);
      const n = 40;
      // Resting potentials (float64, per neuron) with the input 20 drive the neurons to -50.5 .. -20.5 mV:
      // some never fire, some fire at up to 90 Hz.
      const V_rest = Float64Array.from({ length: n }, (_, i) => -70.5 + 0.75 * i);
      const lif = new LIF(n, { ...lifOptions, V_rest, dtype: arithmetic, V_initializer: new Uniform(-60, -50), backend: 'wasm', name: 'L' });
      const runner = new Runner(new Network({ L: lif }), { monitors: { V: 'L.V', spike: 'L.spike', refractory: 'L.refractory' }, inputs: [['L.input', 20]], progress: false });
      runner.run(3000);
      return { V: runner.mon.get('V').data, spike: runner.mon.get('spike').data, refractory: runner.mon.get('refractory').data, n };
    };
    const [f32, f64] = [simulate('float32'), simulate('float64')];
    const { n } = f32;
    const steps = f32.spike.length / n;
    for (let i = 0; i < n; i++) {
      const spikeSteps = (r: typeof f32) => Array.from({ length: steps }, (_, s) => s).filter((s) => r.spike[s * n + i] === 1);
      const [a, b] = [spikeSteps(f32), spikeSteps(f64)];
      expect(a.length, `neuron ${i}`).toBe(b.length);
      a.forEach((s, j) => expect(Math.abs(s - b[j]), `neuron ${i} spike ${j}`).toBeLessThanOrEqual(1));
      // The neuron is refractory in its spike step and the 50 steps after it (tau_ref 5 ms), also
      // seconds in, where a float32 t is 2.4e-4 ms apart (the clock is float64).
      for (const r of [f32, f64]) {
        for (const s of spikeSteps(r)) {
          let flagged = 0;
          while (s + flagged < steps && r.refractory[(s + flagged) * n + i] === 1) flagged++;
          if (s + 51 < steps) expect(flagged, `neuron ${i}, spike at step ${s}`).toBe(51);
        }
      }
    }
    // Before the first spike the trajectories follow the same equation in both precisions.
    let maxDiff = 0;
    for (let s = 0; s < 100; s++) for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(f32.V[s * n + i] - f64.V[s * n + i]));
    expect(maxDiff).toBeLessThan(1e-4);
    expect(maxDiff).toBeGreaterThan(0);
  });

  it('keeps the firing rate of the E/I network within 5 % of float64', () => {
    const rate = (arithmetic: 'float32' | 'float64') => {
      setArithmetic(arithmetic);
      const { results } = run('coba', true, arithmetic, 'wasm');
      return results['E.spike'].reduce((a, b) => a + b, 0);
    };
    const [f32, f64] = [rate('float32'), rate('float64')];
    expect(f64).toBeGreaterThan(500);
    expect(Math.abs(f32 - f64) / f64).toBeLessThan(0.05);
  });

  it('computes exp within 1 ulp and expm1 within 1.6 ulp of the exact values, the same bits in JavaScript and WebAssembly', () => {
    const n = 200_003;
    const rng = streamFor(9);
    const inputs = Float32Array.from({ length: n }, (_, i) => (i % 2 ? (rng.random() - 0.5) * 220 : (rng.random() - 0.5) * 2 * 10 ** (-9 * rng.random())));
    inputs.set([0, -0, 88.72, 88.73, -87.3, -103, -103.97, -104, Infinity, -Infinity, NaN, 1e-30, 0.3466, -0.3466]);
    const ulp = (v: number) => Math.max(2 ** (Math.floor(Math.log2(Math.abs(v))) - 23), 2 ** -149);
    for (const fn of ['exp', 'expm1'] as const) {
      const plan = float32Plan(
        expandFloat32Exp({
          arrays: [
            { name: 'x', type: 'f32' },
            { name: 'y', type: 'f32' },
          ],
          statesPerElement: 1,
          body: [
            { kind: 'load', local: 'x', array: 0 },
            { kind: 'store', array: 1, value: parseExpression(`${fn}(x)`) },
          ],
        }),
      );
      expect(JSON.stringify(plan.body)).not.toContain(`"fn":"${fn}"`);
      const arena = new WasmArena('test');
      const [x, y] = [floatArray('float32', n, arena), floatArray('float32', n, arena)];
      x.set(inputs);
      compileKernelWasm(plan, arena, [x.byteOffset, y.byteOffset])(n, 0, []);
      const yJs = new Float32Array(n);
      compileKernelJs(plan).kernel(n, 0, [Float32Array.from(inputs), yJs]);
      expectSameValues(Array.from(y), Array.from(yJs), fn);
      const exact = fn === 'exp' ? Math.exp : Math.expm1;
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const e = exact(inputs[i]);
        if (Number.isFinite(e) && Math.abs(e) >= 2 ** -126 && Math.fround(e) !== y[i]) worst = Math.max(worst, Math.abs(y[i] - e) / ulp(e));
        else if (!(Number.isFinite(e) && Math.abs(e) >= 2 ** -126)) expect(Math.abs(y[i] - Math.fround(e)) <= 2 ** -149 || Object.is(y[i], Math.fround(e)), `${fn}(${inputs[i]})`).toBe(true);
      }
      expect(worst, fn).toBeLessThan(fn === 'exp' ? 1 : 1.6);
      expect(worst, fn).toBeGreaterThan(0.5);
    }
  });

  it('names the function it rounds with: fround, callable in equations too', () => {
    const model = defineModel('Round', { equations: { x: 'fround(0.1) - x' } }, []);
    const group = new EquationGroup(2, model, {}, { x: new Float64Array(2) }, { method: 'euler', name: 'R' });
    new Runner(new Network({ R: group }), { progress: false }).run(0.1);
    expect(group.variables().x[0]).toBe(Math.fround(0.1) * 0.1);
  });
});
