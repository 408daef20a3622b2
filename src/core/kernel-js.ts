import type { Expr } from '../expr/ast.js';
import { compileFunction, emit } from '../expr/emit.js';
import { GROUP_KERNEL_PARAMETERS, type GroupKernel, type KernelPlan, type KernelStatement } from './kernel-ir.js';

/**
 * The JavaScript backend of group kernels: a KernelPlan (kernel-ir.ts) as the body of a
 * GroupKernel. Arrays come in through the parameter A and are bound to a0, a1, ... once per call,
 * which V8 compiles to tight loops; nothing is allocated per element.
 */
export function emitKernelJs(plan: KernelPlan): string {
  const array = (i: number) => `a${i}`;
  const lines = plan.arrays.map((_, i) => `const ${array(i)} = A[${i}];`);
  if (plan.clearSpikes) {
    const { flags, list } = plan.clearSpikes;
    lines.push(`for (let q = 0; q < previousCount; q++) ${array(flags)}[${array(list)}[q]] = 0;`);
  }
  lines.push('let count = 0;', 'for (let k = start | 0; k < n; k++) {');

  const reassigned = new Set<string>();
  const collect = (statements: readonly KernelStatement[]): void => {
    for (const s of statements) {
      if (s.kind === 'set') reassigned.add(s.local);
      if (s.kind === 'if') collect(s.then);
    }
  };
  collect(plan.body);

  const declared = new Set<string>(['t']);
  // A symbol is a local declared earlier in the body, or t; anything else is a planning bug.
  const code = (e: Expr) => emit(e, (name) => (declared.has(name) ? name : undefined), 'a kernel plan');
  const value = (e: Expr, round32 = false) => (round32 ? `Math.fround(${code(e)})` : code(e));
  const declare = (local: string, init: string) => {
    lines.push(`${reassigned.has(local) ? 'let' : 'const'} ${local} = ${init};`);
    declared.add(local);
  };
  const write = (statements: readonly KernelStatement[]): void => {
    for (const s of statements) {
      switch (s.kind) {
        case 'load':
          declare(s.local, `${array(s.array)}[k]`);
          break;
        case 'let':
          declare(s.local, value(s.value, s.round32));
          break;
        case 'set':
          lines.push(`${s.local} = ${value(s.value, s.round32)};`);
          break;
        case 'store':
          lines.push(`${array(s.array)}[k] = ${plan.arrays[s.array].type === 'u8' ? `(${code(s.value)}) ? 1 : 0` : code(s.value)};`);
          break;
        case 'if':
          lines.push(`if (${code(s.condition)}) {`);
          write(s.then);
          lines.push('}');
          break;
        case 'failIfNotFinite':
          lines.push(`if (!(${s.local} - ${s.local} === 0)) return -(1 + k * ${plan.statesPerElement} + ${s.state});`);
          break;
        case 'spike':
          lines.push(`${array(s.flags)}[k] = 1;`, `${array(s.list)}[count++] = k;`);
          break;
      }
    }
  };
  write(plan.body);
  lines.push('}', 'return count;');
  return lines.join('\n');
}

export function compileKernelJs(plan: KernelPlan): { kernel: GroupKernel; source: string } {
  const source = emitKernelJs(plan);
  return { kernel: compileFunction<GroupKernel>(GROUP_KERNEL_PARAMETERS, source), source };
}
