/**
 * The Vision Transformer's pieces (Dosovitskiy et al.), as the paper's ViT uses them: a noisy
 * analog sensor in front (a NoiseLayer, not here) and a digital transformer behind it:
 *
 *   PatchEmbedding -> ClsToken -> PositionalEmbedding -> TransformerBlock x depth -> ClassTokenHead
 *
 * Every piece is a Layer on token tensors [B, T, D]. Linear products take an `analog` flag like
 * every other weight layer (default false: the paper's ViT is digital inside).
 */
import type { ActivationSpec } from '../activations.js';
import { ActivationLayer } from '../activation-layer.js';
import type { ForwardContext, Layer, Param, Runtime } from '../layer.js';
import { tensor, type Tensor } from '../tensor.js';
import { MultiHeadSelfAttention, subSeeds } from './attention.js';
import { makeParam, seededUniform } from './init.js';
import { LayerNorm } from './layernorm.js';
import { Linear } from './linear.js';
import { prefixedParams } from './prefixed.js';

/** Std of the learned token and position embeddings at init (the ViT reference uses 0.02). */
export const EMBEDDING_INIT_STD = 0.02;

/** Seeded N(0, std^2) values (Box-Muller on the init generator), so init is reproducible. */
function fillNormal(out: Float32Array, std: number, seed: number): Float32Array {
  const next = seededUniform(seed);
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const a = 2 * Math.PI * next();
    out[i] = std * r * Math.cos(a);
    if (i + 1 < out.length) out[i + 1] = std * r * Math.sin(a);
  }
  return out;
}

function positiveInt(owner: string, name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`${owner}: ${name} must be a positive integer, got ${v}`);
  return v;
}

export interface PatchEmbeddingOptions {
  runtime: Runtime;
  inChannels: number;
  /** Patch edge in pixels (the paper's ViT: 4). */
  patch: number;
  /** Token width D. */
  dim: number;
  /** Image height and width (a number for a square image); each must be a multiple of `patch`. */
  imageSize: number | readonly [number, number];
  /** Projection on the device; default false. */
  analog?: boolean;
  seed?: number;
}

/**
 * [B, C, H, W] -> [B, N, D] with N = (H/p)(W/p) patches in row-major grid order: each p x p patch
 * is flattened in (channel, row, col) order and projected by a Linear. This is exactly a Conv2d
 * with kernel = stride = p (the Linear's weight [D, C*p*p] is the conv's [D, C, p, p]), without
 * im2col's copies or the transpose from [B, D, h, w] to tokens.
 */
export class PatchEmbedding implements Layer {
  readonly kind = 'patch-embedding';
  readonly analog: boolean;
  readonly proj: Linear;
  readonly inChannels: number;
  readonly patch: number;
  readonly dim: number;
  readonly imageHeight: number;
  readonly imageWidth: number;
  private batch = 0;

  constructor(opts: PatchEmbeddingOptions) {
    const name = 'PatchEmbedding';
    this.inChannels = positiveInt(name, 'inChannels', opts.inChannels);
    this.patch = positiveInt(name, 'patch', opts.patch);
    this.dim = positiveInt(name, 'dim', opts.dim);
    const [h, w] =
      typeof opts.imageSize === 'number' ? [opts.imageSize, opts.imageSize] : opts.imageSize;
    this.imageHeight = positiveInt(name, 'image height', h);
    this.imageWidth = positiveInt(name, 'image width', w);
    if (h % this.patch !== 0 || w % this.patch !== 0) {
      throw new RangeError(
        `${name}: image ${h}x${w} is not a whole number of ${this.patch}x${this.patch} patches`,
      );
    }
    this.analog = opts.analog ?? false;
    const p = this.patch;
    this.proj = new Linear(opts.runtime, {
      inFeatures: this.inChannels * p * p,
      outFeatures: this.dim,
      analog: this.analog,
      seed: opts.seed ?? 0,
    });
  }

  /** Number of patch tokens N. */
  get tokens(): number {
    return (this.imageHeight / this.patch) * (this.imageWidth / this.patch);
  }

  params(): Param[] {
    return this.proj.params();
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const [, C, H, W] = x.shape;
    if (
      x.shape.length !== 4 ||
      C !== this.inChannels ||
      H !== this.imageHeight ||
      W !== this.imageWidth
    ) {
      throw new RangeError(
        `PatchEmbedding: expected [B, ${this.inChannels}, ${this.imageHeight}, ${this.imageWidth}], got [${x.shape}]`,
      );
    }
    const B = x.shape[0];
    this.batch = B;
    const patches = new Float32Array(x.data.length);
    this.movePatches(x.data, patches, B, true);
    return this.proj.forward(
      { data: patches, shape: [B, this.tokens, C * this.patch * this.patch] },
      ctx,
    );
  }

  backward(dy: Tensor): Tensor {
    const dPatches = this.proj.backward(dy);
    const B = this.batch;
    const dx = tensor([B, this.inChannels, this.imageHeight, this.imageWidth]);
    this.movePatches(dx.data, dPatches.data, B, false);
    return dx;
  }

