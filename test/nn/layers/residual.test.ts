import { describe, expect, it } from 'vitest';
import type { ForwardContext, Layer } from '../../../src/nn/layer.js';
import { BatchNorm2d } from '../../../src/nn/layers/batchnorm2d.js';
import { Flatten } from '../../../src/nn/layers/flatten.js';
import { LayerNorm } from '../../../src/nn/layers/layernorm.js';
import { Residual } from '../../../src/nn/layers/residual.js';
import { tensor, type Tensor } from '../../../src/nn/tensor.js';
import { gradcheck } from '../../helpers/gradcheck.js';

const ctx: ForwardContext = { training: true, draw: 0, rowOffset: 0, seed: 1 };

function rand(n: number, seed: number, scale = 1, shift = 0): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    a[i] = (s / 2 ** 32 - 0.5) * 2 * scale + shift;
  }
  return a;
}

function layerNorm(features: number, seed: number): LayerNorm {
  const ln = new LayerNorm(features);
  ln.weight.value.set(rand(features, seed, 0.5, 1));
  ln.bias.value.set(rand(features, seed + 1));
  return ln;
}

/** y = 2x, to see exactly what the backward pass sends down each path. */
class Double implements Layer {
  readonly kind = 'double';
  async forward(x: Tensor): Promise<Tensor> {
    return { data: x.data.map((v) => 2 * v), shape: x.shape };
  }
  backward(dy: Tensor): Tensor {
    return { data: dy.data.map((v) => 2 * v), shape: dy.shape };
  }
  params() {
    return [];
  }
}

describe('Residual', () => {
  it('adds the input on the identity shortcut', async () => {
    const main = layerNorm(4, 2);
    const res = new Residual(main);
    const x = tensor([3, 4], rand(12, 5));
    const y = await res.forward(x, ctx);
    const m = await main.forward(x, ctx);
    for (let i = 0; i < 12; i++) expect(y.data[i]).toBeCloseTo(m.data[i] + x.data[i], 6);
  });

  it('sums the gradients of both paths', async () => {
    const res = new Residual(new Double());
    await res.forward(tensor([1, 2], new Float32Array([1, 2])), ctx);
    expect([...res.backward(tensor([1, 2], new Float32Array([1, -3]))).data]).toEqual([3, -9]);
    const proj = new Residual(new Double(), new Double());
    await proj.forward(tensor([1, 2], new Float32Array([1, 2])), ctx);
    expect([...proj.backward(tensor([1, 2], new Float32Array([1, -3]))).data]).toEqual([4, -12]);
  });

  it('gradchecks with an identity shortcut', async () => {
    const r = await gradcheck(new Residual(layerNorm(4, 3)), tensor([3, 4], rand(12, 6)), ctx);
    expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
  });

  it('gradchecks with a layer on the shortcut (BatchNorm in training)', async () => {
    const bn = new BatchNorm2d(2);
    bn.weight.value.set([0.8, 1.4]);
    const res = new Residual(layerNorm(3, 7), bn);
    const r = await gradcheck(res, tensor([2, 2, 2, 3], rand(24, 8)), ctx);
    expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
  });

  it('names params and buffers by path', () => {
    const res = new Residual(layerNorm(2, 1), new BatchNorm2d(2));
    expect(res.params().map((p) => p.name)).toEqual([
      'main.weight',
      'main.bias',
      'shortcut.weight',
      'shortcut.bias',
    ]);
    expect(res.buffers().map((b) => b.name)).toEqual([
      'shortcut.running_mean',
      'shortcut.running_var',
    ]);
    res.params()[0].version++;
    expect((res.main as LayerNorm).weight.version).toBe(1);
  });

  it('rejects paths of different shapes', async () => {
    const res = new Residual(new Flatten());
    await expect(res.forward(tensor([2, 1, 1, 2], rand(4, 1)), ctx)).rejects.toThrow(RangeError);
  });
});
