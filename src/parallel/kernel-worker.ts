import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GROUP_KERNEL_PARAMETERS, type GroupKernel } from '../core/kernel-ir.js';
import { deliverRangeEvents } from '../core/range-events.js';
import { compileFunction } from '../expr/emit.js';
import { instantiateKernel } from '../wasm/kernel-wasm.js';
import { COMMAND, DONE, FAILED, KERNEL, OK, PREVIOUS_COUNT, REGISTER, type Registration, RESULT, SEQ, STATUS, STOP, waitForChange } from './protocol.js';

/**
 * A kernel thread (see kernel-threads.ts): compiles the group kernels it is given (the same
 * generated source as the main thread's, or the WebAssembly module of its range) and runs them
 * over its range of neurons on command, after adding the synaptic events onto that range.
 * It polls, then blocks in Atomics.wait, between commands and never returns to its event loop.
 */
const { control, time, port } = workerData as { control: SharedArrayBuffer; time: SharedArrayBuffer; port: MessagePort };
const ctrl = new Int32Array(control);
const clock = new Float64Array(time);
const kernels: { run: GroupKernel; registration: Registration }[] = [];

function register(): number {
  const registration = receiveMessageOnPort(port)?.message as Registration | undefined;
  if (!registration) throw new Error('REGISTER command without a kernel');
  const { wasm } = registration;
  const run = wasm ? instantiateKernel(wasm.bytes, wasm.memory) : compileFunction<GroupKernel>(GROUP_KERNEL_PARAMETERS, registration.source);
  kernels.push({ run, registration });
  return kernels.length - 1;
}

function runKernel(): number {
  const { run, registration } = kernels[ctrl[KERNEL]];
  registration.events.forEach((events, s) => deliverRangeEvents(events, registration.eventCounts[s]));
  return run(registration.end, clock[0], registration.arrays, undefined, ctrl[PREVIOUS_COUNT], registration.start);
}

let seen = 0;
for (;;) {
  waitForChange(ctrl, SEQ, seen);
  if (Atomics.load(ctrl, SEQ) === seen) continue;
  seen = Atomics.load(ctrl, SEQ);
  const command = ctrl[COMMAND];
  if (command === STOP) break;
  try {
    ctrl[RESULT] = command === REGISTER ? register() : runKernel();
    ctrl[STATUS] = OK;
  } catch (error) {
    ctrl[STATUS] = FAILED;
    port.postMessage(error instanceof Error ? error.message : String(error));
  }
  Atomics.store(ctrl, DONE, seen);
  Atomics.notify(ctrl, DONE);
}
port.close();
