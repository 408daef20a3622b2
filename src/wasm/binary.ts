/**
 * A minimal writer for WebAssembly modules in the binary format (WebAssembly core specification,
 * chapter 5): LEB128 integers, little-endian float64 constants, vectors, sections, and the opcodes
 * the kernel backend emits. Enough for one module importing a memory and functions and exporting
 * functions; nothing is validated here (the engine validates when it compiles the module).
 */

/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof I64 | typeof F32 | typeof F64 | typeof V128;
/** The block type of a block, loop or if without a result. */
export const EMPTY_BLOCK = 0x40;

/** Instruction opcodes (core spec 5.4), by their text-format names. */
export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  global_get: 0x23,
  i32_load: 0x28,
  i64_load: 0x29,
  f32_load: 0x2a,
  f64_load: 0x2b,
  i32_load8_u: 0x2d,
  i32_store: 0x36,
  f32_store: 0x38,
  f64_store: 0x39,
  i32_store8: 0x3a,
  i32_const: 0x41,
  i64_const: 0x42,
  f64_const: 0x44,
  i32_eqz: 0x45,
  i32_eq: 0x46,
  i32_ne: 0x47,
  i32_lt_s: 0x48,
  i32_lt_u: 0x49,
  i32_ge_s: 0x4e,
  i32_gt_u: 0x4b,
  i32_ge_u: 0x4f,
  i64_ne: 0x52,
  f64_eq: 0x61,
  f64_ne: 0x62,
  f64_lt: 0x63,
  f64_gt: 0x64,
  f64_le: 0x65,
  f64_ge: 0x66,
  i32_add: 0x6a,
  i32_sub: 0x6b,
  i32_mul: 0x6c,
  i32_and: 0x71,
  i32_or: 0x72,
  i32_shl: 0x74,
  i32_shr_u: 0x76,
  i64_shl: 0x86,
  i64_shr_u: 0x88,
  f64_abs: 0x99,
  f64_neg: 0x9a,
  f64_ceil: 0x9b,
  f64_floor: 0x9c,
  f64_trunc: 0x9d,
  f64_sqrt: 0x9f,
  f64_add: 0xa0,
  f64_sub: 0xa1,
  f64_mul: 0xa2,
  f64_div: 0xa3,
  f64_min: 0xa4,
  f64_max: 0xa5,
  i32_wrap_i64: 0xa7,
  i32_trunc_f64_s: 0xaa,
  i64_extend_i32_s: 0xac,
  f32_demote_f64: 0xb6,
  f64_convert_i32_s: 0xb7,
  f64_convert_i32_u: 0xb8,
  f64_promote_f32: 0xbb,
  i64_reinterpret_f64: 0xbd,
  f64_reinterpret_i64: 0xbf,
} as const;

/** The prefix byte of the SIMD instructions (fixed-width SIMD, core spec 5.4.8). */
const SIMD_PREFIX = 0xfd;

