/**
 * Calibration: probe a device through products (src/calibrate/procedures), fit a simulator
 * profile with its goodness of fit (calibrate.ts), check a profile against a device (check.ts),
 * and watch for drift during training (monitor.ts). Everything works through the Device
 * interface, so it runs the same on `sim:`, a board, or the board emulator.
 */
export {
  calibrate,
  type CalibrateOptions,
  type CalibrationResult,
  type StepReport,
} from './calibrate.js';
export {
  checkCalibration,
  ProfileMismatchError,
  type CheckOptions,
  type CheckResult,
} from './check.js';
export {
  compareReplays,
  defaultThresholds,
  planReplay,
  randomReplayDesign,
  replay,
  replayCompare,
  type ChannelMismatch,
  type MismatchReport,
  type MismatchThresholds,
  type ReplayDesign,
} from './compare.js';
export { fitProfile, type FittedProfile, type StepResults } from './fit-profile.js';
export { inferGrid, quantiseValue, selectPrecision } from './grid.js';
export { initialKnowledge, type Knowledge } from './knowledge.js';
export {
  CalibrationMonitor,
  monitorDevice,
  type MonitorOptions,
  type MonitorStatus,
} from './monitor.js';
export { ProfilePredictor, type Prediction } from './predict.js';
export {
  BudgetError,
  DEFAULT_TILE_COLS,
  ProbeSession,
  tileSize,
  type ProbeProgress,
  type ProbeSessionOptions,
} from './probe-session.js';
export { sweepDac, type DacSweepResult } from './procedures/dac-sweep.js';
export { measureDrift, type DriftOptions, type DriftResult } from './procedures/drift.js';
export { measureEnob, type EnobResult } from './procedures/enob.js';
export { measureNoiseSources, type NoiseSourcesResult } from './procedures/noise-sources.js';
export { fitReadNoise, measureReadNoise, type ReadNoiseResult } from './procedures/read-noise.js';
export { measureResponse, type ResponseResult } from './procedures/response-sweep.js';
export { measureWeightError, type WeightErrorResult } from './procedures/weight-error.js';
export { simulateProfile, type SimulateProfile } from './simulate.js';
export {
  allocateBudget,
  DEFAULT_BUDGET,
  resolveSteps,
  STEP_DESCRIPTIONS,
  STEP_NAMES,
  type StepName,
} from './steps.js';
export { summarizeMismatch, summarizeStep } from './summaries.js';
