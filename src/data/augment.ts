import { hash32, randomBelow, splitmix32 } from './prng.js';

/** Keeps the augmentation stream apart from the shuffle stream. */
const AUGMENT_SALT = 0x4155474d; // "AUGM"

/**
 * Random-crop-with-padding and horizontal-flip settings (the paper's CIFAR augmentation is
 * pad 4 with zeros, flip with probability 0.5).
 */
export interface AugmentOptions {
  /** Zero padding on each side before a random H x W crop; 0 disables cropping. */
  pad: number;
  /** Mirror left-right with probability 0.5. */
  flip: boolean;
}

export const CIFAR_AUGMENT: Readonly<AugmentOptions> = Object.freeze({ pad: 4, flip: true });

/** The random choices for one sample. offsetY/offsetX are in [0, 2*pad]; pad means no shift. */
export interface AugmentDraw {
  offsetY: number;
  offsetX: number;
  flip: boolean;
}

/**
 * The choices for sample `index` in `epoch`: a pure function of (seed, epoch, index), so the
 * augmented image is the same whatever the batch size or the order samples are visited in.
 * The three values are always drawn in the same order, so turning flip off leaves crops alone.
 */
export function augmentDraw(
  opts: AugmentOptions,
  seed: number,
  epoch: number,
  index: number,
): AugmentDraw {
  const pad = checkPad(opts.pad);
  const rng = splitmix32(hash32(AUGMENT_SALT, seed, epoch, index));
  const offsetY = randomBelow(rng, 2 * pad + 1);
  const offsetX = randomBelow(rng, 2 * pad + 1);
  const flip = rng() >= 0x80000000;
  return { offsetY, offsetX, flip: opts.flip && flip };
}

function checkPad(pad: number): number {
  if (!(Number.isInteger(pad) && pad >= 0)) {
    throw new RangeError(`augment: pad must be a non-negative integer, got ${pad}`);
  }
  return pad;
}

/**
 * Crops C x H x W from the image zero-padded by `pad` on every side, the crop's top-left corner
 * at (offsetY, offsetX) in padded coordinates, optionally mirrored; writes into `dst`.
 * With pad 0 and offsets 0 it is the identity. `src` and `dst` must not overlap.
 */
export function cropFlip(
  src: Float32Array,
  dst: Float32Array,
  shape: readonly [number, number, number],
  pad: number,
  draw: AugmentDraw,
): void {
  const [c, h, w] = shape;
  checkPad(pad);
  const { offsetY, offsetX, flip } = draw;
  if (offsetY < 0 || offsetY > 2 * pad || offsetX < 0 || offsetX > 2 * pad) {
    throw new RangeError(`cropFlip: offsets (${offsetY}, ${offsetX}) outside [0, ${2 * pad}]`);
  }
  const dy = offsetY - pad;
  const dx = offsetX - pad;
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w;
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      const row = plane + y * w;
      if (sy < 0 || sy >= h) {
        dst.fill(0, row, row + w);
        continue;
      }
      const srow = plane + sy * w;
      for (let x = 0; x < w; x++) {
        const sx = (flip ? w - 1 - x : x) + dx;
        dst[row + x] = sx >= 0 && sx < w ? src[srow + sx] : 0;
      }
    }
  }
}

/** Mirrors one C x H x W image left-right into `dst`. */
export function hflip(
  src: Float32Array,
  dst: Float32Array,
  shape: readonly [number, number, number],
): void {
  cropFlip(src, dst, shape, 0, { offsetY: 0, offsetX: 0, flip: true });
}
