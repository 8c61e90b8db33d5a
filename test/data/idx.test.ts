import { rename, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeIdx, loadDataset, loadIdx } from '../../src/data/index.js';
import { datasetError } from './errors.js';
import { bytesFrom, encodeIdx, tempDir, writeFiles } from './formats.js';

// Non-square on purpose (H = 4, W = 3) so a swapped H/W would show.
const H = 4;
const W = 3;
const TRAIN = {
  n: 6,
  images: bytesFrom(1, 6 * H * W),
  labels: Uint8Array.from([0, 1, 2, 9, 1, 0]),
};
const TEST = { n: 3, images: bytesFrom(2, 3 * H * W), labels: Uint8Array.from([2, 9, 5]) };

function idxFiles(dot = false): Record<string, Uint8Array> {
  const sep = dot ? '.' : '-';
  return {
    [`train-images${sep}idx3-ubyte`]: encodeIdx([TRAIN.n, H, W], TRAIN.images),
    [`train-labels${sep}idx1-ubyte`]: encodeIdx([TRAIN.n], TRAIN.labels),
    [`t10k-images${sep}idx3-ubyte`]: encodeIdx([TEST.n, H, W], TEST.images),
    [`t10k-labels${sep}idx1-ubyte`]: encodeIdx([TEST.n], TEST.labels),
  };
}

