import { describe, expect, it } from 'vitest';
import { Conv2d, type Conv2dLayerOptions } from '../../../src/nn/layers/conv2d.js';
import { IdealDevice } from '../../../simulator/ideal-device.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, InstrumentedDevice, maxRelDiff, randTensor, runtime } from './helpers.js';

type Geo = {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
};

/** Direct 7-loop convolution (cross-correlation, as PyTorch), float64. */
function reference(
  x: Float32Array,
  [B, C, H, W]: number[],
  Wt: Float32Array,
  bias: Float32Array | undefined,
  F: number,
  g: Geo,
): { y: Float64Array; oH: number; oW: number } {
  const oH = Math.floor((H + 2 * g.ph - g.dh * (g.kh - 1) - 1) / g.sh) + 1;
  const oW = Math.floor((W + 2 * g.pw - g.dw * (g.kw - 1) - 1) / g.sw) + 1;
  const y = new Float64Array(B * F * oH * oW);
  for (let b = 0; b < B; b++)
    for (let f = 0; f < F; f++)
      for (let oy = 0; oy < oH; oy++)
        for (let ox = 0; ox < oW; ox++) {
          let s = bias ? bias[f] : 0;
          for (let c = 0; c < C; c++)
            for (let ky = 0; ky < g.kh; ky++)
              for (let kx = 0; kx < g.kw; kx++) {
                const iy = oy * g.sh - g.ph + ky * g.dh;
                const ix = ox * g.sw - g.pw + kx * g.dw;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                s += x[((b * C + c) * H + iy) * W + ix] * Wt[((f * C + c) * g.kh + ky) * g.kw + kx];
              }
          y[((b * F + f) * oH + oy) * oW + ox] = s;
        }
  return { y, oH, oW };
}

const cases: {
  name: string;
  opts: Omit<Conv2dLayerOptions, 'analog'>;
  input: number[];
  geo: Geo;
}[] = [
  {
    name: '3x3, stride 1, no padding',
    opts: { inChannels: 2, outChannels: 3, kernel: 3 },
    input: [2, 2, 5, 6],
    geo: { kh: 3, kw: 3, sh: 1, sw: 1, ph: 0, pw: 0, dh: 1, dw: 1 },
  },
  {
    name: '3x3, stride 2, padding 1',
    opts: { inChannels: 3, outChannels: 4, kernel: 3, stride: 2, padding: 1 },
    input: [2, 3, 7, 6],
    geo: { kh: 3, kw: 3, sh: 2, sw: 2, ph: 1, pw: 1, dh: 1, dw: 1 },
  },
  {
    name: '2x3 kernel, dilation 2, padding [2, 1], stride [1, 2], no bias',
    opts: {
      inChannels: 2,
      outChannels: 2,
      kernel: [2, 3],
      dilation: 2,
      padding: [2, 1],
      stride: [1, 2],
      bias: false,
    },
    input: [3, 2, 6, 7],
    geo: { kh: 2, kw: 3, sh: 1, sw: 2, ph: 2, pw: 1, dh: 2, dw: 2 },
  },
];

