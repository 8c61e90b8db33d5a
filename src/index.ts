/**
 * analoop's library API. Device implementations live outside src/ and register URI schemes:
 * import `analoop/simulator` (registerSimulator) or the serial driver to add them.
 */
export * as compute from './compute/index.js';
export * as device from './device/index.js';
export * as noise from './noise/index.js';
export * as profile from './profile/index.js';
export * as data from './data/index.js';
export * as analysis from './analysis/index.js';
export * as calibrate from './calibrate/index.js';
export type { Layer, Param, ForwardContext, Runtime, StateBuffer } from './nn/layer.js';
export type { Tensor } from './nn/tensor.js';
export { parseActivation, activationName, type ActivationSpec } from './nn/activations.js';
export { buildModel, MODEL_PRESETS } from './nn/models/index.js';
export { describeLayers, modelParams, parameterCount, type Model } from './nn/model.js';
export {
  train,
  evaluate,
  TrainingInterrupted,
  type TrainOptions,
  type TrainResult,
} from './train/trainer.js';
export { compareActivations, formatCompareTable } from './train/compare.js';
export { resolveTrainConfig, type TrainConfig, type TrainConfigInput } from './train/config.js';
