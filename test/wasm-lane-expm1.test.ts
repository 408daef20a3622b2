import { describe, expect, it } from 'vitest';
import type { KernelPlan } from '../src/core/kernel-ir.js';
import { float64Array } from '../src/core/matrix.js';
import { parseExpression } from '../src/expr/parse.js';
import { WasmArena } from '../src/wasm/arena.js';
import { compileKernelWasm } from '../src/wasm/kernel-wasm.js';
import { pairsUnsupported } from '../src/wasm/kernel-pairs.js';
import { expectMathBits } from './math-bits.js';

/**
 * expm1() in SIMD lanes (src/wasm/lane-expm1.ts) must give Math.expm1's bits for every input,
 * in each of fdlibm's cases: k = 0, -1, 1 (both of its branches), k <= -2, 2 <= k < 20,
 * 20 <= k <= 56, and the pairs sent to Math.expm1 (tiny, beyond 56 ln2, infinite, NaN).
 */
describe('expm1 in SIMD lanes of WebAssembly kernels', () => {
  it('gives exactly the bits of Math.expm1', () => {
    const n = 1 << 19;
    const arena = new WasmArena('test');
    const [x, y] = [float64Array(n, arena), float64Array(n, arena)];
    const plan: KernelPlan = {
      arrays: [{ name: 'x', type: 'f64' }, { name: 'y', type: 'f64' }],
      statesPerElement: 1,
      body: [{ kind: 'load', local: 'x', array: 0 }, { kind: 'store', array: 1, value: parseExpression('expm1(x)') }],
    };
    expect(pairsUnsupported(plan)).toBeUndefined();
    const kernel = compileKernelWasm(plan, arena, [x.byteOffset, y.byteOffset]);
    const ln2 = Math.LN2;
    const special = [0, -0, NaN, Infinity, -Infinity, 1, -1, 2 ** -54, -(2 ** -54), 2 ** -55, 5e-324, 56 * ln2, -56 * ln2, 38.8162, -38.8162, 709.78, 710, -745,
      0.5 * ln2, -0.5 * ln2, 1.5 * ln2, -1.5 * ln2, 0.34657359027997264, 0.3465735902799727, -0.25, 20 * ln2, 19.5 * ln2, 20.5 * ln2, 1e-300];
    const around = (centre: number, width: number) => (u: number) => centre * (1 + (u - 0.5) * width);
    const ranges: ((u: number) => number)[] = [
      (u) => (u - 0.5) * 80,
      (u) => (u - 0.5) * 4,
      (u) => (u - 0.5) * 1e-6,
      (u) => (u - 0.5) * 2 ** -50,
      around(0.5 * ln2, 1e-6),
      around(-0.5 * ln2, 1e-6),
      around(1.5 * ln2, 1e-6),
      around(-1.5 * ln2, 1e-6),
      around(19.5 * ln2, 0.1),
      around(56 * ln2, 1e-3),
      around(-56 * ln2, 1e-3),
      (u) => -0.2 - u * 0.6,
    ];
    expect(expectMathBits('expm1', Math.expm1, () => kernel(n, 0, []), x, y, special, ranges)).toBeGreaterThan(6e6);
  });
});
