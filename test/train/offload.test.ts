/**
 * Compute off the event loop while a board is attached (issue 7, item 3): the trainer's
 * backwardOffloaded gives the same bits as net.backward, and lets the event loop turn while it
 * runs (net.backward never does), which is what keeps a board's serial replies and heartbeats
 * flowing. bench/latency.ts measures the effect on a real serial round trip.
 */
import { describe, expect, it } from 'vitest';
import { jsKernels } from '../../src/compute/js-kernels.js';
import { ASYNC_GEMM_MIN_FLOP, LoopTurns } from '../../src/compute/gemm-plan.js';
import type { Kernels } from '../../src/compute/kernels.js';
import { openblasProvider } from '../../src/compute/openblas-kernels.js';
import type { DeviceInfo } from '../../src/device/device.js';
import { parseActivation } from '../../src/nn/activations.js';
import { softmaxCrossEntropy } from '../../src/nn/losses.js';
import { modelParams, type Model } from '../../src/nn/model.js';
import { buildModel } from '../../src/nn/models/index.js';
import { Linear } from '../../src/nn/layers/linear.js';
import { backwardOffloaded, forwardOffloaded, isRemoteDevice } from '../../src/train/trainer.js';
import { IdealDevice } from '../../simulator/ideal-device.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { paperProfile } from '../../src/profile/index.js';
import { randomArray } from '../nn/models/helpers.js';

const openblas: Kernels | undefined = await openblasProvider.load().catch(() => undefined);
const providers: [string, Kernels][] = [
  ['js', jsKernels],
  ...(openblas ? [['openblas', openblas] as [string, Kernels]] : []),
];

function build(kernels: Kernels, analog: boolean): Model {
  return buildModel('convnet', {
    runtime: {
      kernels,
      device: analog ? new SimDevice(paperProfile({ p: 16, ep: 0.5, seed: 3 })) : new IdealDevice(),
    },
    activation: parseActivation('relu'),
    inputShape: [3, 12, 12],
    classes: 10,
    seed: 2,
    analog: analog ? 'all' : 'none',
    options: { convLayers: 4, linearLayers: 2 },
  });
}

/** Forward a fixed batch and return the loss gradient. */
async function lossGrad(model: Model) {
  const x = { data: randomArray(6 * 3 * 12 * 12, 9, -1, 1), shape: [6, 3, 12, 12] };
  const ctx = { training: true, draw: 1, rowOffset: 0, seed: 4 };
  const logits = await model.net.forward(x, ctx);
  return softmaxCrossEntropy(logits, Int32Array.from([0, 1, 2, 3, 4, 5])).grad;
}

describe('backwardOffloaded', () => {
  for (const [name, kernels] of providers) {
    for (const analog of [false, true]) {
      it(`gives net.backward's bits (${name} kernels, analog ${analog})`, async () => {
        const a = build(kernels, analog);
        const b = build(kernels, analog);
        const dxa = a.net.backward(await lossGrad(a));
        const dxb = await backwardOffloaded(b.net, await lossGrad(b));
        expect(dxb.data).toEqual(dxa.data);
        const pb = modelParams(b);
        modelParams(a).forEach((p, i) => expect(pb[i]!.grad, p.name).toEqual(p.grad));
      });
    }

    it(`lets the event loop turn while it runs; net.backward does not (${name} kernels)`, async () => {
      const model = build(kernels, false);
      const turnsDuring = async (run: () => Promise<unknown> | unknown) => {
        let turns = 0;
        let on = true;
        const tick = () => {
          if (!on) return;
          turns++;
          setImmediate(tick);
        };
        setImmediate(tick);
        await run();
        on = false;
        return turns;
      };
      const dy = await lossGrad(model);
      expect(await turnsDuring(() => model.net.backward(dy))).toBe(0);
      await lossGrad(model);
      // With no slice, one turn at least per layer of the 4-conv, 2-linear net (17 layers).
      expect(
        await turnsDuring(() => backwardOffloaded(model.net, dy, new LoopTurns(0))),
      ).toBeGreaterThan(15);
    });
  }
});

describe.skipIf(!openblas)('products large enough for the thread pool', () => {
  it("Linear.backwardAsync runs them through gemmAsync and gives backward's bits", async () => {
    const k = openblas as Kernels & { gemmAsync: NonNullable<Kernels['gemmAsync']> };
    let pooled = 0;
    const counting: Kernels = {
      name: k.name,
      gemm: k.gemm.bind(k),
      gemmAsync: (...args) => {
        pooled++;
        return k.gemmAsync(...args);
      },
    };
    const make = (kernels: Kernels) =>
      new Linear(
        { kernels, device: new IdealDevice() },
        { inFeatures: 1024, outFeatures: 512, analog: false, seed: 5 },
      );
    const [a, b] = [make(k), make(counting)];
    const x = { data: randomArray(256 * 1024, 13, -1, 1), shape: [256, 1024] };
    const dy = { data: randomArray(256 * 512, 14, -1, 1), shape: [256, 512] };
    const ctx = { training: true, draw: 0, rowOffset: 0, seed: 1 };
    await a.forward(x, ctx);
    await b.forward(x, ctx);
    // 2 x 256 x 1024 x 512 = 2.7e8 FLOP per product: both go to the pool.
    expect(2 * 256 * 1024 * 512).toBeGreaterThanOrEqual(ASYNC_GEMM_MIN_FLOP);
    const dxa = a.backward(dy);
    const dxb = await b.backwardAsync(dy);
    expect(pooled).toBe(2);
    expect(dxb.data).toEqual(dxa.data);
    expect(b.weight.grad).toEqual(a.weight.grad);
  });
});

describe('forwardOffloaded', () => {
  it("gives net.forward's bits and turns the event loop after every layer", async () => {
    const a = build(jsKernels, true);
    const b = build(jsKernels, true);
    const x = { data: randomArray(4 * 3 * 12 * 12, 11, -1, 1), shape: [4, 3, 12, 12] };
    const ctx = { training: true, draw: 3, rowOffset: 0, seed: 4 };
    let turns = 0;
    let on = true;
    const tick = () => {
      if (!on) return;
      turns++;
      setImmediate(tick);
    };
    const ya = await a.net.forward(x, ctx);
    setImmediate(tick);
    const yb = await forwardOffloaded(b.net, x, ctx, new LoopTurns(0));
    on = false;
    expect(yb.data).toEqual(ya.data);
    expect(turns).toBeGreaterThan(15);
  });
});

describe('LoopTurns', () => {
  it('turns the loop once a slice of work is used up, not before', async () => {
    let turns = 0;
    let on = true;
    const tick = () => {
      if (!on) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const t = new LoopTurns(50);
    await t.maybe();
    await t.maybe();
    expect(turns).toBe(0);
    const until = performance.now() + 60;
    while (performance.now() < until); // 60 ms of "work"
    await t.maybe();
    on = false;
    expect(turns).toBeGreaterThan(0);
  });
});

describe('isRemoteDevice', () => {
  const info = (kind: DeviceInfo['kind']) => ({ ...new IdealDevice().info(), kind });
  it('is true for a board on a port, false for what runs in this process', () => {
    expect(isRemoteDevice('serial:/dev/ttyUSB0', info('simulated'))).toBe(true);
    expect(isRemoteDevice('sim:paper?p=16&ep=0.5', info('simulated'))).toBe(false);
    expect(isRemoteDevice('ideal:', info('ideal'))).toBe(false);
    expect(isRemoteDevice('replay:trace.jsonl', info('simulated'))).toBe(false);
    expect(isRemoteDevice('replay:trace.jsonl', info('photonic'))).toBe(true);
  });
});
