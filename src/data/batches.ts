import { augmentDraw, cropFlip, type AugmentOptions } from './augment.js';
import { labelsLike, sampleSize, type Dataset, type Labels } from './dataset.js';
import { epochPermutation } from './shuffle.js';

export interface BatchOptions {
  /** The run seed; with `epoch` it fixes the order and the augmentations. Default 0. */
  seed?: number;
  /** Default 0. */
  epoch?: number;
  /** Visit samples in the seeded order of this epoch (default true); false keeps dataset order. */
  shuffle?: boolean;
  /** Skip a last batch smaller than batchSize (default false). */
  dropLast?: boolean;
  /** Random crop / flip per sample, keyed on (seed, epoch, dataset index). Default none. */
  augment?: AugmentOptions;
  /** Start at this batch number of the epoch (to resume mid-epoch). Default 0. */
  startBatch?: number;
}

export interface Batch {
  /** size x C x H x W pixels, a fresh array per batch. */
  x: Float32Array;
  /** size labels. */
  y: Labels;
  /** Dataset index of each sample, e.g. to key per-sample noise. */
  indices: Uint32Array;
  size: number;
  /** Position of the first sample within the epoch's order (batch number * batchSize). */
  offset: number;
}

/** How many batches an epoch of `n` samples yields. */
export function batchCount(n: number, batchSize: number, dropLast = false): number {
  checkBatchSize(batchSize);
  return dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}

function checkBatchSize(batchSize: number): void {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new RangeError(`batches: batchSize must be a positive integer, got ${batchSize}`);
  }
}

/**
 * One epoch of mini-batches. The order is the (seed, epoch) permutation cut into consecutive
 * pieces, so concatenating the batches gives the same sequence for every batch size; each
 * sample's augmentation depends only on (seed, epoch, its dataset index).
 */
export function* batches(
  ds: Dataset,
  batchSize: number,
  opts: BatchOptions = {},
): Generator<Batch, void, undefined> {
  checkBatchSize(batchSize);
  const seed = opts.seed ?? 0;
  const epoch = opts.epoch ?? 0;
  const shuffle = opts.shuffle ?? true;
  const startBatch = opts.startBatch ?? 0;
  if (!(Number.isInteger(startBatch) && startBatch >= 0)) {
    throw new RangeError(`batches: startBatch must be a non-negative integer, got ${startBatch}`);
  }
  const { augment } = opts;
  const order = shuffle ? epochPermutation(ds.n, seed, epoch) : null;
  const size1 = sampleSize(ds);
  const end = opts.dropLast ? batchCount(ds.n, batchSize, true) * batchSize : ds.n;
  for (let offset = startBatch * batchSize; offset < end; offset += batchSize) {
    const size = Math.min(batchSize, end - offset);
    const x = new Float32Array(size * size1);
    const y = labelsLike(ds.y, size);
    const indices = new Uint32Array(size);
    for (let k = 0; k < size; k++) {
      const i = order ? order[offset + k] : offset + k;
      indices[k] = i;
      y[k] = ds.y[i];
      const src = ds.x.subarray(i * size1, (i + 1) * size1);
      if (augment) {
        const dst = x.subarray(k * size1, (k + 1) * size1);
        cropFlip(src, dst, ds.shape, augment.pad, augmentDraw(augment, seed, epoch, i));
      } else {
        x.set(src, k * size1);
      }
    }
    yield { x, y, indices, size, offset };
  }
}
