import { describe, expect, it } from 'vitest';
import {
  addNoise,
  gaussianEPFromSigma,
  gaussianPrecisionFromSigmaEP,
  gaussianSigmaFromEP,
  laplaceEPFromScale,
  laplacePrecisionFromScaleEP,
  laplaceScaleFromEP,
  poissonEPAtOne,
  poissonEPGridAverage,
  poissonRate,
  poissonScaleFromEP,
  resolveNoise,
  uniformEPFromWidth,
  uniformPrecisionFromWidthEP,
  uniformWidthFromEP,
  type NoiseSpec,
} from '../../src/noise/models.js';
import { normalCdf } from '../../src/noise/normal.js';
import { deriveKey } from '../../src/noise/rng.js';
import { moments } from './stats.js';

describe('Gaussian conversions', () => {
  it('reproduce the sigma reference table of method.md (relative 1e-5)', () => {
    const table: [number, number[]][] = [
      [0.2, [0.097538, 0.0243845, 0.00609613, 0.00152403]],
      [0.5, [0.185325, 0.0463313, 0.0115828, 0.00289571]],
      [0.8, [0.493394, 0.123349, 0.0308371, 0.00770928]],
    ];
    const ps = [4, 16, 64, 256];
    for (const [ep, sigmas] of table) {
      sigmas.forEach((s, j) => {
        expect(
          Math.abs(gaussianSigmaFromEP(ep, ps[j]) / s - 1),
          `EP ${ep}, p ${ps[j]}`,
        ).toBeLessThan(1e-5);
        // The table is meant to be stored as float32: that rounding must not matter either.
        expect(Math.abs(Math.fround(gaussianSigmaFromEP(ep, ps[j])) / s - 1)).toBeLessThan(1e-5);
      });
    }
  });

  it('EP is the probability that N(0, sigma^2) leaves a half-bin, 2 (1 - Phi(1/(2 p sigma)))', () => {
    for (const [sigma, p] of [
      [0.1, 4],
      [0.01, 16],
      [0.003, 256],
    ]) {
      expect(gaussianEPFromSigma(sigma, p)).toBeCloseTo(
        2 * (1 - normalCdf(1 / (2 * p * sigma))),
        14,
      );
    }
  });

  it('round-trips between sigma, EP and p', () => {
    for (const ep of [0.001, 0.2, 0.5, 0.8, 0.999]) {
      for (const p of [4, 16, 255, 256]) {
        const sigma = gaussianSigmaFromEP(ep, p);
        expect(gaussianEPFromSigma(sigma, p)).toBeCloseTo(ep, 13);
        expect(gaussianPrecisionFromSigmaEP(sigma, ep) / p).toBeCloseTo(1, 12);
      }
    }
  });
});

describe('Laplace and uniform conversions', () => {
  it('match the closed forms of method.md', () => {
    expect(laplaceScaleFromEP(0.5, 4)).toBeCloseTo(1 / (8 * Math.LN2), 15);
    expect(laplaceEPFromScale(0.1, 4)).toBeCloseTo(Math.exp(-1.25), 15);
    expect(uniformWidthFromEP(0.5, 4)).toBeCloseTo(0.5, 15);
    expect(uniformEPFromWidth(1, 4)).toBeCloseTo(0.75, 15);
    // Uniform noise narrower than a bin never moves a grid value out of it.
    expect(uniformEPFromWidth(0.2, 4)).toBe(0);
  });

  it('round-trip between scale, EP and p', () => {
    for (const ep of [0.01, 0.2, 0.5, 0.8, 0.99]) {
      for (const p of [4, 16, 256]) {
        const b = laplaceScaleFromEP(ep, p);
        expect(laplaceEPFromScale(b, p)).toBeCloseTo(ep, 13);
        expect(laplacePrecisionFromScaleEP(b, ep) / p).toBeCloseTo(1, 12);
        const v = uniformWidthFromEP(ep, p);
        expect(uniformEPFromWidth(v, p)).toBeCloseTo(ep, 13);
        expect(uniformPrecisionFromWidthEP(v, ep) / p).toBeCloseTo(1, 12);
      }
    }
  });

  it('validate their arguments with RangeErrors naming them', () => {
    expect(() => gaussianSigmaFromEP(0, 4)).toThrow(/ep/);
    expect(() => gaussianSigmaFromEP(1, 4)).toThrow(/ep/);
    expect(() => gaussianSigmaFromEP(0.5, 0)).toThrow(/\bp\b/);
    expect(() => laplaceEPFromScale(-1, 4)).toThrow(/\bb\b/);
    expect(() => uniformEPFromWidth(1, NaN)).toThrow(/\bp\b/);
    expect(() => gaussianEPFromSigma(Infinity, 4)).toThrow(/sigma/);
  });
});

