import type { Range } from '../../src/device/device.js';
import { codeRange, type CodeConversion } from '../serial/codes.js';

/**
 * Checks run on the host before anything reaches a board's converters. A DAC handed a code
 * outside its bit width wraps it silently (a large positive weight becomes a large negative
 * one), so every code is checked here, where the error can still name the offending element.
 */

/** A converter (DAC, ADC or weight DAC) as the host sees it: value = code / scale. */
export type ConverterSpec = CodeConversion;

/**
 * A converter as declared by a board is usable: bits in 1..32, a finite positive scale, a finite
 * range with lo < hi whose ends are representable in the code width (otherwise clipping to the
 * range would still produce codes that wrap). `what` names it in the error, e.g. "DAC".
 */
export function checkConverter(conv: ConverterSpec, what: string): void {
  let limits: [number, number];
  try {
    limits = codeRange(conv.bits);
  } catch (e) {
    throw new RangeError(`${what}: ${(e as Error).message}`);
  }
  if (!Number.isFinite(conv.scale) || !(conv.scale > 0))
    throw new RangeError(`${what}: scale must be finite and > 0, got ${conv.scale}`);
  const [lo, hi] = conv.range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi))
    throw new RangeError(`${what}: range must be finite with lo < hi, got [${lo}, ${hi}]`);
  for (const v of [lo, hi]) {
    const code = Math.round(v * conv.scale);
    if (code < limits[0] || code > limits[1]) {
      throw new RangeError(
        `${what}: range end ${v} is code ${code}, outside the ${conv.bits}-bit range ${limits[0]}..${limits[1]}`,
      );
    }
  }
}

/**
 * Every code fits the converter's bit width and lies within its declared range (rounded to
 * codes). Run on the exact codes about to be packed, so nothing unchecked reaches a DAC.
 */
export function checkCodes(codes: ArrayLike<number>, conv: ConverterSpec, what: string): void {
  const [min, max] = codeRange(conv.bits);
  const lo = Math.max(min, Math.ceil(conv.range[0] * conv.scale - 0.5));
  const hi = Math.min(max, Math.floor(conv.range[1] * conv.scale + 0.5));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (!Number.isInteger(c) || c < lo || c > hi) {
      throw new RangeError(
        `${what}: code ${c} at index ${i} is outside ${lo}..${hi} (${conv.bits}-bit converter, range [${conv.range[0]}, ${conv.range[1]}])`,
      );
    }
  }
}

/**
 * Clip values into `range` (the paper's Clamp, which the hardware would do anyway) into a new
 * array. NaN is a RangeError: it has no place on a wire and clipping would hide a bug upstream.
 * Infinities clip to the range ends like any other large value, unless `finite` is set (weights:
 * the Device contract makes a non-finite weight an error).
 */
export function clampValues(
  values: Float32Array,
  range: Range,
  what: string,
  options: { finite?: boolean } = {},
): Float32Array {
  const [lo, hi] = range;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v) || (options.finite && !Number.isFinite(v)))
      throw new RangeError(
        `${what}: value ${v} at index ${i} is not ${options.finite ? 'finite' : 'a number'}`,
      );
    out[i] = v < lo ? lo : v > hi ? hi : v;
  }
  return out;
}
