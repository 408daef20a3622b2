import type { KernelMemory } from './kernel-wasm.js';
import { ByteWriter, encodeModule, I32, Op } from './binary.js';

/** memory.fill with the memory index 0 (bulk-memory instructions carry the 0xfc prefix). */
const MEMORY_FILL = [0xfc, 0x0b, 0x00];

/**
 * A function that zeroes `bytes` bytes at `byteOffset` of a WebAssembly memory with memory.fill,
 * which is a memset; TypedArray.prototype.fill on shared memory goes element by element and
 * costs about ten times more.
 */
export function memoryZeroer(memory: KernelMemory): (byteOffset: number, bytes: number) => void {
  const code = new ByteWriter().byte(Op.local_get).u32(0).byte(Op.i32_const).i32(0).byte(Op.local_get).u32(1).raw(MEMORY_FILL).byte(Op.end);
  const bytes = encodeModule({
    types: [{ params: [I32, I32], results: [] }],
    functionImports: [],
    memoryImport: { module: 'env', name: 'memory', minimumPages: 0, maximumPages: memory.maximumPages, shared: memory.shared },
    functions: [{ type: 0, locals: [], code, export: 'zero' }],
  });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: memory.memory } });
  return instance.exports.zero as (byteOffset: number, bytes: number) => void;
}
