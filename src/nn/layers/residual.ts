import type { ForwardContext, Layer, Param } from '../layer.js';
import { tensor, type Tensor } from '../tensor.js';
import { prefixedBuffers, type HasBuffers, type LayerBuffer } from './batchnorm2d.js';

/**
 * A view of a child's param under `<prefix>.<name>`, sharing value and grad and forwarding
 * `version` (so an optimiser's bump reaches the analog layer owning it). Composite layers use
 * it so a model's param names are unique, as checkpoints key on them.
 */
export function prefixedParam(prefix: string, p: Param): Param {
  return {
    name: `${prefix}.${p.name}`,
    get shape() {
      return p.shape;
    },
    get value() {
      return p.value;
    },
    get grad() {
      return p.grad;
    },
    get version() {
      return p.version;
    },
    set version(v: number) {
      p.version = v;
    },
  };
}

/** The params of `layer`, each renamed `<prefix>.<name>`. */
export function prefixedParams(prefix: string, layer: Layer): Param[] {
  return layer.params().map((p) => prefixedParam(prefix, p));
}

/**
 * A residual connection: y = main(x) + shortcut(x), the shortcut being the identity when
 * omitted (ResNet's BasicBlock with a 1x1 conv + BN projection when shapes change; the ViT's
 * x + MHSA(LN(x))). Backward sends dy down both paths and sums the input gradients.
 */
export class Residual implements Layer, HasBuffers {
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

  /** Buffers of both paths, named `main.<name>` and `shortcut.<name>`. */
  buffers(): LayerBuffer[] {
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
