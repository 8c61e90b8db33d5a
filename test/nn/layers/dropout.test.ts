import { describe, expect, it } from 'vitest';
import { Dropout } from '../../../src/nn/layers/dropout.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, randTensor } from './helpers.js';

const ones = (shape: number[]) => ({
  data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1),
  shape,
});

describe('Dropout', () => {
  it('is the identity in evaluation (data and gradient)', async () => {
    const d = new Dropout({ p: 0.5, id: 1 });
    const x = randTensor([4, 8], 1);
    const y = await d.forward(x, ctx({ training: false }));
    expect(y.data).toEqual(x.data);
    expect(d.backward(x).data).toEqual(x.data);
  });

  it('drops about p of the elements and scales survivors by 1/(1-p)', async () => {
    const p = 0.3;
    const y = await new Dropout({ p, id: 1 }).forward(ones([200, 100]), ctx());
    let dropped = 0;
    for (const v of y.data) {
      if (v === 0) dropped++;
      else expect(v).toBeCloseTo(1 / (1 - p), 6);
    }
    // 20000 Bernoulli(0.3): sd ~ 0.0032.
    expect(Math.abs(dropped / y.data.length - p)).toBeLessThan(0.015);
    // The mean is preserved in expectation.
    const mean = y.data.reduce((a, b) => a + b, 0) / y.data.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.03);
  });

  it('p = 0 passes everything, p = 1 drops everything', async () => {
    const x = randTensor([3, 4], 2);
    expect((await new Dropout({ p: 0, id: 1 }).forward(x, ctx())).data).toEqual(x.data);
    expect(
      Array.from((await new Dropout({ p: 1, id: 1 }).forward(x, ctx())).data).every((v) => v === 0),
    ).toBe(true);
    expect(() => new Dropout({ p: 1.5, id: 1 })).toThrow(RangeError);
  });

  it('masks are reproducible from (seed, draw, id) and differ when any changes', async () => {
    const x = ones([8, 16]);
    const mask = async (id: number, c = ctx()) =>
      Array.from((await new Dropout({ p: 0.5, id }).forward(x, c)).data);
    const base = await mask(1);
    expect(await mask(1)).toEqual(base);
    expect(await mask(2)).not.toEqual(base);
    expect(await mask(1, ctx({ draw: 1 }))).not.toEqual(base);
    expect(await mask(1, ctx({ seed: 2 }))).not.toEqual(base);
  });

  it('is batch-chunk invariant: a sample keeps its mask whatever chunk it is in', async () => {
    const d = new Dropout({ p: 0.5, id: 3 });
    const x = randTensor([6, 2, 5], 4);
    const whole = await d.forward(x, ctx({ draw: 9 }));
    const a = await d.forward(
      { data: x.data.slice(0, 20), shape: [2, 2, 5] },
      ctx({ draw: 9, rowOffset: 0 }),
    );
    const b = await d.forward(
      { data: x.data.slice(20), shape: [4, 2, 5] },
      ctx({ draw: 9, rowOffset: 2 }),
    );
    expect(Array.from(whole.data)).toEqual([...a.data, ...b.data]);
  });

  it('backward applies the forward mask and passes gradcheck in training', async () => {
    const d = new Dropout({ p: 0.4, id: 5 });
    const x = randTensor([3, 7], 6);
    const y = await d.forward(x, ctx());
    const dx = d.backward(ones([3, 7]));
    for (let i = 0; i < y.data.length; i++)
      expect(dx.data[i]).toBeCloseTo(y.data[i] / x.data[i], 5);
    const r = await gradcheck(d, x, ctx(), { maxEntries: 1000 });
    expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
  });
});
