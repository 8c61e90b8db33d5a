import type { Layer, Param, StateBuffer } from '../layer.js';

/**
 * A view of a child's param under `<prefix>.<name>`, sharing value and grad and forwarding
 * `version` (so an optimiser's bump reaches the analog layer owning it, which re-programs its
 * tiles). Containers use it so a model's param names are unique: checkpoints key on them.
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

/** The buffers of `layer` (none when it has no `buffers()`), each renamed `<prefix>.<name>`. */
export function prefixedBuffers(prefix: string, layer: Layer): StateBuffer[] {
  return (layer.buffers?.() ?? []).map((b) => ({ name: `${prefix}.${b.name}`, value: b.value }));
}
