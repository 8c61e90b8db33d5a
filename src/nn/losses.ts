/**
 * Losses with their gradients, computed digitally in float64 per element and returned as
 * float32 tensors. Both reduce by the mean (PyTorch's default), so the gradient carries the 1/N.
 */
import type { Tensor } from './tensor.js';

export interface ClassificationLoss {
  /** Mean cross-entropy over the batch (natural log). */
  loss: number;
  /** d loss / d logits, same shape as the logits. */
  grad: Tensor;
  /** Rows whose arg-max logit (first one on ties) equals the label. */
  correct: number;
}

export interface RegressionLoss {
  loss: number;
  grad: Tensor;
}

/**
 * Softmax cross-entropy on logits [N, C] (any trailing dims are flattened into C).
 * Stable for any finite logits: log-sum-exp is taken relative to the row maximum, so exp never
 * overflows and the largest term is exactly 1.
 */
export function softmaxCrossEntropy(
  logits: Tensor,
  labels: Int32Array | Uint8Array,
): ClassificationLoss {
  const n = logits.shape[0];
  if (logits.shape.length < 2 || !(n > 0)) {
    throw new RangeError(
      `softmaxCrossEntropy: logits must be [N, C] with N > 0, got [${logits.shape}]`,
    );
  }
  const c = logits.data.length / n;
  if (labels.length !== n) {
    throw new RangeError(`softmaxCrossEntropy: ${labels.length} labels for a batch of ${n}`);
  }
  const z = logits.data;
  const g = new Float32Array(z.length);
  const e = new Float64Array(c);
  let total = 0;
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const label = labels[r];
    if (!(label >= 0 && label < c && Number.isInteger(label))) {
      throw new RangeError(`softmaxCrossEntropy: label ${label} at row ${r} is outside [0, ${c})`);
    }
    const base = r * c;
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < c; j++) {
      if (z[base + j] > max) {
        max = z[base + j];
        arg = j;
      }
    }
    if (arg === label) correct++;
    let sum = 0;
    for (let j = 0; j < c; j++) {
      e[j] = Math.exp(z[base + j] - max);
      sum += e[j];
    }
    // max - z[label] is exact (float32 inputs), so a confident row loses no digits to cancellation.
    total += max - z[base + label] + Math.log(sum);
    const inv = 1 / (sum * n);
    for (let j = 0; j < c; j++) g[base + j] = e[j] * inv;
    g[base + label] = (e[label] / sum - 1) / n;
  }
  return { loss: total / n, grad: { data: g, shape: [...logits.shape] }, correct };
}

/** Mean squared error over all elements: mean((pred - target)^2), grad 2 (pred - target) / size. */
export function mse(pred: Tensor, target: Tensor | Float32Array): RegressionLoss {
  const t = target instanceof Float32Array ? target : target.data;
  const p = pred.data;
  if (t.length !== p.length) {
    throw new RangeError(`mse: prediction has ${p.length} elements, target ${t.length}`);
  }
  const m = p.length;
  const g = new Float32Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) {
    const d = p[k] - t[k];
    total += d * d;
    g[k] = (2 * d) / m;
  }
  return { loss: m > 0 ? total / m : 0, grad: { data: g, shape: [...pred.shape] } };
}
