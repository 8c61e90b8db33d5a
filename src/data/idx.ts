import { basename, resolve } from 'node:path';
import { checkDataset, newLabels, type DataSplit, type Dataset } from './dataset.js';
import { DatasetError } from './errors.js';
import { findFile, readDataFile, requireDirectory, type DataFile } from './files.js';

/** IDX element types (the third magic byte). */
const IDX_TYPES: Record<number, string> = {
  0x08: 'ubyte',
  0x09: 'sbyte',
  0x0b: 'short',
  0x0c: 'int',
  0x0d: 'float',
  0x0e: 'double',
};

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/** A decoded unsigned-byte IDX file: its dimensions and the bytes after the header. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

function hex32(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

function describeMagic(magic: number): string {
  const type = IDX_TYPES[(magic >>> 8) & 0xff];
  if (magic >>> 16 !== 0 || type === undefined) return 'not an IDX header';
  return `${type}, ${magic & 0xff} dims`;
}

/**
 * Decodes an IDX file that must hold unsigned bytes with `ndims` dimensions (images: 3,
 * labels: 1). `file` names the source in errors; `gzipped` notes that the checks ran on the
 * decompressed bytes.
 */
export function decodeIdx(
  bytes: Uint8Array,
  ndims: number,
  file: string,
  what: string,
  gzipped = false,
): IdxArray {
  const expectedMagic = 0x0800 | ndims;
  const expected = `IDX magic ${hex32(expectedMagic)} (${what}, ubyte, ${ndims} dims)`;
  const after = gzipped ? ' after gunzip' : '';
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < 4) {
    throw new DatasetError(
      `file is ${bytes.length} bytes${after}, too short; expected ${expected}`,
      file,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new DatasetError(
      `expected ${expected}, found ${hex32(magic)}${after} (${describeMagic(magic)})`,
      file,
    );
  }
  if (bytes.length < headerBytes) {
    throw new DatasetError(
      `file is ${bytes.length} bytes${after}, shorter than the ${headerBytes}-byte IDX header of ${what}`,
      file,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const count = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerBytes;
  if (actual !== count) {
    throw new DatasetError(
      `header declares ${dims.join(' x ')} = ${count} bytes of ${what} after the ` +
        `${headerBytes}-byte header, but the file holds ${actual}${after}` +
        (actual < count ? ' (truncated?)' : ''),
      file,
    );
  }
  return { dims, data: bytes.subarray(headerBytes, headerBytes + count) };
}

/** The standard file names (with the common "dot" spelling and gzip variants), per split. */
function candidates(prefix: 'train' | 't10k', kind: 'images' | 'labels'): string[] {
  const idx = kind === 'images' ? 'idx3' : 'idx1';
  const bases = [`${prefix}-${kind}-${idx}-ubyte`, `${prefix}-${kind}.${idx}-ubyte`];
  return [...bases, ...bases.map((b) => `${b}.gz`)];
}

interface RawSplit {
  images: IdxArray;
  labels: IdxArray;
  imagesFile: string;
  labelsFile: string;
}

async function readSplit(dir: string, prefix: 'train' | 't10k'): Promise<RawSplit> {
  const imgFile = await findFile(dir, candidates(prefix, 'images'), 'IDX images (idx3-ubyte)');
  const lblFile = await findFile(dir, candidates(prefix, 'labels'), 'IDX labels (idx1-ubyte)');
  const decode = (f: DataFile, ndims: number, what: string) =>
    decodeIdx(f.bytes, ndims, f.file, what, f.gzipped);
  const images = decode(
    await readDataFile(imgFile, `IDX images ${hex32(IMAGES_MAGIC)}`),
    3,
    'images',
  );
  const labels = decode(
    await readDataFile(lblFile, `IDX labels ${hex32(LABELS_MAGIC)}`),
    1,
    'labels',
  );
  if (labels.dims[0] !== images.dims[0]) {
    throw new DatasetError(
      `holds ${labels.dims[0]} labels but ${basename(imgFile)} holds ${images.dims[0]} images; ` +
        `expected one label per image`,
      lblFile,
    );
  }
  return { images, labels, imagesFile: imgFile, labelsFile: lblFile };
}

export interface IdxOptions {
  /** Dataset name recorded in the manifest (default "idx"; e.g. "fashion-mnist"). */
  name?: string;
  /** Number of classes; default max label + 1 over both splits. */
  classes?: number;
}

function toDataset(raw: RawSplit, name: string, classes: number, source: string): Dataset {
  const [n, h, w] = raw.images.dims;
  const x = new Float32Array(n * h * w);
  const src = raw.images.data;
  for (let i = 0; i < x.length; i++) x[i] = src[i] / 255;
  const y = newLabels(n, classes);
  for (let i = 0; i < n; i++) {
    const label = raw.labels.data[i];
    if (label >= classes) {
      throw new DatasetError(
        `label ${label} of sample ${i} is not below the ${classes} classes expected`,
        raw.labelsFile,
      );
    }
    y[i] = label;
  }
  return checkDataset({ name, x, y, n, shape: [1, h, w], classes, source });
}

/**
 * MNIST-family IDX files from a directory: train-images-idx3-ubyte, train-labels-idx1-ubyte,
 * t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each optionally gzipped (detected by magic
 * bytes, so ".gz" names and already-decompressed files both work). Train and test are the
 * files' own split.
 */
export async function loadIdx(dir: string, opts: IdxOptions = {}): Promise<DataSplit> {
  const root = resolve(dir);
  await requireDirectory(
    root,
    'a folder with train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (optionally .gz)',
  );
  const train = await readSplit(root, 'train');
  const test = await readSplit(root, 't10k');
  const [, th, tw] = train.images.dims;
  const [, vh, vw] = test.images.dims;
  if (th !== vh || tw !== vw) {
    throw new DatasetError(
      `test images are ${vh} x ${vw} but train images are ${th} x ${tw}; expected the same size`,
      test.imagesFile,
    );
  }
  let maxLabel = -1;
  for (const s of [train, test]) for (const l of s.labels.data) if (l > maxLabel) maxLabel = l;
  const classes = opts.classes ?? maxLabel + 1;
  const name = opts.name ?? 'idx';
  return {
    train: toDataset(train, name, classes, train.imagesFile),
    test: toDataset(test, name, classes, test.imagesFile),
  };
}
