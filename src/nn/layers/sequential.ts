import type { ForwardContext, Layer, Param, StateBuffer } from '../layer.js';
import type { Tensor } from '../tensor.js';
import { prefixedBuffers, prefixedParam } from './prefixed.js';

/** Layers applied in order; backward runs them in reverse. Parameter names are prefixed by index. */
export class Sequential implements Layer {
  readonly kind = 'sequential';
  readonly layers: readonly Layer[];
  private cached: Param[] | undefined;

  constructor(layers: Layer[]) {
    this.layers = [...layers];
  }

  /** True when any child uses the device. */
  get analog(): boolean {
    return this.layers.some((l) => l.analog === true);
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    let y = x;
    for (const layer of this.layers) y = await layer.forward(y, ctx);
    return y;
  }

  backward(dy: Tensor): Tensor {
    let d = dy;
    for (let i = this.layers.length - 1; i >= 0; i--) d = this.layers[i].backward(d);
    return d;
  }

  children(): Layer[] {
    return [...this.layers];
  }

  params(): Param[] {
    if (!this.cached) {
      this.cached = this.layers.flatMap((layer, i) =>
        layer.params().map((p) => prefixedParam(String(i), p)),
      );
    }
    return this.cached;
  }

  buffers(): StateBuffer[] {
    return this.layers.flatMap((layer, i) => prefixedBuffers(String(i), layer));
  }
}
