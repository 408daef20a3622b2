/**
 * Eigenvalues of the Jacobians at fixed or slow points in the complex plane (BrainPy's
 * compute_jacobians(plot=True)), one colour per point, with the stability boundary: the
 * imaginary axis for flows, the unit circle for maps. Browser-safe.
 */
import type { Eigenvalue } from '../analysis/stability.js';
import { type AnalysisFigureOptions, layered, quantitative } from './analysis-common.js';
import type { PlotSpec } from './specs.js';

export interface SpectrumOptions extends AnalysisFigureOptions {
  /** 'continuous' (default): boundary Re = 0; 'discrete': the unit circle. */
  fType?: 'continuous' | 'discrete';
  /** Label of each point's eigenvalues (default 'FP 1', 'FP 2', ...). */
  labels?: readonly string[];
}

export function spectrumSpec(spectra: readonly (readonly Eigenvalue[])[], options: SpectrumOptions = {}): PlotSpec {
  const labels = options.labels ?? spectra.map((_, k) => `FP ${k + 1}`);
  const rows = spectra.flatMap((values, k) => values.map((e) => ({ re: e.re, im: e.im, point: labels[k] })));
  const x = quantitative('re', 'Re(λ)');
  const y = quantitative('im', 'Im(λ)');
  const boundary =
    options.fType === 'discrete'
      ? { data: { values: Array.from({ length: 181 }, (_, k) => ({ re: Math.cos((k * Math.PI) / 90), im: Math.sin((k * Math.PI) / 90), k })) }, mark: { type: 'line', color: '#999', strokeDash: [4, 3] }, encoding: { x, y, order: { field: 'k', type: 'quantitative' } } }
      : { data: { values: [{ re: 0 }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { x: { field: 're', type: 'quantitative' } } };
  return layered(
    [
      boundary,
      {
        data: { values: rows },
        mark: { type: 'point', size: 40, strokeWidth: 1.2 },
        encoding: { x, y, color: { field: 'point', type: 'nominal', sort: null, title: null, scale: { scheme: labels.length <= 10 ? 'category10' : 'tableau20' } } },
      },
    ],
    options,
    { width: 360, height: 300 },
  );
}
