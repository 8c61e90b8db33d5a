import type { ForwardContext, Layer, Param } from '../layer.js';
import type { Tensor } from '../tensor.js';

/**
 * A view of a child's parameter under a prefixed name ("0.weight", "2.1.bias"). It shares the
 * value and gradient arrays and forwards `version`, so an optimiser bumping the version through
 * the view is seen by the analog layer that owns the parameter (it re-programs its tiles).
 */
function prefixed(prefix: string, p: Param): Param {
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
        layer.params().map((p) => prefixed(String(i), p)),
      );
    }
    return this.cached;
  }
}
