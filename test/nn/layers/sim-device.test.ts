import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/nn/layers/conv2d.js';
import { Linear } from '../../../src/nn/layers/linear.js';
import { paperProfile } from '../../../src/profile/index.js';
import { SimDevice } from '../../../simulator/sim-device.js';
import { ctx, randTensor, runtime } from './helpers.js';

/** The weight layers on the paper's simulated device: what the trainer will actually run. */
describe('weight layers on the paper simulator (p = 16, EP = 0.5)', () => {
  const device = () => new SimDevice(paperProfile({ p: 16, ep: 0.5, maxBatch: 3 }));

  it('Linear: noisy, reproducible per draw, and the same whatever the batch chunking', async () => {
    const layer = new Linear(runtime(device()), {
      inFeatures: 8,
      outFeatures: 4,
      analog: true,
      seed: 1,
    });
    const x = randTensor([5, 8], 1, -0.9, 0.9);
    const a = await layer.forward(x, ctx({ draw: 3 }));
    expect((await layer.forward(x, ctx({ draw: 3 }))).data).toEqual(a.data);
    expect((await layer.forward(x, ctx({ draw: 4 }))).data).not.toEqual(a.data);
    const first = await layer.forward(
      { data: x.data.slice(0, 16), shape: [2, 8] },
      ctx({ draw: 3 }),
    );
    const rest = await layer.forward(
      { data: x.data.slice(16), shape: [3, 8] },
      ctx({ draw: 3, rowOffset: 2 }),
    );
    expect(Array.from(a.data)).toEqual([...first.data, ...rest.data]);
  });

  it('Conv2d: the same whatever the batch chunking', async () => {
    const layer = new Conv2d(runtime(device()), {
      inChannels: 2,
      outChannels: 3,
      kernel: 3,
      padding: 1,
      analog: true,
    });
    const x = randTensor([3, 2, 4, 4], 2, -0.9, 0.9);
    const a = await layer.forward(x, ctx({ draw: 1, rowOffset: 6 }));
    const img = 2 * 16;
    const first = await layer.forward(
      { data: x.data.slice(0, 2 * img), shape: [2, 2, 4, 4] },
      ctx({ draw: 1, rowOffset: 6 }),
    );
    const rest = await layer.forward(
      { data: x.data.slice(2 * img), shape: [1, 2, 4, 4] },
      ctx({ draw: 1, rowOffset: 8 }),
    );
    expect(Array.from(a.data)).toEqual([...first.data, ...rest.data]);
  });

  it('the declared input range [-1, 1] masks dX; weights are straight-through', async () => {
    const layer = new Linear(runtime(device()), {
      inFeatures: 6,
      outFeatures: 3,
      analog: true,
      seed: 2,
    });
    const x = randTensor([4, 6], 3, -2, 2);
    await layer.forward(x, ctx());
    const dx = layer.backward(randTensor([4, 3], 4));
    for (let i = 0; i < x.data.length; i++) {
      if (Math.abs(x.data[i]) > 1) expect(dx.data[i]).toBe(0);
      else expect(dx.data[i]).not.toBe(0);
    }
  });
});
