/**
 * analoop's noise toolkit (method.md sections 1-3): precision/bit conventions, clamp, RP and SRP,
 * the noise models with their (scale, EP, p) conversions, erf/erfinv, and the counter-based
 * random generator whose per-element output depends only on (key, index).
 */
export { erf, erfc, erfcx, erfinv, erfcinv } from './erf.js';
export { normalCdf, normalQuantile } from './normal.js';
export {
  bitsFromPrecision,
  bitsFromPrecisionAnalogVNN,
  precisionFromBits,
  precisionFromBitsAnalogVNN,
} from './precision.js';
export { clamp, reducePrecision, stochasticReducePrecision } from './quantise.js';
export type { NoiseKey } from './rng.js';
export { deriveKey, uniformAt, fillUniform, normalAt, fillNormal } from './rng.js';
export { logFactorial, poissonPmf, poissonRangeProbability, poissonAt } from './poisson.js';
export type { NoiseModel, NoiseSpec, ResolvedNoise } from './models.js';
export {
  NOISE_MODELS,
  gaussianSigmaFromEP,
  gaussianEPFromSigma,
  gaussianPrecisionFromSigmaEP,
  laplaceScaleFromEP,
  laplaceEPFromScale,
  laplacePrecisionFromScaleEP,
  uniformWidthFromEP,
  uniformEPFromWidth,
  uniformPrecisionFromWidthEP,
  poissonRate,
  poissonEPAtOne,
  poissonEPGridAverage,
  poissonScaleFromEP,
  resolveNoise,
  addNoise,
} from './models.js';
export type { QuantStage, NoiseChain, CompileOptions } from './fused.js';
export {
  CompiledChain,
  compileChain,
  applyChain,
  applyChainReference,
  nativeChainsAvailable,
} from './fused.js';
