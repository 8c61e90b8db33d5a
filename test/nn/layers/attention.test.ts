import { describe, expect, it } from 'vitest';
import { IdealDevice } from '../../../simulator/ideal-device.js';
import { jsKernels } from '../../../src/compute/js-kernels.js';
import type { ForwardContext, Runtime } from '../../../src/nn/layer.js';
import { MultiHeadSelfAttention, subSeeds } from '../../../src/nn/layers/attention.js';
import type { Linear } from '../../../src/nn/layers/linear.js';
import { tensor } from '../../../src/nn/tensor.js';
import { gradcheck } from '../../helpers/gradcheck.js';

const ctx: ForwardContext = { training: true, draw: 0, rowOffset: 0, seed: 1 };
const runtime = (): Runtime => ({ kernels: jsKernels, device: new IdealDevice() });

function rand(n: number, seed: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    a[i] = (s / 2 ** 32 - 0.5) * 2 * scale;
  }
  return a;
}

/** x W^T + b for one token, with the Linear's [out, in] weight. */
function project(lin: Linear, x: number[]): number[] {
  const W = lin.weight.value;
  const b = lin.bias!.value;
  const n = lin.outFeatures;
  return Array.from({ length: n }, (_, o) =>
    x.reduce((acc, xi, i) => acc + W[o * x.length + i] * xi, b[o]),
  );
}

/** Self-attention written the slow, obvious way: per sample, per head, explicit softmax. */
function naiveAttention(
  m: MultiHeadSelfAttention,
  x: Float32Array,
  B: number,
  T: number,
): number[] {
  const D = m.dim;
  const H = m.heads;
  const dh = D / H;
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    const tokens = Array.from({ length: T }, (_, t) =>
      Array.from(x.subarray((b * T + t) * D, (b * T + t + 1) * D)),
    );
    const q = tokens.map((t) => project(m.q, t));
    const k = tokens.map((t) => project(m.k, t));
    const v = tokens.map((t) => project(m.v, t));
    const concat = tokens.map(() => new Array<number>(D).fill(0));
    for (let h = 0; h < H; h++) {
      for (let i = 0; i < T; i++) {
        const scores: number[] = [];
        for (let j = 0; j < T; j++) {
          let s = 0;
          for (let c = 0; c < dh; c++) s += q[i][h * dh + c] * k[j][h * dh + c];
          scores.push(s / Math.sqrt(dh));
        }
        const e = scores.map((s) => Math.exp(s));
        const z = e.reduce((a, c) => a + c, 0);
        for (let j = 0; j < T; j++)
          for (let c = 0; c < dh; c++) concat[i][h * dh + c] += (e[j] / z) * v[j][h * dh + c];
      }
    }
    for (const row of concat) out.push(...project(m.out, row));
  }
  return out;
}

describe('MultiHeadSelfAttention', () => {
  for (const analog of [false, true]) {
    it(`matches a naive per-head reference (analog=${analog})`, async () => {
      const m = new MultiHeadSelfAttention({
        runtime: runtime(),
        dim: 6,
        heads: 3,
        analog,
        seed: 5,
      });
      const B = 2;
      const T = 4;
      const x = tensor([B, T, 6], rand(B * T * 6, 9, 1.5));
      const y = await m.forward(x, ctx);
      expect(y.shape).toEqual([B, T, 6]);
      const want = naiveAttention(m, x.data, B, T);
      want.forEach((w, i) => expect(y.data[i]).toBeCloseTo(w, 5));
    });
  }

  it('gives the same output analog on the ideal device and digital (same seed)', async () => {
    const x = tensor([1, 3, 4], rand(12, 2));
    const a = await new MultiHeadSelfAttention({
      runtime: runtime(),
      dim: 4,
      heads: 2,
      analog: true,
      seed: 3,
    }).forward(x, ctx);
    const d = await new MultiHeadSelfAttention({
      runtime: runtime(),
      dim: 4,
      heads: 2,
      analog: false,
      seed: 3,
    }).forward(x, ctx);
    for (let i = 0; i < 12; i++) expect(a.data[i]).toBeCloseTo(d.data[i], 5);
  });

  for (const analog of [false, true]) {
    it(`gradchecks input and all projections (B=2, T=3, D=4, heads=2, analog=${analog})`, async () => {
      const m = new MultiHeadSelfAttention({
        runtime: runtime(),
        dim: 4,
        heads: 2,
        analog,
        seed: 11,
      });
      // Larger weights than the default init so the softmax is far from uniform.
      for (const p of m.params())
        p.value.set(rand(p.value.length, p.value.length + p.name.length, 0.9));
      const r = await gradcheck(m, tensor([2, 3, 4], rand(24, 4, 1.2)), ctx, { maxEntries: 100 });
      expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
    });
  }

  it('accumulates param gradients over backward calls', async () => {
    const m = new MultiHeadSelfAttention({ runtime: runtime(), dim: 4, heads: 1, analog: false });
    const x = tensor([1, 2, 4], rand(8, 1));
    const dy = tensor([1, 2, 4], rand(8, 2));
    await m.forward(x, ctx);
    m.backward(dy);
    const once = m.q.weight.grad.slice();
    await m.forward(x, ctx);
    m.backward(dy);
    once.forEach((g, i) => expect(m.q.weight.grad[i]).toBeCloseTo(2 * g, 6));
  });

  it('names its params by projection and derives distinct projection seeds', () => {
    const m = new MultiHeadSelfAttention({
      runtime: runtime(),
      dim: 4,
      heads: 2,
      analog: false,
      seed: 1,
    });
    expect(m.params().map((p) => p.name)).toEqual([
      'q.weight',
      'q.bias',
      'k.weight',
      'k.bias',
      'v.weight',
      'v.bias',
      'out.weight',
      'out.bias',
    ]);
    expect([...m.q.weight.value]).not.toEqual([...m.k.weight.value]);
    expect(new Set(subSeeds(1, 4)).size).toBe(4);
  });

  it('rejects heads that do not divide dim, and a wrong input shape', async () => {
    expect(
      () => new MultiHeadSelfAttention({ runtime: runtime(), dim: 6, heads: 4, analog: false }),
    ).toThrow(RangeError);
    const m = new MultiHeadSelfAttention({ runtime: runtime(), dim: 4, heads: 2, analog: false });
    await expect(m.forward(tensor([2, 4]), ctx)).rejects.toThrow(/\[B, T, 4\]/);
  });
});
