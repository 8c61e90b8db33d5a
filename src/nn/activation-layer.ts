/**
 * An elementwise activation as a Layer. Activations are digital: they run on the host, on the
 * quantised, noisy output of the analog block before them (method.md section 3).
 */
import {
  type ActivationSpec,
  activationName,
  forwardAndDerivative,
  parseActivation,
  validateActivation,
} from './activations.js';
import type { ForwardContext, Layer, Param } from './layer.js';
import { NATIVE_ACTIVATION_KIND, nativePointwiseKernels } from './native-pointwise.js';
import { RecycledBuffer } from './recycled-buffer.js';
import type { Tensor } from './tensor.js';

export class ActivationLayer implements Layer {
  readonly kind = 'activation';
  readonly spec: ActivationSpec;
  /**
   * f' evaluated at the last forward input (which is what method.md asks backward to use),
   * computed in the forward pass because GELU's value and derivative share one erf. Holding
   * f'(x) rather than a reference to x also keeps backward correct if a later layer reuses x's
   * buffer. Reused across calls of the same size.
   */
  private dydx: Float32Array | null = null;
  private shape: number[] | null = null;
  /** forward's y and backward's dx, reused across training steps (see RecycledBuffer). */
  private readonly out = new RecycledBuffer();
  private readonly grad = new RecycledBuffer();
  /** The spec as the addon takes it: [slope, reluGradAtZero, mix, scale]. */
  private readonly nativeParams: Float64Array;

  constructor(spec: ActivationSpec | string) {
    this.spec = typeof spec === 'string' ? parseActivation(spec) : validateActivation(spec);
    const s = this.spec;
    this.nativeParams = Float64Array.of(
      s.kind === 'relu' ? s.slope : 0,
      'reluGradAtZero' in s ? s.reluGradAtZero : 0,
      'mix' in s ? s.mix : 1,
      'scale' in s ? s.scale : 1,
    );
  }

  /** The canonical spec string, e.g. `relu-gelu:0.5`. */
  get name(): string {
    return activationName(this.spec);
  }

  async forward(x: Tensor, _ctx: ForwardContext): Promise<Tensor> {
    const n = x.data.length;
    if (this.dydx === null || this.dydx.length !== n) this.dydx = new Float32Array(n);
    this.grad.release();
    const y = this.out.take(n);
    const native = nativePointwiseKernels();
    if (native) {
      const kind = NATIVE_ACTIVATION_KIND[this.spec.kind];
      native.activationForward(kind, this.nativeParams, x.data, y, this.dydx);
    } else {
      forwardAndDerivative(this.spec, x.data, y, this.dydx);
    }
    this.shape = [...x.shape];
    return { data: y, shape: [...x.shape] };
  }

  backward(dy: Tensor): Tensor {
    const d = this.dydx;
    if (d === null || this.shape === null) {
      throw new Error(`ActivationLayer(${this.name}).backward called before forward`);
    }
    if (dy.data.length !== d.length) {
      throw new RangeError(
        `ActivationLayer(${this.name}).backward: dy has ${dy.data.length} elements, ` +
          `the forward input [${this.shape}] had ${d.length}`,
      );
    }
    this.out.release();
    const dx = this.grad.take(d.length);
    const g = dy.data;
    const native = nativePointwiseKernels();
    if (native) native.multiplyInto(g, d, dx);
    else for (let k = 0; k < d.length; k++) dx[k] = g[k] * d[k];
    return { data: dx, shape: [...this.shape] };
  }

  params(): Param[] {
    return [];
  }
}
