import { describe, expect, it } from 'vitest';
import { AdaptiveAvgPool2d } from '../../../src/nn/layers/adaptive-avgpool2d.js';
import { AvgPool2d } from '../../../src/nn/layers/avgpool2d.js';
import { Flatten } from '../../../src/nn/layers/flatten.js';
import { MaxPool2d } from '../../../src/nn/layers/maxpool2d.js';
import type { Tensor } from '../../../src/nn/tensor.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, maxRelDiff, randTensor } from './helpers.js';

/** Distinct values at least 0.05 apart (shuffled), so a +-1e-2 nudge never changes a window's max. */
function spacedTensor(shape: number[], seed: number): Tensor {
  const t = randTensor(shape, seed);
  const order = Array.from(t.data.keys()).sort((a, b) => t.data[a] - t.data[b]);
  order.forEach((idx, rank) => (t.data[idx] = 0.05 * rank - 1));
  return t;
}

/** Window reducer over every (b, c) plane, with explicit index bounds: the independent reference. */
function windows(
  x: Tensor,
  oH: number,
  oW: number,
  bounds: (oy: number, ox: number) => [number, number, number, number],
  reduce: (vals: number[], windowArea: number) => number,
): Float64Array {
  const [B, C, H, W] = x.shape;
  const y = new Float64Array(B * C * oH * oW);
  for (let p = 0; p < B * C; p++)
    for (let oy = 0; oy < oH; oy++)
      for (let ox = 0; ox < oW; ox++) {
        const [y0, y1, x0, x1] = bounds(oy, ox);
        const vals: number[] = [];
        for (let i = y0; i < y1; i++)
          for (let j = x0; j < x1; j++)
            if (i >= 0 && i < H && j >= 0 && j < W) vals.push(x.data[p * H * W + i * W + j]);
        y[(p * oH + oy) * oW + ox] = reduce(vals, (y1 - y0) * (x1 - x0));
      }
  return y;
}

describe('MaxPool2d', () => {
  it('forward matches a window reference (kernel 2, default stride)', async () => {
    const x = spacedTensor([2, 3, 4, 6], 1);
    const y = await new MaxPool2d({ kernel: 2 }).forward(x);
    expect(y.shape).toEqual([2, 3, 2, 3]);
    const ref = windows(
      x,
      2,
      3,
      (oy, ox) => [2 * oy, 2 * oy + 2, 2 * ox, 2 * ox + 2],
      (v) => Math.max(...v),
    );
    expect(Array.from(y.data)).toEqual(Array.from(ref).map(Math.fround));
  });

  it('forward with overlapping windows and padding (kernel 3, stride 2, padding 1)', async () => {
    const x = spacedTensor([1, 2, 5, 5], 2);
    const y = await new MaxPool2d({ kernel: 3, stride: 2, padding: 1 }).forward(x);
    expect(y.shape).toEqual([1, 2, 3, 3]);
    const ref = windows(
      x,
      3,
      3,
      (oy, ox) => [2 * oy - 1, 2 * oy + 2, 2 * ox - 1, 2 * ox + 2],
      (v) => Math.max(...v),
    );
    expect(Array.from(y.data)).toEqual(Array.from(ref).map(Math.fround));
  });

  for (const opts of [
    { kernel: 2 },
    { kernel: 3, stride: 2, padding: 1 },
    { kernel: [2, 3] as const, stride: [1, 2] as const },
  ]) {
    it(`passes gradcheck ${JSON.stringify(opts)}`, async () => {
      const r = await gradcheck(new MaxPool2d(opts), spacedTensor([2, 2, 5, 6], 3), ctx(), {
        maxEntries: 1000,
      });
      expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
    });
  }

  it('routes a tie to one element only', async () => {
    const pool = new MaxPool2d({ kernel: 2 });
    await pool.forward({ data: new Float32Array([1, 1, 1, 1]), shape: [1, 1, 2, 2] });
    const dx = pool.backward({ data: new Float32Array([5]), shape: [1, 1, 1, 1] });
    expect(Array.from(dx.data)).toEqual([5, 0, 0, 0]);
  });
});

describe('AvgPool2d', () => {
  it('forward matches a window reference; padded zeros count in the mean', async () => {
    const x = randTensor([2, 2, 5, 4], 4);
    const y = await new AvgPool2d({ kernel: 3, stride: 2, padding: 1 }).forward(x);
    expect(y.shape).toEqual([2, 2, 3, 2]);
    const ref = windows(
      x,
      3,
      2,
      (oy, ox) => [2 * oy - 1, 2 * oy + 2, 2 * ox - 1, 2 * ox + 2],
      (v, area) => v.reduce((a, b) => a + b, 0) / area,
    );
    expect(maxRelDiff(y.data, ref)).toBeLessThan(1e-6);
  });

  for (const opts of [
    { kernel: 2 },
    { kernel: 3, stride: 2, padding: 1 },
    { kernel: [3, 2] as const, stride: 1 },
  ]) {
    it(`passes gradcheck ${JSON.stringify(opts)}`, async () => {
      const r = await gradcheck(new AvgPool2d(opts), randTensor([2, 2, 5, 6], 5), ctx(), {
        maxEntries: 1000,
      });
      expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
    });
  }
});

describe('AdaptiveAvgPool2d', () => {
  it('uses PyTorch bins (7 -> 3 overlaps, 6 -> 2 splits evenly)', async () => {
    const x = randTensor([2, 3, 7, 6], 6);
    const y = await new AdaptiveAvgPool2d({ outH: 3, outW: 2 }).forward(x);
    expect(y.shape).toEqual([2, 3, 3, 2]);
    // PyTorch: start = floor(i * in / out), end = ceil((i + 1) * in / out).
    const rowsBins = [
      [0, 3],
      [2, 5],
      [4, 7],
    ];
    const colBins = [
      [0, 3],
      [3, 6],
    ];
    const ref = windows(
      x,
      3,
      2,
      (oy, ox) => [rowsBins[oy][0], rowsBins[oy][1], colBins[ox][0], colBins[ox][1]],
      (v) => v.reduce((a, b) => a + b, 0) / v.length,
    );
    expect(maxRelDiff(y.data, ref)).toBeLessThan(1e-6);
  });

  it('1x1 is the global average', async () => {
    const x = randTensor([1, 2, 3, 3], 7);
    const y = await new AdaptiveAvgPool2d({ outH: 1, outW: 1 }).forward(x);
    const mean = (c: number) => x.data.slice(c * 9, c * 9 + 9).reduce((a, b) => a + b, 0) / 9;
    expect(y.data[0]).toBeCloseTo(mean(0), 6);
    expect(y.data[1]).toBeCloseTo(mean(1), 6);
  });

  for (const [outH, outW] of [
    [3, 2],
    [1, 1],
    [4, 5],
  ]) {
    it(`passes gradcheck ${outH}x${outW}`, async () => {
      const r = await gradcheck(
        new AdaptiveAvgPool2d({ outH, outW }),
        randTensor([2, 2, 7, 6], 8),
        ctx(),
        { maxEntries: 1000 },
      );
      expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
    });
  }
});

describe('Flatten', () => {
  it('keeps the batch and channel-major order, and restores the shape in backward', async () => {
    const x = randTensor([2, 3, 2, 2], 9);
    const f = new Flatten();
    const y = await f.forward(x);
    expect(y.shape).toEqual([2, 12]);
    expect(y.data).toEqual(x.data);
    expect(f.backward(y).shape).toEqual([2, 3, 2, 2]);
    const r = await gradcheck(f, x, ctx());
    expect(r.maxRelError).toBeLessThan(3e-3);
  });
});