describe('Poisson EP', () => {
  // High-precision references from the pmf (mpmath), window scale (k - 1/2) < N <= scale (k + 1/2).
  const cases: [number, number, number, number][] = [
    // p, scale, EP at 1, grid average
    [4, 1, 0.80463318518683541, 0.6537869710859511],
    [4, 2, 0.73633655075998358, 0.58561301204854946],
    [4, 3, 0.66569378543392552, 0.49079204404820171],
    [16, 32, 0.47978317839732429, 0.28625908994679816],
    [8, 0.5, 0.80463318518683541, 0.8167107493984447],
  ];

  it('matches exact pmf sums at |x| = 1 and over the grid', () => {
    for (const [p, scale, atOne, grid] of cases) {
      expect(Math.abs(poissonEPAtOne(p, scale) - atOne), `p ${p} scale ${scale}`).toBeLessThan(
        1e-13,
      );
      expect(Math.abs(poissonEPGridAverage(p, scale) - grid), `p ${p} scale ${scale}`).toBeLessThan(
        1e-13,
      );
    }
    // scale = 1 has the closed form 1 - e^-p p^p / p!.
    expect(poissonEPAtOne(4, 1)).toBeCloseTo(1 - (Math.exp(-4) * 256) / 24, 15);
  });

  it('rate is p * scale, and scale can be found from EP at |x| = 1', () => {
    expect(poissonRate(16, 32)).toBe(512);
    const s = poissonScaleFromEP(0.3, 16);
    // EP falls in small integer steps, so the bisection lands within a step of the target.
    expect(Math.abs(poissonEPAtOne(16, s) - 0.3)).toBeLessThan(0.02);
    expect(poissonEPAtOne(16, s * 0.999999)).toBeGreaterThan(0.3);
    expect(() => poissonRate(0, 1)).toThrow(/\bp\b/);
    expect(() => poissonEPAtOne(4, -1)).toThrow(/scale/);
  });
});

