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

function noiseVariance(n: ProfileNoiseSpec, conv: ConverterSpec): VarianceAt {
  if (n.model === 'none') return () => 0;
  const pc = n.p ?? converterPrecision(conv);
  const p = pc > 0 ? pc : undefined;
  const r =
    n.scale !== undefined
      ? { model: n.model, scale: n.scale, p }
      : resolveNoise({ model: n.model, ep: n.ep!, ...(p === undefined ? {} : { p }) });
  const s = r.scale;
  switch (r.model) {
    case 'gaussian':
      return () => s * s;
    case 'laplace':
      return () => 2 * s * s;
    case 'uniform':
      return () => (s * s) / 12;
    case 'poisson': {
      const rate = (r.p ?? 1) * s;
      return (x) => (rate > 0 ? Math.abs(x) / rate : 0);
    }
    default:
      return () => 0;
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
    this.vIn = noiseVariance(p.noise.input, p.dac);
    this.vW = noiseVariance(p.noise.weight, p.weights);
    this.vProg = noiseVariance(p.noise.programming, p.weights);
    this.vRead = noiseVariance(p.noise.read, p.adc);
  }

  /** Weights as the array holds them after programming (clipped and quantised, noise aside). */
  programmed(W: Float32Array): Float64Array {
    const [lo, hi] = this.profile.weights.range;
    return Float64Array.from(W, (w) => quantiseValue(w, this.pW, lo, hi));
  }

  /**
   * Per weight, the variance of its noise (per-draw weight noise plus programming noise). Both
   * are shared by every product of one draw, so they correlate those products' errors.
   */
  weightVariance(Wq: Float64Array): Float64Array {
    return Float64Array.from(Wq, (w) => this.vW(w) + this.vProg(w));
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
    for (let r = 0; r < rows; r++) {
      let z = 0;
      let vz = 0;
      for (let k = 0; k < cols; k++) {
        const w = Wq[r * cols + k]!;
        const xv = xq[k]!;
        const vw = this.vW(w) + this.vProg(w);
        z += w * xv;
        vz += w * w * vx[k]! + xv * xv * vw + vx[k]! * vw;
      }
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
