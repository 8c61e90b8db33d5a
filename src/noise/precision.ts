/**
 * Precision p (quantisation steps per unit, step 1/p) <-> bits. Two conventions exist and they
 * differ by one level, so both are explicit named functions and nothing guesses:
 *
 * - the paper (Shah & Youngblood 2024/2025) counts b = log2(p): "8-bit" is p = 256, and its
 *   sweeps p in {4, ..., 64} are 2..6 bits. analoop's presets use this one.
 * - AnalogVNN counts b = log2(p + 1): p = 255 is 8 bits (2^b - 1 steps, the usual DAC count).
 */

function checkPrecision(fn: string, p: number): void {
  if (!(Number.isFinite(p) && p > 0)) {
    throw new RangeError(`${fn}: precision p must be a finite number > 0, got ${p}`);
  }
}

function checkBits(fn: string, b: number, min: number): void {
  if (!(Number.isFinite(b) && b > min)) {
    throw new RangeError(`${fn}: bits b must be a finite number > ${min}, got ${b}`);
  }
}

/** The paper's convention: b = log2(p). */
export function bitsFromPrecision(p: number): number {
  checkPrecision('bitsFromPrecision', p);
  return Math.log2(p);
}

/** AnalogVNN's convention: b = log2(p + 1). */
export function bitsFromPrecisionAnalogVNN(p: number): number {
  checkPrecision('bitsFromPrecisionAnalogVNN', p);
  return Math.log2(p + 1);
}

/** The paper's convention: p = 2^b. */
export function precisionFromBits(b: number): number {
  checkBits('precisionFromBits', b, -Infinity);
  return 2 ** b;
}

/** AnalogVNN's convention: p = 2^b - 1 (b > 0 so that p > 0). */
export function precisionFromBitsAnalogVNN(b: number): number {
  checkBits('precisionFromBitsAnalogVNN', b, 0);
  return 2 ** b - 1;
}
