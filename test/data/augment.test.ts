import { describe, expect, it } from 'vitest';
import {
  augmentDraw,
  batches,
  CIFAR_AUGMENT,
  cropFlip,
  hflip,
  makeSynthetic,
  toGrey,
  type Dataset,
} from '../../src/data/index.js';

const SHAPE: [number, number, number] = [3, 5, 6];
const SIZE = 3 * 5 * 6;
/** Pixel value encodes its (c, y, x) so moved pixels are easy to check. */
const IMG = Float32Array.from({ length: SIZE }, (_, i) => (i + 1) / 1000);
const at = (img: Float32Array, c: number, y: number, x: number) => img[c * 30 + y * 6 + x];

describe('cropFlip / hflip', () => {
  it('pad 0 at offset 0 without flip is the identity', () => {
    const out = new Float32Array(SIZE);
    cropFlip(IMG, out, SHAPE, 0, { offsetY: 0, offsetX: 0, flip: false });
    expect(out).toEqual(IMG);
    cropFlip(IMG, out, SHAPE, 4, { offsetY: 4, offsetX: 4, flip: false });
    expect(out).toEqual(IMG); // centred crop of the padded image
  });

  it('flip mirrors every row of every channel, and twice is the identity', () => {
    const out = new Float32Array(SIZE);
    hflip(IMG, out, SHAPE);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < 5; y++)
        for (let x = 0; x < 6; x++) expect(at(out, c, y, x)).toBe(at(IMG, c, y, 5 - x));
    const back = new Float32Array(SIZE);
    hflip(out, back, SHAPE);
    expect(back).toEqual(IMG);
  });

  it('crop shifts the image and fills with zeros', () => {
    const out = new Float32Array(SIZE);
    // pad 2, corner (0, 3): the crop starts 2 rows above and 1 column right of the image
    cropFlip(IMG, out, SHAPE, 2, { offsetY: 0, offsetX: 3, flip: false });
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < 5; y++)
        for (let x = 0; x < 6; x++) {
          const sy = y - 2;
          const sx = x + 1;
          const inside = sy >= 0 && sy < 5 && sx < 6;
          expect(at(out, c, y, x)).toBe(inside ? at(IMG, c, sy, sx) : 0);
        }
  });

  it('crop then flip equals flipping the crop (torchvision order)', () => {
    const cropped = new Float32Array(SIZE);
    const expected = new Float32Array(SIZE);
    const both = new Float32Array(SIZE);
    cropFlip(IMG, cropped, SHAPE, 3, { offsetY: 1, offsetX: 5, flip: false });
    hflip(cropped, expected, SHAPE);
    cropFlip(IMG, both, SHAPE, 3, { offsetY: 1, offsetX: 5, flip: true });
    expect(both).toEqual(expected);
  });

  it('rejects offsets outside the padding', () => {
    const out = new Float32Array(SIZE);
    expect(() => cropFlip(IMG, out, SHAPE, 1, { offsetY: 3, offsetX: 0, flip: false })).toThrow(
      RangeError,
    );
  });
});

