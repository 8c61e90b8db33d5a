/**
 * An analoop Sequential rebuilt as an equivalent tfjs graph, for cross-checking a whole model's
 * loss, logits and parameter gradients against tfjs autodiff (issue 3, item 4).
 *
 * The tfjs side holds its parameters in tfjs's own layouts (Linear: [in, out]; Conv2d: HWIO over
 * NHWC activations), copied from the analoop parameters by explicit permutations, and its
 * gradients are permuted back to analoop's layouts ([out, in]; [outC, inC, kh, kw]) for the
 * comparison. So a layout mix-up on either side shows up as a mismatch rather than cancelling.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import type { ActivationSpec } from '../../src/nn/activations.js';
import { ActivationLayer } from '../../src/nn/activation-layer.js';
import type { Layer } from '../../src/nn/layer.js';
import { Conv2d } from '../../src/nn/layers/conv2d.js';
import { Dropout } from '../../src/nn/layers/dropout.js';
import { Flatten } from '../../src/nn/layers/flatten.js';
import { Linear } from '../../src/nn/layers/linear.js';
import { MaxPool2d } from '../../src/nn/layers/maxpool2d.js';
import { Sequential } from '../../src/nn/layers/sequential.js';

type Tf = typeof TfNamespace;
type T = TfNamespace.Tensor;

/** One trainable array of the tfjs graph, in tfjs layout, with the way back to analoop's. */
interface TfParam {
  shape: number[];
  value: Float32Array;
  /** Gradient in tfjs layout -> analoop layout. */
  toAnaloop(g: Float32Array): Float32Array;
}

/** One op of the graph; `p` are the tensors of this op's params (in TfParam order). */
type Op = (tf: Tf, x: T, p: T[]) => T;

export interface TfjsGraph {
  /** In the order of `net.params()` (Sequential: layer by layer, weight then bias). */
  params: TfParam[];
  /** Logits [B, classes] from an NCHW input, as a function of the param tensors. */
  apply(tf: Tf, x: T, p: T[]): T;
}

export interface CrossResult {
  loss: number;
  logits: Float32Array;
  /** Gradients in analoop layouts, in `net.params()` order. */
  grads: Float32Array[];
}

/** [out, in] -> [in, out] and back. */
function transpose2(a: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
  return t;
}

/** [O, I, kh, kw] (analoop) -> [kh, kw, I, O] (tfjs HWIO). */
function oihwToHwio(a: Float32Array, O: number, I: number, kh: number, kw: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let o = 0; o < O; o++)
    for (let i = 0; i < I; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          t[((y * kw + x) * I + i) * O + o] = a[((o * I + i) * kh + y) * kw + x];
  return t;
}

/** [kh, kw, I, O] (tfjs HWIO) -> [O, I, kh, kw] (analoop). */
function hwioToOihw(a: Float32Array, O: number, I: number, kh: number, kw: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let o = 0; o < O; o++)
    for (let i = 0; i < I; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          t[((o * I + i) * kh + y) * kw + x] = a[((y * kw + x) * I + i) * O + o];
  return t;
}

/** The activation as a tfjs expression; GELU is the exact erf form built from tf.erf. */
export function tfActivation(tf: Tf, spec: ActivationSpec, x: T): T {
  const gelu = (s: number) =>
    tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, s * Math.SQRT1_2))));
  const silu = () => tf.mul(x, tf.sigmoid(x));
  // R'(0) = 0 is what tf.relu and tf.leakyRelu take; inputs here never hit exactly 0 anyway.
  switch (spec.kind) {
    case 'relu':
      return spec.slope === 0 ? tf.relu(x) : tf.leakyRelu(x, spec.slope);
    case 'gelu':
      return gelu(spec.scale);
    case 'silu':
      return silu();
    case 'relu-gelu':
      return tf.add(tf.mul(tf.relu(x), 1 - spec.mix), tf.mul(gelu(spec.scale), spec.mix));
    case 'relu-silu':
      return tf.add(tf.mul(tf.relu(x), 1 - spec.mix), tf.mul(silu(), spec.mix));
  }
}

/**
 * Rebuilds `net` (a Sequential of Flatten, Linear, Conv2d, ActivationLayer, MaxPool2d, Dropout)
 * as a tfjs graph. Activations flow NHWC between spatial layers and are put back in NCHW order
 * before Flatten, so the flattened features line up with analoop's channel-major order.
 * Dropout is the identity (the cross-check runs in evaluation mode).
 */
