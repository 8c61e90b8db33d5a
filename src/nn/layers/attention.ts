import type { ForwardContext, Layer, Param, Runtime } from '../layer.js';
import type { Tensor } from '../tensor.js';
import { seededUniform } from './init.js';
import { Linear } from './linear.js';
import { prefixedParams } from './prefixed.js';

export interface MultiHeadSelfAttentionOptions {
  runtime: Runtime;
  /** Model width D (input and output features). */
  dim: number;
  /** Number of heads; must divide `dim`. */
  heads: number;
  /**
   * Whether the q, k, v and output projections run on the device (analog products) or with
   * kernels.gemm. The attention itself (scores, softmax, weighted sum) is always digital: its
   * operands change with every input, which an array programmed with weights cannot hold.
   */
  analog: boolean;
  /** Seed of the four projections' initialisation; default 0. */
  seed?: number;
}

/** Independent-looking seeds for the sub-layers of a block, all derived from one seed. */
export function subSeeds(seed: number, count: number): number[] {
  const next = seededUniform(seed);
  return Array.from({ length: count }, () => Math.floor(next() * 2 ** 32));
}

/**
 * Multi-head self-attention over [B, T, D] (the ViT's token mixer):
 * q, k, v = x Wq^T + bq, ...; per head h, A_h = softmax(q_h k_h^T / sqrt(D / H)) v_h;
 * y = concat_h(A_h) Wo^T + bo. No mask, no dropout.
 *
 * Backward: the projections' backward is the Linear's (straight-through on analog); the softmax
 * part is exact: dS = P * (dP - rowsum(dP * P)), dP = dA v^T, dv = P^T dA, dq = dS k / sqrt(dh),
 * dk = dS^T q / sqrt(dh); dx sums the q, k and v paths.
 */
export class MultiHeadSelfAttention implements Layer {
  readonly kind = 'mhsa';
  readonly analog: boolean;
  readonly dim: number;
  readonly heads: number;
  readonly headDim: number;
  readonly q: Linear;
  readonly k: Linear;
  readonly v: Linear;
  readonly out: Linear;
  private readonly kernels: Runtime['kernels'];
  private cachedParams: Param[] | undefined;

  // Kept from forward for backward, all laid out head-major [B, H, T, dh] / [B, H, T, T].
  private saved:
    | {
        B: number;
        T: number;
        qh: Float32Array;
        kh: Float32Array;
        vh: Float32Array;
        p: Float32Array;
      }
    | undefined;

  constructor(opts: MultiHeadSelfAttentionOptions) {
    const { dim, heads } = opts;
    if (
      !Number.isInteger(dim) ||
      dim < 1 ||
      !Number.isInteger(heads) ||
      heads < 1 ||
      dim % heads !== 0
    ) {
      throw new RangeError(`MultiHeadSelfAttention: heads (${heads}) must divide dim (${dim})`);
    }
    this.dim = dim;
    this.heads = heads;
    this.headDim = dim / heads;
    this.analog = opts.analog;
    this.kernels = opts.runtime.kernels;
    const [sq, sk, sv, so] = subSeeds(opts.seed ?? 0, 4);
    const proj = (seed: number) =>
      new Linear(opts.runtime, { inFeatures: dim, outFeatures: dim, analog: opts.analog, seed });
    this.q = proj(sq);
    this.k = proj(sk);
    this.v = proj(sv);
    this.out = proj(so);
  }

  /** Params named `q.weight`, `q.bias`, `k.*`, `v.*`, `out.*`. */
  params(): Param[] {
    this.cachedParams ??= [
      ...prefixedParams('q', this.q),
      ...prefixedParams('k', this.k),
      ...prefixedParams('v', this.v),
      ...prefixedParams('out', this.out),
    ];
    return this.cachedParams;
  }

  async forward(x: Tensor, ctx: ForwardContext): Promise<Tensor> {
    if (x.shape.length !== 3 || x.shape[2] !== this.dim) {
      throw new RangeError(
        `MultiHeadSelfAttention: expected [B, T, ${this.dim}], got [${x.shape}]`,
      );
    }
    const [B, T] = x.shape;
    const H = this.heads;
    const dh = this.headDim;
    // The projections see x as [B, T, D], so Linear keys analog noise per sample and token.
    const qh = this.splitHeads((await this.q.forward(x, ctx)).data, B, T);
    const kh = this.splitHeads((await this.k.forward(x, ctx)).data, B, T);
    const vh = this.splitHeads((await this.v.forward(x, ctx)).data, B, T);
    const scale = 1 / Math.sqrt(dh);
    const p = new Float32Array(B * H * T * T);
    const o = new Float32Array(B * H * T * dh);
    const kn = this.kernels;
    for (let bh = 0; bh < B * H; bh++) {
      const sub = (a: Float32Array, n: number) => a.subarray(bh * n, (bh + 1) * n);
      const pb = sub(p, T * T);
      kn.gemm(false, true, T, T, dh, scale, sub(qh, T * dh), sub(kh, T * dh), 0, pb);
      softmaxRows(pb, T);
      kn.gemm(false, false, T, dh, T, 1, pb, sub(vh, T * dh), 0, sub(o, T * dh));
    }
    this.saved = { B, T, qh, kh, vh, p };
    return this.out.forward({ data: this.mergeHeads(o, B, T), shape: [B, T, this.dim] }, ctx);
  }

