import { describe, expect, it } from 'vitest';
import type { ForwardContext } from '../../../src/nn/layer.js';
import { modelParams, type Model } from '../../../src/nn/model.js';
import { buildModel } from '../../../src/nn/models/index.js';
import type { ModelBuildOptions } from '../../../src/nn/model.js';
import { buildOpts, evalCtx, randomArray, trainCtx } from './helpers.js';

/** A batch of `batch` images in [0, 1] (pixels as the paper feeds them). */
function images(m: Model, batch: number, seed = 9) {
  const [c, h, w] = m.inputShape;
  return { data: randomArray(batch * c * h * w, seed), shape: [batch, c, h, w] };
}

async function forwardShape(
  preset: string,
  over: Partial<ModelBuildOptions>,
  batch: number,
  ctx: ForwardContext,
) {
  const m = buildModel(preset, buildOpts(over));
  const y = await m.net.forward(images(m, batch), ctx);
  expect(y.data.every(Number.isFinite)).toBe(true);
  return y.shape;
}

describe('forward output shapes on the ideal device', () => {
  it('mlp on MNIST, analog', async () => {
    expect(
      await forwardShape('mlp', { inputShape: [1, 28, 28], analog: 'all' }, 3, trainCtx),
    ).toEqual([3, 10]);
  });

  it('linear, 1..3 layers, analog with a digital head', async () => {
    for (const layers of [1, 2, 3]) {
      expect(
        await forwardShape('linear', { analog: 'all-but-head', options: { layers } }, 2, trainCtx),
      ).toEqual([2, 10]);
    }
  });

  it('convnet on CIFAR (analog) and on MNIST (digital), training and evaluation', async () => {
    expect(await forwardShape('convnet', { analog: 'all' }, 2, trainCtx)).toEqual([2, 10]);
    expect(
      await forwardShape('convnet', { inputShape: [1, 28, 28], classes: 10 }, 2, evalCtx),
    ).toEqual([2, 10]);
    expect(
      await forwardShape('convnet', { options: { convLayers: 3, linearLayers: 2 } }, 2, trainCtx),
    ).toEqual([2, 10]);
  });

  it('vgg-a on 3x32x32 with 100 classes (digital)', async () => {
    expect(await forwardShape('vgg-a', { classes: 100 }, 1, evalCtx)).toEqual([1, 100]);
  });

  it('resnet18 on 3x32x32 (digital), training and evaluation', async () => {
    const m = buildModel('resnet18', buildOpts({ classes: 100 }));
    const x = images(m, 2);
    expect((await m.net.forward(x, trainCtx)).shape).toEqual([2, 100]);
    expect((await m.net.forward(x, evalCtx)).shape).toEqual([2, 100]);
  });

  it('vit (the paper size, depth 4) with a noisy input sensor', async () => {
    expect(
      await forwardShape('vit', { options: { depth: 4, inputP: 16, inputEp: 0.5 } }, 1, trainCtx),
    ).toEqual([1, 10]);
  });

  it('a small vit trains end to end: backward reaches every parameter', async () => {
    const m = buildModel(
      'vit',
      buildOpts({
        inputShape: [1, 8, 8],
        options: { dim: 16, heads: 2, depth: 2, patch: 4, inputP: 16 },
      }),
    );
    const y = await m.net.forward(images(m, 2), trainCtx);
    const dx = m.net.backward({ data: randomArray(y.data.length, 3, -1, 1), shape: y.shape });
    expect(dx.shape).toEqual([2, 1, 8, 8]);
    for (const p of modelParams(m))
      expect(
        p.grad.some((g) => g !== 0),
        p.name,
      ).toBe(true);
  });
});

describe('analog and digital paths agree on the ideal device', () => {
  it('mlp forward and backward: analog "all" equals analog "none"', async () => {
    const build = (analog: ModelBuildOptions['analog']) =>
      buildModel(
        'mlp',
        buildOpts({ inputShape: [1, 28, 28], analog, seed: 11, options: { hidden: [64, 32] } }),
      );
    const a = build('all');
    const d = build('none');
    const x = images(a, 4, 21);
    const ya = await a.net.forward({ data: x.data.slice(), shape: x.shape }, trainCtx);
    const yd = await d.net.forward({ data: x.data.slice(), shape: x.shape }, trainCtx);
    expect(ya.shape).toEqual(yd.shape);
    for (let i = 0; i < ya.data.length; i++) expect(ya.data[i]).toBeCloseTo(yd.data[i], 4);

    const dy = randomArray(ya.data.length, 5, -1, 1);
    const dxa = a.net.backward({ data: dy.slice(), shape: ya.shape });
    const dxd = d.net.backward({ data: dy.slice(), shape: yd.shape });
    for (let i = 0; i < dxa.data.length; i++) expect(dxa.data[i]).toBeCloseTo(dxd.data[i], 4);
    const pa = modelParams(a);
    const pd = modelParams(d);
    expect(pa.map((p) => p.name)).toEqual(pd.map((p) => p.name));
    pa.forEach((p, k) => {
      const q = pd[k];
      let worst = 0;
      for (let i = 0; i < p.grad.length; i++)
        worst = Math.max(worst, Math.abs(p.grad[i] - q.grad[i]) / Math.max(1, Math.abs(q.grad[i])));
      expect(worst, p.name).toBeLessThan(1e-4);
    });
  });
});