describe('resolveNoise', () => {
  it('derives the third of (scale, ep, p) for the additive models', () => {
    expect(resolveNoise({ model: 'gaussian', ep: 0.5, p: 4 }).scale).toBeCloseTo(0.185325, 6);
    const g = resolveNoise({ model: 'gaussian', scale: 0.185325, p: 4 });
    expect(g.ep).toBeCloseTo(0.5, 5);
    expect(resolveNoise({ model: 'gaussian', scale: 0.185325, ep: 0.5 }).p).toBeCloseTo(4, 4);
    expect(resolveNoise({ model: 'laplace', ep: 0.5, p: 4 })).toEqual({
      model: 'laplace',
      scale: laplaceScaleFromEP(0.5, 4),
      ep: 0.5,
      p: 4,
    });
    expect(resolveNoise({ model: 'uniform', scale: 0.5, ep: 0.5 }).p).toBeCloseTo(4, 12);
  });

  it('accepts three consistent values (rounded table entries) and rejects inconsistent ones', () => {
    expect(resolveNoise({ model: 'gaussian', scale: 0.185325, ep: 0.5, p: 4 }).scale).toBe(
      0.185325,
    );
    expect(() => resolveNoise({ model: 'gaussian', scale: 0.2, ep: 0.5, p: 4 })).toThrow(
      /inconsistent.*only two/,
    );
  });

  it('names what is missing or out of range', () => {
    expect(() => resolveNoise({ model: 'gaussian', p: 4 })).toThrow(/got only p\. Add scale or ep/);
    expect(() => resolveNoise({ model: 'laplace' })).toThrow(/got none/);
    expect(() => resolveNoise({ model: 'gaussian', ep: 1.2, p: 4 })).toThrow(/ep .*\(0, 1\)/);
    expect(() => resolveNoise({ model: 'gaussian', ep: 0.5, p: -4 })).toThrow(/\bp\b/);
    expect(() => resolveNoise({ model: 'gaussian', scale: 0, p: 4 })).toThrow(/scale/);
    expect(() => resolveNoise({ model: 'cauchy' as never, p: 4, ep: 0.5 })).toThrow(
      /unknown model/,
    );
  });

  it("handles 'none' and 'poisson'", () => {
    expect(resolveNoise({ model: 'none', p: 16 })).toEqual({
      model: 'none',
      scale: 0,
      ep: 0,
      p: 16,
    });
    expect(() => resolveNoise({ model: 'none', ep: 0.5 })).toThrow(/none/);
    const r = resolveNoise({ model: 'poisson', p: 16, scale: 32 });
    expect(r.ep).toBeCloseTo(0.47978317839732429, 13);
    const back = resolveNoise({ model: 'poisson', p: 16, ep: 0.48 });
    expect(Math.abs(back.ep! - 0.48)).toBeLessThan(0.02);
    expect(back.ep).toBe(poissonEPAtOne(16, back.scale));
    expect(() => resolveNoise({ model: 'poisson', scale: 32, ep: 0.5 })).toThrow(/give p/);
    expect(() => resolveNoise({ model: 'poisson', p: 16 })).toThrow(/scale .*or ep/);
    expect(() => resolveNoise({ model: 'poisson', p: 16, scale: 32, ep: 0.2 })).toThrow(
      /inconsistent/,
    );
  });
});

