/**
 * Gradient clipping, applied to the accumulated grads between backward and the optimiser step.
 * Noisy analog forward passes can produce rare huge gradients; clipping keeps one bad batch from
 * wrecking the weights.
 */
import type { Param } from '../nn/layer.js';

/** The L2 norm of all params' gradients taken together, accumulated in float64. */
export function gradNorm(params: Param[]): number {
  let sum = 0;
  for (const p of params) {
    const g = p.grad;
    for (let k = 0; k < g.length; k++) sum += g[k] * g[k];
  }
  return Math.sqrt(sum);
}

/**
 * Scales all grads by maxNorm / (norm + 1e-6) when the global norm exceeds maxNorm (PyTorch's
 * clip_grad_norm_). Returns the norm before clipping. A non-finite norm leaves the grads as they
 * are and is returned, so the caller can skip the step rather than spread NaN into every grad.
 */
export function clipGradNorm(params: Param[], maxNorm: number): number {
  if (!(maxNorm > 0)) throw new RangeError(`clipGradNorm: maxNorm ${maxNorm} must be > 0`);
  const norm = gradNorm(params);
  if (!Number.isFinite(norm)) return norm;
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) {
    for (const p of params) {
      const g = p.grad;
      for (let k = 0; k < g.length; k++) g[k] *= coef;
    }
  }
  return norm;
}

/** Clamps every grad entry to [-clip, clip]; returns how many entries were clamped. */
export function clipGradValue(params: Param[], clip: number): number {
  if (!(clip > 0)) throw new RangeError(`clipGradValue: clip ${clip} must be > 0`);
  let clamped = 0;
  for (const p of params) {
    const g = p.grad;
    for (let k = 0; k < g.length; k++) {
      if (g[k] > clip) {
        g[k] = clip;
        clamped++;
      } else if (g[k] < -clip) {
        g[k] = -clip;
        clamped++;
      }
    }
  }
  return clamped;
}
