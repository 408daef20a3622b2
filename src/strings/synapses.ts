import type { Connectivity } from '../connect/connector.js';
import { FixedProb } from '../connect/fixed-prob.js';
import { IJConn } from '../connect/ij-conn.js';
import type { StepContext } from '../core/context.js';
import { EquationError, ParameterError, UnknownNameError } from '../core/errors.js';
import { compileGroupKernel, type CompiledGroupKernel } from '../core/group-kernel.js';
import type { GroupKernel } from '../core/kernel-ir.js';
import type { NumericArray } from '../core/matrix.js';
import { defineModel } from '../core/model.js';
import { type RandomStream, streamFor } from '../core/random.js';
import { TwoEndConn } from '../core/two-end-conn.js';
import { type Expr, show, symbolsOf } from '../expr/ast.js';
import { compileFunction, emit } from '../expr/emit.js';
import { RANDOM_STREAM_PARAMETER } from '../expr/functions.js';
import { parseExpression } from '../expr/parse.js';
import { closestName } from '../expr/suggest.js';
import { type Dimension, dimensionOf, divideDims, sameDim, formatDim } from '../units/dimension.js';
import type { Quantity, Unit } from '../units/quantity.js';
import { type Declaration, parseEquations } from './equations.js';
import type { NeuronGroup, NeuronGroupSlice } from './neuron-group.js';
import { methodFor, TIME } from './neuron-model.js';
import { type ElementSource, evaluatePerElement } from './per-element.js';
import { type Namespace, Scope, toQuantity } from './scope.js';
import { emitEventCode, type EventDriven, resolveSymbol, symbolDimensions, type SymbolRef, type SynapseSymbols } from './synapse-code.js';
import { PendingConnectivity } from './pending-connectivity.js';
import { toInternalValues, type VariableValue } from './values.js';
import { SummedTargets } from './summed-targets.js';

export type StringSide = NeuronGroup | NeuronGroupSlice;

export interface SynapsesOptions {
  /** Per-synapse variables, clock-driven or event-driven equations, (summed) variables. */
  readonly model?: string;
  /** Statements run for each synapse when its presynaptic neuron spiked (Brian2's on_pre). */
  readonly onPre?: string;
  /** Statements run for each synapse when its postsynaptic neuron spiked. */
  readonly onPost?: string;
  /** Homogeneous delay; per-synapse delays with `set('delay', ...)`. */
  readonly delay?: Quantity;
  readonly method?: string;
  readonly namespace?: Namespace;
  readonly name?: string;
  readonly seed?: number;
}

export interface ConnectOptions {
  /** Connection probability, alone or together with a condition. */
  readonly p?: number;
  /** A condition on i, j and pre/post variables, e.g. 'i != j' or 'abs(i - j) < 5'. */
  readonly condition?: string;
  /** Explicit presynaptic and postsynaptic indices (relative to the two populations). */
  readonly i?: ArrayLike<number>;
  readonly j?: ArrayLike<number>;
}

const DELAY = 'delay';
const DIMENSIONLESS = dimensionOf({});
type EventKernel = (syn: Int32Array, count: number, t: number, A: NumericArray[], rng: RandomStream) => void;

/**
 * Synapses defined by Brian2-style strings between two string-defined populations (groups or
 * slices). Work per step is proportional to what the model needs: events touch only the synapses
 * of neurons that spiked; clock-driven equations and (summed) variables loop over all synapses,
 * so models that keep their dynamics on the neuron side (`y_post += w`) pay nothing per synapse.
 *
 * Order in a step (synapses run before neurons): events of the previous step's spikes (after
 * their delays), then (summed) variables from the current synaptic state, then one step of the
 * clock-driven equations. This gives the same arithmetic as moving a linear synaptic variable
 * to the neuron side.
 */
export class Synapses extends TwoEndConn {
  readonly source: StringSide;
  readonly target: StringSide;
  private readonly declarations: readonly Declaration[];
  private readonly symbols: SynapseSymbols;
  private readonly scope: Scope;
  private readonly methodName: string;
  private readonly options: SynapsesOptions;
  private readonly stream: RandomStream;
  private readonly pending: PendingConnectivity;
  private arrays: Record<string, Float64Array> = {};
  private preIndex = new Int32Array(0);
  private postIndex = new Int32Array(0);
  private byPost: { indptr: Int32Array; synapses: Int32Array } | undefined;
  private compiled: Compiled | undefined;
  private queue: DelayQueue | undefined;

