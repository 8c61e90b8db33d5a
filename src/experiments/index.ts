/**
 * Experiments: the paper's sweeps as presets, expanded into trials (one train() config each),
 * run through a TrialQueue (the local process pool, or any engine behind the same interface),
 * and collected into one table and the accuracy figures.
 */
export * from './trial.js';
export * from './trial-errors.js';
export * from './queue.js';
export * from './trial-dir.js';
export * from './run-trial.js';
export * from './local-pool.js';
export * from './process-runner.js';
export * from './inline-runner.js';
export * from './presets.js';
export * from './expand.js';
export * from './collect.js';
export * from './pivot.js';
export * from './scale-figure.js';
export * from './sweep-figures.js';
export * from './sweep.js';
