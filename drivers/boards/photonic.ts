import type { Range } from '../../src/device/device.js';
import { clampValues, type ConverterSpec } from './range-check.js';

/**
 * Weights on a photonic MZI mesh. A passive mesh can only attenuate (and flip the sign of) light,
 * so every matrix element it realises is a transmission |t| <= 1; the board's weight converter
 * therefore has to declare a range within [-1, 1].
 *
 * Larger weights are handled by power-of-two scaling, chosen over rejecting them: a tile whose
 * largest |w| exceeds 1 is written as w / 2^k with the smallest k that brings it within the
 * mesh, and the product is multiplied back by 2^k after the ADC. A power of two is exact in
 * floating point, so undoing it adds no rounding; the price is that the ADC's step and clipping
 * level grow by 2^k for that tile. How far this may go is capped by `maxExponent` (the driver's
 * `wexp` URI parameter, default 0 = no scaling: weights are clamped to the converter's range, the
 * paper's weight Clamp). The device declares weightRange = converter range x 2^maxExponent, so
 * the Device contract (clamp to weightRange) and the backward pass stay consistent.
 */

/** Largest transmission a passive mesh element can realise. */
export const MESH_LIMIT = 1;

/** The photonic weight converter must lie within the mesh's physical range. */
export function checkPhotonicConverter(weight: ConverterSpec): void {
  const [lo, hi] = weight.range;
  if (lo < -MESH_LIMIT || hi > MESH_LIMIT) {
    throw new RangeError(
      `photonic board declares a weight range [${lo}, ${hi}], but an MZI mesh realises only |w| <= ${MESH_LIMIT}; fix the board's DeviceInfo`,
    );
  }
}

/** The abstract weight range a photonic device accepts: the converter's range x 2^maxExponent. */
export function photonicWeightRange(weight: ConverterSpec, maxExponent: number): Range {
  checkExponent(maxExponent);
  const f = 2 ** maxExponent;
  return [weight.range[0] * f, weight.range[1] * f];
}

function checkExponent(maxExponent: number): void {
  if (!Number.isInteger(maxExponent) || maxExponent < 0 || maxExponent > 30)
    throw new RangeError(
      `photonic weight exponent must be an integer in 0..30, got ${maxExponent}`,
    );
}

/**
 * The smallest k >= 0 with maxAbs / 2^k within the converter range [lo, hi] (both ends checked,
 * the range need not be symmetric), or a RangeError when k would exceed `maxExponent`.
 */
export function meshExponent(W: Float32Array, weight: ConverterSpec, maxExponent: number): number {
  checkExponent(maxExponent);
  let max = 0;
  let min = 0;
  for (let i = 0; i < W.length; i++) {
    const v = W[i]!;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const [lo, hi] = weight.range;
  for (let k = 0; k <= maxExponent; k++) {
    const f = 2 ** k;
    if (max / f <= Math.max(hi, 0) && min / f >= Math.min(lo, 0)) return k;
  }
  throw new RangeError(
    `photonic weights span [${min}, ${max}], which needs more than 2^${maxExponent} scaling to fit the mesh range [${lo}, ${hi}]`,
  );
}

/** A weight tile as the mesh holds it. */
export interface PhotonicTile {
  /** Mesh values: W clamped to the abstract range, divided by `gain`; all within the converter range. */
  values: Float32Array;
  /** 2^k: multiply the tile's ADC outputs by this to undo the scaling. */
  gain: number;
}

/**
 * Clamp W to the abstract weight range (the paper's Clamp; a non-finite weight is a RangeError),
 * pick the power of two that fits it into the mesh, and scale it down. The result is checked
 * element by element against the converter range before it goes anywhere near a DAC.
 */
export function mapPhotonicWeights(
  W: Float32Array,
  weight: ConverterSpec,
  maxExponent: number,
): PhotonicTile {
  checkPhotonicConverter(weight);
  const clamped = clampValues(W, photonicWeightRange(weight, maxExponent), 'photonic weights', {
    finite: true,
  });
  const k = meshExponent(clamped, weight, maxExponent);
  const gain = 2 ** k;
  const [lo, hi] = weight.range;
  if (gain !== 1) for (let i = 0; i < clamped.length; i++) clamped[i] = clamped[i]! / gain;
  for (let i = 0; i < clamped.length; i++) {
    const v = clamped[i]!;
    if (v < lo || v > hi)
      throw new RangeError(`photonic weight ${i} = ${v} is outside the mesh range [${lo}, ${hi}]`);
  }
  return { values: clamped, gain };
}

/** Undo the tile's power-of-two scaling on its outputs, in place. Exact in floating point. */
export function unscaleOutputs(Y: Float32Array, gain: number): Float32Array {
  if (gain !== 1) for (let i = 0; i < Y.length; i++) Y[i] = Y[i]! * gain;
  return Y;
}