describe('addNoise', () => {
  const key = deriveKey(9, 9);
  const specs: NoiseSpec[] = [
    { model: 'gaussian', scale: 0.1 },
    { model: 'laplace', scale: 0.1 },
    { model: 'uniform', scale: 0.3 },
    { model: 'poisson', scale: 2, p: 4 },
    { model: 'poisson', scale: 64, p: 16 },
  ];

  it('is chunk invariant: a 16x16 batch as 1x256, 4x64 or 256x1 gets identical noise', () => {
    const x = new Float32Array(256);
    for (let i = 0; i < 256; i++) x[i] = Math.sin(i * 0.37) * 0.9;
    for (const spec of specs) {
      const whole = addNoise(spec, x, key, 4096, new Float32Array(256));
      for (const rows of [4, 256]) {
        const cols = 256 / rows;
        const got = new Float32Array(256);
        for (let r = 0; r < rows; r++) {
          const part = addNoise(
            spec,
            x.subarray(r * cols, (r + 1) * cols),
            key,
            4096 + r * cols,
            new Float32Array(cols),
          );
          got.set(part, r * cols);
        }
        expect(Array.from(got), `${spec.model} as ${rows}x${cols}`).toEqual(Array.from(whole));
      }
      expect(
        Array.from(addNoise(spec, x, deriveKey(9, 10), 4096, new Float32Array(256))),
      ).not.toEqual(Array.from(whole));
    }
  });

  it('adds noise with the stated distributions', () => {
    const n = 400_000;
    const zeros = () => new Float32Array(n).fill(0.25);
    const g = moments(addNoise({ model: 'gaussian', scale: 0.1 }, zeros(), key, 0));
    expect(Math.abs(g.mean - 0.25)).toBeLessThan((5 * 0.1) / Math.sqrt(n));
    expect(Math.abs(g.variance / 0.01 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(g.kurtosis - 3)).toBeLessThan(0.05);
    const l = moments(addNoise({ model: 'laplace', scale: 0.1 }, zeros(), key, 0));
    expect(Math.abs(l.variance / 0.02 - 1)).toBeLessThan(5 * Math.sqrt(5 / n));
    expect(Math.abs(l.kurtosis - 6)).toBeLessThan(0.3);
    const uOut = addNoise({ model: 'uniform', scale: 0.3 }, zeros(), key, 0);
    const u = moments(uOut);
    expect(Math.abs(u.variance / (0.09 / 12) - 1)).toBeLessThan(0.01);
    expect(Math.min(...uOut.subarray(0, 10000))).toBeGreaterThanOrEqual(0.25 - 0.15 - 1e-7);
    expect(Math.max(...uOut.subarray(0, 10000))).toBeLessThanOrEqual(0.25 + 0.15 + 1e-7);
    // Poisson: E[y] = x, Var[y] = |x| / r, sign kept.
    const r = 16 * 8;
    const pOut = addNoise(
      { model: 'poisson', scale: 8, p: 16 },
      new Float32Array(n).fill(-0.5),
      key,
      0,
    );
    const pm = moments(pOut);
    expect(Math.abs(pm.mean + 0.5)).toBeLessThan(5 * Math.sqrt(0.5 / r / n));
    expect(Math.abs(pm.variance / (0.5 / r) - 1)).toBeLessThan(0.02);
    expect(Math.max(...pOut.subarray(0, 10000))).toBeLessThanOrEqual(0);
  });

  it("'none' and scale 0 are the identity; Poisson passes 0, NaN and Infinity through", () => {
    const x = Float32Array.from([0.1, -0.2, 0.3]);
    expect(
      Array.from(addNoise({ model: 'none', scale: 5 }, x, key, 0, new Float32Array(3))),
    ).toEqual(Array.from(x));
    expect(
      Array.from(addNoise({ model: 'gaussian', scale: 0 }, x, key, 0, new Float32Array(3))),
    ).toEqual(Array.from(x));
    const y = addNoise(
      { model: 'poisson', scale: 4, p: 4 },
      Float32Array.from([0, NaN, Infinity, -Infinity]),
      key,
      0,
    );
    expect(y[0]).toBe(0);
    expect(y[1]).toBeNaN();
    expect(y[2]).toBe(Infinity);
    expect(y[3]).toBe(-Infinity);
  });

  it('works in place by default and validates its inputs', () => {
    const x = new Float32Array(8).fill(0.5);
    expect(addNoise({ model: 'gaussian', scale: 0.1 }, x, key, 0)).toBe(x);
    expect(x[0]).not.toBe(0.5);
    expect(() => addNoise({ model: 'poisson', scale: 4 }, x, key, 0)).toThrow(/spec\.p/);
    expect(() => addNoise({ model: 'gaussian', scale: -1 }, x, key, 0)).toThrow(/scale/);
    expect(() => addNoise({ model: 'gaussian', scale: 1 }, x, key, 0, new Float32Array(3))).toThrow(
      /length/,
    );
    expect(() => addNoise({ model: 'gaussian', scale: 1 }, x, key, -1)).toThrow(/startIndex/);
    expect(() => addNoise({ model: 'pink' as never, scale: 1 }, x, key, 0)).toThrow(
      /unknown model/,
    );
  });

  it('accepts resolveNoise output directly as a spec', () => {
    const spec = resolveNoise({ model: 'poisson', p: 16, scale: 8 });
    const y = addNoise(spec, new Float32Array(4).fill(0.5), key, 0);
    for (const v of y) expect(Number.isInteger(v * 128)).toBe(true);
  });
});