describe('augmentDraw', () => {
  it('is deterministic in (seed, epoch, index) and covers offsets and flips evenly', () => {
    expect(augmentDraw(CIFAR_AUGMENT, 1, 2, 3)).toEqual(augmentDraw(CIFAR_AUGMENT, 1, 2, 3));
    const counts = new Array(9).fill(0);
    let flips = 0;
    const n = 9000;
    for (let i = 0; i < n; i++) {
      const d = augmentDraw(CIFAR_AUGMENT, 11, 0, i);
      counts[d.offsetY]++;
      expect(d.offsetX).toBeGreaterThanOrEqual(0);
      expect(d.offsetX).toBeLessThanOrEqual(8);
      if (d.flip) flips++;
    }
    for (const c of counts) expect(Math.abs(c - n / 9)).toBeLessThan(5 * Math.sqrt(n / 9));
    expect(Math.abs(flips - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
    const a = [...Array(50).keys()].map((i) => augmentDraw(CIFAR_AUGMENT, 11, 0, i));
    const b = [...Array(50).keys()].map((i) => augmentDraw(CIFAR_AUGMENT, 11, 1, i));
    expect(a).not.toEqual(b);
  });

  it('turning flip off changes only the flip', () => {
    for (let i = 0; i < 20; i++) {
      const on = augmentDraw({ pad: 4, flip: true }, 3, 1, i);
      const off = augmentDraw({ pad: 4, flip: false }, 3, 1, i);
      expect(off).toEqual({ ...on, flip: false });
    }
  });

  it('with pad 0 and no flip leaves images untouched in batches', () => {
    const { train } = makeSynthetic({ n: 20, shape: [3, 4, 4] });
    const plain = [...batches(train, 7, { seed: 2 })];
    const aug = [...batches(train, 7, { seed: 2, augment: { pad: 0, flip: false } })];
    expect(aug.map((b) => b.x)).toEqual(plain.map((b) => b.x));
  });
});

describe('augmented batches', () => {
  const { train } = makeSynthetic({ n: 37, shape: [3, 8, 8], classes: 3, seed: 9 });
  /** Augmented image of each dataset index, gathered from an epoch of batches. */
  function byIndex(ds: Dataset, batchSize: number, seed: number, epoch: number) {
    const size = 3 * 64;
    const out = new Map<number, Float32Array>();
    for (const b of batches(ds, batchSize, { seed, epoch, augment: CIFAR_AUGMENT })) {
      b.indices.forEach((i, k) => out.set(i, b.x.slice(k * size, (k + 1) * size)));
    }
    return out;
  }

  it('are reproducible and independent of the batch size', () => {
    const ref = byIndex(train, 1, 4, 2);
    for (const bs of [5, 16, 37]) expect(byIndex(train, bs, 4, 2)).toEqual(ref);
    const again = [...batches(train, 8, { seed: 4, epoch: 2, augment: CIFAR_AUGMENT })];
    const first = [...batches(train, 8, { seed: 4, epoch: 2, augment: CIFAR_AUGMENT })];
    expect(again.map((b) => b.x)).toEqual(first.map((b) => b.x));
  });

  it('match cropFlip applied with the drawn parameters, and change with the epoch', () => {
    const ref = byIndex(train, 10, 4, 2);
    const size = 3 * 64;
    for (const i of [0, 13, 36]) {
      const expected = new Float32Array(size);
      const src = train.x.subarray(i * size, (i + 1) * size);
      cropFlip(src, expected, train.shape, 4, augmentDraw(CIFAR_AUGMENT, 4, 2, i));
      expect(ref.get(i)).toEqual(expected);
    }
    const other = byIndex(train, 10, 4, 3);
    let differ = 0;
    for (let i = 0; i < train.n; i++)
      if (!ref.get(i)!.every((v, k) => v === other.get(i)![k])) differ++;
    expect(differ).toBeGreaterThan(train.n / 2);
  });
});

describe('toGrey', () => {
  it('uses the 0.299/0.587/0.114 luminance and gives shape [1, H, W]', () => {
    const ds: Dataset = {
      name: 't',
      x: Float32Array.from([
        1, 0, 0.5, /* G */ 0, 1, 0.5, /* B */ 0, 0, 0.5, /* 2nd */ 1, 1, 1, 0, 0, 0, 0.2, 0.4, 0.6,
      ]),
      y: Uint8Array.from([0, 1]),
      n: 2,
      shape: [3, 1, 3],
      classes: 2,
      source: 'test',
    };
    const g = toGrey(ds);
    expect(g.shape).toEqual([1, 1, 3]);
    expect(g.n).toBe(2);
    expect(g.y).toBe(ds.y);
    const expected = [
      0.299,
      0.587,
      0.5,
      0.299 * 1 + 0.114 * 0.2,
      0.299 * 1 + 0.114 * 0.4,
      0.299 * 1 + 0.114 * 0.6,
    ];
    expected.forEach((v, i) => expect(g.x[i]).toBeCloseTo(v, 6));
    const white = toGrey({ ...ds, x: new Float32Array(18).fill(1) });
    expect(Math.max(...white.x)).toBeLessThanOrEqual(1);
    expect(toGrey(g)).toBe(g); // already grey
    expect(() => toGrey({ ...ds, shape: [2, 1, 3], x: new Float32Array(12) })).toThrow(
      /1 or 3 channels/,
    );
  });
});