  /** Copies image <-> patch rows (patches do not overlap, so this is a permutation). */
  private movePatches(
    image: Float32Array,
    patches: Float32Array,
    B: number,
    toPatches: boolean,
  ): void {
    const p = this.patch;
    const C = this.inChannels;
    const H = this.imageHeight;
    const W = this.imageWidth;
    const gw = W / p;
    const N = this.tokens;
    let k = 0;
    for (let b = 0; b < B; b++)
      for (let n = 0; n < N; n++) {
        const r0 = Math.floor(n / gw) * p;
        const c0 = (n % gw) * p;
        for (let c = 0; c < C; c++)
          for (let i = 0; i < p; i++) {
            const src = ((b * C + c) * H + r0 + i) * W + c0;
            for (let j = 0; j < p; j++, k++) {
              if (toPatches) patches[k] = image[src + j];
              else image[src + j] = patches[k];
            }
          }
      }
  }
}

export interface ClsTokenOptions {
  dim: number;
  seed?: number;
}

/**
 * Prepends a learned class token to every sample: [B, N, D] -> [B, N + 1, D]. The head reads
 * this token's final state, so it learns to gather the image through attention.
 */
export class ClsToken implements Layer {
  readonly kind = 'cls-token';
  readonly analog = false;
  readonly token: Param;
  private inShape: number[] = [];

  constructor(opts: ClsTokenOptions) {
    const dim = positiveInt('ClsToken', 'dim', opts.dim);
    this.token = makeParam(
      'token',
      [dim],
      fillNormal(new Float32Array(dim), EMBEDDING_INIT_STD, opts.seed ?? 0),
    );
  }

  params(): Param[] {
    return [this.token];
  }

  async forward(x: Tensor, _ctx: ForwardContext): Promise<Tensor> {
    const D = this.token.value.length;
    if (x.shape.length !== 3 || x.shape[2] !== D)
      throw new RangeError(`ClsToken: expected [B, N, ${D}], got [${x.shape}]`);
    const [B, N] = x.shape;
    const y = tensor([B, N + 1, D]);
    for (let b = 0; b < B; b++) {
      y.data.set(this.token.value, b * (N + 1) * D);
      y.data.set(x.data.subarray(b * N * D, (b + 1) * N * D), (b * (N + 1) + 1) * D);
    }
    this.inShape = [...x.shape];
    return y;
  }

  backward(dy: Tensor): Tensor {
    const [B, N, D] = this.inShape;
    const dx = tensor(this.inShape);
    for (let b = 0; b < B; b++) {
      const o = b * (N + 1) * D;
      for (let d = 0; d < D; d++) this.token.grad[d] += dy.data[o + d];
      dx.data.set(dy.data.subarray(o + D, o + (N + 1) * D), b * N * D);
    }
    return dx;
  }
}

export interface PositionalEmbeddingOptions {
  /** Sequence length T (patches + 1 with a class token). */
  tokens: number;
  dim: number;
  seed?: number;
}

/** Adds a learned [T, D] position embedding to every sample of [B, T, D]. */
export class PositionalEmbedding implements Layer {
  readonly kind = 'positional-embedding';
  readonly analog = false;
  readonly embedding: Param;

  constructor(opts: PositionalEmbeddingOptions) {
    const T = positiveInt('PositionalEmbedding', 'tokens', opts.tokens);
    const D = positiveInt('PositionalEmbedding', 'dim', opts.dim);
    this.embedding = makeParam(
      'embedding',
      [T, D],
      fillNormal(new Float32Array(T * D), EMBEDDING_INIT_STD, opts.seed ?? 0),
    );
  }

  params(): Param[] {
    return [this.embedding];
  }

  async forward(x: Tensor, _ctx: ForwardContext): Promise<Tensor> {
    const [T, D] = this.embedding.shape;
    if (x.shape.length !== 3 || x.shape[1] !== T || x.shape[2] !== D) {
      throw new RangeError(`PositionalEmbedding: expected [B, ${T}, ${D}], got [${x.shape}]`);
    }
    const y = tensor(x.shape);
    const e = this.embedding.value;
    const n = T * D;
    for (let i = 0; i < y.data.length; i++) y.data[i] = x.data[i] + e[i % n];
    return y;
  }

  backward(dy: Tensor): Tensor {
    const g = this.embedding.grad;
    const n = g.length;
    for (let i = 0; i < dy.data.length; i++) g[i % n] += dy.data[i];
    return tensor(dy.shape, dy.data.slice());
  }
}

export interface TransformerBlockOptions {
  runtime: Runtime;
  dim: number;
  heads: number;
  /** MLP hidden width as a multiple of dim; default 4. */
  mlpRatio?: number;
  /** The MLP's activation (a spec or its string form, e.g. "gelu", "relu-gelu:0.5"); default GELU. */
  activation?: ActivationSpec | string;
  /** Attention projections and MLP on the device; default false. */
  analog?: boolean;
  /** LayerNorm eps; default 1e-5. */
  eps?: number;
  seed?: number;
}

