import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { NeurodynError, ParameterError } from '../core/errors.js';
import { type CompiledGroupKernel, SPIKE_ARRAY, SPIKE_LIST } from '../core/group-kernel.js';
import type { KernelThreadPool, SplitExtras, SplitKernel } from '../core/kernel-threads.js';
import type { GroupKernel } from '../core/kernel-ir.js';
import { indexArray, type NumericArray } from '../core/matrix.js';
import { deliverRangeEvents, type EventPathway, eventsInRange, type RangeEvents } from '../core/range-events.js';
import { COMMAND, CONTROL_LENGTH, DONE, FAILED, KERNEL, PREVIOUS_COUNT, REGISTER, type Registration, RESULT, RUN, SEQ, STATUS, STOP, waitForChange } from './protocol.js';
import { startModuleWorker } from './start-worker.js';
import { kernelModuleBytes } from '../wasm/kernel-wasm.js';

/** How long the main thread waits for one command before it gives up on a thread. */
const ANSWER_TIMEOUT_MS = 120_000;

export class KernelThreadError extends NeurodynError {}

/** The main thread's handle on one kernel thread. */
class KernelWorker {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
  private readonly clock = new Float64Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private seq = 0;

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = startModuleWorker(import.meta.url, 'kernel-worker', {
      workerData: { control: this.ctrl.buffer, time: this.clock.buffer, port: channel.port2 },
      transferList: [channel.port2],
    });
    // Idle kernel threads must not keep the process alive.
    this.worker.unref();
  }

  register(registration: Registration): number {
    this.port.postMessage(registration);
    this.send(REGISTER);
    return this.wait('compiling a kernel');
  }

  /** Start a step of kernel `id` at time t; wait() returns its result. */
  run(id: number, t: number, previousCount: number): void {
    this.clock[0] = t;
    this.ctrl[KERNEL] = id;
    this.ctrl[PREVIOUS_COUNT] = previousCount;
    this.send(RUN);
  }

  wait(doing = 'running a kernel'): number {
    const started = Date.now();
    while (Atomics.load(this.ctrl, DONE) !== this.seq) {
      waitForChange(this.ctrl, DONE, this.seq - 1, 1000);
      if (Date.now() - started > ANSWER_TIMEOUT_MS) throw new KernelThreadError(`a kernel thread did not answer within ${ANSWER_TIMEOUT_MS / 1000} s while ${doing}`);
    }
    if (this.ctrl[STATUS] === FAILED) {
      const message = receiveMessageOnPort(this.port)?.message as string | undefined;
      throw new KernelThreadError(`a kernel thread failed while ${doing}: ${message ?? 'no message'}`);
    }
    return this.ctrl[RESULT];
  }

  stop(): void {
    this.send(STOP);
    this.port.close();
  }

  private send(command: number): void {
    this.ctrl[COMMAND] = command;
    Atomics.store(this.ctrl, SEQ, ++this.seq);
    Atomics.notify(this.ctrl, SEQ);
  }
}

/**
 * Kernel threads for Node (`network.useThreads(new KernelThreads(2))`): the main thread and
 * threads - 1 workers each run a group's generated kernel over one contiguous range of its
 * neurons, in place on the shared arrays, after adding the synaptic events onto that range; the
 * spike lists are joined in range order. Everything else (inputs, monitors, events of synapses
 * with plasticity or delays) stays on the main thread. Call close() when done.
 */
export class KernelThreads implements KernelThreadPool {
  readonly threads: number;
  private readonly workers: KernelWorker[] = [];

  constructor(threads = 2) {
    if (!Number.isInteger(threads) || threads < 1) throw new ParameterError(`KernelThreads: threads must be a positive integer, got ${threads}`);
    this.threads = threads;
    for (let w = 1; w < threads; w++) this.workers.push(new KernelWorker());
  }

