import { describe, expect, it } from 'vitest';
import type { ForwardContext } from '../../../src/nn/layer.js';
import { BatchNorm2d } from '../../../src/nn/layers/batchnorm2d.js';
import { tensor } from '../../../src/nn/tensor.js';
import { gradcheck } from '../../helpers/gradcheck.js';

const train: ForwardContext = { training: true, draw: 0, rowOffset: 0, seed: 1 };
const evalCtx: ForwardContext = { ...train, training: false };

function rand(n: number, seed: number, scale = 1, shift = 0): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    a[i] = (s / 2 ** 32 - 0.5) * 2 * scale + shift;
  }
  return a;
}

/** The values of channel c of an NCHW array, gathered into a plain list. */
function channel(data: Float32Array, shape: number[], c: number): number[] {
  const [B, C, H, W] = shape;
  const out: number[] = [];
  for (let b = 0; b < B; b++)
    for (let i = 0; i < H * W; i++) out.push(data[(b * C + c) * H * W + i]);
  return out;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: number[], ddof: number) => {
  const m = mean(v);
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - ddof);
};

describe('BatchNorm2d', () => {
  const shape = [3, 2, 2, 3];

  it('normalises each channel to mean 0, variance 1 in training', async () => {
    const bn = new BatchNorm2d(2);
    const x = tensor(shape, rand(36, 3, 2, 5));
    const y = await bn.forward(x, train);
    for (let c = 0; c < 2; c++) {
      const v = channel(y.data, shape, c);
      expect(mean(v)).toBeCloseTo(0, 5);
      expect(variance(v, 0)).toBeCloseTo(1, 3);
    }
  });

  it('applies gamma and beta after normalising', async () => {
    const bn = new BatchNorm2d(2);
    bn.weight.value.set([2, -0.5]);
    bn.bias.value.set([1, 3]);
    const x = tensor(shape, rand(36, 4));
    const y = await bn.forward(x, train);
    for (let c = 0; c < 2; c++) {
      const xv = channel(x.data, shape, c);
      const m = mean(xv);
      const sd = Math.sqrt(variance(xv, 0) + 1e-5);
      const yv = channel(y.data, shape, c);
      xv.forEach((xi, i) =>
        expect(yv[i]).toBeCloseTo(bn.weight.value[c] * ((xi - m) / sd) + bn.bias.value[c], 5),
      );
    }
  });

  it('updates running stats as PyTorch does (unbiased running_var, momentum 0.1)', async () => {
    const bn = new BatchNorm2d(2);
    let rm = [0, 0];
    let rv = [1, 1];
    for (let step = 0; step < 3; step++) {
      const x = tensor(shape, rand(36, 10 + step, 1 + step, step));
      await bn.forward(x, train);
      rm = rm.map((r, c) => 0.9 * r + 0.1 * mean(channel(x.data, shape, c)));
      rv = rv.map((r, c) => 0.9 * r + 0.1 * variance(channel(x.data, shape, c), 1));
    }
    for (let c = 0; c < 2; c++) {
      expect(bn.runningMean[c]).toBeCloseTo(rm[c], 5);
      expect(bn.runningVar[c]).toBeCloseTo(rv[c], 5);
    }
  });

  it('honours a custom momentum', async () => {
    const bn = new BatchNorm2d(2, { momentum: 0.5 });
    const x = tensor(shape, rand(36, 12, 1, 2));
    await bn.forward(x, train);
    expect(bn.runningMean[1]).toBeCloseTo(0.5 * mean(channel(x.data, shape, 1)), 5);
  });

  it('uses the running stats in evaluation and leaves them alone', async () => {
    const bn = new BatchNorm2d(2, { eps: 1e-3 });
    bn.runningMean.set([0.5, -1]);
    bn.runningVar.set([4, 0.25]);
    bn.weight.value.set([1.5, 2]);
    bn.bias.value.set([0.1, -0.2]);
    const x = tensor(shape, rand(36, 5));
    const y = await bn.forward(x, evalCtx);
    for (let c = 0; c < 2; c++) {
      const xv = channel(x.data, shape, c);
      const yv = channel(y.data, shape, c);
      const rm = bn.runningMean[c];
      const sd = Math.sqrt(bn.runningVar[c] + 1e-3);
      xv.forEach((xi, i) =>
        expect(yv[i]).toBeCloseTo(bn.weight.value[c] * ((xi - rm) / sd) + bn.bias.value[c], 5),
      );
    }
    expect([...bn.runningMean]).toEqual([0.5, -1]);
  });

  it('exposes its running stats as live buffers for checkpoints', () => {
    const bn = new BatchNorm2d(3);
    const bufs = bn.buffers();
    expect(bufs.map((b) => b.name)).toEqual(['running_mean', 'running_var']);
    bufs[0].value[1] = 7;
    expect(bn.runningMean[1]).toBe(7);
    expect(bn.params().map((p) => p.name)).toEqual(['weight', 'bias']);
  });

  it('gradchecks in training mode (input, gamma, beta)', async () => {
    const bn = new BatchNorm2d(2);
    bn.weight.value.set([1.3, -0.7]);
    bn.bias.value.set([0.2, 0.4]);
    const x = tensor(shape, rand(36, 6, 1, 0.3));
    const r = await gradcheck(bn, x, train, { eps: 1e-2, maxEntries: 64 });
    expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
  });

  it('gradchecks in evaluation mode', async () => {
    const bn = new BatchNorm2d(2);
    bn.weight.value.set([1.3, -0.7]);
    bn.runningMean.set([0.1, -0.2]);
    bn.runningVar.set([0.5, 2]);
    const x = tensor(shape, rand(36, 7));
    const r = await gradcheck(bn, x, evalCtx);
    expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
  });

  it('rejects a wrong channel count and a one-value batch in training', async () => {
    const bn = new BatchNorm2d(2);
    await expect(bn.forward(tensor([1, 3, 2, 2]), train)).rejects.toThrow(RangeError);
    await expect(bn.forward(tensor([1, 2, 1, 1]), train)).rejects.toThrow(/more than one value/);
  });
});
