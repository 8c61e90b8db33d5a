import { afterEach, describe, expect, it } from 'vitest';
import { hostAddon, setNativeHost } from '../../../src/compute/host-addon.js';
import { setNativeUnfold } from '../../../src/compute/im2col.js';
import { loadNativeAddon } from '../../../src/compute/native-addon.js';
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
    // The layer hands its reused result buffer (ctx.out) with every product.
    expect(dev.contexts[0]).toEqual({ draw: 2, rowOffset: 4 * 9, out: expect.any(Float32Array) });
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

/** The float next to a positive float f, above (+1) or below (-1). */
function nextFloat(f: number, dir: 1 | -1): number {
  const bits = new Uint32Array(Float32Array.of(f).buffer);
  bits[0]! += dir;
  return new Float32Array(bits.buffer)[0]!;
}

/** Where two float arrays first differ in their bits (-0 vs +0 included), or -1. */
function firstBitDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

interface StepResult {
  y: Float32Array;
  dx: Float32Array;
  wGrad: Float32Array;
  bGrad: Float32Array | undefined;
}

/**
 * Two training steps (forward, backward; the second on other data, so recycled buffers are
 * reused) of a fresh layer; every result copied, as the layer reuses its arrays.
 */
async function twoSteps(
  make: () => Conv2d,
  input: number[],
  skipDx = false,
  training = true,
): Promise<StepResult[]> {
  const layer = make();
  layer.inputGradNeeded = !skipDx;
  const out: StepResult[] = [];
  for (let step = 0; step < 2; step++) {
    const x = randTensor(input, 60 + step, -1.2, 1.2);
    const y = await layer.forward(x, ctx({ draw: step, training }));
    const yCopy = y.data.slice();
    const dx = layer.backward(randTensor(y.shape, 70 + step));
    out.push({
      y: yCopy,
      dx: dx.data.slice(),
      wGrad: layer.weight.grad.slice(),
      bGrad: layer.bias?.grad.slice(),
    });
  }
  return out;
}

const hostCases: { name: string; opts: Omit<Conv2dLayerOptions, 'analog'>; input: number[] }[] = [
  {
    name: '3x3 padding 1, bias',
    opts: { inChannels: 6, outChannels: 7, kernel: 3, padding: 1, seed: 3 },
    input: [5, 6, 13, 11],
  },
  {
    name: '3x2 kernel, stride [2, 1], dilation [1, 2], no bias',
    opts: {
      inChannels: 5,
      outChannels: 9,
      kernel: [3, 2],
      stride: [2, 1],
      dilation: [1, 2],
      padding: [1, 2],
      bias: false,
      seed: 4,
    },
    input: [4, 5, 12, 15],
  },
  {
    // Large enough that every native pass splits its work at 2 threads.
    name: '3x3 padding 1 over 32x32, 8 images',
    opts: { inChannels: 4, outChannels: 16, kernel: 3, padding: 1, seed: 6 },
    input: [8, 4, 32, 32],
  },
  {
    // The ConvNet's 15x15 stage in small: 4-channel blocks plus 2, rows of 13 (odd tails).
    name: '3x3 over 15x15, 10 output channels',
    opts: { inChannels: 5, outChannels: 10, kernel: 3, seed: 7 },
    input: [6, 5, 15, 15],
  },
  {
    name: '1x1, 40 output channels over 6x6 (tile edges)',
    opts: { inChannels: 33, outChannels: 40, kernel: 1, seed: 5 },
    input: [7, 33, 6, 6],
  },
];

const nativeAddon = loadNativeAddon();
const setThreads = (n: number) => (nativeAddon.ok ? nativeAddon.addon.blasSetThreads(n) : 1);