  constructor(pre: StringSide, post: StringSide, options: SynapsesOptions = {}) {
    const pending = new PendingConnectivity(pre.num, post.num);
    super(pre, post, pending, { name: options.name });
    this.pending = pending;
    this.source = pre;
    this.target = post;
    this.options = options;
    this.methodName = methodFor(options.method);
    this.stream = streamFor(options.seed);
    this.declarations = parseEquations(options.model ?? '');
    const synapseVars = new Map<string, Dimension>();
    for (const d of this.declarations) if (!d.flags.includes('summed') && d.kind !== 'subexpression') synapseVars.set(d.name, d.dim);
    synapseVars.set(DELAY, TIME);
    const side = (group: NeuronGroup, label: string) => ({ label, variables: group.strings.variables, constants: group.strings.constants });
    this.symbols = {
      synapse: { label: `'${this.name}'`, variables: synapseVars, constants: new Set(this.declarations.filter((d) => d.flags.includes('constant')).map((d) => d.name)) },
      pre: side(pre.group, `'${pre.group.name}'`),
      post: side(post.group, `'${post.group.name}'`),
    };
    this.scope = new Scope(symbolDimensions(this.symbols), new Map([['t', TIME], ['lastupdate', TIME]]), options.namespace);
    for (const d of this.declarations.filter((x) => x.kind === 'subexpression' && !x.flags.includes('summed'))) {
      this.scope.registerSubexpression(d.name, d.expr as Expr, d.dim);
    }
    this.checkModel();
  }

  /** Check every string now, so mistakes surface where the synapses are created. */
  private checkModel(): void {
    for (const d of this.declarations) {
      const where = `synapse equation '${d.line.trim()}'`;
      if (d.kind === 'differential') this.scope.checkExpr(d.expr as Expr, where, divideDims(d.dim, TIME), `the unit of d${d.name}/dt (${d.unit}/second)`);
      if (d.kind === 'subexpression') this.scope.checkExpr(d.expr as Expr, where, d.dim);
      if (d.flags.includes('summed')) this.summedTarget(d);
    }
    const probe = (ref: SymbolRef) => ref.variable;
    if (this.options.onPre) emitEventCode(this.options.onPre, 'on_pre', this.symbols, this.scope, this.eventDriven(), probe, 'lu');
    if (this.options.onPost) emitEventCode(this.options.onPost, 'on_post', this.symbols, this.scope, this.eventDriven(), probe, 'lu');
  }

  private summedTarget(d: Declaration): SymbolRef {
    const where = `summed variable '${d.line.trim()}'`;
    const match = /^(.*)_(post|pre)$/.exec(d.name);
    const ref = match ? resolveSymbol(d.name, this.symbols) : undefined;
    if (!match || !ref) throw new EquationError(`${where}: the name must be a variable of the postsynaptic (x_post) or presynaptic (x_pre) group`);
    const group = ref.side === 'pre' ? this.source.group : this.target.group;
    if (group.model.states.includes(ref.variable) && group.model.equations[ref.variable] !== undefined && !group.strings.params.includes(ref.variable)) {
      const decl = group.strings.declarations.find((x) => x.name === ref.variable);
      if (decl?.kind === 'differential') throw new EquationError(`${where}: '${ref.variable}' has a differential equation; a summed target must be a parameter ('${ref.variable} : ${d.unit}')`);
    }
    if (!sameDim(ref.dim, d.dim)) throw new EquationError(`${where}: '${ref.variable}' has dimension ${formatDim(ref.dim)}, the summed variable ${formatDim(d.dim)}`);
    this.scope.checkExpr(d.expr as Expr, where, d.dim);
    return ref;
  }

  private eventDriven(): EventDriven[] {
    return this.declarations
      .filter((d) => d.kind === 'differential' && d.flags.includes('event-driven'))
      .map((d) => ({ name: d.name, rhs: d.expr as Expr }));
  }

  get numSynapses(): number {
    return this.preIndex.length;
  }

  /** Create the synapses: by probability, by condition (with or without p), or by index arrays. */
  connect(options: ConnectOptions = {}): this {
    if (this.preIndex.length > 0) throw new ParameterError(`synapses '${this.name}' are already connected; create another Synapses object for more connections`);
    let conn: Connectivity;
    const { p, condition, i, j } = options;
    if (i !== undefined || j !== undefined) {
      if (i === undefined || j === undefined || p !== undefined || condition !== undefined) {
        throw new ParameterError(`connect(): give both i and j (and neither p nor condition) to connect by indices`);
      }
      conn = new IJConn(i, j).build(this.pre.num, this.post.num);
    } else if (condition !== undefined) {
      conn = this.connectByCondition(condition, p ?? 1);
    } else {
      conn = new FixedProb(p ?? 1, { seed: this.stream.nextUint32() }).build(this.pre.num, this.post.num);
    }
    this.pending.resolve(conn);
    const { indptr, indices } = conn.pre2post;
    const n = indices.length;
    this.preIndex = new Int32Array(n);
    for (let r = 0; r < conn.numPre; r++) this.preIndex.fill(r, indptr[r], indptr[r + 1]);
    this.postIndex = Int32Array.from(indices);
    this.arrays = {};
    for (const [name] of this.symbols.synapse.variables) this.arrays[name] = new Float64Array(n);
    const delay = this.options.delay === undefined ? 0 : toQuantity(this.options.delay, 'delay').inInternalUnits();
    this.arrays[DELAY].fill(delay);
    this.compiled = undefined;
    return this;
  }

