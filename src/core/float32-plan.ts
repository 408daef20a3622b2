import { call, type Expr, mapChildren, num } from '../expr/ast.js';
import { POW2 } from '../expr/functions.js';
import { ARITHMETIC_OPERATORS, type Kind, kindOf } from '../wasm/plan-kinds.js';
import type { KernelPlan, KernelStatement } from './kernel-ir.js';

/**
 * Float32 arithmetic (core/arithmetic.ts) as a rewrite of a kernel plan: every arithmetic
 * operation and function result becomes fround(...) of itself, every constant its nearest float32,
 * and every float64 value read (t, per-neuron parameters) is rounded where it is used. For + − × ÷
 * and sqrt of float32 operands, rounding the float64 result once gives exactly the float32
 * operation's result (float64 has more than twice float32's precision), so the rewritten plan,
 * run by any float64 backend, computes in float32; and a backend with float32 instructions (the
 * four-lane WebAssembly loop, src/wasm/kernel-quads.ts) gives the same bits.
 * Statements marked `wide` (the refractory clock) are left in float64.
 */
export function float32Plan(plan: KernelPlan): KernelPlan {
  const kinds = new Map<string, Kind>();
  /** Locals holding float64 numbers: loads from float64 or int32 arrays, numbers declared by wide statements. */
  const wide = new Set<string>();
  const localKind = (name: string) => kinds.get(name);
  const isWide = (name: string) => name === 't' || wide.has(name);

  const rewrite = (statements: readonly KernelStatement[]): KernelStatement[] =>
    statements.map((s): KernelStatement => {
      switch (s.kind) {
        case 'load': {
          const type = plan.arrays[s.array].type;
          kinds.set(s.local, 'num');
          if (type === 'f64' || type === 'i32') wide.add(s.local);
          return s;
        }
        case 'let': {
          const value = s.wide ? s.value : toFloat32(s.value, isWide);
          const kind = kindOf(value, localKind);
          kinds.set(s.local, kind);
          if (s.wide && kind !== 'bool') wide.add(s.local);
          return { kind: 'let', local: s.local, value, ...(s.wide ? { wide: true } : {}) };
        }
        case 'set':
          return { kind: 'set', local: s.local, value: toFloat32(s.value, isWide) };
        case 'store':
          return s.wide ? s : { ...s, value: toFloat32(s.value, isWide) };
        case 'if':
          return { kind: 'if', condition: toFloat32(s.condition, isWide), then: rewrite(s.then) };
        default:
          return s;
      }
    });
  return { ...plan, body: rewrite(plan.body) };
}

/** Functions whose result is a float32 when their arguments are: they select, compare or drop digits, never round. */
const EXACT_ON_FLOAT32: ReadonlySet<string> = new Set(['abs', 'floor', 'ceil', 'int', 'min', 'max', 'clip', 'sign', 'where', 'fround', POW2]);

const isFround = (e: Expr): boolean => e.kind === 'call' && e.fn === 'fround';

/** `e` computed in float32; `isWide(name)`: the symbol holds a float64 number (booleans never do). */
export function toFloat32(e: Expr, isWide: (name: string) => boolean): Expr {
  switch (e.kind) {
    case 'num':
      return num(Math.fround(e.value));
    case 'sym':
      return isWide(e.name) ? call('fround', e) : e;
    case 'unary':
      // Negation is exact, `not` gives a boolean.
      return mapChildren(e, (x) => toFloat32(x, isWide));
    case 'binary': {
      const rewritten = mapChildren(e, (x) => toFloat32(x, isWide));
      return ARITHMETIC_OPERATORS.has(e.op) || e.op === '**' ? call('fround', rewritten) : rewritten;
    }
    case 'call': {
      if (e.fn === 'fround') {
        const inner = toFloat32(e.args[0], isWide);
        return isFround(inner) ? inner : call('fround', inner);
      }
      const rewritten = mapChildren(e, (x) => toFloat32(x, isWide));
      return EXACT_ON_FLOAT32.has(e.fn) ? rewritten : call('fround', rewritten);
    }
  }
}
