import { describe, expect, it } from 'vitest';
import { makeSynthetic, type Dataset } from '../../src/data/index.js';

/** Nearest-class-mean accuracy: a linear classifier, enough to show the task is learnable. */
function nearestMeanAccuracy(train: Dataset, test: Dataset): number {
  const size = train.x.length / train.n;
  const means = new Float64Array(train.classes * size);
  const counts = new Array(train.classes).fill(0);
  for (let i = 0; i < train.n; i++) {
    counts[train.y[i]]++;
    for (let p = 0; p < size; p++) means[train.y[i] * size + p] += train.x[i * size + p];
  }
  for (let c = 0; c < train.classes; c++)
    for (let p = 0; p < size; p++) means[c * size + p] /= counts[c] || 1;
  let right = 0;
  for (let i = 0; i < test.n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < train.classes; c++) {
      let d = 0;
      for (let p = 0; p < size; p++) d += (test.x[i * size + p] - means[c * size + p]) ** 2;
      if (d < bestD) [best, bestD] = [c, d];
    }
    if (best === test.y[i]) right++;
  }
  return right / test.n;
}

describe('synthetic task', () => {
  it('has the requested shape, classes and sizes, pixels in [0, 1]', () => {
    const { train, test } = makeSynthetic({
      n: 200,
      testN: 50,
      shape: [3, 4, 5],
      classes: 7,
      seed: 3,
    });
    expect(train.n).toBe(200);
    expect(test.n).toBe(50);
    expect(train.shape).toEqual([3, 4, 5]);
    expect(train.classes).toBe(7);
    expect(train.x.length).toBe(200 * 60);
    expect(Math.min(...train.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...train.x)).toBeLessThanOrEqual(1);
    expect(new Set(train.y).size).toBe(7);
    expect(Math.max(...train.y)).toBeLessThan(7);
    expect(train.source).toContain('seed=3');
  });

  it('defaults to 512 + 128 samples of [1, 8, 8] with 4 classes', () => {
    const { train, test } = makeSynthetic();
    expect([train.n, test.n, train.classes]).toEqual([512, 128, 4]);
    expect(train.shape).toEqual([1, 8, 8]);
  });

  it('is deterministic in its seed, and a sample does not depend on n', () => {
    const a = makeSynthetic({ seed: 5, n: 100 });
    const b = makeSynthetic({ seed: 5, n: 100 });
    const c = makeSynthetic({ seed: 6, n: 100 });
    const big = makeSynthetic({ seed: 5, n: 300 });
    expect(b.train.x).toEqual(a.train.x);
    expect(b.test.y).toEqual(a.test.y);
    expect(c.train.x).not.toEqual(a.train.x);
    expect(big.train.x.subarray(0, a.train.x.length)).toEqual(a.train.x);
  });

  it('is learnable: nearest class mean beats 90% on the test set', () => {
    const { train, test } = makeSynthetic({ n: 400, testN: 200, classes: 5 });
    expect(nearestMeanAccuracy(train, test)).toBeGreaterThan(0.9);
  });

  it('is not trivial at high noise, and supports > 256 classes', () => {
    const { train, test } = makeSynthetic({ n: 400, testN: 200, classes: 5, noise: 3 });
    expect(nearestMeanAccuracy(train, test)).toBeLessThan(0.9);
    const many = makeSynthetic({ n: 10, classes: 300, shape: [1, 2, 2] });
    expect(many.train.y).toBeInstanceOf(Int32Array);
  });

  it('rejects bad parameters', () => {
    expect(() => makeSynthetic({ n: -1 })).toThrow(/n must be/);
    expect(() => makeSynthetic({ classes: 1 })).toThrow(/classes/);
    expect(() => makeSynthetic({ shape: [1, 0, 3] })).toThrow(/H must be/);
    expect(() => makeSynthetic({ noise: -0.1 })).toThrow(/noise/);
  });
});