describe('Conv2d', () => {
  it('initialises like PyTorch with fan-in = in * kh * kw and names its params', () => {
    const layer = new Conv2d(runtime(), {
      inChannels: 3,
      outChannels: 8,
      kernel: [3, 2],
      analog: false,
      seed: 1,
    });
    const bound = 1 / Math.sqrt(3 * 3 * 2);
    for (const v of [...layer.weight.value, ...layer.bias!.value])
      expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    expect(Math.max(...layer.weight.value)).toBeGreaterThan(0.8 * bound);
    expect(layer.params().map((p) => [p.name, p.shape])).toEqual([
      ['weight', [8, 3, 3, 2]],
      ['bias', [8]],
    ]);
  });

  for (const analog of [false, true]) {
    for (const c of cases) {
      it(`forward matches a direct loop: ${c.name} (analog=${analog})`, async () => {
        const layer = new Conv2d(runtime(), { ...c.opts, analog, seed: 3 });
        const x = randTensor(c.input, 31);
        const y = await layer.forward(x, ctx());
        const ref = reference(
          x.data,
          c.input,
          layer.weight.value,
          layer.bias?.value,
          c.opts.outChannels,
          c.geo,
        );
        expect(y.shape).toEqual([c.input[0], c.opts.outChannels, ref.oH, ref.oW]);
        expect(maxRelDiff(y.data, ref.y)).toBeLessThan(1e-5);
      });

      it(`passes gradcheck: ${c.name} (analog=${analog})`, async () => {
        const layer = new Conv2d(runtime(), { ...c.opts, analog, seed: 4 });
        const r = await gradcheck(layer, randTensor(c.input, 32), ctx(), { maxEntries: 200 });
        expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
      });
    }
  }

  it('analog on a tiny tiled ideal array agrees with digital, forward and backward', async () => {
    const opts = { inChannels: 3, outChannels: 5, kernel: 3, padding: 1, seed: 8 };
    const analog = new Conv2d(runtime(new IdealDevice({ rows: 2, cols: 7, maxBatch: 5 })), {
      ...opts,
      analog: true,
    });
    const digital = new Conv2d(runtime(), { ...opts, analog: false });
    const x = randTensor([2, 3, 4, 5], 33);
    const ya = await analog.forward(x, ctx());
    const yd = await digital.forward(x, ctx());
    expect(maxRelDiff(ya.data, yd.data)).toBeLessThan(1e-5);
    const dy = randTensor(yd.shape, 34);
    expect(analog.backward(dy).data).toEqual(digital.backward(dy).data);
    expect(analog.weight.grad).toEqual(digital.weight.grad);
    expect(analog.bias!.grad).toEqual(digital.bias!.grad);
  });

  it('keys product rows by (sample, output position): noise is batch-chunk invariant', async () => {
    const dev = new InstrumentedDevice({ noise: 0.01, maxBatch: 7 });
    const layer = new Conv2d(runtime(dev), {
      inChannels: 2,
      outChannels: 3,
      kernel: 2,
      analog: true,
      seed: 5,
    });
    const x = randTensor([3, 2, 4, 4], 35); // 9 output positions per image
    const whole = await layer.forward(x, ctx({ draw: 2, rowOffset: 4 }));
    expect(dev.contexts[0]).toEqual({ draw: 2, rowOffset: 4 * 9 });
    const img = 2 * 16;
    const a = await layer.forward(
      { data: x.data.slice(0, img), shape: [1, 2, 4, 4] },
      ctx({ draw: 2, rowOffset: 4 }),
    );
    const b = await layer.forward(
      { data: x.data.slice(img), shape: [2, 2, 4, 4] },
      ctx({ draw: 2, rowOffset: 5 }),
    );
    expect(Array.from(whole.data)).toEqual([...a.data, ...b.data]);
  });

  it('re-programs only when the weight version changes', async () => {
    const dev = new InstrumentedDevice();
    const layer = new Conv2d(runtime(dev), {
      inChannels: 1,
      outChannels: 2,
      kernel: 2,
      analog: true,
    });
    const x = randTensor([1, 1, 3, 3], 36);
    await layer.forward(x, ctx());
    await layer.forward(x, ctx({ draw: 1 }));
    expect(dev.programCalls).toBe(1);
    layer.weight.version++;
    await layer.forward(x, ctx());
    expect(dev.programCalls).toBe(2);
  });

  it('masks dX per pixel where the device input range clipped it', async () => {
    const opts = { inChannels: 2, outChannels: 3, kernel: 3, padding: 1, seed: 9 };
    const analog = new Conv2d(runtime(new InstrumentedDevice({ inputRange: [-1, 1] })), {
      ...opts,
      analog: true,
    });
    const digital = new Conv2d(runtime(), { ...opts, analog: false });
    const x = randTensor([2, 2, 4, 4], 37, -1.6, 1.6);
    const dy = randTensor([2, 3, 4, 4], 38);
    await analog.forward(x, ctx());
    await digital.forward(x, ctx());
    const dxa = analog.backward(dy).data;
    const dxd = digital.backward(dy).data;
    let clipped = 0;
    for (let i = 0; i < x.data.length; i++) {
      if (Math.abs(x.data[i]) > 1) {
        clipped++;
        expect(dxa[i]).toBe(0);
      } else expect(dxa[i]).toBe(dxd[i]);
    }
    expect(clipped).toBeGreaterThan(5);
    expect(analog.weight.grad).toEqual(digital.weight.grad);
  });

  it('rejects a wrong channel count', async () => {
    const layer = new Conv2d(runtime(), {
      inChannels: 3,
      outChannels: 2,
      kernel: 1,
      analog: false,
    });
    await expect(layer.forward(randTensor([1, 2, 4, 4], 1), ctx())).rejects.toThrow(
      /expected input \[batch, 3, height, width\]/,
    );
  });
});
