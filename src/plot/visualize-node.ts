/** `visualize` for Node: figure specs, SVG rendering, and rasterPlot/linePlot that write SVG and PNG files. */
export { rasterSpec, lineSpec, stackSpecs, type RasterOptions, type LineOptions } from './specs.js';
export { specToSvg } from './render.js';
export { rasterPlot, linePlot, saveFigure, svgToPng } from './node.js';
