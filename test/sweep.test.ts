import { describe, expect, it } from 'vitest';
import { parallelSweep } from '../src/sweep/node.js';
import { sweep, taskSeed } from '../src/sweep/index.js';
import { fhnAmplitude } from './sweep-task.fixture.js';

const TASK = new URL('./sweep-task.fixture.ts', import.meta.url);
const drives = [0.5, 0.8, 1.0, 1.2, 1.6, 0.9];

describe('parameter sweeps', () => {
  it('taskSeed differs by index and by sweep seed', () => {
    const seeds = new Set([0, 1, 2, 3].flatMap((s) => [0, 1, 2, 3].map((i) => taskSeed(s, i))));
    expect(seeds.size).toBe(16);
  });

  it('the sequential sweep returns results in order with per-task seeds', async () => {
    const results = await sweep(fhnAmplitude, drives, { seed: 5 });
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.amplitude > 0.1)).toEqual([false, true, true, true, false, true]);
    expect(new Set(results.map((r) => r.x0)).size).toBe(drives.length);
  });

  it('worker threads give the same ordered results as the sequential sweep, for any worker count', async () => {
    const reference = await sweep(fhnAmplitude, drives, { seed: 5 });
    const two = await parallelSweep<number, ReturnType<typeof fhnAmplitude>>(TASK, drives, { seed: 5, workers: 2, exportName: 'fhnAmplitude' });
    const three = await parallelSweep<number, ReturnType<typeof fhnAmplitude>>(TASK, drives, { seed: 5, workers: 3, exportName: 'fhnAmplitude' });
    expect(two).toEqual(reference);
    expect(three).toEqual(reference);
    const other = await parallelSweep<number, ReturnType<typeof fhnAmplitude>>(TASK, drives, { seed: 6, workers: 2, exportName: 'fhnAmplitude' });
    expect(other.map((r) => r.x0)).not.toEqual(reference.map((r) => r.x0));
  }, 60_000);

  it('names the failing task and value', async () => {
    await expect(parallelSweep(TASK, [1, -2], { workers: 1, exportName: 'fhnAmplitude' })).rejects.toThrow(/task 1 \(value -2\).*negative drive -2/s);
    await expect(parallelSweep(TASK, [1], { exportName: 'nope' })).rejects.toThrow(/no exported function 'nope'/);
    await expect(parallelSweep(TASK, [1], { workers: 0 })).rejects.toThrow(/positive integer/);
  }, 60_000);
});
