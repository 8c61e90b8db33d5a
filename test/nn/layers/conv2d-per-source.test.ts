import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/nn/layers/conv2d.js';
import { paperProfile, type Profile } from '../../../src/profile/index.js';
import { SimDevice } from '../../../simulator/sim-device.js';
import { ctx, runtime } from './helpers.js';

/**
 * The paper's per-pixel input conversion through a real Conv2d (method.md section 3): a 3x3
 * convolution with 9 one-hot filters copies each pixel into 9 outputs, so the outputs show the
 * converted value of every im2col copy of every pixel.
 */

const p = 16;
const H = 12;
const W = 12;

/** The paper preset with only the input (doa) block noisy; weights and ADC quantise exactly. */
function inputNoiseOnly(
  conversion: 'per-source' | 'per-element',
  over: { ep?: number; maxBatch?: number } = {},
): Profile {
  const pr = paperProfile({ p, ep: over.ep ?? 0.5, maxBatch: over.maxBatch ?? 4096, seed: 4 });
  return {
    ...pr,
    dac: { ...pr.dac, conversion },
    noise: { ...pr.noise, weight: { model: 'none' }, read: { model: 'none' } },
  };
}

function oneHotConv(device: SimDevice, C = 1): Conv2d {
  const layer = new Conv2d(runtime(device), {
    inChannels: C,
    outChannels: 9 * C,
    kernel: 3,
    padding: 1,
    bias: false,
    analog: true,
  });
  // Filter c*9 + t reads channel c at tap t.
  const w = layer.weight.value;
  w.fill(0);
  for (let c = 0; c < C; c++) for (let t = 0; t < 9; t++) w[(c * 9 + t) * (C * 9) + c * 9 + t] = 1;
  layer.weight.version++;
  return layer;
}

/** On-grid pixels inside [-0.5, 0.5] (no clipping anywhere). */
function gridImages(B: number, C: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: B * C * H * W }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (Math.floor(((s >>> 8) / 2 ** 24) * 17) - 8) / p;
  });
}

/**
 * For each pixel, the converted values of its copies, read from the one-hot outputs; and every
 * output that read padding. y is [B, 9C, H, W].
 */
function readCopies(y: Float32Array, B: number, C: number) {
  const copies: number[][] = [];
  const padding: number[] = [];
  for (let b = 0; b < B; b++)
    for (let c = 0; c < C; c++)
      for (let iy = 0; iy < H; iy++) for (let ix = 0; ix < W; ix++) copies.push([]);
  for (let b = 0; b < B; b++)
    for (let c = 0; c < C; c++)
      for (let t = 0; t < 9; t++) {
        const ky = Math.floor(t / 3);
        const kx = t % 3;
        for (let oy = 0; oy < H; oy++)
          for (let ox = 0; ox < W; ox++) {
            const v = y[((b * 9 * C + c * 9 + t) * H + oy) * W + ox]!;
            const iy = oy - 1 + ky;
            const ix = ox - 1 + kx;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) padding.push(v);
            else copies[((b * C + c) * H + iy) * W + ix]!.push(v);
          }
      }
  return { copies, padding };
}

describe('Conv2d on a per-source device (the paper preset)', () => {
  it('every im2col copy of a pixel gets the same converted value; padding is exactly 0', async () => {
    const B = 3;
    const C = 2;
    const layer = oneHotConv(new SimDevice(inputNoiseOnly('per-source')), C);
    const x = gridImages(B, C, 1);
    const y = await layer.forward({ data: x, shape: [B, C, H, W] }, ctx({ draw: 5 }));
    const { copies, padding } = readCopies(y.data, B, C);
    expect(padding.length).toBeGreaterThan(0);
    expect(padding.every((v) => Object.is(v, 0))).toBe(true);
    let changed = 0;
    copies.forEach((vals, i) => {
      expect(vals.length).toBeGreaterThanOrEqual(4);
      expect(new Set(vals).size).toBe(1);
      if (vals[0] !== x[i]) changed++;
    });
    expect(changed).toBeGreaterThan(copies.length * 0.3);
  });

  it('changes the bin of a fraction EP of the pixels (p = 16, EP = 0.5, 100k pixels)', async () => {
    const B = 700; // 100 800 pixels
    const layer = oneHotConv(new SimDevice(inputNoiseOnly('per-source')));
    const x = gridImages(B, 1, 2);
    const y = await layer.forward({ data: x, shape: [B, 1, H, W] }, ctx({ draw: 1 }));
    // Tap 4 (the centre) reads every pixel once.
    let changed = 0;
    for (let b = 0; b < B; b++)
      for (let q = 0; q < H * W; q++)
        if (y.data[(b * 9 + 4) * H * W + q] !== x[b * H * W + q]) changed++;
    expect(Math.abs(changed / (B * H * W) - 0.5)).toBeLessThan(0.01);
  });

  it('a per-element device converts the copies independently (and noises padding)', async () => {
    const B = 3;
    const layer = oneHotConv(new SimDevice(inputNoiseOnly('per-element')));
    const x = gridImages(B, 1, 1);
    const y = await layer.forward({ data: x, shape: [B, 1, H, W] }, ctx({ draw: 5 }));
    const { copies, padding } = readCopies(y.data, B, 1);
    expect(padding.some((v) => v !== 0)).toBe(true);
    const split = copies.filter((vals) => new Set(vals).size > 1).length;
    expect(split).toBeGreaterThan(copies.length * 0.9);
  });

  for (const conversion of ['per-source', 'per-element'] as const) {
    it(`${conversion}: the output does not depend on batch chunking (full paper noise)`, async () => {
      const make = (maxBatch: number) => {
        const pr = paperProfile({ p, ep: 0.5, maxBatch, seed: 6 });
        const device = new SimDevice({ ...pr, dac: { ...pr.dac, conversion } });
        const layer = new Conv2d(runtime(device), {
          inChannels: 2,
          outChannels: 3,
          kernel: 3,
          padding: 1,
          analog: true,
          seed: 3,
        });
        return layer;
      };
      const B = 5;
      const img = 2 * H * W;
      const x = gridImages(B, 2, 3);
      // One call on a device taking 4096 rows...
      const whole = await make(4096).forward(
        { data: x, shape: [B, 2, H, W] },
        ctx({ draw: 2, rowOffset: 7 }),
      );
      // ... equals a device cutting images mid-way (100 rows, 144 per image) ...
      const cut = make(100);
      const split = await cut.forward(
        { data: x, shape: [B, 2, H, W] },
        ctx({ draw: 2, rowOffset: 7 }),
      );
      expect(split.data).toEqual(whole.data);
      // ... and the batch given in two forward calls with shifted rowOffset.
      const a = await cut.forward(
        { data: x.slice(0, 2 * img), shape: [2, 2, H, W] },
        ctx({ draw: 2, rowOffset: 7 }),
      );
      const b = await cut.forward(
        { data: x.slice(2 * img), shape: [3, 2, H, W] },
        ctx({ draw: 2, rowOffset: 9 }),
      );
      expect(Array.from(whole.data)).toEqual([...a.data, ...b.data]);
    });
  }
});
