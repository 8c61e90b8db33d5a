import { describe, expect, it } from 'vitest';
import { Linear } from '../../../src/nn/layers/linear.js';
import { IdealDevice } from '../../../simulator/ideal-device.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, InstrumentedDevice, maxRelDiff, randTensor, runtime } from './helpers.js';

/** y[r, o] = sum_i x[r, i] W[o, i] + b[o], in float64. */
function reference(
  x: Float32Array,
  W: Float32Array,
  b: Float32Array | undefined,
  rows: number,
  inF: number,
  outF: number,
): Float64Array {
  const y = new Float64Array(rows * outF);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outF; o++) {
      let s = b ? b[o] : 0;
      for (let i = 0; i < inF; i++) s += x[r * inF + i] * W[o * inF + i];
      y[r * outF + o] = s;
    }
  }
  return y;
}

describe('Linear', () => {
  it('initialises like PyTorch: U(-1/sqrt(in), 1/sqrt(in)), reproducible from the seed', () => {
    const a = new Linear(runtime(), { inFeatures: 16, outFeatures: 8, analog: false, seed: 3 });
    const b = new Linear(runtime(), { inFeatures: 16, outFeatures: 8, analog: false, seed: 3 });
    const c = new Linear(runtime(), { inFeatures: 16, outFeatures: 8, analog: false, seed: 4 });
    const bound = 1 / Math.sqrt(16);
    for (const v of [...a.weight.value, ...a.bias!.value])
      expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    expect(a.weight.value).toEqual(b.weight.value);
    expect(a.bias!.value).toEqual(b.bias!.value);
    expect(a.weight.value).not.toEqual(c.weight.value);
    // Spread: the sample should fill most of the interval.
    expect(Math.max(...a.weight.value)).toBeGreaterThan(0.8 * bound);
    expect(Math.min(...a.weight.value)).toBeLessThan(-0.8 * bound);
    expect(a.params().map((p) => [p.name, p.shape])).toEqual([
      ['weight', [8, 16]],
      ['bias', [8]],
    ]);
    const nb = new Linear(runtime(), { inFeatures: 4, outFeatures: 2, bias: false, analog: false });
    expect(nb.params().map((p) => p.name)).toEqual(['weight']);
  });

  for (const analog of [false, true]) {
    it(`forward matches a nested-loop reference (analog=${analog})`, async () => {
      const layer = new Linear(runtime(), { inFeatures: 7, outFeatures: 5, analog, seed: 1 });
      const x = randTensor([4, 7], 11);
      const y = await layer.forward(x, ctx());
      expect(y.shape).toEqual([4, 5]);
      expect(
        maxRelDiff(y.data, reference(x.data, layer.weight.value, layer.bias!.value, 4, 7, 5)),
      ).toBeLessThan(1e-6);
    });

    it(`treats leading dimensions as rows: [B, T, in] -> [B, T, out] (analog=${analog})`, async () => {
      const layer = new Linear(runtime(), { inFeatures: 6, outFeatures: 3, analog, seed: 2 });
      const x = randTensor([2, 4, 6], 12);
      const y = await layer.forward(x, ctx());
      expect(y.shape).toEqual([2, 4, 3]);
      expect(
        maxRelDiff(y.data, reference(x.data, layer.weight.value, layer.bias!.value, 8, 6, 3)),
      ).toBeLessThan(1e-6);
    });

    for (const bias of [true, false]) {
      it(`passes gradcheck for input, weight${bias ? ' and bias' : ''} (analog=${analog})`, async () => {
        const layer = new Linear(runtime(), {
          inFeatures: 6,
          outFeatures: 4,
          bias,
          analog,
          seed: 5,
        });
        const r = await gradcheck(layer, randTensor([3, 6], 13), ctx(), { maxEntries: 1000 });
        expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
      });
    }
  }

  it('analog on the ideal device agrees with digital', async () => {
    const analog = new Linear(runtime(), {
      inFeatures: 33,
      outFeatures: 17,
      analog: true,
      seed: 9,
    });
    const digital = new Linear(runtime(), {
      inFeatures: 33,
      outFeatures: 17,
      analog: false,
      seed: 9,
    });
    const x = randTensor([10, 33], 14);
    const ya = await analog.forward(x, ctx());
    const yd = await digital.forward(x, ctx());
    expect(maxRelDiff(ya.data, yd.data)).toBeLessThan(1e-5);
    const dy = randTensor([10, 17], 15);
    expect(analog.backward(dy).data).toEqual(digital.backward(dy).data);
    expect(analog.weight.grad).toEqual(digital.weight.grad);
    expect(analog.bias!.grad).toEqual(digital.bias!.grad);
  });

  it('tiling is transparent: a 3x5 array with maxBatch 2 gives the large-array result', async () => {
    const big = new Linear(runtime(new IdealDevice()), {
      inFeatures: 12,
      outFeatures: 7,
      analog: true,
      seed: 4,
    });
    const tinyDevice = new IdealDevice({ rows: 3, cols: 5, maxBatch: 2 });
    const tiny = new Linear(runtime(tinyDevice), {
      inFeatures: 12,
      outFeatures: 7,
      analog: true,
      seed: 4,
    });
    const x = randTensor([5, 12], 16);
    const yb = await big.forward(x, ctx());
    const yt = await tiny.forward(x, ctx());
    expect(maxRelDiff(yt.data, yb.data)).toBeLessThan(1e-6);
    const r = await gradcheck(tiny, x, ctx(), { maxEntries: 1000 });
    expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
  });

  it('re-programs the device only when the weight version changes', async () => {
    const dev = new InstrumentedDevice({ rows: 4, cols: 4 });
    const layer = new Linear(runtime(dev), {
      inFeatures: 6,
      outFeatures: 5,
      analog: true,
      seed: 1,
    });
    const tiles = 2 * 2;
    const x = randTensor([3, 6], 17);
    expect(dev.programCalls).toBe(0); // nothing is written before the first forward
    const y1 = await layer.forward(x, ctx());
    expect(dev.programCalls).toBe(tiles);
    await layer.forward(x, ctx({ draw: 1 }));
    layer.backward(randTensor([3, 5], 18));
    await layer.forward(x, ctx({ draw: 2 }));
    expect(dev.programCalls).toBe(tiles);
    // An optimiser step: new values, version bumped.
    for (let i = 0; i < layer.weight.value.length; i++) layer.weight.value[i] *= 2;
    layer.weight.version++;
    const y2 = await layer.forward(x, ctx());
    expect(dev.programCalls).toBe(2 * tiles);
    const b = layer.bias!.value;
    for (let i = 0; i < y1.data.length; i++)
      expect(y2.data[i] - b[i % 5]).toBeCloseTo(2 * (y1.data[i] - b[i % 5]), 5);
    // A bias change needs no re-programming (the bias is digital).
    layer.bias!.version++;
    await layer.forward(x, ctx());
    expect(dev.programCalls).toBe(2 * tiles);
  });

  it('passes draw and a row-scaled rowOffset to the device', async () => {
    const dev = new InstrumentedDevice();
    const layer = new Linear(runtime(dev), { inFeatures: 3, outFeatures: 2, analog: true });
    await layer.forward(randTensor([2, 3], 1), ctx({ draw: 7, rowOffset: 10 }));
    expect(dev.contexts.at(-1)).toEqual({ draw: 7, rowOffset: 10 });
    await layer.forward(randTensor([2, 4, 3], 2), ctx({ draw: 8, rowOffset: 10 }));
    expect(dev.contexts.at(-1)).toEqual({ draw: 8, rowOffset: 40 });
  });

  it('keyed device noise does not depend on batch chunking', async () => {
    const dev = new InstrumentedDevice({ noise: 0.01, rows: 4, cols: 4, maxBatch: 3 });
    const layer = new Linear(runtime(dev), {
      inFeatures: 6,
      outFeatures: 5,
      analog: true,
      seed: 2,
    });
    const x = randTensor([6, 6], 19);
    const whole = await layer.forward(x, ctx({ draw: 3 }));
    const first = await layer.forward(
      { data: x.data.slice(0, 12), shape: [2, 6] },
      ctx({ draw: 3, rowOffset: 0 }),
    );
    const rest = await layer.forward(
      { data: x.data.slice(12), shape: [4, 6] },
      ctx({ draw: 3, rowOffset: 2 }),
    );
    expect(Array.from(whole.data)).toEqual([...first.data, ...rest.data]);
    const other = await layer.forward(x, ctx({ draw: 4 }));
    expect(other.data).not.toEqual(whole.data);
  });

  it('masks dX where the device input range [-1, 1] clipped x, straight-through elsewhere', async () => {
    const dev = new InstrumentedDevice({ inputRange: [-1, 1] });
    const analog = new Linear(runtime(dev), {
      inFeatures: 5,
      outFeatures: 3,
      analog: true,
      seed: 6,
    });
    const digital = new Linear(runtime(), {
      inFeatures: 5,
      outFeatures: 3,
      analog: false,
      seed: 6,
    });
    const x = randTensor([4, 5], 20, -2, 2);
    x.data[0] = 1; // exactly on the bound: passes
    x.data[1] = -1;
    const dy = randTensor([4, 3], 21);
    await analog.forward(x, ctx());
    await digital.forward(x, ctx());
    const dxa = analog.backward(dy).data;
    const dxd = digital.backward(dy).data; // the digital layer has no clamp
    let clipped = 0;
    for (let i = 0; i < x.data.length; i++) {
      if (Math.abs(x.data[i]) > 1) {
        clipped++;
        expect(dxa[i]).toBe(0);
      } else {
        expect(dxa[i]).toBe(dxd[i]);
      }
      expect(dxd[i]).not.toBe(0);
    }
    expect(clipped).toBeGreaterThan(3);
    // Weight gradients are straight-through: dW = dY^T X with X as given (unclipped).
    expect(analog.weight.grad).toEqual(digital.weight.grad);
  });

  it('passes no gradient through outputs the device output range clipped (the aod Clamp)', async () => {
    const dev = new InstrumentedDevice({ outputRange: [-1, 1] });
    const opts = { inFeatures: 6, outFeatures: 4, analog: true, seed: 9 };
    const analog = new Linear(runtime(dev), opts);
    const digital = new Linear(runtime(), { ...opts, analog: false });
    // Large weights so that some products exceed the range.
    for (const l of [analog, digital]) {
      l.weight.value.forEach((_, i, w) => (w[i] = ((i * 37) % 11) / 5 - 1));
      l.weight.version++;
    }
    const x = randTensor([5, 6], 30);
    const y = await analog.forward(x, ctx());
    const exact = await digital.forward(x, ctx());
    const dy = randTensor([5, 4], 31);
    const dxa = analog.backward(dy).data;
    // Reference: the digital layer's backward with dy zeroed where the product left [-1, 1].
    const bias = analog.bias!.value;
    const masked = dy.data.map((g, i) => (Math.abs(exact.data[i] - bias[i % 4]) > 1 ? 0 : g));
    const dxr = digital.backward({ data: masked, shape: dy.shape }).data;
    const clipped = masked.filter((g, i) => g === 0 && dy.data[i] !== 0).length;
    expect(clipped).toBeGreaterThan(2);
    expect(clipped).toBeLessThan(20);
    expect(maxRelDiff(dxa, dxr)).toBeLessThan(1e-6);
    expect(maxRelDiff(analog.weight.grad, digital.weight.grad)).toBeLessThan(1e-6);
    expect(maxRelDiff(analog.bias!.grad, digital.bias!.grad)).toBeLessThan(1e-6);
    expect(y.data.every((v, i) => Math.abs(v - bias[i % 4]) <= 1 + 1e-6)).toBe(true);
  });

  it('gradcheck holds inside the input range of a clipping device', async () => {
    const dev = new InstrumentedDevice({ inputRange: [-1, 1] });
    const layer = new Linear(runtime(dev), {
      inFeatures: 5,
      outFeatures: 3,
      analog: true,
      seed: 6,
    });
    const r = await gradcheck(layer, randTensor([3, 5], 22, -0.9, 0.9), ctx(), {
      maxEntries: 1000,
    });
    expect(r.maxRelError, r.worst).toBeLessThan(3e-3);
  });

  it('uses the weights clamped to the device weight range for dX', async () => {
    const dev = new InstrumentedDevice({ weightRange: [-0.2, 0.2] });
    const layer = new Linear(runtime(dev), {
      inFeatures: 4,
      outFeatures: 3,
      bias: false,
      analog: true,
      seed: 1,
    });
    layer.weight.value.set([0.5, -0.5, 0.1, 0, 0.3, 0.05, -0.1, -0.3, 0.2, 0, 0, 0.15]);
    layer.weight.version++;
    const x = randTensor([2, 4], 23, -0.5, 0.5);
    const clamped = layer.weight.value.map((v) => Math.min(0.2, Math.max(-0.2, v)));
    const y = await layer.forward(x, ctx());
    expect(maxRelDiff(y.data, reference(x.data, clamped, undefined, 2, 4, 3))).toBeLessThan(1e-6);
    // dX is the Jacobian of that forward: rows of the clamped W.
    const dx = layer.backward({ data: new Float32Array([1, 0, 0, 0, 0, 0]), shape: [2, 3] });
    expect(Array.from(dx.data.slice(0, 4))).toEqual([0.2, -0.2, 0.1, 0].map(Math.fround));
    // A new weight version refreshes the clamped copy.
    layer.weight.value[0] = -0.7;
    layer.weight.version++;
    await layer.forward(x, ctx());
    const dx2 = layer.backward({ data: new Float32Array([1, 0, 0, 0, 0, 0]), shape: [2, 3] });
    expect(dx2.data[0]).toBe(Math.fround(-0.2));
  });

  it('rejects a wrong input width', async () => {
    const layer = new Linear(runtime(), { inFeatures: 4, outFeatures: 2, analog: false });
    await expect(layer.forward(randTensor([2, 5], 1), ctx())).rejects.toThrow(
      /expected input \[batch, \.\.\., 4\]/,
    );
  });
});

