/**
 * What a profile predicts for one product, in closed form: the mean and standard deviation of
 * every output, from the same chain the simulator runs (clip and quantise inputs and weights,
 * noise before the nonlinearity, gain with drift, offset, read noise, ADC). Noise enters as
 * variances (Gaussian moments for the nonlinearity's mean), so no simulator is needed: this is
 * what the training monitor compares a board's products with, cheaply and without importing
 * simulator/.
 */
import { resolveNoise } from '../noise/index.js';
import {
  converterPrecision,
  type ConverterSpec,
  type Profile,
  type ProfileNoiseSpec,
} from '../profile/index.js';
import { quantiseValue } from './grid.js';

/** Variance of a noise block at signal value x (Poisson is signal dependent). */
type VarianceAt = (x: number) => number;

/** A noise block's variance, and whether it is the same at every value (all but Poisson). */
interface NoiseVariance {
  at: VarianceAt;
  constant: boolean;
}

function noiseVariance(n: ProfileNoiseSpec, conv: ConverterSpec): NoiseVariance {
  const constant = (v: number) => ({ at: () => v, constant: true });
  if (n.model === 'none') return constant(0);
  const pc = n.p ?? converterPrecision(conv);
  const p = pc > 0 ? pc : undefined;
  const r =
    n.scale !== undefined
      ? { model: n.model, scale: n.scale, p }
      : resolveNoise({ model: n.model, ep: n.ep!, ...(p === undefined ? {} : { p }) });
  const s = r.scale;
  switch (r.model) {
    case 'gaussian':
      return constant(s * s);
    case 'laplace':
      return constant(2 * s * s);
    case 'uniform':
      return constant((s * s) / 12);
    case 'poisson': {
      const rate = (r.p ?? 1) * s;
      return { at: (x) => (rate > 0 ? Math.abs(x) / rate : 0), constant: false };
    }
    default:
      return constant(0);
  }
}

function perChannel(v: number | number[], rows: number): Float64Array {
  return typeof v === 'number' ? new Float64Array(rows).fill(v) : Float64Array.from(v);
}

/** E[e^j] for a zero-mean Gaussian of variance v: 0 for odd j, (j - 1)!! v^(j/2) for even j. */
function gaussMoment(j: number, v: number): number {
  if (j % 2) return 0;
  let m = 1;
  for (let k = j - 1; k > 1; k -= 2) m *= k;
  return m * v ** (j / 2);
}

/**
 * out[i] = quantiseValue(W[i], p, lo, hi) for i < n, p > 0, as one tight loop that V8 optimises
 * early and keeps optimised (in a method a deoptimisation on its first lines left most weights
 * to the unoptimised code, which boxes every number; so nothing but the loop here). The same
 * values: the clamp by min and max (a branch merging integer bounds with the weights also made
 * V8 box them; it differs from quantiseValue's only in the sign of a zero, which rounds to the
 * same -0), and the sign applied as a multiply by 1 - 2 * +(g < 0), which V8 compiles without a
 * branch (one on the sign mispredicts on weights of random sign: 5x slower).
 */
function quantiseInto(
  W: Float32Array,
  out: Float64Array,
  n: number,
  lo: number,
  hi: number,
  p: number,
): void {
  for (let i = 0; i < n; i++) {
    const g = Math.min(hi, Math.max(lo, W[i]!)) * p;
    out[i] = (Math.ceil(Math.abs(g) - 0.5) * (1 - 2 * +(g < 0))) / p;
  }
}

/**
 * Per row r of Wq (rows x cols): Z[r] = sum_k w x_k and VZ[r] = sum_k (w^2 vx_k + x_k^2 v + vx_k v),
 * w = Wq[r cols + k] and v its variance, vt[r vStride + k]. Four rows at a time: each row's
 * sums add in the same order as one row at a time (the same bits), but four independent chains
 * of additions keep the CPU busy where one waits on each add (twice as fast). A last block
 * short of four rows repeats its last row into Z and VZ's padding (length rows rounded up to
 * 4): one loop for every shape, which V8 optimises once (a separate tail loop, first run late,
 * sent it back to unoptimised code).
 */
