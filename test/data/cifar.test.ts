import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCifar10, loadCifar100, loadDataset } from '../../src/data/index.js';
import { datasetError } from './errors.js';
import { bytesFrom, encodeCifar, tempDir, writeFiles } from './formats.js';

let dir = '';
let cleanup = async () => {};
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** Two records per training batch, three in the test batch; labels and pixels known per record. */
function cifar10Files(): { files: Record<string, Uint8Array>; train: number[]; test: number[] } {
  const files: Record<string, Uint8Array> = {};
  const train: number[] = [];
  for (let b = 1; b <= 5; b++) {
    const labels = [(2 * b) % 10, (2 * b + 1) % 10];
    train.push(...labels);
    files[`data_batch_${b}.bin`] = encodeCifar(
      labels.map((l, r) => ({ labels: [l], pixels: bytesFrom(100 * b + r, 3072) })),
    );
  }
  const test = [9, 0, 4];
  files['test_batch.bin'] = encodeCifar(
    test.map((l, r) => ({ labels: [l], pixels: bytesFrom(1000 + r, 3072) })),
  );
  return { files, train, test };
}

describe('CIFAR-10 binary loader', () => {
  it('reads all batches in order, labels and R/G/B planes as C x H x W', async () => {
    const { files, train, test } = cifar10Files();
    await writeFiles(dir, files);
    const split = await loadCifar10(dir);
    expect(split.train.n).toBe(10);
    expect(split.test.n).toBe(3);
    expect(split.train.shape).toEqual([3, 32, 32]);
    expect(split.train.classes).toBe(10);
    expect(split.train.name).toBe('cifar10');
    expect(Array.from(split.train.y)).toEqual(train);
    expect(Array.from(split.test.y)).toEqual(test);
    // sample 3 = batch 2, record 1; channel G (1), row 5, col 7
    const px = bytesFrom(201, 3072);
    const at = 1 * 1024 + 5 * 32 + 7;
    expect(split.train.x[3 * 3072 + at]).toBe(Math.fround(px[at] / 255));
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of split.train.x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
  });

  it('accepts the parent of cifar-10-batches-bin and the cifar10: spec', async () => {
    const inner = join(dir, 'cifar-10-batches-bin');
    await mkdir(inner);
    await writeFiles(inner, cifar10Files().files);
    expect((await loadCifar10(dir)).train.n).toBe(10);
    expect((await loadDataset(`cifar10:${dir}`)).test.n).toBe(3);
  });

  it('grey option gives one luminance channel', async () => {
    await writeFiles(dir, cifar10Files().files);
    const { test } = await loadDataset(`cifar10:${dir}`, { grey: true });
    expect(test.shape).toEqual([1, 32, 32]);
    const px = bytesFrom(1000, 3072);
    const expected = (0.299 * px[10] + 0.587 * px[1024 + 10] + 0.114 * px[2048 + 10]) / 255;
    expect(test.x[10]).toBeCloseTo(expected, 6);
  });

  it('size not a multiple of the record names the file', async () => {
    const { files } = cifar10Files();
    files['data_batch_1.bin'] = files['data_batch_1.bin'].subarray(0, 1234);
    await writeFiles(dir, files);
    const err = await datasetError(() => loadCifar10(dir));
    expect(err.message).toBe(
      `${join(dir, 'data_batch_1.bin')}: size 1234 is not a multiple of the 3073-byte CIFAR-10 ` +
        `record (1 label byte + 3072 pixel bytes)`,
    );
  });

  it('a missing batch names the file', async () => {
    const { files } = cifar10Files();
    delete files['data_batch_4.bin'];
    await writeFiles(dir, files);
    const err = await datasetError(() => loadCifar10(dir));
    expect(err.file).toBe(join(dir, 'data_batch_4.bin'));
    expect(err.message).toContain('file not found; expected CIFAR-10 binary records of 3073 bytes');
  });

  it('an empty directory names the first batch', async () => {
    const err = await datasetError(() => loadCifar10(dir));
    expect(err.file).toBe(join(dir, 'data_batch_1.bin'));
  });

  it('a label out of range names the file and record', async () => {
    const { files } = cifar10Files();
    files['test_batch.bin'] = encodeCifar([
      { labels: [3], pixels: bytesFrom(1, 3072) },
      { labels: [12], pixels: bytesFrom(2, 3072) },
    ]);
    await writeFiles(dir, files);
    const err = await datasetError(() => loadCifar10(dir));
    expect(err.file).toBe(join(dir, 'test_batch.bin'));
    expect(err.message).toContain('record 1 has label 12; expected a CIFAR-10 class below 10');
  });

  it('CIFAR-100 files given as CIFAR-10 are caught', async () => {
    await writeFiles(dir, {
      'data_batch_1.bin': encodeCifar([{ labels: [1, 2], pixels: bytesFrom(1, 3072) }]),
    });
    const err = await datasetError(() => loadCifar10(dir));
    expect(err.message).toContain('size 3074 is not a multiple of the 3073-byte CIFAR-10 record');
  });
});

