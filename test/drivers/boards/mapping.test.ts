import { describe, expect, it } from 'vitest';
import { inputCodes, outputValues, weightMapping } from '../../../drivers/boards/mapping.js';

const conv = { bits: 8, scale: 64, range: [-1, 1] as const };

describe('board mapping', () => {
  it('inputs: clip to the DAC range, round to codes (ties toward zero)', () => {
    // 0.5 -> 32; 2 -> clipped 1 -> 64; -0.1 -> -6.4 -> -6; 1/128 -> 0.5 -> 0 (tie toward zero).
    expect([...inputCodes(Float32Array.from([0.5, 2, -0.1, 1 / 128]), conv)]).toEqual([
      32, 64, -6, 0,
    ]);
    expect(() => inputCodes(Float32Array.from([NaN]), conv)).toThrow(RangeError);
  });

  it('outputs: code / scale times the tile gain', () => {
    expect([
      ...outputValues(Int32Array.from([128, -64]), { bits: 16, scale: 256, range: [-64, 64] }, 4),
    ]).toEqual([2, -1]);
  });

  it('a simulated board clamps weights to its converter; photonic and memristive map their own way', () => {
    expect([...weightMapping('simulated', conv).map(Float32Array.from([3, -0.5])).codes]).toEqual([
      64, -32,
    ]);
    const ph = weightMapping('photonic', conv, { maxExponent: 1 });
    expect(ph.range).toEqual([-2, 2]);
    expect(ph.map(Float32Array.from([1.5, -0.5]))).toEqual({
      codes: Int32Array.from([48, -16]),
      gain: 2,
    });
    expect(() => weightMapping('memristive', conv)).toThrow(/conductance range/);
    const mem = weightMapping('memristive', conv, { conductance: { minUs: 1, maxUs: 2 } });
    expect([...mem.map(Float32Array.from([-1, 0.25])).codes]).toEqual([-64, 16]);
  });

  it('refuses a weight converter that would wrap before anything is mapped', () => {
    expect(() => weightMapping('simulated', { bits: 6, scale: 64, range: [-1, 1] })).toThrow(
      /range end -1 is code -64, outside the 6-bit range -32..31/,
    );
  });
});