describe.skipIf(!hostAddon())('Conv2d with the native host kernels (native/host.c)', () => {
  afterEach(() => {
    setThreads(1);
    setNativeHost(true);
    setNativeUnfold(true);
  });

  for (const threads of [1, 2]) {
    for (const c of hostCases) {
      for (const analog of [false, true]) {
        it(`bit-identical to the JS loops: ${c.name}, analog=${analog}, ${threads} thread(s)`, async () => {
          // Bounds that floats cannot represent, so the saturation test's float thresholds matter;
          // inputs beyond the input range, so dX is masked too.
          const make = () =>
            new Conv2d(
              runtime(
                new InstrumentedDevice({ outputRange: [-0.3, 1 / 3], inputRange: [-1.1, 1.1] }),
              ),
              { ...c.opts, analog },
            );
          setThreads(threads);
          const native = await twoSteps(make, c.input);
          setNativeHost(false);
          setNativeUnfold(false);
          const js = await twoSteps(make, c.input);
          for (let step = 0; step < 2; step++) {
            for (const k of ['y', 'dx', 'wGrad', 'bGrad'] as const) {
              const a = native[step]![k];
              const b = js[step]![k];
              if (!a || !b) expect(a).toBe(b);
              else expect(firstBitDiff(a, b), `${k}, step ${step}`).toBe(-1);
            }
          }
        });
      }
    }
  }

  // F = 6: channels 0-3 take host.c's 4 x 4 blocks, 4-5 its scalar loop.
  for (const [bound, F] of [
    [1 / 3, 1],
    [0.7, 1],
    [1 / 3, 6],
    [0.7, 6],
  ]) {
    it(`marks saturation as the double comparison does, bound ${bound}, ${F} channel(s)`, async () => {
      // fround(1/3) lies above 1/3, fround(0.7) below 0.7: outputs at fround(bound) and the
      // floats next to it must be marked exactly as comparing with the double bound marks them.
      const f = Math.fround(bound);
      const up = nextFloat(f, 1);
      const down = nextFloat(f, -1);
      const values = [f, up, down, 0.95, -f, -up, -down, -0.95, 0];
      const layer = new Conv2d(runtime(new InstrumentedDevice({ outputRange: [-bound, bound] })), {
        inChannels: 1,
        outChannels: F,
        kernel: 1,
        bias: false,
        analog: true,
      });
      layer.weight.value.fill(1);
      layer.weight.version++;
      const data = new Float32Array(64 * 64);
      for (let i = 0; i < data.length; i++) data[i] = values[i % values.length]!;
      const x = { data, shape: [1, 1, 64, 64] };
      // Channel k's gradient is 2^k, so dx tells which channels' masks let it through.
      const all = 2 ** F - 1;
      const masked = async () => {
        await layer.forward(x, ctx());
        const dy = new Float32Array(F * data.length);
        for (let k = 0; k < F; k++) dy.fill(2 ** k, k * data.length, (k + 1) * data.length);
        const dx = layer.backward({ data: dy, shape: [1, F, 64, 64] }).data;
        return [...dx.subarray(0, values.length)];
      };
      const native = await masked();
      setNativeHost(false);
      const js = await masked();
      expect(native).toEqual(js);
      // Sanity of the reference: the bound's own float is masked only when it is not inside.
      expect(js[0]).toBe(f >= bound ? 0 : all);
      expect(js[8]).toBe(all);
    });
  }
});