/** SIMD instruction opcodes (after the 0xfd prefix), by their text-format names. */
export const Simd = {
  v128_load: 0x00,
  v128_load16_splat: 0x08,
  v128_store: 0x0b,
  v128_const: 0x0c,
  i8x16_shuffle: 0x0d,
  i64x2_splat: 0x12,
  i32x4_splat: 0x11,
  f32x4_splat: 0x13,
  f64x2_splat: 0x14,
  i32x4_extract_lane: 0x1b,
  f32x4_extract_lane: 0x1f,
  f64x2_extract_lane: 0x21,
  f64x2_replace_lane: 0x22,
  i32x4_eq: 0x37,
  i32x4_ne: 0x38,
  f32x4_eq: 0x41,
  f32x4_ne: 0x42,
  f32x4_lt: 0x43,
  f32x4_gt: 0x44,
  f32x4_le: 0x45,
  f32x4_ge: 0x46,
  f64x2_eq: 0x47,
  f64x2_ne: 0x48,
  f64x2_lt: 0x49,
  f64x2_gt: 0x4a,
  f64x2_le: 0x4b,
  f64x2_ge: 0x4c,
  v128_not: 0x4d,
  v128_and: 0x4e,
  v128_andnot: 0x4f,
  v128_or: 0x50,
  v128_bitselect: 0x52,
  v128_any_true: 0x53,
  v128_store16_lane: 0x59,
  v128_store32_lane: 0x5a,
  v128_store64_lane: 0x5b,
  v128_load32_zero: 0x5c,
  v128_load64_zero: 0x5d,
  f32x4_demote_f64x2_zero: 0x5e,
  f64x2_promote_low_f32x4: 0x5f,
  i8x16_neg: 0x61,
  i8x16_narrow_i16x8_s: 0x65,
  f32x4_ceil: 0x67,
  f32x4_floor: 0x68,
  f32x4_trunc: 0x69,
  f64x2_ceil: 0x74,
  f64x2_floor: 0x75,
  f64x2_trunc: 0x7a,
  i16x8_narrow_i32x4_s: 0x85,
  i16x8_extend_low_i8x16_u: 0x89,
  i32x4_extend_low_i16x8_u: 0xa9,
  i32x4_shl: 0xab,
  i32x4_add: 0xae,
  i64x2_all_true: 0xc3,
  i64x2_extend_low_i32x4_s: 0xc7,
  i64x2_shl: 0xcb,
  i64x2_add: 0xce,
  i64x2_eq: 0xd6,
  i64x2_ne: 0xd7,
  f32x4_abs: 0xe0,
  f32x4_neg: 0xe1,
  f32x4_sqrt: 0xe3,
  f32x4_add: 0xe4,
  f32x4_sub: 0xe5,
  f32x4_mul: 0xe6,
  f32x4_div: 0xe7,
  f32x4_min: 0xe8,
  f32x4_max: 0xe9,
  f64x2_abs: 0xec,
  f64x2_neg: 0xed,
  f64x2_sqrt: 0xef,
  f64x2_add: 0xf0,
  f64x2_sub: 0xf1,
  f64x2_mul: 0xf2,
  f64x2_div: 0xf3,
  f64x2_min: 0xf4,
  f64x2_max: 0xf5,
  i32x4_trunc_sat_f32x4_s: 0xf8,
  f32x4_convert_i32x4_u: 0xfb,
  i32x4_trunc_sat_f64x2_s_zero: 0xfc,
  f64x2_convert_low_i32x4_s: 0xfe,
  f64x2_convert_low_i32x4_u: 0xff,
} as const;

/** i8x16.shuffle lane lists: float32 lanes 2, 3 (bytes 8..15) to lanes 0, 1; the low halves of two vectors into one. */
export const SHUFFLE_HIGH_TO_LOW = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
export const SHUFFLE_JOIN_LOWS = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** A growing byte buffer with the encodings of the binary format. */
export class ByteWriter {
  private readonly bytes: number[] = [];

  get length(): number {
    return this.bytes.length;
  }

  byte(b: number): this {
    this.bytes.push(b & 0xff);
    return this;
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.bytes.push(bytes[i] & 0xff);
    return this;
  }

  /** A SIMD instruction: the prefix, then its opcode as a u32. */
  simd(op: number): this {
    return this.byte(SIMD_PREFIX).u32(op);
  }

  /** Unsigned LEB128 (u32: counts, indices, sizes, memory offsets). */
  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`u32 out of range: ${value}`);
    let v = value;
    do {
      const low = v % 128;
      v = Math.floor(v / 128);
      this.byte(v === 0 ? low : low | 0x80);
    } while (v !== 0);
    return this;
  }

  /** Signed LEB128 (i32 constants). */
  i32(value: number): this {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new RangeError(`i32 out of range: ${value}`);
    let v = value | 0;
    for (;;) {
      const low = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (low & 0x40) === 0) || (v === -1 && (low & 0x40) !== 0);
      this.byte(done ? low : low | 0x80);
      if (done) return this;
    }
  }

  /** A float64 in IEEE 754 little-endian bytes (every bit kept, including -0). */
  f64(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  /** A float32 in IEEE 754 little-endian bytes; `value` must be one (Math.fround(value) === value). */
  f32(value: number): this {
    if (!Object.is(Math.fround(value), value) && !Number.isNaN(value)) throw new RangeError(`not a float32: ${value}`);
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    return this.raw(new Uint8Array(view.buffer));
  }

  /** A name: its UTF-8 bytes as a vector. */
  name(text: string): this {
    const utf8 = new TextEncoder().encode(text);
    return this.u32(utf8.length).raw(utf8);
  }

  /** A vector: its length, then each item written by `write`. */
  vec<T>(items: readonly T[], write: (item: T, w: this) => void): this {
    this.u32(items.length);
    for (const item of items) write(item, this);
    return this;
  }

  /** Bytes written by another writer, prefixed with their size (section contents, function bodies). */
  sized(content: ByteWriter): this {
    return this.u32(content.length).raw(content.bytes);
  }

  toBytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.bytes);
  }
}

