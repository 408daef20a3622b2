import type { RangeEvents } from '../core/range-events.js';

/**
 * The handshake between the main thread and a kernel thread, over a small shared Int32Array
 * (plus a Float64Array holding t): the main thread writes the fields, increments SEQ and notifies;
 * the worker does the command, writes STATUS and RESULT, sets DONE to that SEQ and notifies.
 */
export const SEQ = 0;
export const DONE = 1;
export const COMMAND = 2;
export const STATUS = 3;
export const RESULT = 4;
export const KERNEL = 5;
export const PREVIOUS_COUNT = 6;
export const CONTROL_LENGTH = 8;

export const REGISTER = 1;
export const RUN = 2;
export const STOP = 3;

export const OK = 0;
export const FAILED = 1;

/** What the main thread sends (through a MessagePort) before a REGISTER command. */
export interface Registration {
  /** The JavaScript kernel, compiled by the thread unless `wasm` is given. */
  readonly source: string;
  /** The WebAssembly kernel of this thread's range (its own spike list address), over the group's memory. */
  readonly wasm?: { readonly bytes: Uint8Array<ArrayBuffer>; readonly memory: WebAssembly.Memory };
  readonly arrays: readonly (Float64Array | Float32Array | Uint8Array | Int32Array)[];
  readonly start: number;
  readonly end: number;
  /** Synaptic events onto this range, delivered before each step. */
  readonly events: readonly RangeEvents[];
  /** Per event pathway, the length of its presynaptic spike list this step (written by the main thread). */
  readonly eventCounts: Int32Array;
}

/**
 * How long a thread polls before it sleeps in Atomics.wait. Waking a sleeping thread can take a
 * millisecond on a virtual machine, as long as a whole step of a large group, so a thread that
 * expects the next command soon keeps polling for a while: long enough to outlast the main
 * thread's garbage collections between two steps (with 1 ms, a worker fell asleep about once per
 * hundred steps of COBA 40k; 20 ms halved the hand-over time lost and made two-thread runs 2-4 %
 * faster, in 7 of 8 alternating pairs).
 */
const SPIN_MS = 20;

/** Wait until ctrl[index] differs from `value` (polling first, then sleeping in slices of `sliceMs`). */
export function waitForChange(ctrl: Int32Array, index: number, value: number, sliceMs = Infinity): void {
  const started = performance.now();
  while (Atomics.load(ctrl, index) === value) {
    if (performance.now() - started > SPIN_MS) {
      Atomics.wait(ctrl, index, value, sliceMs);
      return;
    }
  }
}
