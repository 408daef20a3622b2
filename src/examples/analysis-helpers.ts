import path from 'node:path';
import { saveFigure } from '../plot/node.js';
import type { Check, ExampleOptions, ExampleResult } from './example.js';

/** |value - expected| <= tolerance, with where the expected number comes from. */
export function near(value: number, expected: number, tolerance: number, source: string): Check {
  return { value, expected: `${expected} ± ${tolerance} (${source})`, pass: Math.abs(value - expected) <= tolerance };
}

export function equals(value: number, expected: number, source: string): Check {
  return { value, expected: `${expected} (${source})`, pass: value === expected };
}

/** A check that holds or not, reported as 1 or 0. */
export function holds(ok: boolean, expected: string): Check {
  return { value: ok ? 1 : 0, expected, pass: ok };
}

/** Writes a figure into the example's folder; returns the paths written. */
export function figure(o: ExampleOptions, spec: object, name: string): Promise<string[]> {
  return saveFigure(spec, path.join(o.outDir, name));
}

/** The result of an analysis entry: no network groups; `duration_ms` is the simulated time, if any. */
export function analysisResult(startMs: number, figures: string[], checks: Record<string, Check>, durationMs = 0, steps = 0): ExampleResult {
  return { duration_ms: durationMs, steps, wall_s: (performance.now() - startMs) / 1000, groups: {}, figures, checks };
}
