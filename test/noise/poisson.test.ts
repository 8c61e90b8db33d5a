import { describe, expect, it } from 'vitest';
import {
  logFactorial,
  poissonAt,
  poissonPmf,
  poissonRangeProbability,
} from '../../src/noise/poisson.js';
import { deriveKey } from '../../src/noise/rng.js';
import { chiSquare, chiSquareCritical, moments } from './stats.js';

describe('Poisson probabilities', () => {
  it('logFactorial matches ln(n!) from the table and from Stirling', () => {
    // mpmath values
    const cases: [number, number][] = [
      [0, 0],
      [1, 0],
      [10, 15.104412573075515],
      [171, 711.71472580229001],
      [1000, 5912.1281784881633],
      [1_000_000, 12815518.38465817],
    ];
    for (const [n, v] of cases)
      expect(Math.abs(logFactorial(n) - v)).toBeLessThanOrEqual(1e-14 * Math.max(1, v));
    // The switch from table to series at 170/171 is seamless.
    expect(Math.abs(logFactorial(171) - logFactorial(170) - Math.log(171))).toBeLessThan(1e-12);
  });

  it('the pmf sums to one and has mean and variance equal to the mean parameter', () => {
    for (const mean of [0.1, 3, 25, 700]) {
      let s = 0;
      let m1 = 0;
      let m2 = 0;
      for (let n = 0; n < mean + 60 * Math.sqrt(mean) + 60; n++) {
        const q = poissonPmf(n, mean);
        s += q;
        m1 += n * q;
        m2 += n * n * q;
      }
      expect(Math.abs(s - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m1 - mean)).toBeLessThan(1e-9 * mean);
      expect(Math.abs(m2 - m1 * m1 - mean)).toBeLessThan(1e-8 * mean);
    }
    expect(poissonPmf(0, 0)).toBe(1);
    expect(poissonPmf(1, 0)).toBe(0);
    expect(poissonPmf(-1, 2)).toBe(0);
  });

  it('poissonRangeProbability matches high-precision sums', () => {
    expect(Math.abs(poissonRangeProbability(7.5, 3, 9) - 0.75615089796305003)).toBeLessThan(1e-14);
    expect(
      Math.abs(poissonRangeProbability(10000, 9900, 10100) - 0.68510520009642647),
    ).toBeLessThan(1e-13);
    expect(poissonRangeProbability(5, 0, Infinity)).toBeCloseTo(1, 14);
    expect(poissonRangeProbability(5, 4, 3)).toBe(0);
    expect(poissonRangeProbability(0, 0, 0)).toBe(1);
    expect(poissonRangeProbability(0, 1, 5)).toBe(0);
  });
});

describe('Poisson sampling (counter-based)', () => {
  const key = deriveKey(77, 3);

  it('is reproducible per (key, index) and key dependent', () => {
    expect(poissonAt(key, 10, 50)).toBe(poissonAt(key, 10, 50));
    let differ = 0;
    for (let i = 0; i < 100; i++)
      if (poissonAt(key, i, 50) !== poissonAt(deriveKey(77, 4), i, 50)) differ++;
    expect(differ).toBeGreaterThan(80);
    expect(poissonAt(key, 3, 0)).toBe(0);
  });

  it('has the right mean and variance on both sides of the method switch', () => {
    const n = 200_000;
    for (const mean of [0.3, 3, 9.9, 10, 25, 400, 1e5]) {
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = poissonAt(key, i, mean);
      const m = moments(xs);
      expect(Math.abs(m.mean - mean), `mean at ${mean}`).toBeLessThan(5 * Math.sqrt(mean / n));
      // Var of the sample variance ~ (2 m^2 + m) / n for a Poisson.
      expect(Math.abs(m.variance - mean), `variance at ${mean}`).toBeLessThan(
        5 * Math.sqrt((2 * mean * mean + mean) / n),
      );
      for (let i = 0; i < 100; i++) expect(Number.isInteger(xs[i]) && xs[i] >= 0).toBe(true);
    }
  });

  it('matches the pmf (chi-square) for inversion (mean 4) and rejection (means 10.5, 40)', () => {
    const n = 300_000;
    for (const mean of [4, 10.5, 40]) {
      const lo = Math.max(0, Math.floor(mean - 4 * Math.sqrt(mean)));
      const hi = Math.ceil(mean + 4 * Math.sqrt(mean));
      // Bins: <= lo, lo+1 .. hi-1, >= hi.
      const counts = new Array<number>(hi - lo + 1).fill(0);
      for (let i = 0; i < n; i++) {
        const k = poissonAt(key, 10_000_000 + i, mean);
        counts[Math.min(Math.max(k, lo), hi) - lo]++;
      }
      const expected = counts.map((_, j) => {
        const k = lo + j;
        if (k === lo) return n * poissonRangeProbability(mean, 0, lo);
        if (k === hi) return n * (1 - poissonRangeProbability(mean, 0, hi - 1));
        return n * poissonPmf(k, mean);
      });
      expect(chiSquare(counts, expected), `mean ${mean}`).toBeLessThan(
        chiSquareCritical(counts.length - 1),
      );
    }
  });

  it('rejects invalid means and indices', () => {
    expect(() => poissonAt(key, 0, -1)).toThrow(/mean/);
    expect(() => poissonAt(key, 0, Infinity)).toThrow(RangeError);
    expect(() => poissonAt(key, -3, 1)).toThrow(/index/);
  });
});
