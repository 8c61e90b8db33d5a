/**
 * Gradient step discontinuity (method.md sections 1 and 4): the jump of an activation's
 * derivative at zero, D = f'(0+) - f'(0). It is measured, as in the paper, by a one-sided
 * difference at a small step h = 1e-4: D(h) = f'(h) - f'(0). For the ReLU-GELU interpolation
 * D(h) = (1 - i) (1 - R'(0)) + i (G_s'(h) - G_s'(0)), about 1 - i; at GELU it is G'(h) - 1/2 =
 * h sqrt(2/pi) + O(h^3) ~ 8e-5, the curvature, not a jump.
 *
 * D depends on the R'(0) convention (`@0=1` puts ReLU's jump on the left of zero and makes
 * D = 0), so the two-sided jump f'(h) - f'(-h), which does not, is reported alongside.
 */
import { activateDerivative, activationName, type ActivationSpec } from '../nn/activations.js';
import { interpolationFactor } from './interpolation.js';

/** The step h of the one-sided difference, as in method.md. */
export const GSD_STEP = 1e-4;

/** D(h) = f'(h) - f'(0). */
export function gradientStepDiscontinuity(spec: ActivationSpec, h = GSD_STEP): number {
  if (!(h > 0 && Number.isFinite(h)))
    throw new RangeError(`gradientStepDiscontinuity: h must be > 0, got ${h}`);
  return activateDerivative(spec, h) - activateDerivative(spec, 0);
}

/** f'(h) - f'(-h): the jump across zero, independent of the value taken at exactly 0. */
export function gradientJump(spec: ActivationSpec, h = GSD_STEP): number {
  if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`gradientJump: h must be > 0, got ${h}`);
  return activateDerivative(spec, h) - activateDerivative(spec, -h);
}

export interface GsdRow {
  [key: string]: string | number | null;
  activation: string;
  /** Interpolation factor i (0 for ReLU, 1 for GELU/SiLU), null when the spec has none. */
  i: number | null;
  h: number;
  /** f'(h) - f'(0). */
  gsd: number;
  /** f'(h) - f'(-h). */
  jump: number;
  /** f'(0), f'(h): the two values the difference is taken from. */
  d0: number;
  dh: number;
}

/** GSD and jump for one activation. */
export function gsdRow(spec: ActivationSpec, h = GSD_STEP): GsdRow {
  return {
    activation: activationName(spec),
    i: interpolationFactor(spec) ?? null,
    h,
    gsd: gradientStepDiscontinuity(spec, h),
    jump: gradientJump(spec, h),
    d0: activateDerivative(spec, 0),
    dh: activateDerivative(spec, h),
  };
}