export interface FunctionType {
  readonly params: readonly ValueType[];
  readonly results: readonly ValueType[];
}

export interface FunctionImport {
  readonly module: string;
  readonly name: string;
  /** Index into the module's types. */
  readonly type: number;
}

export interface MemoryImport {
  readonly module: string;
  readonly name: string;
  readonly minimumPages: number;
  readonly maximumPages?: number;
  /** A shared memory must have a maximum. */
  readonly shared: boolean;
}

export interface FunctionDefinition {
  readonly type: number;
  /** Locals beyond the parameters, in index order. */
  readonly locals: readonly ValueType[];
  /** The instructions, ending with Op.end. */
  readonly code: ByteWriter;
  /** The name it is exported under, if any. */
  readonly export?: string;
}

/** A mutable v128 global of equal lanes, each `value`: two float64 or four float32 (`value` is one). */
export interface LaneGlobal {
  readonly value: number;
  readonly lanes: 'f64x2' | 'f32x4';
}

export interface ModuleDescription {
  readonly types: readonly FunctionType[];
  /** Imported functions take the first function indices, in this order. */
  readonly functionImports: readonly FunctionImport[];
  readonly memoryImport?: MemoryImport;
  readonly functions: readonly FunctionDefinition[];
  /** Global indices 0.. in this order. */
  readonly globals?: readonly LaneGlobal[];
}

const SECTION = { type: 1, import: 2, function: 3, global: 6, export: 7, code: 10 } as const;
const MUTABLE = 0x01;
const IMPORT_FUNCTION = 0x00;
const IMPORT_MEMORY = 0x02;
const EXPORT_FUNCTION = 0x00;
const FUNCTION_TYPE = 0x60;

/** The bytes of a module: magic, version, then the type, import, function, export and code sections. */
export function encodeModule(module: ModuleDescription): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter().raw([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, content: ByteWriter) => out.byte(id).sized(content);

  section(
    SECTION.type,
    new ByteWriter().vec(module.types, (t, w) => {
      w.byte(FUNCTION_TYPE).vec(t.params, (p) => w.byte(p)).vec(t.results, (r) => w.byte(r));
    }),
  );

  const imports = new ByteWriter();
  const memory = module.memoryImport;
  imports.u32(module.functionImports.length + (memory ? 1 : 0));
  for (const f of module.functionImports) imports.name(f.module).name(f.name).byte(IMPORT_FUNCTION).u32(f.type);
  if (memory) {
    imports.name(memory.module).name(memory.name).byte(IMPORT_MEMORY);
    // Limits: 0x00 minimum only, 0x01 minimum and maximum, 0x03 shared (with maximum).
    if (memory.maximumPages === undefined) imports.byte(0x00).u32(memory.minimumPages);
    else imports.byte(memory.shared ? 0x03 : 0x01).u32(memory.minimumPages).u32(memory.maximumPages);
  }
  section(SECTION.import, imports);

  section(SECTION.function, new ByteWriter().vec(module.functions, (f, w) => w.u32(f.type)));

  if (module.globals && module.globals.length > 0) {
    section(
      SECTION.global,
      new ByteWriter().vec(module.globals, (g, w) => {
        w.byte(V128).byte(MUTABLE).simd(Simd.v128_const);
        if (g.lanes === 'f64x2') w.f64(g.value).f64(g.value);
        else w.f32(g.value).f32(g.value).f32(g.value).f32(g.value);
        w.byte(Op.end);
      }),
    );
  }

  const exported = module.functions.flatMap((f, i) => (f.export === undefined ? [] : [{ name: f.export, index: module.functionImports.length + i }]));
  section(
    SECTION.export,
    new ByteWriter().vec(exported, (e, w) => w.name(e.name).byte(EXPORT_FUNCTION).u32(e.index)),
  );

  section(
    SECTION.code,
    new ByteWriter().vec(module.functions, (f, w) => {
      const body = new ByteWriter();
      // Locals are declared in runs of one type.
      const runs: { count: number; type: ValueType }[] = [];
      for (const type of f.locals) {
        const last = runs[runs.length - 1];
        if (last && last.type === type) last.count++;
        else runs.push({ count: 1, type });
      }
      body.vec(runs, (r, b) => b.u32(r.count).byte(r.type));
      body.raw(f.code.toBytes());
      w.sized(body);
    }),
  );
  return out.toBytes();
}