function gzNames(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${k}.gz`, v]));
}

let dir = '';
let cleanup = async () => {};
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe('IDX loader', () => {
  it.each([
    ['plain files', idxFiles(), false],
    ['.gz files', gzNames(idxFiles()), true],
    ['gzip content under plain names (detected by magic)', idxFiles(), true],
    ['the dotted spelling (train-images.idx3-ubyte)', idxFiles(true), false],
  ])('round-trips %s', async (_what, files, gzip) => {
    await writeFiles(dir, files, gzip);
    const { train, test } = await loadIdx(dir, { name: 'fashion-mnist' });
    for (const [ds, ref] of [
      [train, TRAIN],
      [test, TEST],
    ] as const) {
      expect(ds.name).toBe('fashion-mnist');
      expect(ds.n).toBe(ref.n);
      expect(ds.shape).toEqual([1, H, W]);
      expect(ds.classes).toBe(10); // max label 9 + 1
      expect(Array.from(ds.y)).toEqual(Array.from(ref.labels));
      expect(ds.x.length).toBe(ref.n * H * W);
      for (let i = 0; i < ds.x.length; i++) expect(ds.x[i]).toBe(Math.fround(ref.images[i] / 255));
      expect(ds.source).toContain(dir);
    }
  });

  it('keeps pixel order: sample-major, then rows, then columns', async () => {
    await writeFiles(dir, idxFiles());
    const { train } = await loadIdx(dir);
    // pixel (sample 1, row 2, col 1) is byte 16 + 1*H*W + 2*W + 1 of the file
    expect(train.x[1 * H * W + 2 * W + 1] * 255).toBeCloseTo(TRAIN.images[H * W + 2 * W + 1], 3);
  });

  it('is reachable from specs idx:, mnist:<dir> and fashion-mnist:', async () => {
    await writeFiles(dir, idxFiles());
    expect((await loadDataset(`idx:${dir}`)).train.name).toBe('idx');
    expect((await loadDataset(`mnist:${dir}`)).test.name).toBe('mnist');
    expect((await loadDataset(`fashion-mnist:${dir}`)).train.n).toBe(TRAIN.n);
  });

  it('honours an explicit class count', async () => {
    await writeFiles(dir, idxFiles());
    expect((await loadIdx(dir, { classes: 12 })).train.classes).toBe(12);
    const err = await datasetError(() => loadIdx(dir, { classes: 5 }));
    expect(err.file).toBe(join(dir, 'train-labels-idx1-ubyte'));
    expect(err.message).toMatch(/label 9 .*5 classes/);
  });
});

describe('IDX errors name the file and what was expected', () => {
  it('missing directory', async () => {
    const missing = join(dir, 'nope');
    const err = await datasetError(() => loadIdx(missing));
    expect(err.file).toBe(missing);
    expect(err.message).toContain(missing);
    expect(err.message).toContain('train-images-idx3-ubyte');
  });

  it('missing file', async () => {
    const files = idxFiles();
    delete files['t10k-labels-idx1-ubyte'];
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.message).toContain(join(dir, 't10k-labels-idx1-ubyte'));
    expect(err.message).toMatch(/not found.*t10k-labels-idx1-ubyte\.gz.*expected IDX labels/);
  });

  it('wrong magic (labels where images belong)', async () => {
    const files = idxFiles();
    files['train-images-idx3-ubyte'] = files['train-labels-idx1-ubyte'];
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.message).toBe(
      `${join(dir, 'train-images-idx3-ubyte')}: expected IDX magic 0x00000803 (images, ubyte, ` +
        `3 dims), found 0x00000801 (ubyte, 1 dims)`,
    );
  });

  it('not IDX at all, after gunzip', async () => {
    const files = idxFiles();
    files['train-images-idx3-ubyte'] = gzipSync(Buffer.from('<html>404 Not Found</html>'));
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 'train-images-idx3-ubyte'));
    expect(err.message).toMatch(
      /expected IDX magic 0x00000803 .*found 0x3c68746d after gunzip \(not an IDX header\)/,
    );
  });

  it('truncated images', async () => {
    const files = idxFiles();
    files['t10k-images-idx3-ubyte'] = files['t10k-images-idx3-ubyte'].subarray(0, 16 + 20);
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 't10k-images-idx3-ubyte'));
    expect(err.message).toContain('header declares 3 x 4 x 3 = 36 bytes of images');
    expect(err.message).toContain('holds 20 (truncated?)');
  });

  it('too short for the header', async () => {
    const files = idxFiles();
    files['train-labels-idx1-ubyte'] = Uint8Array.from([0, 0]);
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 'train-labels-idx1-ubyte'));
    expect(err.message).toContain(
      'too short; expected IDX magic 0x00000801 (labels, ubyte, 1 dims)',
    );
  });

  it('label count differs from image count', async () => {
    const files = idxFiles();
    files['train-labels-idx1-ubyte'] = encodeIdx([5], TRAIN.labels.subarray(0, 5));
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 'train-labels-idx1-ubyte'));
    expect(err.message).toContain('holds 5 labels but train-images-idx3-ubyte holds 6 images');
  });

  it('corrupt gzip', async () => {
    await writeFiles(dir, idxFiles());
    await writeFile(join(dir, 'train-images-idx3-ubyte'), Uint8Array.from([0x1f, 0x8b, 1, 2, 3]));
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 'train-images-idx3-ubyte'));
    expect(err.message).toMatch(/gzip magic 0x1f8b but does not decompress/);
  });

  it('train and test image sizes differ', async () => {
    const files = idxFiles();
    files['t10k-images-idx3-ubyte'] = encodeIdx([TEST.n, W, H], TEST.images);
    await writeFiles(dir, files);
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 't10k-images-idx3-ubyte'));
    expect(err.message).toContain('test images are 3 x 4 but train images are 4 x 3');
  });

  it('a directory where a file belongs', async () => {
    const files = idxFiles();
    delete files['train-images-idx3-ubyte'];
    await writeFiles(dir, files);
    await mkdir(join(dir, 'train-images-idx3-ubyte'));
    const err = await datasetError(() => loadIdx(dir));
    expect(err.message).toContain(`${join(dir, 'train-images-idx3-ubyte')}: is a directory`);
  });

  it('decodeIdx reports a 4-dim file by its magic', () => {
    const bytes = encodeIdx([1, 1, 1, 1], Uint8Array.of(7));
    expect(() => decodeIdx(bytes, 3, '/x/f', 'images')).toThrow(
      '/x/f: expected IDX magic 0x00000803 (images, ubyte, 3 dims), found 0x00000804 (ubyte, 4 dims)',
    );
  });

  it('a file moved away mid-way is reported, not a crash', async () => {
    await writeFiles(dir, gzNames(idxFiles()), true);
    await rename(join(dir, 'train-images-idx3-ubyte.gz'), join(dir, 'elsewhere'));
    const err = await datasetError(() => loadIdx(dir));
    expect(err.file).toBe(join(dir, 'train-images-idx3-ubyte'));
  });
});
