import type { ForwardContext, Layer, Param, StateBuffer } from '../layer.js';
import { tensor, type Tensor } from '../tensor.js';
import { prefixedBuffers, prefixedParams } from './prefixed.js';

/**
 * A residual connection: y = main(x) + shortcut(x), the shortcut being the identity when
 * omitted (ResNet's BasicBlock with a 1x1 conv + BN projection when shapes change; the ViT's
 * x + MHSA(LN(x))). Backward sends dy down both paths and sums the input gradients.
 */
export class Residual implements Layer {
  readonly kind = 'residual';
  private cached: Param[] | undefined;

  constructor(
    readonly main: Layer,
    readonly shortcut?: Layer,
  ) {}

  get analog(): boolean {
    return Boolean(this.main.analog || this.shortcut?.analog);
  }

  /** Params of both paths, named `main.<name>` and `shortcut.<name>`. */
  params(): Param[] {
    this.cached ??= [
      ...prefixedParams('main', this.main),
      ...(this.shortcut ? prefixedParams('shortcut', this.shortcut) : []),
    ];
    return this.cached;
  }

  children(): Layer[] {
    return this.shortcut ? [this.main, this.shortcut] : [this.main];
  }

  /** Buffers of both paths, named `main.<name>` and `shortcut.<name>`. */
  buffers(): StateBuffer[] {
    const out = prefixedBuffers('main', this.main);
    if (this.shortcut) out.push(...prefixedBuffers('shortcut', this.shortcut));
    return out;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const m = await this.main.forward(x, ctx);
    const s = this.shortcut ? await this.shortcut.forward(x, ctx) : x;
    if (m.shape.length !== s.shape.length || m.shape.some((d, i) => d !== s.shape[i])) {
      throw new RangeError(`Residual: main gives [${m.shape}], shortcut gives [${s.shape}]`);
    }
    const y = tensor(m.shape);
    for (let i = 0; i < y.data.length; i++) y.data[i] = m.data[i] + s.data[i];
    return y;
  }

  backward(dy: Tensor): Tensor {
    const dm = this.main.backward(dy);
    const ds = this.shortcut ? this.shortcut.backward(dy) : dy;
    const dx = tensor(dm.shape);
    for (let i = 0; i < dx.data.length; i++) dx.data[i] = dm.data[i] + ds.data[i];
    return dx;
  }
}