  split(kernel: CompiledGroupKernel, arrays: readonly NumericArray[], n: number, spikeList: Int32Array, owner: string, extras: SplitExtras = {}): SplitKernel {
    const { wasm, events = [] } = extras;
    arrays.forEach((array, i) => {
      if (!(array.buffer instanceof SharedArrayBuffer)) {
        throw new ParameterError(`${owner}: array '${kernel.arrayOrder[i]}' is not in shared memory, so kernel threads cannot update it; allocate it with floatArray() (src/core/matrix.ts)`);
      }
    });
    const bounds = Array.from({ length: this.threads + 1 }, (_, i) => Math.round((i * n) / this.threads));
    const eventCounts = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, events.length)));
    // The first range writes this step's spikes into the group's list while the workers may still
    // read the last step's from it: events from the group itself read a copy.
    const previousSpikes = events.some((pathway) => pathway.spikeList === spikeList) ? indexArray(n) : undefined;
    const sources = events.map((pathway) => (previousSpikes && pathway.spikeList === spikeList ? { ...pathway, spikeList: previousSpikes } : pathway));
    const listIndex = kernel.arrayOrder.indexOf(SPIKE_LIST);
    const ranges = this.workers.map((worker, w) => {
      // Each range lists its own spikes; a WebAssembly kernel finds its list in the group's memory.
      const list = indexArray(n, wasm?.arena);
      const own = arrays.map((array, i) => (i === listIndex ? list : array));
      const range = { start: bounds[w + 1], end: bounds[w + 2] };
      const module = wasm && { bytes: kernelModuleBytes(kernel.plan, wasm.arena, own.map((array) => wasm.arena.addressOf(array) as number)), memory: wasm.arena.memory };
      const rangeEvents = sources.map((pathway) => eventsInRange(pathway, range.start, range.end));
      return { worker, list, id: worker.register({ source: kernel.source, arrays: own, ...range, wasm: module, events: rangeEvents, eventCounts }) };
    });
    const first = { run: wasm?.run ?? kernel.kernel, end: bounds[1], events: sources.map((pathway) => eventsInRange(pathway, 0, bounds[1])) };
    return new ThreadedKernel(kernel, first, arrays, spikeList, ranges, { pathways: events, counts: eventCounts, previousSpikes });
  }

  close(): void {
    for (const worker of this.workers) worker.stop();
    this.workers.length = 0;
  }
}

/** One group's kernel split into ranges: the main thread takes the first. */
class ThreadedKernel implements SplitKernel {
  /** Per worker range, the length of its previous spike list. */
  private readonly previous: number[];
  /** The first range's previous spike count; undefined before the first split step. */
  private firstPrevious: number | undefined;

  constructor(
    private readonly kernel: CompiledGroupKernel,
    /** The first range [0, end): its kernel (the group's own, JavaScript or WebAssembly) and its share of the events. */
    private readonly first: { run: GroupKernel; end: number; events: readonly RangeEvents[] },
    private readonly arrays: readonly NumericArray[],
    private readonly spikeList: Int32Array,
    private readonly ranges: readonly { worker: KernelWorker; list: Int32Array; id: number }[],
    /**
     * The event pathways, where each step's presynaptic spike counts are passed to the workers,
     * and the copy of the group's previous spikes that its own pathways read.
     */
    private readonly events: { pathways: readonly EventPathway[]; counts: Int32Array; previousSpikes: Int32Array | undefined },
  ) {
    this.previous = ranges.map(() => 0);
  }

  step(t: number, previousCount: number): number {
    if (this.firstPrevious === undefined) this.clearFlags(previousCount);
    const { pathways, counts: spikeCounts, previousSpikes } = this.events;
    previousSpikes?.set(this.spikeList.subarray(0, previousCount));
    pathways.forEach((pathway, s) => (spikeCounts[s] = pathway.spikeCount()));
    this.ranges.forEach((range, r) => range.worker.run(range.id, t, this.previous[r]));
    this.first.events.forEach((events, s) => deliverRangeEvents(events, spikeCounts[s]));
    // The first range's previous spikes lead the group's list, so its kernel clears their flags.
    const first = this.first.run(this.first.end, t, this.arrays, undefined, this.firstPrevious ?? 0, 0);
    const counts = this.ranges.map((range) => range.worker.wait());
    if (first < 0) return first;
    const failed = counts.find((c) => c < 0);
    if (failed !== undefined) return failed;
    this.firstPrevious = first;
    let total = first;
    this.ranges.forEach((range, r) => {
      this.spikeList.set(range.list.subarray(0, counts[r]), total);
      total += counts[r];
      this.previous[r] = counts[r];
    });
    return total;
  }

  /** Before the first split step, the spikes of an unsplit step may lie in any range: clear them here. */
  private clearFlags(previousCount: number): void {
    const index = this.kernel.arrayOrder.indexOf(SPIKE_ARRAY);
    if (index < 0) return;
    const spike = this.arrays[index];
    for (let q = 0; q < previousCount; q++) spike[this.spikeList[q]] = 0;
  }
}
