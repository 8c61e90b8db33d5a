import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATASET_SPECS,
  DatasetError,
  datasetInfo,
  loadDataset,
  parseDatasetSpec,
  subset,
  take,
} from '../../src/data/index.js';
import { datasetError } from './errors.js';
import { tempDir } from './formats.js';

describe('parseDatasetSpec', () => {
  it('parses every documented form', () => {
    expect(parseDatasetSpec('mnist')).toEqual({ kind: 'mnist' });
    expect(parseDatasetSpec('MNIST:/d')).toEqual({ kind: 'idx', name: 'mnist', dir: '/d' });
    expect(parseDatasetSpec('idx:rel/dir')).toEqual({ kind: 'idx', name: 'idx', dir: 'rel/dir' });
    expect(parseDatasetSpec('fashion-mnist:/f')).toEqual({
      kind: 'idx',
      name: 'fashion-mnist',
      dir: '/f',
    });
    expect(parseDatasetSpec('cifar10:/c')).toEqual({ kind: 'cifar10', dir: '/c' });
    expect(parseDatasetSpec('cifar-100:C:\\data')).toEqual({ kind: 'cifar100', dir: 'C:\\data' });
    expect(parseDatasetSpec('synthetic')).toEqual({ kind: 'synthetic' });
    expect(parseDatasetSpec('synthetic:64')).toEqual({ kind: 'synthetic', n: 64 });
  });

  it('explains unknown specs by listing the valid ones', () => {
    const err = (() => {
      try {
        parseDatasetSpec('imagenet:/x');
      } catch (e) {
        return e as DatasetError;
      }
    })();
    expect(err).toBeInstanceOf(DatasetError);
    expect(err!.message).toContain('unknown dataset "imagenet:/x"');
    for (const form of [
      'mnist',
      'idx:<dir>',
      'fashion-mnist:<dir>',
      'cifar10:<dir>',
      'cifar100:<dir>',
      'synthetic[:<n>]',
    ]) {
      expect(err!.message).toContain(form);
    }
    expect(DATASET_SPECS.length).toBe(7);
  });

  it('rejects a missing directory or a bad synthetic count', () => {
    expect(() => parseDatasetSpec('cifar10')).toThrow(/needs a directory: cifar10:<dir>/);
    expect(() => parseDatasetSpec('idx:')).toThrow(/needs a directory/);
    expect(() => parseDatasetSpec('synthetic:0')).toThrow(/positive integer/);
    expect(() => parseDatasetSpec('synthetic:many')).toThrow(/positive integer/);
  });
});

describe('loadDataset', () => {
  it('builds synthetic:<n> with option overrides, and grey is a no-op on one channel', async () => {
    const { train, test } = await loadDataset('synthetic:40', {
      synthetic: { n: 999, shape: [3, 4, 4], classes: 3 },
    });
    expect(train.n).toBe(40);
    expect(test.n).toBe(10);
    expect(train.shape).toEqual([3, 4, 4]);
    const grey = await loadDataset('synthetic:40', { grey: true, synthetic: { shape: [3, 4, 4] } });
    expect(grey.train.shape).toEqual([1, 4, 4]);
    expect(datasetInfo(grey.train)).toEqual({
      name: 'synthetic',
      n: 40,
      shape: [1, 4, 4],
      classes: 4,
      source: grey.train.source,
    });
  });

  it('resolves relative directories against cwd, and a missing one is named', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const err = await datasetError(() => loadDataset('cifar100:sub', { cwd: dir }));
      expect(err.file).toBe(join(dir, 'sub'));
      expect(err.message).toContain(
        `${join(dir, 'sub')}: directory not found; expected the CIFAR-100 binary version`,
      );
    } finally {
      await cleanup();
    }
  });
});

describe('subset / take', () => {
  it('copy the chosen samples', async () => {
    const { train } = await loadDataset('synthetic:30', { synthetic: { shape: [1, 2, 2] } });
    const s = subset(train, [5, 0, 5]);
    expect(s.n).toBe(3);
    expect(Array.from(s.y)).toEqual([train.y[5], train.y[0], train.y[5]]);
    expect(s.x.subarray(0, 4)).toEqual(train.x.subarray(20, 24));
    expect(() => subset(train, [30])).toThrow(RangeError);
    const t = take(train, 4);
    expect(t.n).toBe(4);
    expect(t.x).toEqual(train.x.subarray(0, 16));
    expect(take(train, 100).n).toBe(30);
  });
});
