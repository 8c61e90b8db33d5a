import { jsKernels } from '../../../src/compute/js-kernels.js';
import { parseActivation } from '../../../src/nn/activations.js';
import type { ForwardContext, Runtime } from '../../../src/nn/layer.js';
import type { ModelBuildOptions } from '../../../src/nn/model.js';
import { IdealDevice } from '../../../simulator/ideal-device.js';

export function idealRuntime(): Runtime {
  return { kernels: jsKernels, device: new IdealDevice() };
}

/** Build options with CIFAR-10 defaults, everything overridable. */
export function buildOpts(over: Partial<ModelBuildOptions> = {}): ModelBuildOptions {
  return {
    runtime: over.runtime ?? idealRuntime(),
    activation: parseActivation('relu'),
    inputShape: [3, 32, 32],
    classes: 10,
    seed: 1,
    analog: 'none',
    options: {},
    ...over,
  };
}

export const trainCtx: ForwardContext = { training: true, draw: 0, rowOffset: 0, seed: 5 };
export const evalCtx: ForwardContext = { training: false, draw: 0, rowOffset: 0, seed: 5 };

/** Deterministic values in [lo, hi). */
export function randomArray(n: number, seed: number, lo = 0, hi = 1): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = lo + (hi - lo) * (s / 2 ** 32);
  }
  return a;
}

/** Parameters of a Conv2d (k x k) or Linear (k = 1), with or without bias. */
export const convParams = (inC: number, outC: number, k: number, bias = true) =>
  outC * inC * k * k + (bias ? outC : 0);
export const linearParams = (inF: number, outF: number) => inF * outF + outF;