function productSums(
  Wq: Float64Array,
  vt: Float64Array,
  vStride: number,
  rows: number,
  cols: number,
  xq: Float64Array,
  vx: Float64Array,
  Z: Float64Array,
  VZ: Float64Array,
): void {
  for (let r = 0; r < rows; r += 4) {
    const last = rows - 1;
    const r1 = r + 1 < last ? r + 1 : last;
    const r2 = r + 2 < last ? r + 2 : last;
    const r3 = r + 3 < last ? r + 3 : last;
    const o0 = r * cols;
    const o1 = r1 * cols;
    const o2 = r2 * cols;
    const o3 = r3 * cols;
    const p0 = r * vStride;
    const p1 = r1 * vStride;
    const p2 = r2 * vStride;
    const p3 = r3 * vStride;
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < cols; k++) {
      const xv = xq[k]!;
      const vk = vx[k]!;
      const x2 = xv * xv;
      const w0 = Wq[o0 + k]!;
      const w1 = Wq[o1 + k]!;
      const w2 = Wq[o2 + k]!;
      const w3 = Wq[o3 + k]!;
      const u0 = vt[p0 + k]!;
      const u1 = vt[p1 + k]!;
      const u2 = vt[p2 + k]!;
      const u3 = vt[p3 + k]!;
      z0 += w0 * xv;
      z1 += w1 * xv;
      z2 += w2 * xv;
      z3 += w3 * xv;
      s0 += w0 * w0 * vk + x2 * u0 + vk * u0;
      s1 += w1 * w1 * vk + x2 * u1 + vk * u1;
      s2 += w2 * w2 * vk + x2 * u2 + vk * u2;
      s3 += w3 * w3 * vk + x2 * u3 + vk * u3;
    }
    Z[r] = z0;
    Z[r + 1] = z1;
    Z[r + 2] = z2;
    Z[r + 3] = z3;
    VZ[r] = s0;
    VZ[r + 1] = s1;
    VZ[r + 2] = s2;
    VZ[r + 3] = s3;
  }
}

export interface Prediction {
  mean: Float64Array;
  sd: Float64Array;
  /** The inputs as the DAC holds them (clipped and quantised, noise aside). */
  xq: Float64Array;
  /** Per row, d(output)/d(pre-gain product) at the prediction: how weight noise reaches y. */
  slope: Float64Array;
}

export class ProfilePredictor {
  private readonly pIn: number;
  private readonly pW: number;
  private readonly pOut: number;
  private readonly gain: Float64Array;
  private readonly offset: Float64Array;
  private readonly drift: Float64Array;
  /** Output polynomial coefficients c0, c1, ... (identity: [0, 1]). */
  private readonly coeffs: number[];
  private readonly vIn: VarianceAt;
  private readonly vW: VarianceAt;
  private readonly vProg: VarianceAt;
  private readonly vRead: VarianceAt;
  /** Whether every weight's noise variances are the same (no Poisson weight or write noise). */
  readonly weightNoiseConstant: boolean;

  constructor(readonly profile: Profile) {
    const p = profile;
    this.pIn = converterPrecision(p.dac);
    this.pW = converterPrecision(p.weights);
    this.pOut = converterPrecision(p.adc);
    const rows = p.array.rows;
    this.gain = perChannel(p.channels.gain, rows);
    this.offset = perChannel(p.channels.offset, rows);
    this.drift = perChannel(p.channels.gainDriftPerHour, rows);
    const nl = p.nonlinearity;
    this.coeffs = !nl ? [0, 1] : nl.kind === 'cubic' ? [0, 1, 0, nl.a3] : [...nl.coefficients];
    this.vIn = noiseVariance(p.noise.input, p.dac).at;
    const vW = noiseVariance(p.noise.weight, p.weights);
    const vProg = noiseVariance(p.noise.programming, p.weights);
    this.vW = vW.at;
    this.vProg = vProg.at;
    this.weightNoiseConstant = vW.constant && vProg.constant;
    this.vRead = noiseVariance(p.noise.read, p.adc).at;
  }

  /** Weights as the array holds them after programming (clipped and quantised, noise aside). */
  programmed(W: Float32Array): Float64Array {
    return this.programmedInto(W, new Float64Array(W.length));
  }