describe('Linear without its input gradient (inputGradNeeded = false)', () => {
  for (const analog of [false, true]) {
    it(`keeps the parameter gradients bit for bit and returns zeros (analog=${analog})`, async () => {
      const run = async (skip: boolean) => {
        const dev = new InstrumentedDevice({ inputRange: [-1, 1], outputRange: [-0.8, 0.8] });
        const layer = new Linear(runtime(dev), {
          inFeatures: 37,
          outFeatures: 19,
          analog,
          seed: 3,
        });
        layer.inputGradNeeded = !skip;
        const out = [];
        for (let step = 0; step < 2; step++) {
          const y = await layer.forward(randTensor([6, 37], 10 + step, -1.5, 1.5), ctx());
          const dx = layer.backward(randTensor(y.shape, 20 + step));
          out.push({
            y: y.data.slice(),
            dx: dx.data.slice(),
            shape: dx.shape,
            w: layer.weight.grad.slice(),
            b: layer.bias!.grad.slice(),
          });
        }
        return out;
      };
      const full = await run(false);
      const skipped = await run(true);
      for (let step = 0; step < 2; step++) {
        expect(skipped[step]!.y).toEqual(full[step]!.y);
        expect(skipped[step]!.w).toEqual(full[step]!.w);
        expect(skipped[step]!.b).toEqual(full[step]!.b);
        expect(skipped[step]!.shape).toEqual(full[step]!.shape);
        expect(skipped[step]!.dx.every((v) => v === 0)).toBe(true);
        expect(full[step]!.dx.some((v) => v !== 0)).toBe(true);
      }
    });
  }
});

describe('Linear reuses its arrays only once nobody reads them', () => {
  it('gives the same results over steps as fresh layers, and keeps evaluation outputs', async () => {
    const make = () =>
      new Linear(runtime(), { inFeatures: 9, outFeatures: 5, analog: false, seed: 4 });
    const layer = make();
    for (let step = 0; step < 3; step++) {
      const x = randTensor([4, 9], 30 + step);
      const dy = randTensor([4, 5], 40 + step);
      const fresh = make();
      fresh.weight.grad.set(layer.weight.grad);
      fresh.bias!.grad.set(layer.bias!.grad);
      const want = await fresh.forward(x, ctx());
      const y = await layer.forward(x, ctx());
      expect(y.data).toEqual(want.data);
      expect(layer.backward(dy).data).toEqual(fresh.backward(dy).data);
      expect(layer.weight.grad).toEqual(fresh.weight.grad);
    }
    // Evaluation: forwards without backward each get their own array.
    const e1 = await layer.forward(randTensor([4, 9], 50), ctx());
    const kept = e1.data.slice();
    const e2 = await layer.forward(randTensor([4, 9], 51), ctx());
    expect(e2.data).not.toBe(e1.data);
    expect(e1.data).toEqual(kept);
  });
});