export function tfjsGraphOf(net: Layer): TfjsGraph {
  if (!(net instanceof Sequential)) throw new Error(`expected a Sequential, got ${net.kind}`);
  const params: TfParam[] = [];
  const ops: { op: Op; nParams: number }[] = [];
  for (const layer of net.layers) {
    if (layer instanceof Linear) {
      const [O, I] = [layer.outFeatures, layer.inFeatures];
      params.push({
        shape: [I, O],
        value: transpose2(layer.weight.value, O, I),
        toAnaloop: (g) => transpose2(g, I, O),
      });
      if (layer.bias)
        params.push({ shape: [O], value: layer.bias.value.slice(), toAnaloop: (g) => g });
      const hasBias = layer.bias !== undefined;
      ops.push({
        nParams: hasBias ? 2 : 1,
        op: (tf, x, [w, b]) => {
          const y = tf.matMul(x as TfNamespace.Tensor2D, w as TfNamespace.Tensor2D);
          return hasBias ? tf.add(y, b) : y;
        },
      });
    } else if (layer instanceof Conv2d) {
      const [O, I] = [layer.outChannels, layer.inChannels];
      const [kh, kw] = layer.kernel;
      const { stride, padding, dilation } = layer.convOpts;
      if (dilation[0] !== 1 || dilation[1] !== 1)
        throw new Error('dilated convs have no tfjs gradient');
      params.push({
        shape: [kh, kw, I, O],
        value: oihwToHwio(layer.weight.value, O, I, kh, kw),
        toAnaloop: (g) => hwioToOihw(g, O, I, kh, kw),
      });
      if (layer.bias)
        params.push({ shape: [O], value: layer.bias.value.slice(), toAnaloop: (g) => g });
      const hasBias = layer.bias !== undefined;
      ops.push({
        nParams: hasBias ? 2 : 1,
        op: (tf, x, [w, b]) => {
          // Zero padding as an explicit op, then a 'valid' conv: the same as PyTorch's padding.
          const xp = tf.pad(x as TfNamespace.Tensor4D, [
            [0, 0],
            [padding[0], padding[0]],
            [padding[1], padding[1]],
            [0, 0],
          ]);
          const y = tf.conv2d(xp, w as TfNamespace.Tensor4D, stride, 'valid', 'NHWC');
          return hasBias ? tf.add(y, b) : y;
        },
      });
    } else if (layer instanceof MaxPool2d) {
      const { kernel: k, stride: s, padding: p } = layer;
      if (p[0] !== 0 || p[1] !== 0) throw new Error('padded max pooling is not mapped to tfjs');
      ops.push({
        nParams: 0,
        op: (tf, x) => tf.maxPool(x as TfNamespace.Tensor4D, k, s, 'valid'),
      });
    } else if (layer instanceof ActivationLayer) {
      const spec = layer.spec;
      ops.push({ nParams: 0, op: (tf, x) => tfActivation(tf, spec, x) });
    } else if (layer instanceof Flatten) {
      ops.push({
        nParams: 0,
        op: (tf, x) => {
          const nchw = x.rank === 4 ? tf.transpose(x, [0, 3, 1, 2]) : x;
          return tf.reshape(nchw, [x.shape[0], -1]);
        },
      });
    } else if (layer instanceof Dropout) {
      ops.push({ nParams: 0, op: (_tf, x) => x });
    } else {
      throw new Error(`no tfjs mapping for layer kind '${layer.kind}'`);
    }
  }
  return {
    params,
    apply(tf, x, p) {
      // NCHW in; NHWC between spatial layers.
      let y: T = x.rank === 4 ? tf.transpose(x, [0, 2, 3, 1]) : x;
      let at = 0;
      for (const { op, nParams } of ops) {
        y = op(tf, y, p.slice(at, at + nParams));
        at += nParams;
      }
      return y;
    },
  };
}

/**
 * Mean softmax cross-entropy of the tfjs graph on (x, labels), its logits, and tf.valueAndGrads
 * of the loss with respect to every parameter, gradients returned in analoop layouts.
 * Runs on whatever tfjs backend is active and leaves no tensors behind.
 */
export function tfjsLossAndGrads(
  tf: Tf,
  graph: TfjsGraph,
  x: { data: Float32Array; shape: number[] },
  labels: Int32Array,
  classes: number,
): CrossResult {
  let out: CrossResult | undefined;
  tf.tidy(() => {
    const xt = tf.tensor(x.data, x.shape, 'float32');
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
    const ps = graph.params.map((p) => tf.tensor(p.value, p.shape, 'float32'));
    const lossOf = (logits: T) =>
      tf.neg(tf.mean(tf.sum(tf.mul(onehot, tf.logSoftmax(logits as TfNamespace.Tensor2D)), 1)));
    const logits = graph.apply(tf, xt, ps);
    const { value, grads } = tf.valueAndGrads((...p: T[]) => lossOf(graph.apply(tf, xt, p)))(ps);
    out = {
      loss: value.dataSync()[0],
      logits: Float32Array.from(logits.dataSync()),
      grads: grads.map((g, i) => graph.params[i].toAnaloop(Float32Array.from(g.dataSync()))),
    };
  });
  if (!out) throw new Error('unreachable');
  return out;
}
