/** `visualize` for the browser: figure specs and SVG rendering (no files). */
export { rasterSpec, lineSpec, stackSpecs, type RasterOptions, type LineOptions } from './specs.js';
export { specToSvg } from './render.js';