  private connectByCondition(condition: string, p: number): Connectivity {
    const nPre = this.pre.num;
    const nPost = this.post.num;
    const count = nPre * nPost;
    const ii = new Int32Array(count);
    const jj = new Int32Array(count);
    for (let a = 0; a < nPre; a++) for (let b = 0; b < nPost; b++) {
      ii[a * nPost + b] = a;
      jj[a * nPost + b] = b;
    }
    const expr = parseExpression(condition);
    const where = `connect condition '${condition}'`;
    const scope = this.pairScope();
    if (!scope.checkExpr(expr, where).boolean) throw new EquationError(`${where} is not a condition (write e.g. 'i != j')`);
    const sources = this.sideSources(ii, jj);
    const keep = evaluatePerElement(scope.lower(expr), count, sources, this.stream, where);
    const pi: number[] = [];
    const pj: number[] = [];
    for (let k = 0; k < count; k++) if (keep[k] && (p >= 1 || this.stream.random() < p)) {
      pi.push(ii[k]);
      pj.push(jj[k]);
    }
    return new IJConn(pi, pj).build(nPre, nPost);
  }

  private pairScope(): Scope {
    const dims = symbolDimensions({ ...this.symbols, synapse: { ...this.symbols.synapse, variables: new Map() } });
    for (const name of ['i', 'j', 'N_pre', 'N_post']) dims.set(name, DIMENSIONLESS);
    return new Scope(dims, new Map([['t', TIME]]), this.options.namespace);
  }

  private sideSources(ii: Int32Array, jj: Int32Array): Record<string, ElementSource> {
    const sources: Record<string, ElementSource> = {
      i: { array: ii },
      j: { array: jj },
      N_pre: { array: [this.pre.num], index: new Int32Array(ii.length) },
      N_post: { array: [this.post.num], index: new Int32Array(ii.length) },
      t: { array: [0], index: new Int32Array(ii.length) },
    };
    for (const v of this.symbols.pre.variables.keys()) sources[`${v}_pre`] = { array: this.source.group.array(v), index: ii, offset: this.pre.offset };
    for (const v of this.symbols.post.variables.keys()) {
      sources[`${v}_post`] = { array: this.target.group.array(v), index: jj, offset: this.post.offset };
      sources[v] = sources[`${v}_post`];
    }
    return sources;
  }

