import { describe, expect, it } from 'vitest';
import {
  checkConductanceRange,
  mapMemristiveWeights,
  pairToWeight,
  weightMagnitude,
  weightToPair,
} from '../../../drivers/boards/memristive.js';

/** Gmin 10 uS, Gmax 110 uS: a swing of 100 uS for |w| = wMax. */
const g = { minUs: 10, maxUs: 110 };

describe('memristive differential pairs', () => {
  it('positive weights go to G+, negative to G-, the other cell stays at Gmin', () => {
    expect(weightToPair(0.5, 1, g)).toEqual({ gPlusUs: 60, gMinusUs: 10 });
    expect(weightToPair(-0.25, 1, g)).toEqual({ gPlusUs: 10, gMinusUs: 35 });
    expect(weightToPair(0, 1, g)).toEqual({ gPlusUs: 10, gMinusUs: 10 });
    expect(weightToPair(2, 2, g)).toEqual({ gPlusUs: 110, gMinusUs: 10 });
  });

  it('the inverse: w = (G+ - G-) / (Gmax - Gmin) * wMax', () => {
    expect(pairToWeight({ gPlusUs: 60, gMinusUs: 10 }, 1, g)).toBe(0.5);
    expect(pairToWeight({ gPlusUs: 10, gMinusUs: 35 }, 1, g)).toBe(-0.25);
    // Any pair in range, e.g. both cells raised: 80 - 30 = 50 uS -> 0.5.
    expect(pairToWeight({ gPlusUs: 80, gMinusUs: 30 }, 1, g)).toBe(0.5);
    for (const w of [-1, -0.3, 0, 0.7, 1])
      expect(pairToWeight(weightToPair(w, 1, g), 1, g)).toBeCloseTo(w, 12);
  });

  it('range checks: |w| > wMax, pairs outside [Gmin, Gmax], bad ranges', () => {
    expect(() => weightToPair(1.01, 1, g)).toThrow('memristive weight 1.01 is outside [-1, 1]');
    expect(() => pairToWeight({ gPlusUs: 120, gMinusUs: 10 }, 1, g)).toThrow(
      'pair: G+ = 120 uS is outside [10, 110] uS',
    );
    expect(() => pairToWeight({ gPlusUs: 50, gMinusUs: 5 }, 1, g)).toThrow(/G- = 5 uS/);
    expect(() => checkConductanceRange({ minUs: 5, maxUs: 5 })).toThrow(/Gmin < Gmax/);
    expect(() => checkConductanceRange({ minUs: -1, maxUs: 5 })).toThrow(/0 <= Gmin/);
    expect(weightMagnitude({ bits: 8, scale: 64, range: [-0.5, 1] })).toBe(1);
  });

  it('maps a tile: clamps to the converter range, then computes every pair', () => {
    const weight = { bits: 8, scale: 64, range: [-1, 1] as const };
    const t = mapMemristiveWeights(Float32Array.from([0.5, -2, 0.25]), weight, g);
    expect([...t.values]).toEqual([0.5, -1, 0.25]);
    expect([...t.gPlusUs]).toEqual([60, 10, 35]);
    expect([...t.gMinusUs]).toEqual([10, 110, 10]);
    expect(() => mapMemristiveWeights(Float32Array.from([NaN]), weight, g)).toThrow(RangeError);
  });
});
