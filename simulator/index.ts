/**
 * The in-process simulator: calibration profiles, the paper preset, the simulated and ideal
 * devices, and registerSimulator() which adds the `sim:` and `ideal:` URI schemes.
 */
export {
  BitsConventionSchema,
  canonicalJson,
  converterBits,
  converterPrecision,
  loadProfile,
  NoiseModelSchema,
  NoiseSpecSchema,
  NonlinearitySchema,
  parseProfile,
  PROFILE_NOISE_MODELS,
  PROFILE_SCHEMA_ID,
  profileId,
  profileJsonSchema,
  ProfileSchema,
  type ConverterSpec,
  type Nonlinearity,
  type Profile,
  type ProfileInput,
  type ProfileNoiseSpec,
} from './profile.js';
export { ProfileError, type ProfileIssue } from './profile-error.js';
export {
  paperProfile,
  PAPER_ARRAY_SIZE,
  PAPER_MAX_BATCH,
  type PaperProfileOptions,
} from './presets.js';
export { SimDevice, type SimDeviceOptions } from './sim-device.js';
export { IdealDevice, IDEAL_DEFAULT_SIZE, type IdealDeviceOptions } from './ideal-device.js';
export { idealFactory, registerSimulator, simFactory } from './register.js';
