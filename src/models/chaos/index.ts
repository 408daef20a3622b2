/** Chaotic systems, maps and delay equations of the seed's gallery, and data generators from them. */
export * from './systems.js';
export { HenonMap, LogisticMap, type HenonOptions } from './maps.js';
export { MackeyGlassEq, ModifiedLuChenSystem, type MackeyGlassOptions, type ModifiedLuChenOptions } from './delay-systems.js';
export { lorenzSeries, mackeyGlassSeries, doubleScrollSeries, type ChaosSeries } from './data.js';
