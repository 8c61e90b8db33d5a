import { describe, expect, it } from 'vitest';
import { NoiseLayer } from '../../../src/nn/layers/noise-layer.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, randTensor } from './helpers.js';

/** method.md's RP: sign(x) ceil(|x p| - 0.5) / p. */
const rp = (x: number, p: number) => (Math.sign(x) * Math.ceil(Math.abs(x * p) - 0.5)) / p + 0;

describe('NoiseLayer', () => {
  it('without noise is Clamp[-1, 1] then RP(p) (method.md test vectors, p = 4)', async () => {
    const layer = new NoiseLayer({ p: 4, noise: { model: 'none' }, id: 1 });
    const xs = [-0.9, -0.375, -0.3, -0.125, 0.1, 0.126, 0.375, 0.376, 0.6, 0.875, 0.9, 1.7, -3];
    const want = [-1, -0.25, -0.25, 0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 1, 1, -1];
    const y = await layer.forward({ data: Float32Array.from(xs), shape: [1, xs.length] }, ctx());
    expect(Array.from(y.data)).toEqual(want);
  });

  it('honours a custom clamp range', async () => {
    const layer = new NoiseLayer({ p: 4, noise: { model: 'none' }, range: [0, 2], id: 1 });
    const y = await layer.forward(
      { data: Float32Array.from([-0.5, 1.3, 2.6]), shape: [1, 3] },
      ctx(),
    );
    expect(Array.from(y.data)).toEqual([0, rp(1.3, 4), 2]);
  });

  it('Gaussian noise at EP 0.5, p 16 moves half of the grid values to another bin', async () => {
    const p = 16;
    const layer = new NoiseLayer({ p, noise: { model: 'gaussian', ep: 0.5 }, id: 2 });
    expect(layer.noise.scale).toBeCloseTo(0.0463313, 6); // method.md's sigma table
    const n = 100_000;
    const x = new Float32Array(n);
    // Grid points k/p inside [-0.75, 0.75], so the clamp never acts.
    for (let i = 0; i < n; i++) x[i] = ((i % 25) - 12) / p;
    const y = await layer.forward({ data: x, shape: [n / 100, 100] }, ctx({ training: false }));
    let moved = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      if (rp(y.data[i], p) !== rp(x[i], p)) moved++;
      sq += (y.data[i] - x[i]) ** 2;
    }
    expect(Math.abs(moved / n - 0.5)).toBeLessThan(0.01);
    expect(Math.sqrt(sq / n)).toBeCloseTo(0.0463313, 3);
  });

  it('noise is reproducible per (seed, draw, id), fresh across draws, and batch-chunk invariant', async () => {
    const layer = new NoiseLayer({ p: 64, noise: { model: 'gaussian', ep: 0.5 }, id: 3 });
    const x = randTensor([6, 2, 3], 1, -0.8, 0.8);
    const a = await layer.forward(x, ctx({ draw: 5 }));
    expect((await layer.forward(x, ctx({ draw: 5 }))).data).toEqual(a.data);
    expect((await layer.forward(x, ctx({ draw: 6 }))).data).not.toEqual(a.data);
    expect((await layer.forward(x, ctx({ draw: 5, seed: 9 }))).data).not.toEqual(a.data);
    const other = new NoiseLayer({ p: 64, noise: { model: 'gaussian', ep: 0.5 }, id: 4 });
    expect((await other.forward(x, ctx({ draw: 5 }))).data).not.toEqual(a.data);
    const first = await layer.forward(
      { data: x.data.slice(0, 12), shape: [2, 2, 3] },
      ctx({ draw: 5, rowOffset: 0 }),
    );
    const rest = await layer.forward(
      { data: x.data.slice(12), shape: [4, 2, 3] },
      ctx({ draw: 5, rowOffset: 2 }),
    );
    expect(Array.from(a.data)).toEqual([...first.data, ...rest.data]);
  });

  it('is noisy in evaluation too (the paper keeps noise on at test time)', async () => {
    const layer = new NoiseLayer({ p: 16, noise: { model: 'uniform', ep: 0.5 }, id: 5 });
    const x = randTensor([4, 8], 2, -0.5, 0.5);
    const y = await layer.forward(x, ctx({ training: false }));
    const clean = Array.from(x.data, (v) => rp(v, 16));
    expect(Array.from(y.data)).not.toEqual(clean);
  });

  it('backward is straight-through, masked where the clamp acted', async () => {
    const layer = new NoiseLayer({ p: 8, noise: { model: 'laplace', ep: 0.3 }, id: 6 });
    const x = randTensor([3, 10], 3, -2, 2);
    x.data[0] = 1; // on the bound: passes
    await layer.forward(x, ctx());
    const dy = randTensor([3, 10], 4);
    const dx = layer.backward(dy);
    for (let i = 0; i < x.data.length; i++)
      expect(dx.data[i]).toBe(Math.abs(x.data[i]) <= 1 ? dy.data[i] : 0);
    expect(dx.data[0]).toBe(dy.data[0]);
  });

  it('without quantisation the layer is x + fixed noise inside the range: gradcheck holds', async () => {
    const layer = new NoiseLayer({ p: Infinity, noise: { model: 'gaussian', scale: 0.05 }, id: 7 });
    const r = await gradcheck(layer, randTensor([3, 8], 5, -0.8, 0.8), ctx(), { maxEntries: 1000 });
    expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
  });

  it('rejects bad settings with a message', () => {
    expect(() => new NoiseLayer({ p: -1, noise: { model: 'none' }, id: 1 })).toThrow(
      /p must be > 0/,
    );
    expect(() => new NoiseLayer({ p: 16, noise: { model: 'gaussian' }, id: 1 })).toThrow(
      /give two of/,
    );
    expect(() => new NoiseLayer({ p: 0, noise: { model: 'gaussian', ep: 0.5 }, id: 1 })).toThrow(
      /without quantisation/,
    );
  });
});
