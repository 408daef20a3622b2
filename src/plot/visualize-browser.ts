/** `visualize` for the browser: figure specs and SVG rendering (no files). */
export { rasterSpec, lineSpec, stackSpecs, type RasterOptions, type LineOptions } from './specs.js';
export { specToSvg } from './render.js';
export { animate1DHtml, animate2DHtml, type Animate1DOptions, type Animate1DSeries, type Animate2DOptions } from './animate-html.js';
export { animate1DGif, animate2DGif, encodeGif, type GifSize } from './animate-gif.js';
