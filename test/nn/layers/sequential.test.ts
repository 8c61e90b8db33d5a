import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/nn/layers/conv2d.js';
import { Flatten } from '../../../src/nn/layers/flatten.js';
import { Linear } from '../../../src/nn/layers/linear.js';
import { MaxPool2d } from '../../../src/nn/layers/maxpool2d.js';
import { Sequential } from '../../../src/nn/layers/sequential.js';
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
