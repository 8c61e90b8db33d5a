import type { ActivationSpec } from './activations.js';
import type { Layer, Param, Runtime, StateBuffer } from './layer.js';
import { Sequential } from './layers/sequential.js';

/** A built network plus what the trainer and the run manifest need to know about it. */
export interface Model {
  /** Preset name, e.g. "mlp" or "convnet". */
  readonly preset: string;
  /** The whole network: input [B, C, H, W], output logits [B, classes]. */
  readonly net: Layer;
  readonly inputShape: [number, number, number];
  readonly classes: number;
}

/** What every preset builder receives. Preset-specific knobs go in `options`. */
export interface ModelBuildOptions {
  runtime: Runtime;
  activation: ActivationSpec;
  inputShape: [number, number, number];
  classes: number;
  /** Seed for weight initialisation. */
  seed: number;
  /** Which products run on the device: every weight layer, none, or all but the last (a digital head). */
  analog: 'all' | 'none' | 'all-but-head';
  options: Record<string, unknown>;
  /**
   * Leave out the noise a model adds by itself (the ViT's input sensor): the copy that
   * `--eval-noise-off` evaluates on the ideal device. Default false.
   */
  noiseFree?: boolean;
}

export interface LayerEntry {
  path: string;
  layer: Layer;
}

/** Every layer of a network, depth first, with a dotted path ("0", "3.main.1"). */
export function walkLayers(net: Layer, path = ''): LayerEntry[] {
  const out: LayerEntry[] = [{ path: path || net.kind, layer: net }];
  const kids = net.children?.() ?? [];
  kids.forEach((child, i) => out.push(...walkLayers(child, path ? `${path}.${i}` : String(i))));
  return out;
}

export function modelParams(model: Model): Param[] {
  return model.net.params();
}

/**
 * Non-trainable state of the whole network (BatchNorm running statistics). Containers aggregate
 * their children's buffers under prefixed names, exactly as they do params().
 */
export function modelBuffers(model: Model): StateBuffer[] {
  return model.net.buffers?.() ?? [];
}

export function parameterCount(model: Model): number {
  return modelParams(model).reduce((n, p) => n + p.value.length, 0);
}

/** One line per weight layer, for the run manifest: which products are analog. */
export function describeLayers(
  model: Model,
): { path: string; kind: string; analog: boolean; params: number }[] {
  return walkLayers(model.net)
    .filter(({ layer }) => !layer.children && layer.params().length > 0)
    .map(({ path, layer }) => ({
      path,
      kind: layer.kind,
      analog: layer.analog === true,
      params: layer.params().reduce((n, p) => n + p.value.length, 0),
    }));
}

/**
 * The layer whose input gradient is the first one a network's backward pass computes for
 * nothing: the first layer with parameters, looking through Sequentials and past leading layers
 * without parameters (a Flatten: their own input gradients are unused too, so is what they
 * receive). Undefined when that layer cannot skip it (no `inputGradNeeded`), or a container
 * other than Sequential comes first (a residual block's branches need theirs).
 */
export function firstGradientLayer(net: Layer): Layer | undefined {
  if (net instanceof Sequential) {
    for (const layer of net.layers) {
      if (!layer.children && layer.params().length === 0) continue;
      return firstGradientLayer(layer);
    }
    return undefined;
  }
  if (net.children) return undefined;
  return 'inputGradNeeded' in net ? net : undefined;
}

/**
 * Tells the network's first weight layer that nothing uses its input gradient (`skip`), or that
 * something does again: the trainer's backward passes never use the network's input gradient, so
 * that layer can skip its largest product (dX = dY W; W^T dY and col2im for a Conv2d). Every
 * parameter gradient stays bit-identical; net.backward then returns zeros. Returns the layer
 * told, or undefined when there is none (see firstGradientLayer).
 */
export function skipInputGradient(net: Layer, skip = true): Layer | undefined {
  const layer = firstGradientLayer(net);
  if (layer) layer.inputGradNeeded = !skip;
  return layer;
}
