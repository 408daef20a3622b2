/** `visualize` for Node: figure specs, SVG rendering, and rasterPlot/linePlot that write SVG and PNG files. */
export { rasterSpec, lineSpec, stackSpecs, type RasterOptions, type LineOptions } from './specs.js';
export { specToSvg } from './render.js';
export { rasterPlot, linePlot, saveFigure, svgToPng } from './node.js';
export { animate1DHtml, animate2DHtml, type Animate1DOptions, type Animate1DSeries, type Animate2DOptions } from './animate-html.js';
export { animate1D, animate2D, type AnimationFileOptions, type AnimationFormat } from './node-animate.js';
export { animate1DGif, animate2DGif, encodeGif, type GifSize } from './animate-gif.js';
