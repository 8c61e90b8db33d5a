/**
 * The paper's analysis as library functions (method.md sections 1, 4, 5): EP <-> scale tables,
 * gradient step discontinuity, effective bits of the derivative, the gradient-error maps
 * (assumed noise chain or measured on a Device), run results for accuracy figures, and the
 * figures themselves (vega-lite specs rendered headless to SVG and PNG).
 */
export * from './sweep.js';
export * from './format.js';
export * from './ep-table.js';
export * from './interpolation.js';
export * from './gsd.js';
export * from './effective-bits.js';
export * from './activation-curves.js';
export type { GridProducts, ProductSource } from './product-source.js';
export * from './assumed-products.js';
export * from './device-products.js';
export * from './gradient-error.js';
export * from './region-stats.js';
export * from './gradient-error-experiment.js';
export * from './run-results.js';
export * from './figures/index.js';