  /** Set a synaptic variable: a number, quantity, array or string such as 'rand()*(maxW - minW) + minW'. */
  set(name: string, value: VariableValue, unit?: Unit | Quantity): this {
    const dim = this.symbols.synapse.variables.get(name);
    if (dim === undefined) {
      const suggestion = closestName(name, this.symbols.synapse.variables.keys());
      throw new UnknownNameError(`synapses '${this.name}' have no variable '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
    }
    if (this.preIndex.length === 0 && this.pending.connected === false) throw new ParameterError(`set '${name}' after connect() on synapses '${this.name}'`);
    const evaluate = (expr: Expr, source: string): Float64Array => {
      const where = `value '${source}' for '${name}' of synapses '${this.name}'`;
      const dims = symbolDimensions(this.symbols);
      for (const s of ['i', 'j']) dims.set(s, DIMENSIONLESS);
      const scope = new Scope(dims, new Map([['t', TIME]]), this.options.namespace);
      scope.checkExpr(expr, where, dim, `'${name}'`);
      const sources = this.sideSources(this.preIndex, this.postIndex);
      for (const [v, array] of Object.entries(this.arrays)) sources[v] = { array };
      return evaluatePerElement(scope.lower(expr), this.numSynapses, sources, this.stream, where);
    };
    this.arrays[name].set(toInternalValues(value, this.numSynapses, dim, `'${name}' of synapses '${this.name}'`, evaluate, unit));
    if (name === DELAY) this.compiled = undefined;
    return this;
  }

  get(name: string): Float64Array {
    const array = this.arrays[name] ?? (name === 'i' ? this.preIndex : name === 'j' ? this.postIndex : undefined);
    if (array === undefined) throw new UnknownNameError(`synapses '${this.name}' have no variable '${name}' (variables: ${Object.keys(this.arrays).join(', ')}, i, j)`);
    return Float64Array.from(array);
  }

  override variables(): Record<string, NumericArray> {
    return this.arrays;
  }

  override prepare(dt: number): void {
    if (this.compiled?.dt === dt) return;
    this.compiled = this.compile(dt);
    const steps = Int32Array.from(this.arrays[DELAY] ?? [], (d) => Math.round(d / dt));
    this.queue = steps.some((d) => d > 0) ? new DelayQueue(steps) : undefined;
  }

  private compile(dt: number): Compiled {
    const arrayList: NumericArray[] = [];
    const slot = (array: NumericArray): number => {
      const found = arrayList.indexOf(array);
      if (found >= 0) return found;
      arrayList.push(array);
      return arrayList.length - 1;
    };
    const preIdx = slot(this.preIndex);
    const postIdx = slot(this.postIndex);
    const arrayCode = (ref: SymbolRef): string => {
      if (ref.side === 'synapse') return `A[${slot(this.arrays[ref.variable])}][s]`;
      const pop = ref.side === 'pre' ? this.pre : this.post;
      const group = ref.side === 'pre' ? this.source.group : this.target.group;
      const index = `A[${ref.side === 'pre' ? preIdx : postIdx}][s]${pop.offset ? ` + ${pop.offset}` : ''}`;
      return `A[${slot(group.array(ref.variable))}][${index}]`;
    };
    const lastUpdate = (): string => {
      this.arrays.lastupdate ??= new Float64Array(this.numSynapses).fill(0);
      return `A[${slot(this.arrays.lastupdate)}][s]`;
    };
    const eventKernel = (source: string | undefined, pathway: string): EventKernel | undefined => {
      if (!source) return undefined;
      const code = emitEventCode(source, pathway, this.symbols, this.scope, this.eventDriven(), arrayCode, lastUpdate());
      return compileFunction<EventKernel>(['syn', 'count', 't', 'A', RANDOM_STREAM_PARAMETER], hoistArrays(`for (let q = 0; q < count; q++) {\nconst s = syn[q];\n${code}\n}`));
    };
    const onPre = eventKernel(this.options.onPre, 'on_pre');
    const onPost = eventKernel(this.options.onPost, 'on_post');

    const summed = this.declarations.filter((d) => d.flags.includes('summed')).map((d) => {
      const ref = this.summedTarget(d);
      const pop = ref.side === 'pre' ? this.pre : this.post;
      const group = ref.side === 'pre' ? this.source.group : this.target.group;
      const target = group.array(ref.variable);
      SummedTargets.register(target, pop.offset, pop.offset + pop.num);
      const value = emit(this.scope.lower(d.expr as Expr), (name) => {
        const r = resolveSymbol(name, this.symbols);
        return r ? arrayCode(r) : name === 't' ? 't' : undefined;
      }, `summed variable '${d.line.trim()}'`);
      const index = ref.side === 'pre' ? preIdx : postIdx;
      const body = `for (let s = 0; s < n; s++) { A[${slot(target)}][A[${index}][s]${pop.offset ? ` + ${pop.offset}` : ''}] += ${value}; }`;
      return { target, run: compileFunction<(n: number, t: number, A: NumericArray[]) => void>(['n', 't', 'A'], hoistArrays(body)) };
    });

    const clock = this.declarations.filter((d) => d.kind === 'differential' && !d.flags.includes('event-driven'));
    let ode: { kernel: CompiledGroupKernel; arrays: NumericArray[] } | undefined;
    if (clock.length > 0) {
      const params = [...this.symbols.synapse.variables.keys()].filter((v) => !clock.some((d) => d.name === v));
      const equations: Record<string, string> = {};
      for (const d of clock) {
        const lowered = this.scope.lower(d.expr as Expr);
        const outside = [...symbolsOf(lowered)].find((n) => resolveSymbol(n, this.symbols)?.side !== 'synapse' && n !== 't');
        if (outside !== undefined) {
          throw new EquationError(`clock-driven equation '${d.line.trim()}' uses '${outside}': only synaptic variables and constants are supported in synaptic equations`);
        }
        equations[d.name] = show(lowered);
      }
      const model = defineModel(this.name, { equations }, params);
      const kernel = compileGroupKernel(model, Object.fromEntries(params.map((p) => [p, this.arrays[p]])), this.methodName, dt, undefined);
      ode = { kernel, arrays: kernel.arrayOrder.map((name) => this.arrays[name]) };
    }
    return { dt, arrays: arrayList, onPre, onPost, summed, ode };
  }

  update(ctx: StepContext): void {
    this.prepare(ctx.dt);
    const compiled = this.compiled as unknown as Compiled;
    const eventTime = ctx.t - ctx.dt;
    if (compiled.onPre) {
      const arriving = this.synapsesOfSpikes(this.pre.spikesAgo(0), this.pending.pre2post);
      const due = this.queue ? this.queue.advance(arriving) : arriving;
      if (due.length > 0) compiled.onPre(due, due.length, eventTime, compiled.arrays, this.stream);
    }
    if (compiled.onPost) {
      const byPost = (this.byPost ??= this.postMajor());
      const due = this.synapsesOfSpikes(this.post.spikesAgo(0), { indptr: byPost.indptr, indices: byPost.synapses }, true);
      if (due.length > 0) compiled.onPost(due, due.length, eventTime, compiled.arrays, this.stream);
    }
    for (const { target, run } of compiled.summed) {
      SummedTargets.clearOnce(target, ctx.i);
      run(this.numSynapses, ctx.t, compiled.arrays);
    }
    if (compiled.ode) (compiled.ode.kernel.kernel as GroupKernel)(this.numSynapses, ctx.t, compiled.ode.arrays, this.stream);
  }

  private eventBuffer = new Int32Array(0);

  /** Synapse ids of the rows of the spiking neurons (rows of pre2post are synapse ids in order). */
  private synapsesOfSpikes(spikes: Int32Array, csr: { indptr: Int32Array; indices: Int32Array }, indirect = false): Int32Array {
    let total = 0;
    for (const i of spikes) total += csr.indptr[i + 1] - csr.indptr[i];
    if (this.eventBuffer.length < total) this.eventBuffer = new Int32Array(Math.max(total, 2 * this.eventBuffer.length));
    let q = 0;
    for (const i of spikes) {
      for (let k = csr.indptr[i]; k < csr.indptr[i + 1]; k++) this.eventBuffer[q++] = indirect ? csr.indices[k] : k;
    }
    return this.eventBuffer.subarray(0, q);
  }

  private postMajor(): { indptr: Int32Array; synapses: Int32Array } {
    const indptr = new Int32Array(this.post.num + 1);
    for (const j of this.postIndex) indptr[j + 1]++;
    for (let r = 0; r < this.post.num; r++) indptr[r + 1] += indptr[r];
    const cursor = indptr.slice(0, this.post.num);
    const synapses = new Int32Array(this.postIndex.length);
    this.postIndex.forEach((j, s) => (synapses[cursor[j]++] = s));
    return { indptr, synapses };
  }
}

/**
 * Read each array once into a local before the loop (`A[3]` -> `a3`), as the group kernels do,
 * so V8 sees monomorphic typed-array accesses. `A[` only ever comes from the code generator.
 */
function hoistArrays(body: string): string {
  const used = [...new Set([...body.matchAll(/A\[(\d+)\]/g)].map((m) => Number(m[1])))];
  return `${used.map((k) => `const a${k} = A[${k}];`).join('\n')}\n${body.replace(/A\[(\d+)\]/g, 'a$1')}`;
}

interface Compiled {
  readonly dt: number;
  readonly arrays: NumericArray[];
  readonly onPre?: EventKernel;
  readonly onPost?: EventKernel;
  readonly summed: readonly { target: NumericArray; run: (n: number, t: number, A: NumericArray[]) => void }[];
  readonly ode?: { kernel: CompiledGroupKernel; arrays: NumericArray[] };
}

/** Per-synapse delays in steps: a ring of buckets of synapse ids; events of delay 0 pass straight through. */
class DelayQueue {
  private readonly buckets: number[][];
  private cursor = 0;
  private readonly out: Int32Array;

  constructor(private readonly steps: Int32Array) {
    const max = steps.reduce((a, b) => Math.max(a, b), 0);
    this.buckets = Array.from({ length: max + 1 }, () => []);
    this.out = new Int32Array(Math.max(1, steps.length));
  }

  advance(arriving: Int32Array): Int32Array {
    const size = this.buckets.length;
    for (const s of arriving) this.buckets[(this.cursor + this.steps[s]) % size].push(s);
    const due = this.buckets[this.cursor];
    const count = due.length;
    let out = this.out;
    if (count > out.length) out = new Int32Array(count);
    for (let k = 0; k < count; k++) out[k] = due[k];
    due.length = 0;
    this.cursor = (this.cursor + 1) % size;
    return out.subarray(0, count);
  }
}
