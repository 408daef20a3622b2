/**
 * Shared pieces of the dynamics-analysis figures: one colour legend for everything drawn
 * (nullclines, fixed points by stability, trajectories, limit cycles) and the axis encoding.
 */
import { paperConfig, type PlotSpec } from './specs.js';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Colour of each kind of mark; fixed points are coloured by their stability class. */
export const KIND_COLOURS: Readonly<Record<string, string>> = {
  'stable point': '#1f4e8c',
  'stable node': '#1f4e8c',
  'stable focus': '#2ca02c',
  'unstable point': '#d62728',
  'unstable node': '#d62728',
  'unstable focus': '#ff7f0e',
  saddle: '#9467bd',
  'saddle node': '#9467bd',
  centre: '#8c564b',
  'non-hyperbolic': '#7f7f7f',
  'limit cycle': '#e377c2',
  trajectory: '#333333',
};
const EXTRA_COLOURS = ['#17becf', '#bcbd22', '#8c6d31', '#637939', '#7b4173'];

/** A nominal colour scale over the kinds present, in order of first appearance. */
export function kindColour(kinds: readonly string[]) {
  const domain = [...new Set(kinds)];
  let extra = 0;
  const range = domain.map((k) => KIND_COLOURS[k] ?? EXTRA_COLOURS[extra++ % EXTRA_COLOURS.length]);
  return { field: 'kind', type: 'nominal' as const, sort: null, scale: { domain, range }, legend: { title: null, symbolType: 'circle' } };
}

export const quantitative = (field: string, title: string, domain?: readonly [number, number]) => ({
  field,
  type: 'quantitative' as const,
  title,
  scale: domain ? { domain: [domain[0], domain[1]], nice: false, zero: false } : { zero: false },
});

export interface AnalysisFigureOptions {
  title?: string;
  width?: number;
  height?: number;
}

/** A layered figure with the paper look. */
export function layered(layers: object[], options: AnalysisFigureOptions, defaults: { width: number; height: number }): PlotSpec {
  const spec = {
    $schema: SCHEMA,
    width: options.width ?? defaults.width,
    height: options.height ?? defaults.height,
    layer: layers,
    config: structuredClone(paperConfig),
    ...(options.title !== undefined ? { title: options.title } : {}),
  };
  return spec as unknown as PlotSpec;
}