/**
 * A pre-norm transformer encoder block:
 *   x1 = x + MHSA(LN1(x));  y = x1 + FC2(act(FC1(LN2(x1))))
 * Params are named `ln1.*`, `attn.*`, `ln2.*`, `fc1.*`, `fc2.*`.
 */
export class TransformerBlock implements Layer {
  readonly kind = 'transformer-block';
  readonly analog: boolean;
  readonly ln1: LayerNorm;
  readonly attn: MultiHeadSelfAttention;
  readonly ln2: LayerNorm;
  readonly fc1: Linear;
  readonly act: ActivationLayer;
  readonly fc2: Linear;
  private cachedParams: Param[] | undefined;

  constructor(opts: TransformerBlockOptions) {
    const dim = positiveInt('TransformerBlock', 'dim', opts.dim);
    const hidden = Math.round(dim * (opts.mlpRatio ?? 4));
    positiveInt('TransformerBlock', 'MLP width (dim * mlpRatio)', hidden);
    const analog = opts.analog ?? false;
    const [sa, s1, s2] = subSeeds(opts.seed ?? 0, 3);
    this.analog = analog;
    this.ln1 = new LayerNorm(dim, { eps: opts.eps });
    this.attn = new MultiHeadSelfAttention({
      runtime: opts.runtime,
      dim,
      heads: opts.heads,
      analog,
      seed: sa,
    });
    this.ln2 = new LayerNorm(dim, { eps: opts.eps });
    this.fc1 = new Linear(opts.runtime, { inFeatures: dim, outFeatures: hidden, analog, seed: s1 });
    this.act = new ActivationLayer(opts.activation ?? 'gelu');
    this.fc2 = new Linear(opts.runtime, { inFeatures: hidden, outFeatures: dim, analog, seed: s2 });
  }

  params(): Param[] {
    this.cachedParams ??= [
      ...prefixedParams('ln1', this.ln1),
      ...prefixedParams('attn', this.attn),
      ...prefixedParams('ln2', this.ln2),
      ...prefixedParams('fc1', this.fc1),
      ...prefixedParams('fc2', this.fc2),
    ];
    return this.cachedParams;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const a = await this.attn.forward(await this.ln1.forward(x, ctx), ctx);
    const x1 = add(x, a);
    const h = await this.fc1.forward(await this.ln2.forward(x1, ctx), ctx);
    const m = await this.fc2.forward(await this.act.forward(h, ctx), ctx);
    return add(x1, m);
  }

  backward(dy: Tensor): Tensor {
    const dm = this.ln2.backward(this.fc1.backward(this.act.backward(this.fc2.backward(dy))));
    const dx1 = add(dy, dm);
    return add(dx1, this.ln1.backward(this.attn.backward(dx1)));
  }
}

/** a + b elementwise, into a new tensor of a's shape. */
function add(a: Tensor, b: Tensor): Tensor {
  const y = tensor(a.shape);
  for (let i = 0; i < y.data.length; i++) y.data[i] = a.data[i] + b.data[i];
  return y;
}

export interface ClassTokenHeadOptions {
  runtime: Runtime;
  dim: number;
  classes: number;
  /** Classifier on the device; default false. */
  analog?: boolean;
  eps?: number;
  seed?: number;
}

/** The classifier: token 0 of [B, T, D] -> LayerNorm -> Linear -> logits [B, classes]. */
export class ClassTokenHead implements Layer {
  readonly kind = 'class-token-head';
  readonly analog: boolean;
  readonly norm: LayerNorm;
  readonly fc: Linear;
  private inShape: number[] = [];
  private cachedParams: Param[] | undefined;

  constructor(opts: ClassTokenHeadOptions) {
    const dim = positiveInt('ClassTokenHead', 'dim', opts.dim);
    this.analog = opts.analog ?? false;
    this.norm = new LayerNorm(dim, { eps: opts.eps });
    this.fc = new Linear(opts.runtime, {
      inFeatures: dim,
      outFeatures: positiveInt('ClassTokenHead', 'classes', opts.classes),
      analog: this.analog,
      seed: opts.seed ?? 0,
    });
  }

  params(): Param[] {
    this.cachedParams ??= [...prefixedParams('norm', this.norm), ...prefixedParams('fc', this.fc)];
    return this.cachedParams;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    const D = this.norm.features;
    if (x.shape.length !== 3 || x.shape[2] !== D || x.shape[1] < 1) {
      throw new RangeError(`ClassTokenHead: expected [B, T, ${D}], got [${x.shape}]`);
    }
    const [B, T] = x.shape;
    const cls = tensor([B, D]);
    for (let b = 0; b < B; b++) cls.data.set(x.data.subarray(b * T * D, b * T * D + D), b * D);
    this.inShape = [...x.shape];
    return this.fc.forward(await this.norm.forward(cls, ctx), ctx);
  }

  backward(dy: Tensor): Tensor {
    const [B, T, D] = this.inShape;
    const dcls = this.norm.backward(this.fc.backward(dy));
    const dx = tensor(this.inShape);
    for (let b = 0; b < B; b++) dx.data.set(dcls.data.subarray(b * D, (b + 1) * D), b * T * D);
    return dx;
  }
}
