/**
 * The empirical EP property of method.md section 2: put values on the grid k/p, add the noise,
 * apply RP, and the fraction that changed bin must match the model's EP (within 0.01 over 1e5
 * samples; the binomial standard error there is <= 0.0016).
 */
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  poissonEPAtOne,
  poissonEPGridAverage,
  resolveNoise,
  type NoiseSpec,
} from '../../src/noise/models.js';
import { reducePrecision } from '../../src/noise/quantise.js';
import { deriveKey } from '../../src/noise/rng.js';

const N = 100_000;

/** Fraction of grid values (cycling k = -p..p, or only +-1) whose RP bin changes under `spec`. */
function empiricalEP(spec: NoiseSpec, p: number, seed: number, onlyOne = false): number {
  const x = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const k = onlyOne ? (i % 2 === 0 ? p : -p) : (i % (2 * p + 1)) - p;
    x[i] = k / p;
  }
  const y = reducePrecision(addNoise(spec, x, deriveKey(seed), 0, new Float32Array(N)), p);
  let changed = 0;
  for (let i = 0; i < N; i++) if (y[i] !== x[i]) changed++;
  return changed / N;
}

describe('empirical EP = model EP (grid values, noise, RP)', () => {
  const settings: [number, number][] = [
    [4, 0.5],
    [16, 0.2],
    [64, 0.8],
    [256, 0.5],
    [4, 0.01],
  ];

  (['gaussian', 'laplace', 'uniform'] as const).forEach((model, m) => {
    it(`${model}`, () => {
      for (const [p, ep] of settings) {
        const spec = resolveNoise({ model, p, ep });
        expect(
          Math.abs(empiricalEP(spec, p, m * 1e6 + p * 1000 + ep * 100) - ep),
          `${model} p ${p} EP ${ep}`,
        ).toBeLessThan(0.01);
      }
    });
  });

  it('poisson, against the exact grid average and the EP at |x| = 1', () => {
    for (const [p, scale] of [
      [4, 1],
      [4, 2],
      [16, 32],
      [8, 4],
    ]) {
      const spec: NoiseSpec = { model: 'poisson', scale, p };
      expect(
        Math.abs(empiricalEP(spec, p, 7 + p + scale) - poissonEPGridAverage(p, scale)),
        `grid, p ${p} scale ${scale}`,
      ).toBeLessThan(0.01);
      expect(
        Math.abs(empiricalEP(spec, p, 70 + p + scale, true) - poissonEPAtOne(p, scale)),
        `|x| = 1, p ${p} scale ${scale}`,
      ).toBeLessThan(0.01);
    }
  });

  it('detects a wrong EP (the test can fail)', () => {
    const spec = resolveNoise({ model: 'gaussian', p: 16, ep: 0.5 });
    expect(
      Math.abs(empiricalEP({ ...spec, scale: spec.scale * 1.1 }, 16, 3) - 0.5),
    ).toBeGreaterThan(0.02);
  });
});
