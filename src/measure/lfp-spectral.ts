import { ParameterError, requirePositive } from '../core/errors.js';

/**
 * Spectral tools for LFP-like signals sampled every dt ms: an in-place radix-2 FFT, a band-pass
 * by zeroing Fourier coefficients, the Hilbert envelope and a power spectrum. Signals are
 * zero-padded to the next power of two; results are cut back to the input length.
 */

/** In-place iterative radix-2 FFT of (re, im); `inverse` gives the unscaled inverse. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n & (n - 1) || im.length !== n) throw new ParameterError(`fft: length must be a power of two with matching parts, got ${n} and ${im.length}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / size;
    const [wr, wi] = [Math.cos(angle), Math.sin(angle)];
    for (let start = 0; start < n; start += size) {
      let [cr, ci] = [1, 0];
      for (let k = 0; k < size / 2; k++) {
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        [cr, ci] = [cr * wr - ci * wi, cr * wi + ci * wr];
      }
    }
  }
}

function spectrumOf(signal: ArrayLike<number>): { re: Float64Array; im: Float64Array; n: number } {
  let n = 1;
  while (n < signal.length) n <<= 1;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  let mean = 0;
  for (let k = 0; k < signal.length; k++) mean += signal[k] / signal.length;
  for (let k = 0; k < signal.length; k++) re[k] = signal[k] - mean;
  fft(re, im);
  return { re, im, n };
}

/** Frequency (Hz) of FFT bin k for n samples of dt ms (bins above n/2 are negative frequencies). */
function binFrequency(k: number, n: number, dt: number): number {
  return (Math.min(k, n - k) * 1000) / (n * dt);
}

/**
 * Band-pass [low, high] Hz by zeroing every Fourier coefficient outside the band (mean removed),
 * and the analytic signal's envelope (Hilbert transform: negative frequencies dropped, positive
 * ones doubled). Zero phase, so no delay compensation is needed.
 */
export function bandpassEnvelope(signal: ArrayLike<number>, dt: number, low: number, high: number): { filtered: Float64Array; envelope: Float64Array } {
  requirePositive(dt, 'bandpass dt (ms)');
  if (!(low >= 0 && high > low)) throw new ParameterError(`bandpass: need 0 <= low < high, got [${low}, ${high}] Hz`);
  const { re, im, n } = spectrumOf(signal);
  for (let k = 0; k < n; k++) {
    const f = binFrequency(k, n, dt);
    if (f < low || f > high) {
      re[k] = 0;
      im[k] = 0;
    }
  }
  const fRe = Float64Array.from(re);
  const fIm = Float64Array.from(im);
  fft(fRe, fIm, true);
  // Analytic signal: keep DC and Nyquist, double the positive frequencies, drop the negative ones.
  for (let k = 1; k < n; k++) {
    const factor = k < n / 2 ? 2 : k === n / 2 ? 1 : 0;
    re[k] *= factor;
    im[k] *= factor;
  }
  fft(re, im, true);
  const filtered = new Float64Array(signal.length);
  const envelope = new Float64Array(signal.length);
  for (let k = 0; k < signal.length; k++) {
    filtered[k] = fRe[k] / n;
    envelope[k] = Math.hypot(re[k], im[k]) / n;
  }
  return { filtered, envelope };
}

/** Periodogram: power per frequency (Hz) up to `maxFreq`, of the mean-removed signal. */
export function powerSpectrum(signal: ArrayLike<number>, dt: number, maxFreq = Infinity): { freqs: Float64Array; power: Float64Array } {
  requirePositive(dt, 'powerSpectrum dt (ms)');
  const { re, im, n } = spectrumOf(signal);
  const freqs: number[] = [];
  const power: number[] = [];
  for (let k = 1; k <= n / 2; k++) {
    const f = binFrequency(k, n, dt);
    if (f > maxFreq) break;
    freqs.push(f);
    power.push((re[k] ** 2 + im[k] ** 2) / n);
  }
  return { freqs: Float64Array.from(freqs), power: Float64Array.from(power) };
}

/** Frequency (Hz) of the largest power within [low, high] Hz. */
export function peakFrequency(spectrum: { freqs: Float64Array; power: Float64Array }, low: number, high: number): number {
  let best = -1;
  for (let k = 0; k < spectrum.freqs.length; k++) {
    const f = spectrum.freqs[k];
    if (f >= low && f <= high && (best < 0 || spectrum.power[k] > spectrum.power[best])) best = k;
  }
  return best < 0 ? NaN : spectrum.freqs[best];
}
