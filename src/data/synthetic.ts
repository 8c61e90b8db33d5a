import { checkDataset, newLabels, type DataSplit, type Dataset } from './dataset.js';
import { hash32, randomBelow, randomNormal, randomUnit, splitmix32 } from './prng.js';

const SYNTH_SALT = 0x53594e54; // "SYNT"

export interface SyntheticOptions {
  /** Training samples. Default 512. */
  n: number;
  /** Test samples. Default max(1, round(n / 4)). */
  testN?: number;
  /** [C, H, W]. Default [1, 8, 8]. */
  shape: [number, number, number];
  /** Default 4. */
  classes: number;
  /** Generator seed: part of the task's definition, not the run seed. Default 0. */
  seed: number;
  /** Std of the Gaussian pixel noise around each class prototype. Default 0.25. */
  noise: number;
}

export const SYNTHETIC_DEFAULTS: Readonly<SyntheticOptions> = Object.freeze({
  n: 512,
  shape: [1, 8, 8] as [number, number, number],
  classes: 4,
  seed: 0,
  noise: 0.25,
});

function generate(
  o: SyntheticOptions,
  prototypes: Float32Array,
  part: 0 | 1,
  n: number,
  source: string,
): Dataset {
  const size = o.shape[0] * o.shape[1] * o.shape[2];
  const x = new Float32Array(n * size);
  const y = newLabels(n, o.classes);
  for (let i = 0; i < n; i++) {
    // One generator per sample: sample i is the same whatever n is.
    const rng = splitmix32(hash32(SYNTH_SALT, o.seed, part, i));
    const label = randomBelow(rng, o.classes);
    y[i] = label;
    const proto = label * size;
    for (let p = 0; p < size; p++) {
      const v = prototypes[proto + p] + o.noise * randomNormal(rng);
      x[i * size + p] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return checkDataset({
    name: 'synthetic',
    x,
    y,
    n,
    shape: [...o.shape],
    classes: o.classes,
    source,
  });
}

/**
 * Gaussian blobs in image shape: each class has a seeded random prototype image (pixels
 * uniform in [0, 1]) and a sample is its prototype plus Gaussian noise, clipped to [0, 1].
 * Linearly separable at the default noise, so a few epochs of any model learn it: a fast,
 * download-free task for tests of the trainer.
 */
export function makeSynthetic(opts: Partial<SyntheticOptions> = {}): DataSplit {
  const o: SyntheticOptions = { ...SYNTHETIC_DEFAULTS, ...opts };
  o.shape = [...(opts.shape ?? SYNTHETIC_DEFAULTS.shape)];
  const testN = o.testN ?? Math.max(1, Math.round(o.n / 4));
  const check = (what: string, v: number, min: number) => {
    if (!(Number.isInteger(v) && v >= min)) {
      throw new RangeError(`synthetic: ${what} must be an integer >= ${min}, got ${v}`);
    }
  };
  check('n', o.n, 0);
  check('testN', testN, 0);
  o.shape.forEach((d, k) => check(['C', 'H', 'W'][k], d, 1));
  if (!(Number.isInteger(o.classes) && o.classes >= 2 && o.classes <= 0x7fffffff)) {
    throw new RangeError(`synthetic: classes must be an integer >= 2, got ${o.classes}`);
  }
  if (!(o.noise >= 0)) throw new RangeError(`synthetic: noise must be >= 0, got ${o.noise}`);
  const size = o.shape[0] * o.shape[1] * o.shape[2];
  const prototypes = new Float32Array(o.classes * size);
  const rng = splitmix32(hash32(SYNTH_SALT, o.seed, 2));
  for (let i = 0; i < prototypes.length; i++) prototypes[i] = randomUnit(rng);
  const source =
    `synthetic(seed=${o.seed}, shape=${o.shape.join('x')}, classes=${o.classes}, ` +
    `noise=${o.noise}, n=${o.n}+${testN})`;
  return {
    train: generate(o, prototypes, 0, o.n, source),
    test: generate(o, prototypes, 1, testN, source),
  };
}
