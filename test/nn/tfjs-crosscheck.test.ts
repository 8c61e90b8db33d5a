/**
 * Whole-model gradient cross-check against tfjs autodiff (issue 3, item 4): a small MLP, a small
 * preset ConvNet and a hand-built conv net (stride, non-square kernel and padding, overlapping
 * max pool), for several activations, with every weight layer analog on the ideal device and
 * with none analog. The same weights go into an equivalent tfjs graph (tfjs layouts, see
 * tfjs-graph.ts); loss, logits and every parameter gradient of mean softmax cross-entropy must
 * agree with tf.valueAndGrads to float32 precision.
 *
 * Autodiff runs on tfjs's pure-JS 'cpu' backend (the wasm backend lacks some gradient kernels).
 * The tfjs engine is global, so the backend active before these tests is restored afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { jsKernels } from '../../src/compute/js-kernels.js';
import type { Kernels } from '../../src/compute/kernels.js';
import { tfjsWasmProvider } from '../../src/compute/tfjs-wasm-kernels.js';
import { ActivationLayer } from '../../src/nn/activation-layer.js';
import { parseActivation } from '../../src/nn/activations.js';
import type { ForwardContext, Layer, Runtime } from '../../src/nn/layer.js';
import { Conv2d } from '../../src/nn/layers/conv2d.js';
import { Flatten } from '../../src/nn/layers/flatten.js';
import { Linear } from '../../src/nn/layers/linear.js';
import { MaxPool2d } from '../../src/nn/layers/maxpool2d.js';
import { Sequential } from '../../src/nn/layers/sequential.js';
import { softmaxCrossEntropy } from '../../src/nn/losses.js';
import type { ModelBuildOptions } from '../../src/nn/model.js';
import { buildModel } from '../../src/nn/models/index.js';
import { IdealDevice } from '../../simulator/ideal-device.js';
import { tfjsGraphOf, tfjsLossAndGrads } from './tfjs-graph.js';

/** Relative tolerance on the max abs difference of each array, scaled by its largest entry. */
const RTOL = 1e-4;

const ACTIVATIONS = ['relu', 'gelu', 'silu', 'relu-gelu:0.3', 'leaky-relu', 'relu-silu:0.5'];
const ANALOG: ModelBuildOptions['analog'][] = ['all', 'none'];

/** Evaluation mode: dropout layers are the identity. */
const EVAL: ForwardContext = { training: false, draw: 0, rowOffset: 0, seed: 3 };

interface Case {
  name: string;
  inputShape: [number, number, number];
  classes: number;
  batch: number;
  build(rt: Runtime, activation: string, analog: ModelBuildOptions['analog']): Layer;
}

function presetOpts(
  rt: Runtime,
  activation: string,
  analog: ModelBuildOptions['analog'],
  inputShape: [number, number, number],
  classes: number,
  options: Record<string, unknown>,
): ModelBuildOptions {
  return {
    runtime: rt,
    activation: parseActivation(activation),
    inputShape,
    classes,
    seed: 11,
    analog,
    options,
  };
}

const CASES: Case[] = [
  {
    name: 'mlp preset, hidden [16, 8], 1x6x6 -> 4',
    inputShape: [1, 6, 6],
    classes: 4,
    batch: 5,
    build: (rt, act, analog) =>
      buildModel('mlp', presetOpts(rt, act, analog, [1, 6, 6], 4, { hidden: [16, 8] })).net,
  },
  {
    // 2x4x4 -> conv 48 p1 -> conv 48 p0 (2x2) -> pool -> 48 -> 512 -> 4. Kept small because
    // tfjs-cpu's Conv2DBackpropFilter is slow (about 1 s for 48x48 channels on 6x6 outputs).
    name: 'convnet preset, 2 conv + 2 linear (with dropout, eval mode), 2x4x4 -> 4',
    inputShape: [2, 4, 4],
    classes: 4,
    batch: 3,
    build: (rt, act, analog) =>
      buildModel(
        'convnet',
        presetOpts(rt, act, analog, [2, 4, 4], 4, { convLayers: 2, linearLayers: 2 }),
      ).net,
  },
  {
    name: 'hand-built: conv s2 p1, conv 3x2 p[1,0], overlapping maxpool 3/2, 3x10x9 -> 5',
    inputShape: [3, 10, 9],
    classes: 5,
    batch: 4,
    build: (rt, act, analog) => {
      const a = analog !== 'none';
      const head = analog === 'all';
      return new Sequential([
        // 3x10x9 -> 4x5x5
        new Conv2d(rt, {
          inChannels: 3,
          outChannels: 4,
          kernel: 3,
          stride: 2,
          padding: 1,
          analog: a,
          seed: 1,
        }),
        new ActivationLayer(act),
        // -> 6x5x4
        new Conv2d(rt, {
          inChannels: 4,
          outChannels: 6,
          kernel: [3, 2],
          padding: [1, 0],
          analog: a,
          seed: 2,
        }),
        new ActivationLayer(act),
        // -> 6x2x1
        new MaxPool2d({ kernel: 3, stride: 2 }),
        new Flatten(),
        new Linear(rt, { inFeatures: 12, outFeatures: 7, analog: a, seed: 3 }),
        new ActivationLayer(act),
        new Linear(rt, { inFeatures: 7, outFeatures: 5, analog: head, seed: 4 }),
      ]);
    },
  },
];

