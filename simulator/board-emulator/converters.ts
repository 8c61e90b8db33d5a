import type { CodeConversion } from '../../drivers/serial/codes.js';
import { converterPrecision, type ConverterSpec, type Profile } from '../../src/profile/index.js';

/**
 * The wire converters an emulated board announces in DeviceInfo, derived from the profile.
 *
 * Code scale = the converter's precision p (codes per unit value), so a value on the profile's
 * RP(p) grid is an exact integer code and the emulator reproduces the simulator bit for bit:
 * host codes -> code / p -> the simulator's clamp and RP(p) change nothing. The code width is
 * the smallest two's complement width holding RP(p) of both range ends (p = 16 on [-1, 1]:
 * codes -16..16, 6 bits). This width can exceed the profile's nominal `bits` (log2 p), which
 * counts magnitude steps, not the sign and the end point.
 *
 * An ideal converter (p = 0) has no grid; it is emulated with IDEAL_BITS-wide codes spanning the
 * range, so its values are close to, but not bit-identical with, the in-process simulator's.
 */

export const IDEAL_BITS = 24;

export interface WireConverters {
  dac: CodeConversion;
  adc: CodeConversion;
  weight: CodeConversion;
}

/** Smallest two's complement width holding every integer in [min, max] (min <= 0 <= max). */
export function bitsFor(min: number, max: number): number {
  let bits = 1;
  while (-(2 ** (bits - 1)) > min || 2 ** (bits - 1) - 1 < max) bits++;
  return bits;
}

/** RP's integer code of v at precision p: sign(g) ceil(|g| - 1/2), g = v p. */
function rpCode(v: number, p: number): number {
  const g = v * p;
  const r = Math.ceil(Math.abs(g) - 0.5);
  return g < 0 ? -r : r;
}

export function wireConverter(c: ConverterSpec, what: string): CodeConversion {
  const [lo, hi] = c.range;
  const range: [number, number] = [lo, hi];
  const p = converterPrecision(c);
  if (p === 0) {
    const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
    // float32: the scale the host decodes with is the one on the wire. One code of headroom
    // absorbs fround rounding up.
    return { bits: IDEAL_BITS, scale: Math.fround((2 ** (IDEAL_BITS - 1) - 2) / maxAbs), range };
  }
  if (Math.fround(p) !== p) {
    throw new RangeError(
      `${what}: precision ${p} is not exactly representable as the float32 code scale of the wire protocol; use a precision such as 16 or 255`,
    );
  }
  const min = Math.min(0, rpCode(lo, p));
  const max = Math.max(0, rpCode(hi, p));
  const bits = bitsFor(min, max);
  if (bits > 32) {
    throw new RangeError(
      `${what}: range [${lo}, ${hi}] at precision ${p} needs ${bits}-bit codes; the wire carries at most 32`,
    );
  }
  return { bits, scale: p, range };
}

export function wireConverters(profile: Profile): WireConverters {
  return {
    dac: wireConverter(profile.dac, 'dac'),
    adc: wireConverter(profile.adc, 'adc'),
    weight: wireConverter(profile.weights, 'weights'),
  };
}
