import { describe, expect, it } from 'vitest';
import {
  candidatePrecisions,
  inferGrid,
  quantiseValue,
  selectPrecision,
} from '../../src/calibrate/grid.js';
import { leastSquares } from '../../src/calibrate/linalg.js';
import { fitQuantisedNoise } from '../../src/calibrate/quantised-noise.js';
import { fitResponseAuto, responseAt, type ResponsePoint } from '../../src/calibrate/response.js';
import { chiSquareTail, kolmogorovQ, ksTwoSample } from '../../src/calibrate/stats.js';
import { splitmix32, randomNormal } from '../../src/data/prng.js';

const rng = splitmix32(12);
const normal = () => randomNormal(rng);
const uniform = () => rng() / 0x100000000;

describe('statistics', () => {
  it('least squares recovers an exact line and reports its covariance', () => {
    const X = Float64Array.from([1, 0, 1, 1, 1, 2, 1, 3]);
    const f = leastSquares(X, [1, 3, 5, 7], 2);
    expect([...f.beta].map((v) => +v.toFixed(12))).toEqual([1, 2]);
    expect(f.sse).toBeLessThan(1e-20);
    expect(f.dof).toBe(2);
  });

  it('Kolmogorov-Smirnov: same distribution passes, a shift of 0.3 sd in 2000 samples does not', () => {
    const a = Array.from({ length: 2000 }, normal);
    const b = Array.from({ length: 2000 }, normal);
    const c = Array.from({ length: 2000 }, () => normal() + 0.3);
    expect(ksTwoSample(a, b).p).toBeGreaterThan(0.001);
    expect(ksTwoSample(a, c).p).toBeLessThan(1e-6);
    // Known values of Kolmogorov's distribution: Q(1.36) = 0.049, Q(1.63) = 0.0098.
    expect(kolmogorovQ(1.358)).toBeCloseTo(0.05, 3);
    expect(kolmogorovQ(1.628)).toBeCloseTo(0.01, 3);
  });

  it('chi-square tail: median and a far tail', () => {
    expect(chiSquareTail(7.344, 8)).toBeCloseTo(0.5, 2);
    expect(chiSquareTail(26.12, 8)).toBeCloseTo(0.001, 3);
  });
});

describe('converter grids', () => {
  it('infers the ADC grid from returned values, and calls a continuous output ideal', () => {
    const vals = Array.from({ length: 500 }, () => Math.fround(quantiseValue(0.3 * normal(), 64)));
    expect(inferGrid(vals).precision).toBe(64);
    expect(inferGrid(Array.from({ length: 500 }, normal)).precision).toBe(0);
    expect(inferGrid(vals.map((v) => Math.fround(v * (64 / 255)))).precision).toBe(255);
  });

  it('picks the DAC grid that explains a noisy staircase, among 2^k and 2^k - 1', () => {
    expect(candidatePrecisions([100])).toContain(100);
    for (const p of [16, 31, 64]) {
      const x = Array.from({ length: 600 }, () => 2 * uniform() - 1);
      const groups = [0.9, 1.1].map((g) => ({
        x,
        y: x.map(
          (v) =>
            g * quantiseValue(v, p, -1, 1) - 0.04 * quantiseValue(v, p) ** 3 + 0.004 * normal(),
        ),
      }));
      expect(selectPrecision(groups, { degree: 3, range: [-1, 1] }).precision).toBe(p);
    }
  });
});

describe('quantised read-noise fit', () => {
  it('recovers sigma from ADC codes from a third of a step to three steps, where the naive sd does not', () => {
    const p = 32;
    for (const ratio of [0.3, 0.6, 1, 3]) {
      const sigma = ratio / p;
      const h = new Map<number, number>();
      const n = 20000;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = quantiseValue(0.013 + sigma * normal(), p, -1, 1);
        h.set(v, (h.get(v) ?? 0) + 1);
        s2 += (v - 0.013) ** 2;
      }
      const fit = fitQuantisedNoise(h, 'gaussian', { precision: p, range: [-1, 1] });
      expect(Math.abs(fit.sd / sigma - 1)).toBeLessThan((4 * 1.5) / Math.sqrt(2 * n));
      expect(Math.abs(fit.mu - 0.013)).toBeLessThan(0.1 / p);
      if (ratio <= 0.6) expect(Math.abs(Math.sqrt(s2 / n) / sigma - 1)).toBeGreaterThan(0.08);
    }
  });
});

describe('response fit', () => {
  const truth = {
    gain: Float64Array.of(1.1, 0.9, 1),
    offset: Float64Array.of(0.02, -0.01, 0),
    c2: 0,
    c3: -0.05,
  };
  const points = (c3: number, noise: number): ResponsePoint[] => {
    const pts: ResponsePoint[] = [];
    for (let r = 0; r < 3; r++)
      for (let j = 0; j < 21; j++) {
        const z = -1.2 + 0.12 * j;
        const v = 1e-3;
        pts.push({
          channel: r,
          z,
          y: responseAt({ ...truth, c3 }, r, z, v) + noise * normal(),
          se: Math.max(noise, 1e-6),
          v,
        });
      }
    return pts;
  };

  it('fits gains, offsets and a cubic jointly, with the noise before the nonlinearity', () => {
    const f = fitResponseAuto(points(-0.05, 0), 3);
    expect(f.terms).toEqual(['c3']);
    expect(f.response.c3).toBeCloseTo(-0.05, 9);
    expect([...f.response.gain].map((g) => +g.toFixed(9))).toEqual([1.1, 0.9, 1]);
  });

  it('drops nonlinear terms the data do not support', () => {
    expect(fitResponseAuto(points(0, 2e-3), 3).terms).toEqual([]);
    expect(fitResponseAuto(points(-0.05, 2e-3), 3).terms).toEqual(['c3']);
  });
});
