/** The HTML report over a directory of runs and sweeps. */
export { buildReport, writeReport, type ReportOptions, type ReportResult } from './report.js';
export { findRuns, readRunInfo, type RunInfo } from './run-info.js';
export { learningCurvesFigure } from './curves-figure.js';
