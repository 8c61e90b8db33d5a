import { DatasetError } from './errors.js';

/** Labels: bytes for the usual <= 256 classes, int32 beyond. */
export type Labels = Uint8Array | Int32Array;

/**
 * An in-memory image classification set. Images are stored n x C x H x W (row-major, channel
 * planes), the layout conv layers and im2col read directly, with pixels in [0, 1] and no
 * normalisation (as in the paper).
 */
export interface Dataset {
  /** Short id, e.g. "mnist", "cifar10", "synthetic". */
  name: string;
  /** n * C * H * W pixels in [0, 1]. */
  x: Float32Array;
  /** n class indices in [0, classes). */
  y: Labels;
  n: number;
  shape: [number, number, number];
  classes: number;
  /** Where the data came from (package, directory, generator parameters), for the run manifest. */
  source: string;
}

/** A fixed train/test pair; the test set never depends on the run seed. */
export interface DataSplit {
  train: Dataset;
  test: Dataset;
}

/** The manifest-friendly part of a dataset (everything but the arrays). */
export interface DatasetInfo {
  name: string;
  n: number;
  shape: [number, number, number];
  classes: number;
  source: string;
}

export function datasetInfo(ds: Dataset): DatasetInfo {
  return { name: ds.name, n: ds.n, shape: [...ds.shape], classes: ds.classes, source: ds.source };
}

/** Pixels per sample, C * H * W. */
export function sampleSize(ds: Pick<Dataset, 'shape'>): number {
  return ds.shape[0] * ds.shape[1] * ds.shape[2];
}

/** A label array of the narrowest type that holds `classes` classes. */
export function newLabels(n: number, classes: number): Labels {
  return classes <= 256 ? new Uint8Array(n) : new Int32Array(n);
}

/** An empty label array of the same type as `like`. */
export function labelsLike(like: Labels, n: number): Labels {
  return like instanceof Uint8Array ? new Uint8Array(n) : new Int32Array(n);
}

/**
 * Checks the invariants every loader promises (sizes agree, labels in range) and returns the
 * dataset, so a loader bug fails at load time instead of as a wrong accuracy.
 */
export function checkDataset(ds: Dataset): Dataset {
  const [c, h, w] = ds.shape;
  const where = `${ds.name} (${ds.source})`;
  if (![c, h, w, ds.n, ds.classes].every((v) => Number.isInteger(v) && v >= 0)) {
    throw new DatasetError(`n, shape and classes must be non-negative integers`, where);
  }
  if (ds.x.length !== ds.n * c * h * w) {
    throw new DatasetError(
      `x has ${ds.x.length} values, expected n*C*H*W = ${ds.n}*${c}*${h}*${w}`,
      where,
    );
  }
  if (ds.y.length !== ds.n) {
    throw new DatasetError(`y has ${ds.y.length} labels, expected ${ds.n}`, where);
  }
  for (let i = 0; i < ds.n; i++) {
    const label = ds.y[i];
    if (label < 0 || label >= ds.classes) {
      throw new DatasetError(`label ${label} of sample ${i} is outside [0, ${ds.classes})`, where);
    }
  }
  return ds;
}

/** The samples at `indices`, in that order (copies; the source is untouched). */
export function subset(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  const size = sampleSize(ds);
  const n = indices.length;
  const x = new Float32Array(n * size);
  const y = labelsLike(ds.y, n);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < ds.n)) {
      throw new RangeError(`subset: index ${i} is outside [0, ${ds.n})`);
    }
    x.set(ds.x.subarray(i * size, (i + 1) * size), k * size);
    y[k] = ds.y[i];
  }
  return { ...ds, name, x, y, n, shape: [...ds.shape] };
}

/** The first `count` samples (a quick way to run a short experiment on a big set). */
export function take(ds: Dataset, count: number): Dataset {
  const n = Math.max(0, Math.min(ds.n, Math.floor(count)));
  const size = sampleSize(ds);
  return {
    ...ds,
    x: ds.x.slice(0, n * size),
    y: ds.y.slice(0, n),
    n,
    shape: [...ds.shape],
  };
}
