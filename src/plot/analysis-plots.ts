/** The dynamics-analysis figures (browser-safe vega-lite spec builders). */
export { phaseLineSpec, phasePlaneSpec, type PhasePlaneParts } from './analysis-phase-plane.js';
export { bifurcationSpec, bifurcationPanels, codimension2Spec, type BifurcationFigureOptions } from './analysis-bifurcation.js';
export { spectrumSpec, type SpectrumOptions } from './analysis-spectrum.js';
export { type AnalysisFigureOptions } from './analysis-common.js';
