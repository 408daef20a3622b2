import { type Expr, mapChildren, symbolsOf, sym } from './ast.js';
import { MATH_FUNCTIONS } from './functions.js';

/**
 * Common-subexpression elimination over a set of expressions that are evaluated together (the
 * right-hand sides and Jacobian terms of one integration step). HH-type models repeat the same
 * rate functions and exp() calls in f and in df/dy; computing each once is faster and gives the
 * same numbers, since a repeated subtree evaluates to the same double every time.
 *
 * Subtrees are matched structurally and exactly (a*b and b*a are different); numbers, symbols
 * and negated symbols are never bound (reusing them saves nothing); a subtree that draws random
 * numbers is never bound, because every rand() call must draw anew. Bindings used only once
 * (an inner subtree that occurs only inside a repeated outer one) are put back in place.
 */
export interface CseBinding {
  /** A name no input expression uses. */
  readonly name: string;
  /** May refer to earlier bindings by name. */
  readonly expr: Expr;
}

export interface CseResult {
  /** In evaluation order: each refers only to the ones before it. */
  readonly bindings: readonly CseBinding[];
  /** The input expressions, in order, with repeated subtrees replaced by the bindings' names. */
  readonly exprs: readonly Expr[];
}

export function eliminateCommonSubexpressions(exprs: readonly Expr[], namePrefix: string): CseResult {
  const keys = new WeakMap<Expr, string>();
  const key = (e: Expr): string => {
    let k = keys.get(e);
    if (k === undefined) {
      k = structuralKey(e, key);
      keys.set(e, k);
    }
    return k;
  };
  const counts = new Map<string, number>();
  const count = (e: Expr): void => {
    if (isTrivial(e)) return;
    counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
    forEachChild(e, count);
  };
  exprs.forEach(count);

  // First pass: bottom-up, every pure subtree seen twice or more becomes a provisional binding.
  const provisional: Expr[] = [];
  const placeholder = new Map<Expr, number>();
  const byKey = new Map<string, Expr>();
  const replace = (e: Expr): Expr => {
    if (isTrivial(e)) return e;
    const rebuilt = mapChildren(e, replace);
    if ((counts.get(key(e)) ?? 0) < 2 || drawsRandom(e)) return rebuilt;
    let ref = byKey.get(key(e));
    if (ref === undefined) {
      ref = sym(`$${provisional.length}`);
      placeholder.set(ref, provisional.length);
      provisional.push(rebuilt);
      byKey.set(key(e), ref);
    }
    return ref;
  };
  const rewritten = exprs.map(replace);

  // Second pass: keep the bindings referred to twice or more, inline the others, name the kept.
  const uses = new Array<number>(provisional.length).fill(0);
  const tally = (e: Expr): void => {
    const id = placeholder.get(e);
    if (id !== undefined) uses[id]++;
    else forEachChild(e, tally);
  };
  provisional.forEach(tally);
  rewritten.forEach(tally);
  const taken = new Set<string>();
  for (const e of exprs) symbolsOf(e, taken);
  const names = freshNames(namePrefix, taken);
  const final: Expr[] = [];
  const bindings: CseBinding[] = [];
  const resolve = (e: Expr): Expr => {
    const id = placeholder.get(e);
    return id === undefined ? mapChildren(e, resolve) : final[id];
  };
  provisional.forEach((expr, id) => {
    const body = resolve(expr);
    if (uses[id] < 2) {
      final[id] = body;
      return;
    }
    const name = names();
    bindings.push({ name, expr: body });
    final[id] = sym(name);
  });
  return { bindings, exprs: rewritten.map(resolve) };
}

function structuralKey(e: Expr, key: (e: Expr) => string): string {
  switch (e.kind) {
    case 'num':
      // String() round-trips every finite double; -0 must stay apart from 0 (1/-0 is -Infinity).
      return Object.is(e.value, -0) ? '#-0' : `#${e.value}`;
    case 'sym':
      return e.name;
    case 'unary':
      return `${e.op}(${key(e.arg)})`;
    case 'binary':
      return `(${key(e.left)} ${e.op} ${key(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(key).join(', ')})`;
  }
}

function isTrivial(e: Expr): boolean {
  if (e.kind === 'num' || e.kind === 'sym') return true;
  return e.kind === 'unary' && (e.arg.kind === 'num' || e.arg.kind === 'sym');
}

function drawsRandom(e: Expr): boolean {
  if (e.kind === 'call' && MATH_FUNCTIONS[e.fn]?.random) return true;
  let found = false;
  forEachChild(e, (c) => {
    found ||= drawsRandom(c);
  });
  return found;
}

function forEachChild(e: Expr, visit: (child: Expr) => void): void {
  if (e.kind === 'unary') visit(e.arg);
  else if (e.kind === 'binary') {
    visit(e.left);
    visit(e.right);
  } else if (e.kind === 'call') e.args.forEach(visit);
}

/** prefix0, prefix1, ... skipping any name in `taken`. */
function freshNames(prefix: string, taken: ReadonlySet<string>): () => string {
  let next = 0;
  return () => {
    while (taken.has(`${prefix}${next}`)) next++;
    return `${prefix}${next++}`;
  };
}
