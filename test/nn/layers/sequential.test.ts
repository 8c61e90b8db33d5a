import { describe, expect, it } from 'vitest';
import { ActivationLayer } from '../../../src/nn/activation-layer.js';
import type { Layer } from '../../../src/nn/layer.js';
import { Conv2d } from '../../../src/nn/layers/conv2d.js';
import { Flatten } from '../../../src/nn/layers/flatten.js';
import { Linear } from '../../../src/nn/layers/linear.js';
import { MaxPool2d } from '../../../src/nn/layers/maxpool2d.js';
import { Residual } from '../../../src/nn/layers/residual.js';
import { Sequential } from '../../../src/nn/layers/sequential.js';
import { firstGradientLayer, skipInputGradient } from '../../../src/nn/model.js';
import { backwardOffloaded } from '../../../src/train/trainer.js';
import { gradcheck } from '../../helpers/gradcheck.js';
import { ctx, InstrumentedDevice, maxRelDiff, randTensor, runtime } from './helpers.js';

describe('Sequential', () => {
  it('composes forward in order and prefixes parameter names by index, nested too', async () => {
    const rt = runtime();
    const inner = new Sequential([
      new Linear(rt, { inFeatures: 4, outFeatures: 3, analog: false, seed: 1 }),
    ]);
    const net = new Sequential([
      new Flatten(),
      inner,
      new Linear(rt, { inFeatures: 3, outFeatures: 2, bias: false, analog: true, seed: 2 }),
    ]);
    expect(net.params().map((p) => [p.name, p.shape])).toEqual([
      ['1.0.weight', [3, 4]],
      ['1.0.bias', [3]],
      ['2.weight', [2, 3]],
    ]);
    expect(net.params()).toBe(net.params()); // stable identity (optimisers key state on it)
    expect(net.children()).toHaveLength(3);
    expect(net.analog).toBe(true);
    expect(inner.analog).toBe(false);
    const x = randTensor([2, 2, 2], 1);
    const y = await net.forward(x, ctx());
    let h = await net.layers[0].forward(x, ctx());
    h = await net.layers[1].forward(h, ctx());
    h = await net.layers[2].forward(h, ctx());
    expect(y.data).toEqual(h.data);
  });

  it('parameter views share arrays and forward version bumps to the owning layer', async () => {
    const dev = new InstrumentedDevice();
    const lin = new Linear(runtime(dev), { inFeatures: 2, outFeatures: 2, analog: true });
    const net = new Sequential([lin]);
    const [w] = net.params();
    expect(w.value).toBe(lin.weight.value);
    expect(w.grad).toBe(lin.weight.grad);
    const x = randTensor([1, 2], 2);
    await net.forward(x, ctx());
    w.value[0] += 1;
    w.version++;
    expect(lin.weight.version).toBe(1);
    await net.forward(x, ctx());
    expect(dev.programCalls).toBe(2);
  });

  for (const analog of [false, true]) {
    it(`a small conv net passes gradcheck end to end (analog=${analog})`, async () => {
      const rt = runtime();
      const net = new Sequential([
        new Conv2d(rt, { inChannels: 2, outChannels: 3, kernel: 3, padding: 1, analog, seed: 1 }),
        new MaxPool2d({ kernel: 2 }),
        new Flatten(),
        new Linear(rt, { inFeatures: 12, outFeatures: 4, analog, seed: 2 }),
      ]);
      const r = await gradcheck(net, randTensor([2, 2, 4, 4], 3), ctx(), {
        maxEntries: 40,
        eps: 1e-3,
      });
      expect(r.maxRelError, r.worst).toBeLessThan(5e-3);
    });
  }

  it('backward runs in reverse and matches chaining the layers by hand', async () => {
    const rt = runtime();
    const a = new Linear(rt, { inFeatures: 3, outFeatures: 4, analog: false, seed: 1 });
    const b = new Linear(rt, { inFeatures: 4, outFeatures: 2, analog: false, seed: 2 });
    const x = randTensor([5, 3], 4);
    const dy = randTensor([5, 2], 5);
    const net = new Sequential([a, b]);
    await net.forward(x, ctx());
    const dx = net.backward(dy).data.slice();
    const ga = a.weight.grad.slice();
    a.weight.grad.fill(0);
    b.weight.grad.fill(0);
    await b.forward(await a.forward(x, ctx()), ctx());
    const dx2 = a.backward(b.backward(dy));
    expect(maxRelDiff(dx, dx2.data)).toBe(0);
    expect(maxRelDiff(ga, a.weight.grad)).toBe(0);
  });
});

describe('skipInputGradient: the first weight layer skips the input gradient nothing uses', () => {
  const mlp = (analog: boolean) => {
    const rt = runtime(new InstrumentedDevice({ inputRange: [-1, 1] }));
    return new Sequential([
      new Flatten(),
      new Sequential([new Linear(rt, { inFeatures: 12, outFeatures: 6, analog, seed: 1 })]),
      new ActivationLayer('relu'),
      new Linear(rt, { inFeatures: 6, outFeatures: 3, analog, seed: 2 }),
    ]);
  };

  it('finds it through Sequentials and past layers without parameters', () => {
    const net = mlp(false);
    const inner = (net.layers[1] as Sequential).layers[0]!;
    expect(firstGradientLayer(net)).toBe(inner);
    expect(skipInputGradient(net)).toBe(inner);
    expect(inner.inputGradNeeded).toBe(false);
    expect((net.layers[3] as Layer).inputGradNeeded).toBe(true);
    expect(skipInputGradient(net, false)).toBe(inner);
    expect(inner.inputGradNeeded).toBe(true);
  });

  it('stops at a container other than Sequential, or a layer that cannot skip', () => {
    const rt = runtime();
    const lin = () => new Linear(rt, { inFeatures: 4, outFeatures: 4, analog: false });
    expect(firstGradientLayer(new Sequential([new Residual(lin()), lin()]))).toBeUndefined();
    const noSkip: Layer = {
      kind: 'custom',
      forward: async (x) => x,
      backward: (dy) => dy,
      params: () => lin().params(),
    };
    expect(skipInputGradient(new Sequential([noSkip, lin()]))).toBeUndefined();
    expect(firstGradientLayer(new Sequential([new Flatten()]))).toBeUndefined();
  });

  for (const analog of [false, true]) {
    it(`keeps every parameter gradient, through backward and backwardOffloaded (analog=${analog})`, async () => {
      const grads = async (skip: boolean, offloaded: boolean) => {
        const net = mlp(analog);
        skipInputGradient(net, skip);
        const out: Float32Array[] = [];
        for (let step = 0; step < 2; step++) {
          const y = await net.forward(randTensor([5, 3, 2, 2], 7 + step, -1.5, 1.5), ctx());
          const dy = randTensor(y.shape, 9 + step);
          const dx = offloaded ? await backwardOffloaded(net, dy) : net.backward(dy);
          expect(dx.shape).toEqual([5, 3, 2, 2]);
          if (skip) expect(dx.data.every((v) => v === 0)).toBe(true);
          out.push(...net.params().map((p) => p.grad.slice()));
        }
        return out;
      };
      const want = await grads(false, false);
      for (const [skip, offloaded] of [
        [true, false],
        [true, true],
        [false, true],
      ] as const) {
        const got = await grads(skip, offloaded);
        expect(got.length).toBe(want.length);
        got.forEach((g, i) => expect(g, `skip ${skip}, offloaded ${offloaded}`).toEqual(want[i]));
      }
    });
  }
});
