import { type Backend, checkBackend, getBackend } from './backend.js';
import { getDType } from './dtype.js';
import { DynamicalSystem, type SystemOptions } from './dynamical-system.js';
import { ParameterError } from './errors.js';
import { type DType, type FloatArray, type NumericArray, flagArray, floatArray, indexArray, SHARED_MEMORY, type StateMemory } from './matrix.js';
import { SpikeHistory } from './spike-history.js';
import { lowerBound } from './sorted.js';
import { WasmArena } from '../wasm/arena.js';

export type Size = number | readonly [number, number];

export interface NeuGroupOptions extends SystemOptions {
  /** Storage type of the state arrays (computation is always float64). Default: float64. */
  dtype?: DType;
  /** Where the generated kernel runs: 'auto', 'js' or 'wasm' (src/core/backend.ts). Default: setBackend's. */
  backend?: Backend;
}

/** What a synapse needs from its pre- or postsynaptic side: a group or a slice of one. */
export interface Population {
  readonly num: number;
  /** The group that owns the arrays. */
  readonly group: NeuGroup;
  /** Index of this population's first neuron in the group's arrays. */
  readonly offset: number;
  /** Indices (relative to this population) of the neurons that spiked `delay` steps ago. */
  spikesAgo(delay: number): Int32Array;
}

export function sizeToNum(size: Size): number {
  const dims = typeof size === 'number' ? [size] : size;
  for (const d of dims) {
    if (!Number.isInteger(d) || d <= 0) throw new ParameterError(`group size must be positive integers, got ${JSON.stringify(size)}`);
  }
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * A population of neurons whose state lives in typed arrays (one per variable, structure of
 * arrays). Every group has `spike` (1 where a neuron fired this step) and the list of the indices
 * that fired, which synapses walk. Subclasses implement `update()`: generated from equations
 * (EquationGroup) or written by hand.
 */
export abstract class NeuGroup extends DynamicalSystem implements Population {
  readonly size: Size;
  readonly num: number;
  readonly dtype: DType;
  readonly backend: Backend;
  /** Where this group's arrays, and the per-neuron arrays of synapses onto it, are allocated. */
  readonly storage: StateMemory;
  readonly spike: Uint8Array;
  /** Indices of the neurons that spiked in the current step: the first `spikeCount` entries. */
  readonly spikeList: Int32Array;
  spikeCount = 0;
  private history: SpikeHistory | undefined;
  private readonly arrays: Record<string, NumericArray> = {};

  constructor(size: Size, options: NeuGroupOptions = {}) {
    super(options);
    this.size = size;
    this.num = sizeToNum(size);
    this.dtype = options.dtype ?? getDType();
    this.backend = checkBackend(options.backend ?? getBackend(), `group '${this.name}'`);
    this.storage = this.backend === 'js' ? SHARED_MEMORY : new WasmArena(`group '${this.name}'`);
    this.spike = flagArray(this.num, this.storage);
    this.spikeList = indexArray(this.num, this.storage);
    this.arrays.spike = this.spike;
  }

  get group(): NeuGroup {
    return this;
  }

  get offset(): number {
    return 0;
  }

  /** Allocate a state array and register it for monitors and inputs. */
  protected addVariable(name: string, values?: ArrayLike<number>): FloatArray {
    const array = floatArray(this.dtype, this.num, this.storage);
    if (values) array.set(values);
    this.arrays[name] = array;
    return array;
  }

  /** Register an array the subclass allocated itself (boolean flags, float64 spike times). */
  protected registerVariable(name: string, array: NumericArray): void {
    this.arrays[name] = array;
  }

  override variables(): Record<string, NumericArray> {
    return this.arrays;
  }

  /** Record this step's spikes for delayed synapses; subclasses call it at the end of update(). */
  protected recordSpikes(count: number): void {
    this.spikeCount = count;
    this.history?.push(this.spikeList, count);
  }

  /** Synapses with a delay of `steps` call this at construction. */
  requireSpikeHistory(steps: number): void {
    if (!Number.isInteger(steps) || steps < 0) throw new ParameterError(`delay_step must be a non-negative integer, got ${steps}`);
    if (steps === 0) return;
    if (!this.history) this.history = new SpikeHistory(this.num, steps);
    else this.history.ensure(steps);
  }

  spikesAgo(delay: number): Int32Array {
    if (delay === 0) return this.spikeList.subarray(0, this.spikeCount);
    if (!this.history || this.history.maxDelay < delay) {
      throw new ParameterError(`group '${this.name}' keeps no spike history of ${delay} steps: call requireSpikeHistory(${delay}) first`);
    }
    return this.history.get(delay);
  }

  /** A view of neurons [start, end), usable as a pre- or postsynaptic population. */
  slice(start: number, end: number = this.num): NeuGroupView {
    return new NeuGroupView(this, start, end);
  }
}

/** A contiguous slice of a group (BrainPy's NeuGroupView, `N[:3200]`). */
export class NeuGroupView implements Population {
  readonly num: number;
  private readonly buffer: Int32Array;

  constructor(
    readonly group: NeuGroup,
    readonly offset: number,
    readonly end: number,
  ) {
    if (!Number.isInteger(offset) || !Number.isInteger(end) || offset < 0 || end > group.num || offset >= end) {
      throw new ParameterError(`slice [${offset}, ${end}) is not a non-empty range inside group '${group.name}' of size ${group.num}`);
    }
    this.num = end - offset;
    this.buffer = new Int32Array(this.num);
  }

  spikesAgo(delay: number): Int32Array {
    const all = this.group.spikesAgo(delay);
    // Spike lists are in ascending order, so the slice is one contiguous run.
    const from = lowerBound(all, this.offset);
    const to = lowerBound(all, this.end);
    for (let k = from; k < to; k++) this.buffer[k - from] = all[k] - this.offset;
    return this.buffer.subarray(0, to - from);
  }
}