  backward(dy: Tensor): Tensor {
    const s = this.saved;
    if (!s) throw new Error('MultiHeadSelfAttention.backward called before forward');
    const { B, T, qh, kh, vh, p } = s;
    const H = this.heads;
    const dh = this.headDim;
    const scale = 1 / Math.sqrt(dh);
    const dO = this.splitHeads(this.out.backward(dy).data, B, T);
    const dq = new Float32Array(qh.length);
    const dk = new Float32Array(kh.length);
    const dv = new Float32Array(vh.length);
    const dS = new Float32Array(T * T);
    const kn = this.kernels;
    for (let bh = 0; bh < B * H; bh++) {
      const sub = (a: Float32Array, n: number) => a.subarray(bh * n, (bh + 1) * n);
      const pb = sub(p, T * T);
      const dOb = sub(dO, T * dh);
      kn.gemm(false, true, T, T, dh, 1, dOb, sub(vh, T * dh), 0, dS); // dP = dO v^T
      kn.gemm(true, false, T, dh, T, 1, pb, dOb, 0, sub(dv, T * dh)); // dv = P^T dO
      softmaxBackwardRows(pb, dS, T); // dS = P * (dP - rowsum(dP * P)), in place
      kn.gemm(false, false, T, dh, T, scale, dS, sub(kh, T * dh), 0, sub(dq, T * dh));
      kn.gemm(true, false, T, dh, T, scale, dS, sub(qh, T * dh), 0, sub(dk, T * dh));
    }
    const shape = [B, T, this.dim];
    const dx = this.q.backward({ data: this.mergeHeads(dq, B, T), shape }).data;
    const dxk = this.k.backward({ data: this.mergeHeads(dk, B, T), shape }).data;
    const dxv = this.v.backward({ data: this.mergeHeads(dv, B, T), shape }).data;
    for (let i = 0; i < dx.length; i++) dx[i] += dxk[i] + dxv[i];
    return { data: dx, shape };
  }

  /** [B, T, H * dh] -> [B, H, T, dh], so each head's matrices are contiguous for gemm. */
  private splitHeads(a: Float32Array, B: number, T: number): Float32Array {
    const H = this.heads;
    const dh = this.headDim;
    const out = new Float32Array(a.length);
    for (let b = 0; b < B; b++)
      for (let t = 0; t < T; t++)
        for (let h = 0; h < H; h++) {
          const src = ((b * T + t) * H + h) * dh;
          out.set(a.subarray(src, src + dh), ((b * H + h) * T + t) * dh);
        }
    return out;
  }

  /** [B, H, T, dh] -> [B, T, H * dh] (the concatenation of heads). */
  private mergeHeads(a: Float32Array, B: number, T: number): Float32Array {
    const H = this.heads;
    const dh = this.headDim;
    const out = new Float32Array(a.length);
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++)
        for (let t = 0; t < T; t++) {
          const src = ((b * H + h) * T + t) * dh;
          out.set(a.subarray(src, src + dh), ((b * T + t) * H + h) * dh);
        }
    return out;
  }
}

/** Row-wise softmax of a T x T block in place, shifted by the row max so exp never overflows. */
function softmaxRows(s: Float32Array, T: number): void {
  for (let r = 0; r < T; r++) {
    const o = r * T;
    let max = -Infinity;
    for (let j = 0; j < T; j++) if (s[o + j] > max) max = s[o + j];
    let sum = 0;
    for (let j = 0; j < T; j++) {
      const e = Math.exp(s[o + j] - max);
      s[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < T; j++) s[o + j] /= sum;
  }
}

/** dP -> dS through the softmax, in place: dS_rj = P_rj * (dP_rj - sum_k dP_rk P_rk). */
function softmaxBackwardRows(p: Float32Array, d: Float32Array, T: number): void {
  for (let r = 0; r < T; r++) {
    const o = r * T;
    let dot = 0;
    for (let j = 0; j < T; j++) dot += d[o + j] * p[o + j];
    for (let j = 0; j < T; j++) d[o + j] = p[o + j] * (d[o + j] - dot);
  }
}
