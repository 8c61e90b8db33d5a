/** Figure builders (data -> vega-lite spec) and the headless renderer. */
export * from './theme.js';
export * from './render.js';
export { encodePng, heatmapDataUrl, schemeTable, type ColorScale } from './raster.js';
export * from './activations.js';
export * from './gsd.js';
export * from './effective-bits.js';
export * from './gradient-error.js';
export * from './accuracy.js';
