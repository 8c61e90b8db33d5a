import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  batchCount,
  batches,
  epochPermutation,
  makeSynthetic,
  type Batch,
  type Dataset,
} from '../../src/data/index.js';

const { train } = makeSynthetic({ n: 103, shape: [2, 3, 3], classes: 5 });

function order(ds: Dataset, batchSize: number, opts: Parameters<typeof batches>[2]): number[] {
  const out: number[] = [];
  for (const b of batches(ds, batchSize, opts)) out.push(...b.indices);
  return out;
}

describe('importing src/data', () => {
  it('does not parse the mnist package (it is loaded lazily)', () => {
    const require = createRequire(import.meta.url);
    expect(require.cache[require.resolve('mnist')]).toBeUndefined();
  });
});

describe('epochPermutation', () => {
  it('is a permutation, deterministic in (seed, epoch), different across seeds and epochs', () => {
    const p = epochPermutation(1000, 42, 3);
    expect([...p].sort((a, b) => a - b)).toEqual([...Array(1000).keys()]);
    expect(epochPermutation(1000, 42, 3)).toEqual(p);
    expect(epochPermutation(1000, 43, 3)).not.toEqual(p);
    expect(epochPermutation(1000, 42, 4)).not.toEqual(p);
    expect(epochPermutation(0, 1, 1).length).toBe(0);
    expect(Array.from(epochPermutation(1, 1, 1))).toEqual([0]);
  });

  it('is a fixed function of (seed, epoch) (golden values guard accidental changes)', () => {
    expect(Array.from(epochPermutation(10, 0, 0))).toEqual([4, 0, 5, 2, 3, 1, 9, 8, 7, 6]);
  });

  it('moves every element about uniformly (position of element 0 over many seeds)', () => {
    const n = 8;
    const hits = new Array(n).fill(0);
    const trials = 8000;
    for (let s = 0; s < trials; s++) hits[epochPermutation(n, s, 0).indexOf(0)]++;
    for (const h of hits) expect(Math.abs(h - trials / n)).toBeLessThan(5 * Math.sqrt(trials / n));
  });
});

describe('batches', () => {
  it('yields the same sample order whatever the batch size', () => {
    const ref = order(train, 1, { seed: 7, epoch: 2 });
    expect(new Set(ref).size).toBe(train.n);
    for (const bs of [2, 10, 32, 103, 500])
      expect(order(train, bs, { seed: 7, epoch: 2 })).toEqual(ref);
    expect(order(train, 16, { seed: 7, epoch: 3 })).not.toEqual(ref);
  });

  it('copies the right pixels and labels, with offset and size', () => {
    const size1 = 2 * 3 * 3;
    let expectedOffset = 0;
    const seen: Batch[] = [...batches(train, 25, { seed: 1, epoch: 0 })];
    expect(seen.map((b) => b.size)).toEqual([25, 25, 25, 25, 3]);
    for (const b of seen) {
      expect(b.offset).toBe(expectedOffset);
      expectedOffset += b.size;
      expect(b.x.length).toBe(b.size * size1);
      expect(b.y).toBeInstanceOf(Uint8Array);
      for (let k = 0; k < b.size; k++) {
        const i = b.indices[k];
        expect(b.y[k]).toBe(train.y[i]);
        expect(b.x.subarray(k * size1, (k + 1) * size1)).toEqual(
          train.x.subarray(i * size1, (i + 1) * size1),
        );
      }
    }
  });

  it('keeps dataset order without shuffle, and drops a short last batch on request', () => {
    expect(order(train, 10, { shuffle: false })).toEqual([...Array(103).keys()]);
    const dropped = [...batches(train, 10, { shuffle: false, dropLast: true })];
    expect(dropped.length).toBe(10);
    expect(dropped.every((b) => b.size === 10)).toBe(true);
    expect(batchCount(103, 10)).toBe(11);
    expect(batchCount(103, 10, true)).toBe(10);
    expect(batchCount(100, 10)).toBe(10);
  });

  it('resumes mid-epoch with startBatch', () => {
    const all = [...batches(train, 8, { seed: 5, epoch: 1 })];
    const rest = [...batches(train, 8, { seed: 5, epoch: 1, startBatch: 4 })];
    expect(rest.map((b) => b.offset)).toEqual(all.slice(4).map((b) => b.offset));
    expect(rest.map((b) => [...b.indices])).toEqual(all.slice(4).map((b) => [...b.indices]));
  });

  it('rejects a bad batch size', () => {
    expect(() => batches(train, 0).next()).toThrow(/positive integer/);
    expect(() => batches(train, 2.5).next()).toThrow(/positive integer/);
  });
});
