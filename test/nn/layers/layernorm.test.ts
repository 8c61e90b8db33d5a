import { describe, expect, it } from 'vitest';
import type { ForwardContext } from '../../../src/nn/layer.js';
import { LayerNorm } from '../../../src/nn/layers/layernorm.js';
import { tensor } from '../../../src/nn/tensor.js';
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

describe('LayerNorm', () => {
  it('normalises over the last dimension, then scales and shifts (by hand)', async () => {
    const ln = new LayerNorm(3, { eps: 0 });
    ln.weight.value.set([1, 2, -1]);
    ln.bias.value.set([0, 1, 0.5]);
    // Row [1, 2, 3]: mean 2, biased variance 2/3, so xhat = [-1, 0, 1] * sqrt(3/2).
    // Row [4, 4, 10]: mean 6, variance 8, xhat = [-2, -2, 4] / sqrt(8).
    const y = await ln.forward(tensor([1, 2, 3], new Float32Array([1, 2, 3, 4, 4, 10])), ctx);
    const k = Math.sqrt(1.5);
    const j = 1 / Math.sqrt(8);
    const want = [-k, 1, 0.5 - k, -2 * j, 2 * -2 * j + 1, 0.5 - 4 * j];
    expect(y.shape).toEqual([1, 2, 3]);
    want.forEach((w, i) => expect(y.data[i]).toBeCloseTo(w, 5));
  });

  it('uses eps inside the square root (a constant row maps to beta)', async () => {
    const ln = new LayerNorm(4);
    ln.bias.value.set([1, 2, 3, 4]);
    const y = await ln.forward(tensor([1, 4], new Float32Array([5, 5, 5, 5])), ctx);
    expect([...y.data]).toEqual([1, 2, 3, 4]);
  });

  it('gradchecks input, gamma and beta on [B, T, D]', async () => {
    const ln = new LayerNorm(5);
    ln.weight.value.set(rand(5, 2, 0.5, 1));
    ln.bias.value.set(rand(5, 3));
    const x = tensor([2, 3, 5], rand(30, 4, 1.5));
    const r = await gradcheck(ln, x, ctx);
    expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
  });

  it('rejects a wrong last dimension', async () => {
    await expect(new LayerNorm(4).forward(tensor([2, 3]), ctx)).rejects.toThrow(RangeError);
  });
});