/** Deterministic values in [lo, hi) (xorshift32). */
function rand(n: number, seed: number, lo: number, hi: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    a[i] = lo + (s / 2 ** 32) * (hi - lo);
  }
  return a;
}

/** max |a - b| / max |b|: the error of a whole array relative to its scale. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return m > 0 ? d / m : d;
}

/** Worst relative error per kind of quantity over all cases, printed with CROSSCHECK_VERBOSE=1. */
const worst: Record<string, { err: number; where: string }> = {};
function record(kind: string, err: number, where: string): void {
  if (!worst[kind] || err > worst[kind].err) worst[kind] = { err, where };
}

/**
 * Builds the model, runs analoop forward/backward and the tfjs graph on the same batch and
 * checks loss, logits and each parameter gradient.
 */
async function crossCheck(
  c: Case,
  activation: string,
  analog: ModelBuildOptions['analog'],
  kernels: Kernels,
  seed: number,
): Promise<void> {
  const rt: Runtime = { kernels, device: new IdealDevice() };
  const net = c.build(rt, activation, analog);
  const [C, H, W] = c.inputShape;
  const x = { data: rand(c.batch * C * H * W, seed, -1, 1), shape: [c.batch, C, H, W] };
  const labels = Int32Array.from(rand(c.batch, seed + 1, 0, c.classes), Math.floor);

  // Copy the weights into tfjs before analoop's backward touches anything.
  const graph = tfjsGraphOf(net);
  const params = net.params();
  expect(graph.params.length).toBe(params.length);

  for (const p of params) p.grad.fill(0);
  const logits = await net.forward(x, EVAL);
  const { loss, grad } = softmaxCrossEntropy(logits, labels);
  net.backward(grad);
  expect(logits.shape).toEqual([c.batch, c.classes]);

  expect(tf.getBackend()).toBe('cpu');
  const ref = tfjsLossAndGrads(tf, graph, x, labels, c.classes);

  const tag = `${c.name} / ${activation} / analog ${analog} / ${kernels.name}`;
  const lossErr = Math.abs(loss - ref.loss) / Math.abs(ref.loss);
  record('loss', lossErr, tag);
  expect(lossErr, `${tag}: loss ${loss} vs tfjs ${ref.loss}`).toBeLessThan(RTOL);
  const logitErr = relErr(logits.data, ref.logits);
  record('logits', logitErr, tag);
  expect(logitErr, `${tag}: logits`).toBeLessThan(RTOL);
  params.forEach((p, i) => {
    const g = ref.grads[i];
    expect(g.length, `${tag}: ${p.name} size`).toBe(p.grad.length);
    const err = relErr(p.grad, g);
    record(p.name.endsWith('bias') ? 'bias grads' : 'weight grads', err, `${tag}: ${p.name}`);
    expect(err, `${tag}: gradient of ${p.name} [${p.shape}]`).toBeLessThan(RTOL);
    // A zero gradient on both sides would pass vacuously.
    expect(
      g.some((v) => v !== 0),
      `${tag}: ${p.name} has a zero tfjs gradient`,
    ).toBe(true);
  });
}

describe('whole-model gradients against tfjs autodiff (cpu backend)', () => {
  let previousBackend: string | undefined;
  let tensorsBefore = 0;

  beforeAll(async () => {
    previousBackend = tf.getBackend() ?? undefined;
    expect(await tf.setBackend('cpu')).toBe(true);
    tensorsBefore = tf.memory().numTensors;
  });

  afterAll(async () => {
    if (process.env.CROSSCHECK_VERBOSE) {
      for (const [k, v] of Object.entries(worst))
        console.info(`max rel error, ${k}: ${v.err.toExponential(2)} (${v.where})`);
    }
    // Put back whatever backend was active before (the compute providers switch per call, but
    // anything else in this process sees the engine as these tests found it).
    if (previousBackend && tf.getBackend() !== previousBackend)
      await tf.setBackend(previousBackend);
  });

  for (const c of CASES) {
    describe(c.name, () => {
      for (const activation of ACTIVATIONS) {
        it.each(ANALOG)(`${activation}, analog %s`, async (analog) => {
          await crossCheck(c, activation, analog, jsKernels, 101);
        });
      }
    });
  }

  it('with tfjs-wasm kernels as the runtime (a backend switch per product), cpu stays active', async () => {
    const wasm = await tfjsWasmProvider.load(); // makes 'wasm' the active backend
    await tf.setBackend('cpu');
    for (const c of CASES) await crossCheck(c, 'gelu', 'all-but-head', wasm, 202);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('leaves no tfjs tensors behind', () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
