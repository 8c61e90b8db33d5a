import { join, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { checkDataset, type DataSplit, type Dataset } from './dataset.js';
import { DatasetError } from './errors.js';
import { readDataFile, requireDirectory } from './files.js';

/** CIFAR images are 3 x 32 x 32, stored as the R, G and B planes (already C x H x W). */
const PIXELS = 3 * 32 * 32;

interface CifarLayout {
  name: 'cifar10' | 'cifar100';
  label: string;
  /** Label bytes before the pixels (CIFAR-10: 1; CIFAR-100: coarse then fine). */
  labelBytes: number;
  /** Which label byte is the class. */
  labelByte: number;
  classes: number;
  train: string[];
  test: string[];
  /** The folder name inside the official archive, accepted as a child of the given path. */
  folder: string;
}

const CIFAR10: CifarLayout = {
  name: 'cifar10',
  label: 'CIFAR-10',
  labelBytes: 1,
  labelByte: 0,
  classes: 10,
  train: [
    'data_batch_1.bin',
    'data_batch_2.bin',
    'data_batch_3.bin',
    'data_batch_4.bin',
    'data_batch_5.bin',
  ],
  test: ['test_batch.bin'],
  folder: 'cifar-10-batches-bin',
};

export type Cifar100Labels = 'fine' | 'coarse';

function cifar100(labels: Cifar100Labels): CifarLayout {
  return {
    name: 'cifar100',
    label: 'CIFAR-100',
    labelBytes: 2,
    labelByte: labels === 'fine' ? 1 : 0,
    classes: labels === 'fine' ? 100 : 20,
    train: ['train.bin'],
    test: ['test.bin'],
    folder: 'cifar-100-binary',
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The folder holding the .bin files: `dir` itself, or the archive's own folder inside it
 * (so both ".../cifar-10-batches-bin" and its parent work).
 */
async function locate(dir: string, layout: CifarLayout): Promise<string> {
  const root = resolve(dir);
  await requireDirectory(
    root,
    `the ${layout.label} binary version (${layout.folder}: ${[...layout.train, ...layout.test].join(', ')})`,
  );
  const first = layout.train[0];
  if (await isFile(join(root, first))) return root;
  if (await isFile(join(root, layout.folder, first))) return join(root, layout.folder);
  return root; // the read of `first` below reports the missing file by name
}

async function readRecords(
  dir: string,
  files: string[],
  layout: CifarLayout,
  split: string,
): Promise<Dataset> {
  const record = layout.labelBytes + PIXELS;
  const expected = `${layout.label} binary records of ${record} bytes (${layout.labelBytes} label byte${layout.labelBytes > 1 ? 's' : ''} + 3072 pixel bytes)`;
  const parts: { file: string; bytes: Uint8Array; gzipped: boolean }[] = [];
  let n = 0;
  for (const name of files) {
    const f = await readDataFile(join(dir, name), expected);
    const after = f.gzipped ? ' after gunzip' : '';
    if (f.bytes.length === 0 || f.bytes.length % record !== 0) {
      throw new DatasetError(
        `size ${f.bytes.length}${after} is not a multiple of the ${record}-byte ${layout.label} record` +
          ` (${layout.labelBytes} label byte${layout.labelBytes > 1 ? 's' : ''} + 3072 pixel bytes)`,
        f.file,
      );
    }
    parts.push(f);
    n += f.bytes.length / record;
  }
  const x = new Float32Array(n * PIXELS);
  const y = new Uint8Array(n);
  let i = 0;
  for (const { file, bytes } of parts) {
    const count = bytes.length / record;
    for (let r = 0; r < count; r++, i++) {
      const base = r * record;
      const label = bytes[base + layout.labelByte];
      if (label >= layout.classes) {
        throw new DatasetError(
          `record ${r} has label ${label}; expected a ${layout.label} class below ${layout.classes}` +
            ` (is this the right format? a ${record}-byte record)`,
          file,
        );
      }
      y[i] = label;
      const px = base + layout.labelBytes;
      const out = i * PIXELS;
      for (let p = 0; p < PIXELS; p++) x[out + p] = bytes[px + p] / 255;
    }
  }
  return checkDataset({
    name: layout.name,
    x,
    y,
    n,
    shape: [3, 32, 32],
    classes: layout.classes,
    source: `${dir} (${split}: ${files.join(', ')})`,
  });
}

async function loadCifar(dir: string, layout: CifarLayout): Promise<DataSplit> {
  const root = await locate(dir, layout);
  return {
    train: await readRecords(root, layout.train, layout, 'train'),
    test: await readRecords(root, layout.test, layout, 'test'),
  };
}

/**
 * CIFAR-10, binary version: data_batch_1..5.bin (train, 50,000) and test_batch.bin (10,000),
 * each a run of 3073-byte records (label, then the R, G, B planes of a 32 x 32 image). `dir`
 * is the cifar-10-batches-bin folder or its parent.
 */
export function loadCifar10(dir: string): Promise<DataSplit> {
  return loadCifar(dir, CIFAR10);
}

/**
 * CIFAR-100, binary version: train.bin and test.bin of 3074-byte records (coarse label, fine
 * label, pixels). The class is the fine label (100 classes) unless `labels` is "coarse" (20).
 * `dir` is the cifar-100-binary folder or its parent.
 */
export function loadCifar100(
  dir: string,
  opts: { labels?: Cifar100Labels } = {},
): Promise<DataSplit> {
  return loadCifar(dir, cifar100(opts.labels ?? 'fine'));
}
