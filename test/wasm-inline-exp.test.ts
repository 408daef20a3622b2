import { describe, expect, it } from 'vitest';
import type { KernelPlan } from '../src/core/kernel-ir.js';
import { float64Array } from '../src/core/matrix.js';
import { parseExpression } from '../src/expr/parse.js';
import { WasmArena } from '../src/wasm/arena.js';
import { compileKernelWasm } from '../src/wasm/kernel-wasm.js';
import { pairsUnsupported } from '../src/wasm/kernel-pairs.js';
import { expectMathBits } from './math-bits.js';

/**
 * exp() inline in WebAssembly kernels must give Math.exp's bits for every input: two at a time in
 * SIMD lanes (src/wasm/lane-exp.ts, an even number of elements), and one at a time
 * (src/wasm/inline-exp.ts, the last of an odd number).
 */
describe('exp inline in WebAssembly kernels', () => {
  it.each([
    ['in SIMD lanes', 'y'],
    ['one at a time (a log() keeps the kernel out of SIMD lanes)', 'z'],
  ])('gives exactly the bits of Math.exp %s', (_, logInto) => {
    const n = 1 << 19;
    const arena = new WasmArena('test');
    const [x, y, z] = [float64Array(n, arena), float64Array(n, arena), float64Array(n, arena)];
    const plan: KernelPlan = {
      arrays: [{ name: 'x', type: 'f64' }, { name: 'y', type: 'f64' }, { name: 'z', type: 'f64' }],
      statesPerElement: 1,
      body: [
        { kind: 'load', local: 'x', array: 0 },
        { kind: 'store', array: 1, value: parseExpression('exp(x)') },
        ...(logInto === 'z' ? [{ kind: 'store' as const, array: 2, value: parseExpression('log(x)') }] : []),
      ],
    };
    expect(pairsUnsupported(plan) === undefined).toBe(logInto === 'y');
    const kernel = compileKernelWasm(plan, arena, [x.byteOffset, y.byteOffset, z.byteOffset]);
    const ln2 = Math.LN2;
    const special = [0, -0, NaN, Infinity, -Infinity, 1, -1, 708, -708, 707.9999999, -707.9999999, 709.78, -745.1, -746, 2 ** -28, -(2 ** -28), 2 ** -29,
      0.5 * ln2, -0.5 * ln2, 1.5 * ln2, -1.5 * ln2, 0.34657359027997264, 0.3465735902799727, 1.0397207708399179, 5e-324, 1e-300];
    const ranges: ((u: number) => number)[] = [(u) => (u - 0.5) * 1420, (u) => (u - 0.5) * 4, (u) => (u - 0.5) * 3e-8, (u) => (u - 0.5) * 200, (u) => 1.5 * ln2 * (1 + (u - 0.5) * 1e-6), (u) => (u < 0.5 ? -0.5 : 0.5) * ln2 * (1 + (u - 0.5) * 1e-6)];
    expect(expectMathBits('exp', Math.exp, () => kernel(n, 0, []), x, y, special, ranges)).toBeGreaterThan(2e6);
  });
});
