/**
 * Effective bit precision of an activation's derivative near zero (method.md section 4): with
 * inputs quantised to steps of 1/p, the smallest non-zero input is 1/p, and the derivative can
 * only tell it from zero by f'(1/p) - f'(0). Counting that difference in bits,
 * bits = log2(1 / (f'(1/p) - f'(0))): a smooth activation resolves small inputs with few bits
 * of derivative change, a larger GELU scaling factor s sharpens the step and needs fewer.
 * At p = 64: s = 1 -> 6.326, s = 2 -> 5.326, s = 3 -> 4.742.
 */
import { activateDerivative, geluDerivative, type ActivationSpec } from '../nn/activations.js';

function checkP(fn: string, p: number): void {
  if (!(Number.isFinite(p) && p > 0))
    throw new RangeError(`${fn}: precision p must be > 0, got ${p}`);
}

/** bits(s) = log2(1 / (G_s'(1/p) - G_s'(0))) for GELU with scaling factor s. */
export function effectiveBits(scale: number, p: number): number {
  checkP('effectiveBits', p);
  if (!(Number.isFinite(scale) && scale > 0))
    throw new RangeError(`effectiveBits: s must be > 0, got ${scale}`);
  return Math.log2(1 / (geluDerivative(1 / p, scale) - geluDerivative(0, scale)));
}

/**
 * The same for any activation: log2(1 / (f'(1/p) - f'(0))). Infinite when the derivative does
 * not change over the first step (0 bits of difference), 0 for a full unit step (ReLU).
 */
export function derivativeBits(spec: ActivationSpec, p: number): number {
  checkP('derivativeBits', p);
  return Math.log2(1 / (activateDerivative(spec, 1 / p) - activateDerivative(spec, 0)));
}

export interface EffectiveBitsRow {
  [key: string]: number;
  s: number;
  p: number;
  /** log2(p): the input's own bits, for comparison. */
  inputBits: number;
  bits: number;
}

/** The table over scaling factors x precisions. */
export function effectiveBitsTable(
  scales: readonly number[],
  ps: readonly number[],
): EffectiveBitsRow[] {
  const rows: EffectiveBitsRow[] = [];
  for (const p of ps)
    for (const s of scales) rows.push({ s, p, inputBits: Math.log2(p), bits: effectiveBits(s, p) });
  return rows;
}
