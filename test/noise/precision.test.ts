import { describe, expect, it } from 'vitest';
import {
  bitsFromPrecision,
  bitsFromPrecisionAnalogVNN,
  precisionFromBits,
  precisionFromBitsAnalogVNN,
} from '../../src/noise/precision.js';

describe('precision <-> bits', () => {
  it("uses the paper's log2(p): 8-bit is p = 256, sweeps p = 4..64 are 2..6 bits", () => {
    expect(bitsFromPrecision(256)).toBe(8);
    expect([4, 8, 16, 32, 64].map(bitsFromPrecision)).toEqual([2, 3, 4, 5, 6]);
    expect(precisionFromBits(8)).toBe(256);
    expect(precisionFromBits(0)).toBe(1);
  });

  it("uses AnalogVNN's log2(p + 1): 8-bit is p = 255", () => {
    expect(bitsFromPrecisionAnalogVNN(255)).toBe(8);
    expect(bitsFromPrecisionAnalogVNN(1)).toBe(1);
    expect(precisionFromBitsAnalogVNN(8)).toBe(255);
    expect(precisionFromBitsAnalogVNN(4)).toBe(15);
  });

  it('the two conventions differ, and each pair round-trips', () => {
    expect(bitsFromPrecision(16)).not.toBe(bitsFromPrecisionAnalogVNN(16));
    for (const p of [0.5, 1, 3, 16, 100, 4096.5]) {
      expect(precisionFromBits(bitsFromPrecision(p))).toBeCloseTo(p, 9);
      expect(precisionFromBitsAnalogVNN(bitsFromPrecisionAnalogVNN(p))).toBeCloseTo(p, 9);
    }
  });

  it('rejects invalid inputs with RangeErrors naming the argument', () => {
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(() => bitsFromPrecision(bad)).toThrow(RangeError);
      expect(() => bitsFromPrecision(bad)).toThrow(/precision p/);
      expect(() => bitsFromPrecisionAnalogVNN(bad)).toThrow(/precision p/);
    }
    expect(() => precisionFromBits(NaN)).toThrow(/bits b/);
    expect(() => precisionFromBits(Infinity)).toThrow(RangeError);
    expect(() => precisionFromBitsAnalogVNN(0)).toThrow(/bits b/);
  });
});