  /** programmed() into `out`. */
  programmedInto(W: Float32Array, out: Float64Array): Float64Array {
    const [lo, hi] = this.profile.weights.range;
    const p = this.pW;
    if (p === 0) for (let i = 0; i < W.length; i++) out[i] = quantiseValue(W[i]!, p, lo, hi);
    else quantiseInto(W, out, W.length, lo, hi, p);
    return out;
  }

  /**
   * Per weight, the variance of its noise (per-draw weight noise plus programming noise). Both
   * are shared by every product of one draw, so they correlate those products' errors.
   */
  weightVariance(Wq: Float64Array): Float64Array {
    const v = new Float64Array(Wq.length);
    this.weightVariances(Wq, 0, Wq.length, undefined, undefined, v);
    return v;
  }

  /**
   * For weights [from, to) of Wq: the per-draw weight noise's variance into vw, the write
   * error's into vp, and their sum (as weightVariance()) into vt, each at the same index.
   */
  weightVariances(
    Wq: ArrayLike<number>,
    from: number,
    to: number,
    vw: Float64Array | undefined,
    vp: Float64Array | undefined,
    vt: Float64Array,
  ): void {
    for (let i = from; i < to; i++) {
      const w = Wq[i]!;
      const a = this.vW(w);
      const b = this.vProg(w);
      if (vw) vw[i] = a;
      if (vp) vp[i] = b;
      vt[i] = a + b;
    }
  }

  /**
   * Prediction for input row x (cols values) through weights Wq (rows x cols, from programmed())
   * `hours` after programming.
   */
  predict(
    Wq: Float64Array,
    rows: number,
    cols: number,
    x: ArrayLike<number>,
    hours = 0,
  ): Prediction {
    return this.predictWith(Wq, this.weightVariance(Wq), cols, rows, cols, x, hours);
  }

  /**
   * predict() with the weights' total noise variances given (weightVariance()'s), weight
   * (r, k)'s at vt[r * vStride + k]: vStride 0 lets one row serve every row when they are
   * constant. The monitor keeps them per programming instead of redoing them per product.
   */
  predictWith(
    Wq: Float64Array,
    vt: Float64Array,
    vStride: number,
    rows: number,
    cols: number,
    x: ArrayLike<number>,
    hours = 0,
  ): Prediction {
    const [xlo, xhi] = this.profile.dac.range;
    const [ylo, yhi] = this.profile.adc.range;
    const xq = new Float64Array(cols);
    const vx = new Float64Array(cols);
    for (let c = 0; c < cols; c++) {
      xq[c] = quantiseValue(x[c]!, this.pIn, xlo, xhi);
      vx[c] = this.vIn(xq[c]!);
    }
    const step = this.pOut > 0 ? 1 / this.pOut : 0;
    const mean = new Float64Array(rows);
    const sd = new Float64Array(rows);
    const slope = new Float64Array(rows);
    const c = this.coeffs;
    const Z = new Float64Array(rows + 3);
    const VZ = new Float64Array(rows + 3);
    productSums(Wq, vt, vStride, rows, cols, xq, vx, Z, VZ);
    for (let r = 0; r < rows; r++) {
      const z = Z[r]!;
      const vz = VZ[r]!;
      const g = this.gain[r]! * (1 + this.drift[r]! * hours);
      const u = g * z + this.offset[r]!;
      const v = g * g * vz;
      // E[P(u + e)] with Gaussian moments, and the slope of P at u for the spread.
      let m = 0;
      let d = 0;
      for (let k = 0; k < c.length; k++) {
        let e = 0;
        let binom = 1;
        for (let j = 0; j <= k; j++) {
          e += binom * u ** (k - j) * gaussMoment(j, v);
          binom = (binom * (k - j)) / (j + 1);
        }
        m += c[k]! * e;
        if (k > 0) d += k * c[k]! * u ** (k - 1);
      }
      mean[r] = Math.min(yhi, Math.max(ylo, m));
      slope[r] = d * g;
      sd[r] = Math.sqrt(d * d * v + this.vRead(m) + (step * step) / 12);
    }
    return { mean, sd, xq, slope };
  }
}