describe("Conv2d keeps a training forward's columns for its backward (KEEP_COLUMNS_FLOATS)", () => {
  afterEach(() => {
    setThreads(1);
    setNativeHost(true);
    setNativeUnfold(true);
  });

  // A forward with training = false keeps nothing, so its backward unfolds x again: the path
  // of layers above the budget. Both must give the same bits, native (1 and 2 threads) and JS.
  for (const mode of ['native, 1 thread', 'native, 2 threads', 'JS'] as const) {
    for (const c of hostCases) {
      it(`kept columns give the recomputed bits: ${c.name} (${mode})`, async () => {
        if (mode === 'JS') {
          setNativeHost(false);
          setNativeUnfold(false);
        } else setThreads(mode === 'native, 2 threads' ? 2 : 1);
        const make = () => new Conv2d(runtime(new IdealDevice()), { ...c.opts, analog: false });
        const kept = await twoSteps(make, c.input);
        const again = await twoSteps(make, c.input, false, false);
        for (let step = 0; step < 2; step++) {
          for (const k of ['y', 'dx', 'wGrad', 'bGrad'] as const) {
            const a = kept[step]![k];
            const b = again[step]![k];
            if (!a || !b) expect(a).toBe(b);
            else expect(firstBitDiff(a, b), `${k}, step ${step}`).toBe(-1);
          }
        }
      });
    }
  }

  it('uses the columns of the latest forward, and only for the input they came from', async () => {
    const opts = { inChannels: 3, outChannels: 4, kernel: 3, padding: 1, seed: 2, analog: false };
    const a = new Conv2d(runtime(new IdealDevice()), opts);
    const b = new Conv2d(runtime(new IdealDevice()), opts);
    const x1 = randTensor([2, 3, 8, 8], 1, -1, 1);
    const x2 = randTensor([2, 3, 8, 8], 2, -1, 1);
    // a: two training forwards, the second on x2, then backward; b: x2 alone.
    await a.forward(x1, ctx());
    const ya = await a.forward(x2, ctx());
    await b.forward(x2, ctx());
    const dy = randTensor(ya.shape, 3);
    const dxa = a.backward(dy).data.slice();
    const dxb = b.backward(dy).data.slice();
    expect(firstBitDiff(dxa, dxb)).toBe(-1);
    expect(firstBitDiff(a.weight.grad, b.weight.grad)).toBe(-1);
    // An evaluation forward in between: backward unfolds the input it saved.
    const c = new Conv2d(runtime(new IdealDevice()), opts);
    await c.forward(x1, ctx());
    await c.forward(x2, ctx({ training: false }));
    c.backward(dy);
    expect(firstBitDiff(c.weight.grad, b.weight.grad)).toBe(-1);
  });
});

describe('Conv2d without its input gradient (inputGradNeeded = false)', () => {
  for (const analog of [false, true]) {
    it(`keeps every parameter gradient bit for bit and returns zeros (analog=${analog})`, async () => {
      const c = hostCases[0]!;
      const make = () =>
        new Conv2d(runtime(new InstrumentedDevice({ inputRange: [-1.1, 1.1] })), {
          ...c.opts,
          analog,
        });
      const full = await twoSteps(make, c.input);
      const skipped = await twoSteps(make, c.input, true);
      for (let step = 0; step < 2; step++) {
        expect(firstBitDiff(skipped[step]!.y, full[step]!.y)).toBe(-1);
        expect(firstBitDiff(skipped[step]!.wGrad, full[step]!.wGrad)).toBe(-1);
        expect(firstBitDiff(skipped[step]!.bGrad!, full[step]!.bGrad!)).toBe(-1);
        expect(skipped[step]!.dx.length).toBe(full[step]!.dx.length);
        expect(skipped[step]!.dx.every((v) => v === 0)).toBe(true);
      }
    });
  }

  it('returns zeros again after a caller wrote into them, in the input shape', async () => {
    const layer = new Conv2d(runtime(), {
      inChannels: 2,
      outChannels: 3,
      kernel: 3,
      analog: false,
    });
    layer.inputGradNeeded = false;
    const x = randTensor([2, 2, 5, 5], 1);
    const y = await layer.forward(x, ctx());
    const dx = layer.backward(randTensor(y.shape, 2));
    expect(dx.shape).toEqual([2, 2, 5, 5]);
    dx.data.fill(7);
    await layer.forward(x, ctx());
    expect(layer.backward(randTensor(y.shape, 2)).data.every((v) => v === 0)).toBe(true);
  });
});

describe('Conv2d reuses its output arrays only once nobody reads them', () => {
  it('an output kept across a forward without backward (evaluation) stays intact', async () => {
    const layer = new Conv2d(runtime(), {
      inChannels: 2,
      outChannels: 3,
      kernel: 3,
      analog: false,
    });
    const y1 = await layer.forward(randTensor([2, 2, 5, 5], 1), ctx());
    const kept = y1.data.slice();
    layer.backward(randTensor(y1.shape, 3));
    // After backward y1 is dead (the trainer's view); the evaluation forwards that follow must
    // not hand out one array twice.
    const e1 = await layer.forward(randTensor([2, 2, 5, 5], 4), ctx());
    const e1Copy = e1.data.slice();
    const e2 = await layer.forward(randTensor([2, 2, 5, 5], 5), ctx());
    expect(e2.data).not.toBe(e1.data);
    expect(e1.data).toEqual(e1Copy);
    expect(kept.length).toBe(y1.data.length);
  });
});
