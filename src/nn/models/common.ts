/**
 * What every preset shares: checking the build options (with errors that name the bad option),
 * per-layer init seeds, the `analog` policy, and a small builder that numbers weight layers.
 */
import { z } from 'zod';
import { ActivationLayer } from '../activation-layer.js';
import type { Layer, Runtime } from '../layer.js';
import { Conv2d } from '../layers/conv2d.js';
import { Dropout } from '../layers/dropout.js';
import { Linear } from '../layers/linear.js';
import type { Model, ModelBuildOptions } from '../model.js';
import { deriveKey } from '../../noise/rng.js';

/** A preset was asked for with a bad name, a bad common option or a bad preset option. */
export class ModelConfigError extends Error {
  override name = 'ModelConfigError';
  /** The offending option (e.g. "convLayers", "inputShape"), when one option is to blame. */
  readonly option?: string;

  constructor(message: string, option?: string) {
    super(message);
    if (option !== undefined) this.option = option;
  }
}

/** Purpose tag mixed into init seeds, so they never coincide with a noise or dropout stream. */
const SITE_INIT = 0x494e4954; // "INIT"

/**
 * The init seed of weight layer `index` (0, 1, ... in build order) of a model built with `seed`.
 * Hashing (seed, index) rather than using seed + index keeps two layers of the same shape from
 * starting equal, and two models with neighbouring seeds from sharing layers.
 */
export function layerSeed(seed: number, index: number): number {
  return deriveKey(seed, SITE_INIT, index).k0;
}

const ANALOG_MODES = ['all', 'none', 'all-but-head'] as const;

/** Checks the options every preset receives; throws ModelConfigError naming the bad one. */
export function checkCommon(preset: string, opts: ModelBuildOptions): void {
  const [c, h, w] = Array.isArray(opts.inputShape) ? opts.inputShape : [];
  if (
    !Array.isArray(opts.inputShape) ||
    opts.inputShape.length !== 3 ||
    ![c, h, w].every((v) => Number.isInteger(v) && (v as number) > 0)
  ) {
    throw new ModelConfigError(
      `model ${preset}: inputShape must be [channels, height, width] of positive integers, got ${JSON.stringify(opts.inputShape)}`,
      'inputShape',
    );
  }
  if (!Number.isInteger(opts.classes) || opts.classes < 1) {
    throw new ModelConfigError(
      `model ${preset}: classes must be a positive integer, got ${opts.classes}`,
      'classes',
    );
  }
  if (!Number.isSafeInteger(opts.seed)) {
    throw new ModelConfigError(
      `model ${preset}: seed must be a safe integer, got ${opts.seed}`,
      'seed',
    );
  }
  if (!(ANALOG_MODES as readonly string[]).includes(opts.analog)) {
    throw new ModelConfigError(
      `model ${preset}: analog must be one of ${ANALOG_MODES.join(', ')}, got ${JSON.stringify(opts.analog)}`,
      'analog',
    );
  }
}

/**
 * Parses a preset's `options` with its zod schema (strict: an unknown option is an error too).
 * The message names the preset and each bad option, e.g.
 * `model convnet: option convLayers: Too big: expected number to be <=6`.
 */
export function parseOptions<S extends z.ZodType>(
  preset: string,
  schema: S,
  options: Record<string, unknown> | undefined,
): z.output<S> {
  const r = schema.safeParse(options ?? {});
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key =
      i.code === 'unrecognized_keys'
        ? i.keys.join(', ')
        : i.path.length > 0
          ? i.path.map(String).join('.')
          : '(options)';
    const what =
      i.code === 'unrecognized_keys' ? `unknown option(s); valid: ${validKeys(schema)}` : i.message;
    return { key, text: `option ${key}: ${what}` };
  });
  throw new ModelConfigError(
    `model ${preset}: ${lines.map((l) => l.text).join('; ')}`,
    lines[0]?.key,
  );
}

function validKeys(schema: z.ZodType): string {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  return keys.length > 0 ? keys.join(', ') : '(none)';
}

/** An integer option in [min, max]. */
export function intOption(min: number, max: number): z.ZodNumber {
  return z.number().int().min(min).max(max);
}

/**
 * Builds a network in order, numbering its weight layers (Linear, Conv2d) for init seeds and its
 * dropout layers for their mask ids, so the same options always give the same model.
 */
export class NetBuilder {
  private weightIndex = 0;
  private dropoutIndex = 0;
  readonly activation: ModelBuildOptions['activation'];

  constructor(
    readonly preset: string,
    private readonly opts: ModelBuildOptions,
  ) {
    this.activation = opts.activation;
  }

  get runtime(): Runtime {
    return this.opts.runtime;
  }

  /** Whether a weight layer runs on the device under the model's `analog` policy. */
  analogFor(isHead: boolean): boolean {
    switch (this.opts.analog) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'all-but-head':
        return !isHead;
    }
  }

  /** The next weight layer's init seed. */
  nextSeed(): number {
    return layerSeed(this.opts.seed, this.weightIndex++);
  }

  linear(
    inFeatures: number,
    outFeatures: number,
    opts: { head?: boolean; bias?: boolean } = {},
  ): Linear {
    return new Linear(this.opts.runtime, {
      inFeatures,
      outFeatures,
      bias: opts.bias,
      analog: this.analogFor(opts.head === true),
      seed: this.nextSeed(),
    });
  }

  conv(
    inChannels: number,
    outChannels: number,
    kernel: number,
    opts: { padding?: number; stride?: number; bias?: boolean } = {},
  ): Conv2d {
    return new Conv2d(this.opts.runtime, {
      inChannels,
      outChannels,
      kernel,
      padding: opts.padding ?? 0,
      stride: opts.stride ?? 1,
      bias: opts.bias,
      analog: this.analogFor(false),
      seed: this.nextSeed(),
    });
  }

  act(): ActivationLayer {
    return new ActivationLayer(this.opts.activation);
  }

  dropout(p: number): Dropout {
    return new Dropout({ p, id: this.dropoutIndex++ });
  }
}

/** Output size of a conv or pool along one axis (floor mode), as PyTorch computes it. */
export function outSize(size: number, kernel: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/**
 * Tracks the spatial size through a stack of convs and pools so a too-small input gets an error
 * naming the layer where the image vanishes, instead of a shape error deep in a forward pass.
 */
export class SpatialTracker {
  constructor(
    private readonly preset: string,
    public h: number,
    public w: number,
  ) {}

  apply(what: string, kernel: number, stride: number, padding: number): void {
    const h = outSize(this.h, kernel, stride, padding);
    const w = outSize(this.w, kernel, stride, padding);
    if (h < 1 || w < 1) {
      throw new ModelConfigError(
        `model ${this.preset}: the input is too small: ${what} maps ${this.h}x${this.w} to ${Math.max(h, 0)}x${Math.max(w, 0)}`,
        'inputShape',
      );
    }
    this.h = h;
    this.w = w;
  }
}

/** Assembles the Model record. */
export function makeModel(preset: string, net: Layer, opts: ModelBuildOptions): Model {
  const [c, h, w] = opts.inputShape;
  return { preset, net, inputShape: [c, h, w], classes: opts.classes };
}
