import { EquationError } from '../core/errors.js';
import { type Expr, show, symbolsOf } from '../expr/ast.js';
import { derivative } from '../expr/derivative.js';
import { emit, type Resolver } from '../expr/emit.js';
import { assignedValue, parseStatements } from '../expr/statements.js';
import { simplify } from '../expr/simplify.js';
import { substitute, num } from '../expr/ast.js';
import type { Dimension } from '../units/dimension.js';
import { Scope } from './scope.js';

/**
 * Code generation for what synapses do at events (on_pre / on_post statements, after bringing
 * event-driven variables up to date) and every step ((summed) variables). Names resolve as in
 * Brian2: a synaptic variable; `x_pre` / `x_post` on the two sides; an unsuffixed name that is
 * not synaptic is the postsynaptic neuron's; a new name assigned with '=' is a local temporary.
 */
export type Side = 'synapse' | 'pre' | 'post';

export interface SymbolRef {
  readonly side: Side;
  /** Variable name on that side. */
  readonly variable: string;
  readonly dim: Dimension;
  readonly constant: boolean;
}

export interface SideInfo {
  readonly label: string;
  readonly variables: ReadonlyMap<string, Dimension>;
  readonly constants: ReadonlySet<string>;
}

export interface SynapseSymbols {
  readonly synapse: SideInfo;
  readonly pre: SideInfo;
  readonly post: SideInfo;
}

export function resolveSymbol(name: string, symbols: SynapseSymbols): SymbolRef | undefined {
  const from = (side: Side, variable: string): SymbolRef | undefined => {
    const info = symbols[side];
    const dim = info.variables.get(variable);
    return dim === undefined ? undefined : { side, variable, dim, constant: info.constants.has(variable) };
  };
  const own = from('synapse', name);
  if (own) return own;
  const suffix = /^(.*)_(pre|post)$/.exec(name);
  if (suffix) return from(suffix[2] as Side, suffix[1]);
  return from('post', name);
}

/** Dimension table of every name a synaptic string may read. */
export function symbolDimensions(symbols: SynapseSymbols): Map<string, Dimension> {
  const dims = new Map<string, Dimension>();
  for (const [v, d] of symbols.post.variables) dims.set(v, d);
  for (const [v, d] of symbols.pre.variables) dims.set(`${v}_pre`, d);
  for (const [v, d] of symbols.post.variables) dims.set(`${v}_post`, d);
  for (const [v, d] of symbols.synapse.variables) dims.set(v, d);
  return dims;
}

export interface EventDriven {
  readonly name: string;
  readonly rhs: Expr;
}

/** Array-access code for a reference: synapse s, presynaptic neuron pi, postsynaptic neuron pj. */
export type ArrayCode = (ref: SymbolRef) => string;

/**
 * The body of the loop over the synapses `s` of one event batch: event-driven updates from
 * lastupdate to t (exact for linear, uncoupled equations dx/dt = A x + B), then the statements.
 */
export function emitEventCode(
  source: string,
  pathway: string,
  symbols: SynapseSymbols,
  scope: Scope,
  eventDriven: readonly EventDriven[],
  arrayCode: ArrayCode,
  lastUpdate: string,
): string {
  const where = `${pathway} '${source}'`;
  const lines: string[] = [];
  const eventNames = eventDriven.map((e) => e.name);
  const refResolver: Resolver = (name) => {
    const ref = resolveSymbol(name, symbols);
    return ref ? arrayCode(ref) : name === 't' ? 't' : undefined;
  };
  if (eventDriven.length > 0) lines.push(`const elapsed = t - ${lastUpdate};`);
  for (const { name, rhs } of eventDriven) {
    const lowered = scope.lower(rhs);
    const a = derivative(lowered, name);
    const b = simplify(substitute(lowered, (n) => (n === name ? num(0) : undefined)));
    const coupled = [...symbolsOf(a), ...symbolsOf(b)].find((n) => eventNames.includes(n));
    if (coupled !== undefined) {
      throw new EquationError(`event-driven equation for '${name}' (${show(rhs)}) must be linear in '${name}' and not depend on '${coupled}'`);
    }
    const x = arrayCode(resolveSymbol(name, symbols) as SymbolRef);
    const aCode = emit(a, refResolver, `event-driven d${name}/dt`);
    const bCode = emit(b, refResolver, `event-driven d${name}/dt`);
    lines.push(
      `{ const ed_a = ${aCode}; const ed_b = ${bCode}; ${x} = ed_a === 0 ? ${x} + ed_b * elapsed : (${x} + ed_b / ed_a) * Math.exp(ed_a * elapsed) - ed_b / ed_a; }`,
    );
  }
  if (eventDriven.length > 0) lines.push(`${lastUpdate} = t;`);

  const locals = new Map<string, Dimension>();
  const localScope = () => new Scope(new Map([...symbolDimensions(symbols), ...locals]), scope.special, scope.namespace);
  const resolver: Resolver = (name) => (locals.has(name) ? `l_${name}` : refResolver(name));
  for (const statement of parseStatements(source)) {
    const column = `${where} at column ${statement.pos + 1}`;
    const ref = locals.has(statement.target) ? undefined : resolveSymbol(statement.target, symbols);
    const value = assignedValue(statement);
    const stScope = localScope();
    if (ref === undefined && !locals.has(statement.target)) {
      wrongSide(statement.target, symbols, column);
      if (statement.op !== '=') throw new EquationError(`${column} updates '${statement.target}', which is not defined; ${describeSides(statement.target, symbols)}`);
      const inferred = stScope.checkExpr(statement.value, where);
      locals.set(statement.target, inferred.dim);
      lines.push(`const l_${statement.target} = ${emit(stScope.lower(statement.value), resolver, where)};`);
      continue;
    }
    if (ref?.constant) throw new EquationError(`${column} writes '${statement.target}', which is declared (constant)`);
    const dim = ref?.dim ?? (locals.get(statement.target) as Dimension);
    stScope.checkExpr(value, where, dim, `'${statement.target}'`);
    const target = ref ? arrayCode(ref) : `l_${statement.target}`;
    lines.push(`${target} = ${emit(stScope.lower(value), resolver, where)};`);
  }
  return lines.join('\n');
}

/** A suffixed name whose variable exists only on the other side is an error, not a new local. */
function wrongSide(name: string, symbols: SynapseSymbols, column: string): void {
  const suffix = /^(.*)_(pre|post)$/.exec(name);
  if (!suffix) return;
  const [, variable, side] = suffix;
  const other = side === 'pre' ? 'post' : 'pre';
  const hint = symbols[other as Side].variables.has(variable)
    ? `it is a variable of the ${other}synaptic group ${symbols[other as Side].label}: write '${variable}_${other}'`
    : symbols.synapse.variables.has(variable)
      ? `it is a synaptic variable: write '${variable}'`
      : describeSides(variable, symbols);
  throw new EquationError(`${column} writes '${name}', but the ${side}synaptic group ${symbols[side as Side].label} has no variable '${variable}'; ${hint}`);
}

function describeSides(name: string, symbols: SynapseSymbols): string {
  const list = (info: SideInfo) => [...info.variables.keys()].join(', ') || '(none)';
  return `'${name}' is not a synaptic (${list(symbols.synapse)}), presynaptic (${list(symbols.pre)}) or postsynaptic (${list(symbols.post)}) variable`;
}
