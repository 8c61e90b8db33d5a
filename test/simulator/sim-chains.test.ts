/**
 * The simulator's conversion chains run fused (natively when the addon is built); the separate
 * reference calls are the definition. All three ways must give the device the same bits.
 */
import { describe, expect, it } from 'vitest';
import type { ProductContext } from '../../src/device/device.js';
import type { NoiseModel } from '../../src/noise/index.js';
import { paperProfile, parseProfile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';

function lcg(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
}

const HOW = ['fused', 'fused-js', 'reference'] as const;

async function outputs(
  make: (how: (typeof HOW)[number]) => SimDevice,
  W: Float32Array,
  X: Float32Array,
  rows: number,
  cols: number,
  batch: number,
  ctx: ProductContext,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const how of HOW) {
    const d = make(how);
    await d.program(0, W, rows, cols);
    const y0 = await d.matmul(0, X, batch, ctx);
    const y1 = await d.matmul(0, X, batch, { ...ctx, draw: ctx.draw + 1 });
    const y2 = await d.matmul(0, X, batch); // an automatic draw
    const all = new Float32Array(3 * y0.length);
    all.set(y0);
    all.set(y1, y0.length);
    all.set(y2, 2 * y0.length);
    out.push(all);
  }
  return out;
}

describe("SimDevice chains: 'fused', 'fused-js' and 'reference' agree bit for bit", () => {
  for (const model of ['gaussian', 'uniform', 'laplace', 'poisson'] as NoiseModel[]) {
    it(`every block noisy (${model}), programming noise, ranges that clip`, async () => {
      const rows = 40;
      const cols = 300;
      const batch = 50;
      const next = lcg(7);
      const W = Float32Array.from({ length: rows * cols }, () => next() * 1.3);
      const X = Float32Array.from({ length: batch * cols }, () => next() * 1.5);
      const block = { model, ep: 0.3 } as const;
      const profile = parseProfile({
        schema: 'analoop.profile/1',
        name: 'all-noisy',
        array: { rows, cols, maxBatch: 4096 },
        dac: { range: [-1, 1], precision: 16 },
        adc: { range: [-4, 4], precision: 32 },
        weights: { range: [-1, 1], precision: 8 },
        noise: { programming: block, weight: block, input: block, read: block },
        seed: 11,
      });
      const [a, b, c] = await outputs(
        (how) => new SimDevice(profile, { chains: how }),
        W,
        X,
        rows,
        cols,
        batch,
        { draw: 3, rowOffset: 1000 },
      );
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    });
  }

  it('per-source input conversion (the paper preset with an input map)', async () => {
    const rows = 16;
    const cols = 64;
    const batch = 20;
    const next = lcg(8);
    const W = Float32Array.from({ length: rows * cols }, () => next() * 0.5);
    const sources = Float32Array.from({ length: 500 }, next);
    const map = Int32Array.from({ length: batch * cols }, (_, i) =>
      i % 11 === 0 ? -1 : (i * 7) % 500,
    );
    const X = Float32Array.from(map, (s) => (s < 0 ? 0 : sources[s]!));
    const profile = paperProfile({ p: 16, ep: 0.5, rows, cols, seed: 2 });
    const [a, b, c] = await outputs(
      (how) => new SimDevice(profile, { chains: how }),
      W,
      X,
      rows,
      cols,
      batch,
      { draw: 0, rowOffset: 0, inputSource: map, sourceOffset: 40 },
    );
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});