describe('CIFAR-100 binary loader', () => {
  const coarse = [0, 19, 7, 3];
  const fine = [0, 99, 42, 57];
  async function write(target = dir) {
    await writeFiles(target, {
      'train.bin': encodeCifar(
        [0, 1, 2].map((r) => ({ labels: [coarse[r], fine[r]], pixels: bytesFrom(r + 7, 3072) })),
      ),
      'test.bin': encodeCifar([{ labels: [coarse[3], fine[3]], pixels: bytesFrom(99, 3072) }]),
    });
  }

  it('uses the fine label (100 classes) by default', async () => {
    await write();
    const { train, test } = await loadCifar100(dir);
    expect(train.classes).toBe(100);
    expect(train.name).toBe('cifar100');
    expect(Array.from(train.y)).toEqual(fine.slice(0, 3));
    expect(Array.from(test.y)).toEqual([fine[3]]);
    const px = bytesFrom(8, 3072);
    expect(train.x[3072 + 2048 + 33]).toBe(Math.fround(px[2048 + 33] / 255));
  });

  it('can use the coarse label (20 classes)', async () => {
    await write();
    const { train } = await loadCifar100(dir, { labels: 'coarse' });
    expect(train.classes).toBe(20);
    expect(Array.from(train.y)).toEqual(coarse.slice(0, 3));
  });

  it('accepts cifar-100-binary inside the given folder, gzipped files, and the spec', async () => {
    const inner = join(dir, 'cifar-100-binary');
    await mkdir(inner);
    await write(inner);
    expect((await loadDataset(`cifar100:${dir}`)).train.n).toBe(3);
    const gz = join(dir, 'gz');
    await mkdir(gz);
    await writeFiles(
      gz,
      {
        'train.bin': encodeCifar([{ labels: [1, 5], pixels: bytesFrom(1, 3072) }]),
        'test.bin': encodeCifar([{ labels: [1, 6], pixels: bytesFrom(2, 3072) }]),
      },
      true,
    );
    expect(Array.from((await loadCifar100(gz)).test.y)).toEqual([6]);
  });

  it('record size errors name the file', async () => {
    await writeFile(join(dir, 'train.bin'), new Uint8Array(3073 * 2));
    const err = await datasetError(() => loadCifar100(dir));
    expect(err.message).toBe(
      `${join(dir, 'train.bin')}: size 6146 is not a multiple of the 3074-byte CIFAR-100 record ` +
        `(2 label bytes + 3072 pixel bytes)`,
    );
  });

  it('a missing test.bin names the file', async () => {
    await writeFile(
      join(dir, 'train.bin'),
      encodeCifar([{ labels: [1, 1], pixels: bytesFrom(1, 3072) }]),
    );
    const err = await datasetError(() => loadCifar100(dir));
    expect(err.file).toBe(join(dir, 'test.bin'));
  });
});
