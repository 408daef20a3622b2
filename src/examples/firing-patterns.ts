/**
 * Qualitative checks of single-neuron firing patterns, from spike times (ms). Each names the
 * property it measures and the criterion, fixed in advance for all models:
 * - tonic: regular ISIs (coefficient of variation < 0.1, after the first two spikes)
 * - bursting: bimodal ISIs (longest / shortest > 3, at least two long gaps)
 * - adaptation: increasing ISIs (each at least the previous minus one step; last > 1.5 x first)
 * - accelerating: decreasing ISIs under a ramp (first > 1.5 x last)
 * - phasic: fires at the onset only (spikes, none in the second half of the stimulus)
 * - latency: the first spike after the pulse onset comes after the pulse has ended
 * - delayed: the first spike waits longer than twice the mean ISI that follows
 * - persistent: fires after a pulse has ended until a second pulse, silent 5 ms after it
 * - rebound: silent during a hyperpolarising step, fires within 100 ms after it ends
 * - fires-during: fires during a window (e.g. hyperpolarisation-induced spiking)
 */
import type { Check } from './example.js';

export type PatternClaim =
  | { kind: 'tonic' | 'bursting' | 'adaptation' | 'accelerating' | 'delayed'; from: number; to?: number }
  | { kind: 'phasic' | 'fires-during'; from: number; to: number }
  | { kind: 'latency'; pulseStart: number; pulseEnd: number }
  | { kind: 'persistent'; pulseEnd: number; offStart: number; offEnd: number }
  | { kind: 'rebound'; from: number; to: number };

const within = (times: readonly number[], from: number, to = Infinity) => times.filter((t) => t >= from && t < to);
const intervals = (times: readonly number[]) => times.slice(1).map((t, k) => t - times[k]);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1000) / 1000;

export function checkPattern(claim: PatternClaim, times: readonly number[], dt: number): Check {
  switch (claim.kind) {
    case 'tonic': {
      const isi = intervals(within(times, claim.from, claim.to)).slice(2);
      if (isi.length < 2) return { value: isi.length, expected: 'at least 4 spikes for a regularity test', pass: false };
      const m = mean(isi);
      const cv = Math.sqrt(mean(isi.map((x) => (x - m) ** 2))) / m;
      return { value: round(cv), expected: 'ISI CV < 0.1 (regular)', pass: cv < 0.1 };
    }
    case 'bursting': {
      const isi = intervals(within(times, claim.from, claim.to));
      if (isi.length < 3) return { value: isi.length, expected: 'at least 4 spikes for a bimodality test', pass: false };
      const shortest = Math.min(...isi);
      const longGaps = isi.filter((x) => x > 3 * shortest).length;
      const ratio = Math.max(...isi) / shortest;
      return { value: round(ratio), expected: 'longest/shortest ISI > 3 with >= 2 long gaps (bimodal)', pass: ratio > 3 && longGaps >= 2 };
    }
    case 'adaptation': {
      const isi = intervals(within(times, claim.from, claim.to));
      if (isi.length < 2) return { value: isi.length, expected: 'at least 3 spikes', pass: false };
      const monotone = isi.every((x, k) => k === 0 || x >= isi[k - 1] - dt - 1e-9);
      const ratio = isi[isi.length - 1] / isi[0];
      return { value: round(ratio), expected: 'ISIs non-decreasing, last/first > 1.5', pass: monotone && ratio > 1.5 };
    }
    case 'accelerating': {
      const isi = intervals(within(times, claim.from, claim.to));
      if (isi.length < 2) return { value: isi.length, expected: 'at least 3 spikes', pass: false };
      const ratio = isi[0] / isi[isi.length - 1];
      return { value: round(ratio), expected: 'first/last ISI > 1.5 (rate grows with the ramp)', pass: ratio > 1.5 };
    }
    case 'delayed': {
      const spikes = within(times, claim.from, claim.to);
      if (spikes.length < 3) return { value: spikes.length, expected: 'at least 3 spikes', pass: false };
      const latency = spikes[0] - claim.from;
      const ratio = latency / mean(intervals(spikes));
      return { value: round(ratio), expected: 'first-spike latency / mean ISI > 2', pass: ratio > 2 };
    }
    case 'phasic': {
      const all = within(times, claim.from, claim.to);
      const late = within(times, (claim.from + claim.to) / 2, claim.to);
      return { value: late.length, expected: `spikes at onset (got ${all.length}), none in the second half of the stimulus`, pass: all.length > 0 && late.length === 0 };
    }
    case 'fires-during': {
      const n = within(times, claim.from, claim.to).length;
      return { value: n, expected: `spikes during ${claim.from}-${claim.to} ms`, pass: n > 0 };
    }
    case 'latency': {
      const first = times.find((t) => t >= claim.pulseStart) ?? NaN;
      return { value: round(first), expected: `first spike after the pulse (${claim.pulseStart}-${claim.pulseEnd} ms) has ended`, pass: first >= claim.pulseEnd };
    }
    case 'persistent': {
      const on = within(times, claim.pulseEnd, claim.offStart).length;
      const after = within(times, claim.offEnd + 5).length;
      return { value: on, expected: `spikes between the pulses (${claim.pulseEnd}-${claim.offStart} ms), none 5 ms after the second (got ${after})`, pass: on > 0 && after === 0 };
    }
    case 'rebound': {
      const during = within(times, claim.from, claim.to).length;
      const afterwards = within(times, claim.to, claim.to + 100).length;
      return { value: afterwards, expected: `no spike during the step (got ${during}), spikes within 100 ms after it`, pass: during === 0 && afterwards > 0 };
    }
  }
}
