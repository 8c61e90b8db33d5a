/**
 * Calibration profiles: the versioned JSON document that drives the simulator and that
 * calibration fits from bench measurements, plus the paper's preset built from (p, EP) alone.
 */
export * from './profile.js';
export { ProfileError, type ProfileIssue } from './profile-error.js';
export {
  paperProfile,
  PAPER_ARRAY_SIZE,
  PAPER_MAX_BATCH,
  type PaperProfileOptions,
} from './paper.js';
