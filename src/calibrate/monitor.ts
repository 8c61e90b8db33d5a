/**
 * The training monitor: a Device wrapper that passes every call through, and for a sampled
 * fraction of the products compares the board's outputs with what the calibration profile
 * predicts (predict.ts). Per output channel it keeps exponentially weighted averages over the
 * last `window` sampled products of
 * - the mean error in predicted standard deviations (offset mismatch),
 * - the relative gain error (regression of the error on the predicted signal),
 * - the noise ratio (spread of the standardised error),
 * each with its standard error under the profile (products of one call share the weight-noise
 * draw, and products of one programming its write error, so they are not independent). Bias and
 * gain count when past their threshold by `z` standard errors; the noise ratio by a one-sided
 * chi-square test against its threshold at the same false-alarm rate (see noiseTest). A mismatch
 * emits a telemetry event and logs one line suggesting recalibration, once per excursion. The trainer can install it through a wrapDevice hook; it is
 * equally usable by hand: `device = monitorDevice(board, profile)`.
 */
import { merge, Subject, type Observable } from 'rxjs';
import { hash32, splitmix32, type Rng } from '../data/prng.js';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  ProgramContext,
  Telemetry,
  TileId,
} from '../device/device.js';
import type { Profile } from '../profile/index.js';
import { ProfilePredictor, type Prediction } from './predict.js';

export interface MonitorOptions {
  /** Fraction of products compared (0..1). Default 0.02. */
  fraction?: number;
  /** Averaging window, in sampled products per channel. Default 200. */
  window?: number;
  /** Sampled products per channel before any warning. Default the window. */
  warmup?: number;
  /** Largest |mean error| in predicted standard deviations. Default 1. */
  biasThreshold?: number;
  /** Largest |relative gain error|. Default 0.05. */
  gainThreshold?: number;
  /** Largest noise ratio, or 1 / it (>= 1). Default 1.25. */
  noiseRatio?: number;
  /**
   * Standard errors an estimate must lie beyond its threshold before it counts (the estimates
   * are noisy, and they are tested for every channel after every call). For the noise ratio the
   * equivalent one-sided chi-square test: false-alarm probability Phi(-z) per test for a channel
   * exactly at the threshold (3.2e-5 at 4), far less for one inside it. Default 4.
   */
  z?: number;
  /** Seeds the sampling. Default 1. */
  seed?: number;
  /** Milliseconds clock, for the profile's drift since programming. Default Date.now. */
  clock?: () => number;
  /** Where the warning line goes. Default stderr. */
  log?: (line: string) => void;
  /** The device URI, named in warnings and telemetry. */
  source?: string;
}

export interface ChannelMonitor {
  channel: number;
  samples: number;
  /** EWMA of (y - predicted mean) / predicted sd. */
  bias: number;
  /** Relative gain error estimate. */
  gainError: number;
  /** Spread of the standardised error left after the bias and gain fits (1 = as predicted). */
  noiseRatio: number;
  /** Standard errors of bias, gainError and noiseRatio^2 under the profile. */
  biasSE: number;
  gainSE: number;
  noiseVarSE: number;
  /** Effective degrees of freedom of noiseRatio^2 (2 / noiseVarSE^2): what the noise test uses. */
  noiseDof: number;
  /** Which estimates are past their thresholds now (after warmup). */
  flags: { bias: boolean; gain: boolean; noise: boolean };
}

export interface MonitorStatus {
  sampled: number;
  channels: ChannelMonitor[];
  /** Whether a mismatch is past its threshold now. */
  drifting: boolean;
  warnings: number;
  /** The last warning text. */
  lastWarning?: string;
}

/**
 * What the monitor knows of one tile's current programming. Training re-programs every tile
 * every step, so nothing here is computed at program() beyond a copy of the weights: the
 * programmed weights and their variances wait for the first sampled product, and every buffer
 * is kept for the next programming of the same shape.
 */
interface TileImage {
  rows: number;
  cols: number;
  programmedAt: number;
  /** The weights as written (the caller may change its array once program() settles). */
  W: Float32Array;
  /** Wq and the variances below describe W (false until the first sampled call). */
  ready: boolean;
  Wq: Float64Array;
  /**
   * Per weight, the variance of the per-draw weight noise, of the write error, and their sum,
   * weight (r, k)'s at r * vStride + k: vStride 0 (one row for all) when they do not depend on
   * the weight.
   */
  vw: Float64Array;
  vp: Float64Array;
  vt: Float64Array;
  vStride: number;
  /** Whether any weight has write error (else earlier draws' products are independent). */
  hasProg: boolean;
  /** The current draw's discounted sums over its earlier calls, for their covariance. */
  drawId: number | string | undefined;
  draw: RowSums;
  /** The same over every call since programming (the write error is shared by all of them). */
  prog: RowSums;
  /** Earlier sampled products, with their draw, per-row slope / sd (0 = skipped) and weight. */
  kept: { x: Float64Array; ar: Float64Array; w: Float64Array; draw: number | string }[];
}

/**
 * One channel's exponentially weighted sums, one matmul call at a time. Weight noise is drawn
 * once per draw and the write error once per programming, and each is shared by the products
 * that see it, so their errors are correlated: the variances below come from the profile's own
 * covariance of those errors, not from assuming independent products, which made small windows
 * (a few calls) look like large gain errors, and made one programming's write error (up to half
 * the predicted variance) look like a noise mismatch.
 *
 * Per row and column, discounted sums of x_bk slope_b / sd_b and of the gain weights. A row
 * holds zeros until a call with a usable product writes it: rows are cleared when first
 * written, so a new draw or programming costs nothing until then.
 */
class RowSums {
  sr: Float64Array = new Float64Array(0);
  su: Float64Array = new Float64Array(0);
  private live = new Uint8Array(0);
  reset(rows: number, cols: number): void {
    if (this.live.length !== rows || this.sr.length !== rows * cols) {
      this.sr = new Float64Array(rows * cols);
      this.su = new Float64Array(rows * cols);
      this.live = new Uint8Array(rows);
    } else this.live.fill(0);
  }
  /** Make row r's sums current (zero when not yet written since the reset). */
  touch(r: number, cols: number): void {
    if (this.live[r]) return;
    this.sr.fill(0, r * cols, (r + 1) * cols);
    this.su.fill(0, r * cols, (r + 1) * cols);
    this.live[r] = 1;
  }
}

/** Reusable scratch arrays (grown, never shrunk): the per-call work allocates nothing big. */
class Scratch {
  private readonly bufs = new Map<string, Float64Array>();
  get(name: string, size: number): Float64Array {
    let b = this.bufs.get(name);
    if (!b || b.length < size)
      this.bufs.set(name, (b = new Float64Array(Math.max(size, 2 * (b?.length ?? 0)))));
    return b;
  }
  private readonly views = new Map<string, { b: Float64Array; len: number; v: Float64Array[] }>();
  /** n rows of `len` values each, as views of one buffer (kept: views are costly to make). */
  rows(name: string, n: number, len: number): Float64Array[] {
    const b = this.get(name, n * len);
    const c = this.views.get(name);
    if (c && c.b === b && c.len === len && c.v.length >= n) return c.v;
    const v = Array.from({ length: n }, (_, j) => b.subarray(j * len, (j + 1) * len));
    this.views.set(name, { b, len, v });
    return v;
  }
}

class ChannelStats {
  samples = 0;
  private n = 0; // discounted products
  private r = 0; // standardised errors
  private q = 0; // their squares
  private u = 0; // error x centred prediction / sd^2 (regression score)
  private i = 0; // centred prediction^2 / sd^2 (regression information)
  private c = 0; // centred prediction / sd (ties the bias and gain fits together)
  private vr = 0; // Var(r), Var(q), Var(u) under the profile, discounted squared
  private vq = 0;
  private vu = 0;
  constructor(private readonly alpha: number) {}
  add(
    k: number,
    r: number,
    q: number,
    u: number,
    i: number,
    c: number,
    vr: number,
    vq: number,
    vu: number,
  ) {
    this.samples += k;
    // Forget at rate alpha per product; sums (not averages) make the start a plain average.
    const l = (1 - this.alpha) ** k;
    const l2 = l * l;
    this.n = l * this.n + k;
    this.r = l * this.r + r;
    this.q = l * this.q + q;
    this.u = l * this.u + u;
    this.i = l * this.i + i;
    this.c = l * this.c + c;
    this.vr = l2 * this.vr + vr;
    this.vq = l2 * this.vq + vq;
    this.vu = l2 * this.vu + vu;
  }
  get bias(): number {
    return this.n > 0 ? this.r / this.n : 0;
  }
  get biasSE(): number {
    return this.n > 0 ? Math.sqrt(this.vr) / this.n : Infinity;
  }
  /** Weighted least squares slope of the error on the centred prediction. */
  get gainError(): number {
    return this.i > 0 ? this.u / this.i : 0;
  }
  get gainSE(): number {
    return this.i > 0 ? Math.sqrt(this.vu) / this.i : Infinity;
  }
  /** Squared noise ratio: variance of the standardised error left after the gain fit. */
  get noiseVar(): number {
    if (!(this.n > 0)) return 0;
    // Residual after fitting bias and gain jointly: fitted one at a time their shared part came
    // off twice, which drove the estimate to 0 under a large gain error.
    const det = this.n * this.i - this.c * this.c;
    const fit =
      det > 1e-9 * this.n * this.i
        ? (this.i * this.r ** 2 - 2 * this.c * this.r * this.u + this.n * this.u ** 2) / det
        : this.r ** 2 / this.n;
    // The fits take their own variance out of q (the n - 1 of a sample variance, larger here
    // because correlated errors make those fits noisier): divide it back.
    const taken = this.vr / this.n ** 2 + (this.i > 0 ? this.vu / (this.i * this.n) : 0);
    return Math.max(0, (this.q - fit) / this.n / Math.max(0.5, 1 - taken));
  }
  get noiseVarSE(): number {
    return this.n > 0 ? Math.sqrt(this.vq) / this.n : Infinity;
  }
  get noiseRatio(): number {
    return Math.sqrt(this.noiseVar);
  }
  /** Satterthwaite: noiseVar ~ ratio^2 chi^2_nu / nu with nu = 2 E[q]^2 / Var(q). */
  get noiseDof(): number {
    return this.vq > 0 ? (2 * this.n * this.n) / this.vq : 0;
  }
}

/**
 * Whether a squared noise ratio v with `dof` effective degrees of freedom is past `ratio` (or
 * 1 / ratio) at one-sided false-alarm probability Phi(-z) for a channel exactly at the threshold:
 * under ratio R, v ~ R^2 chi^2_nu / nu, whose quantiles come from the Wilson-Hilferty cube-root
 * normal approximation. Comparing v with R^2 +- z standard errors taken at ratio 1 (as before)
 * used too small a spread above the threshold and too large a one below it.
 */
export function noiseTest(
  v: number,
  dof: number,
  ratio: number,
  z: number,
): 'high' | 'low' | undefined {
  if (!(dof > 0)) return undefined;
  const h = 2 / (9 * dof);
  const hi = ratio ** 2 * (1 - h + z * Math.sqrt(h)) ** 3;
  const lo = ratio ** -2 * Math.max(0, 1 - h - z * Math.sqrt(h)) ** 3;
  return v > hi ? 'high' : v < lo ? 'low' : undefined;
}

/**
 * sum over b != b' of rho_bb'^2, rho_bb' = sum_k u_bk u_b'k, in O(n min(n, cols) cols); g is
 * scratch of cols^2 values, used when n > cols.
 */
function crossSquares(us: Float64Array[], n: number, cols: number, g: () => Float64Array): number {
  let t = 0;
  if (n <= cols) {
    for (let b = 0; b < n; b++)
      for (let c = b + 1; c < n; c++) {
        let d = 0;
        const x = us[b]!;
        const y = us[c]!;
        for (let k = 0; k < cols; k++) d += x[k]! * y[k]!;
        t += 2 * d * d;
      }
    return t;
  }
  // ||U^T U||_F^2 - sum_b |u_b|^4
  const gg = g().fill(0, 0, cols * cols);
  for (let b = 0; b < n; b++) {
    const x = us[b]!;
    let nn = 0;
    for (let k = 0; k < cols; k++) {
      const xk = x[k]!;
      nn += xk * xk;
      if (xk === 0) continue;
      for (let l = 0; l < cols; l++) gg[k * cols + l] += xk * x[l]!;
    }
    t -= nn * nn;
  }
  for (let j = 0; j < cols * cols; j++) t += gg[j]! * gg[j]!;
  return Math.max(0, t);
}

/**
 * The per-column work of one row r with n usable products (x_j = xs[j], a_j = ar[j] for the
 * bias, au[j] for the gain), in one pass over the row's weights, into out: the off-diagonal sums
 * of Cov(e_b, e_b') = a_b a_b' sum_k v_k x_bk x_b'k over the call's shared weight noise and
 * write error (per column, s^2 - sum of squares; bias, gain), and the covariance with the
 * discounted sums of earlier calls (of this draw through the weight noise, of this programming
 * through the write error; bias, gain), whose row r it then advances by this call. A function
 * of its own, with typed arguments and nothing before its loop, so V8 optimises it early and
 * keeps it optimised (inside matmul it mostly ran unoptimised, boxing every number).
 */
function rowCovariance(
  xs: Float64Array[],
  ar: Float64Array,
  au: Float64Array,
  n: number,
  cols: number,
  vt: Float64Array,
  vw: Float64Array,
  vp: Float64Array,
  voff: number,
  off: number,
  dsr: Float64Array,
  dsu: Float64Array,
  psr: Float64Array,
  psu: Float64Array,
  hasProg: boolean,
  l: number,
  out: Float64Array,
): void {
  let fr = 0;
  let fu = 0;
  let cr = 0;
  let cu = 0;
  for (let k = 0; k < cols; k++) {
    let nr = 0;
    let nu = 0;
    let qr = 0;
    let qu = 0;
    for (let j = 0; j < n; j++) {
      const x = xs[j]![k]!;
      const zr = ar[j]! * x;
      const zu = au[j]! * x;
      nr += zr;
      qr += zr * zr;
      nu += zu;
      qu += zu * zu;
    }
    const vk = vt[voff + k]!;
    if (vk !== 0) {
      fr += vk * (nr * nr - qr);
      fu += vk * (nu * nu - qu);
    }
    const i = off + k;
    const wk = vw[voff + k]!;
    if (hasProg) {
      const pk = vp[voff + k]!;
      cr += (wk * dsr[i]! + pk * psr[i]!) * nr;
      cu += (wk * dsu[i]! + pk * psu[i]!) * nu;
      psr[i] = l * psr[i]! + nr;
      psu[i] = l * psu[i]! + nu;
    } else {
      // No write error (vp = 0): its term adds nothing.
      cr += wk * dsr[i]! * nr;
      cu += wk * dsu[i]! * nu;
    }
    dsr[i] = l * dsr[i]! + nr;
    dsu[i] = l * dsu[i]! + nu;
  }
  out[0] = fr;
  out[1] = fu;
  out[2] = cr;
  out[3] = cu;
}

/** ys[j] = a_j v x_j for the row's n products (x_j = xs[j], a_j = ar[j]), v from voff on. */
function scaleRows(
  ys: Float64Array[],
  xs: Float64Array[],
  ar: Float64Array,
  v: Float64Array,
  voff: number,
  n: number,
  cols: number,
): Float64Array[] {
  for (let j = 0; j < n; j++) {
    const x = xs[j]!;
    const y = ys[j]!;
    for (let k = 0; k < cols; k++) y[k] = ar[j]! * v[voff + k]! * x[k]!;
  }
  return ys;
}

/** The same with sqrt(v): the products' loadings on the shared noise, for their correlation. */
function scaleRowsRoot(
  ys: Float64Array[],
  xs: Float64Array[],
  ar: Float64Array,
  v: Float64Array,
  voff: number,
  n: number,
  cols: number,
): Float64Array[] {
  for (let j = 0; j < n; j++) {
    const x = xs[j]!;
    const y = ys[j]!;
    for (let k = 0; k < cols; k++) y[k] = ar[j]! * Math.sqrt(v[voff + k]!) * x[k]!;
  }
  return ys;
}

/** sum over j < n of (x . ys[j])^2. */
function squaredDots(x: Float64Array, ys: Float64Array[], n: number, cols: number): number {
  let t = 0;
  for (let j = 0; j < n; j++) {
    const y = ys[j]!;
    let dot = 0;
    for (let k = 0; k < cols; k++) dot += x[k]! * y[k]!;
    t += dot * dot;
  }
  return t;
}

/** Reject options the statistics cannot use, naming the fix. */
function checkOptions(o: MonitorOptions): void {
  const bad = (what: string, fix: string) => {
    throw new RangeError(`monitor: ${what}; ${fix}`);
  };
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (o.fraction !== undefined && !(num(o.fraction) && o.fraction >= 0 && o.fraction <= 1))
    bad(
      `fraction ${o.fraction} is not in [0, 1]`,
      'pass the share of products to compare, e.g. 0.02',
    );
  if (o.window !== undefined && !(num(o.window) && o.window >= 1))
    bad(`window ${o.window} is below 1`, 'pass a number of sampled products, e.g. 200');
  if (o.warmup !== undefined && !(num(o.warmup) && o.warmup >= 0))
    bad(`warmup ${o.warmup} is negative`, 'pass a number of sampled products, e.g. the window');
  if (o.noiseRatio !== undefined && !(num(o.noiseRatio) && o.noiseRatio >= 1))
    bad(
      `noiseRatio ${o.noiseRatio} is below 1`,
      'pass the largest tolerated ratio (its inverse is the smallest), e.g. 1.25',
    );
  if (o.biasThreshold !== undefined && !(num(o.biasThreshold) && o.biasThreshold >= 0))
    bad(`biasThreshold ${o.biasThreshold} is negative`, 'pass a size in predicted sds, e.g. 1');
  if (o.gainThreshold !== undefined && !(num(o.gainThreshold) && o.gainThreshold >= 0))
    bad(`gainThreshold ${o.gainThreshold} is negative`, 'pass a relative error, e.g. 0.05');
  if (o.z !== undefined && !(num(o.z) && o.z >= 0))
    bad(`z ${o.z} is negative or not finite`, 'pass standard errors, e.g. 4');
}

export class CalibrationMonitor implements Device {
  readonly telemetry$: Observable<Telemetry>;
  private readonly own = new Subject<Telemetry>();
  private readonly predictor: ProfilePredictor;
  private autoDraw = 0;
  private readonly tiles = new Map<TileId, TileImage>();
  private readonly scratch = new Scratch();
  private readonly out4 = new Float64Array(4);
  private readonly stats: ChannelStats[];
  private readonly rng: Rng;
  private readonly o: Required<Omit<MonitorOptions, 'source' | 'seed'>> & { source: string };
  private sampled = 0;
  private warnings = 0;
  private drifting = false;
  private lastWarning: string | undefined;
  /** Per channel, its flags as last judged (unset: never sampled, none). */
  private readonly flags: (ChannelMonitor['flags'] | undefined)[] = [];
  /** How many channels have a flag set. */
  private flagged = 0;

  constructor(
    private readonly inner: Device,
    profile: Profile,
    options: MonitorOptions = {},
  ) {
    checkOptions(options);
    const window = options.window ?? 200;
    this.o = {
      fraction: options.fraction ?? 0.02,
      window,
      warmup: options.warmup ?? window,
      biasThreshold: options.biasThreshold ?? 1,
      gainThreshold: options.gainThreshold ?? 0.05,
      noiseRatio: options.noiseRatio ?? 1.25,
      z: options.z ?? 4,
      clock: options.clock ?? Date.now,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
      source: options.source ?? inner.info().model,
    };
    this.predictor = new ProfilePredictor(profile);
    this.stats = Array.from({ length: profile.array.rows }, () => new ChannelStats(1 / window));
    this.rng = splitmix32(hash32(options.seed ?? 1, 0x30a1));
    this.telemetry$ = merge(inner.telemetry$, this.own);
  }

  info(): DeviceInfo {
    return this.inner.info();
  }

  async program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void> {
    await this.inner.program(tile, W, rows, cols, ctx);
    const old = this.tiles.get(tile);
    const t: TileImage =
      old && old.rows === rows && old.cols === cols ? old : this.newImage(rows, cols);
    t.W.set(W.subarray(0, rows * cols));
    t.ready = false;
    t.programmedAt = this.o.clock();
    t.drawId = undefined;
    t.kept = [];
    this.tiles.set(tile, t);
  }

  private newImage(rows: number, cols: number): TileImage {
    const constant = this.predictor.weightNoiseConstant;
    const n = constant ? cols : rows * cols;
    const t: TileImage = {
      rows,
      cols,
      programmedAt: 0,
      W: new Float32Array(rows * cols),
      ready: false,
      Wq: new Float64Array(rows * cols),
      vw: new Float64Array(n),
      vp: new Float64Array(n),
      vt: new Float64Array(n),
      vStride: constant ? 0 : cols,
      hasProg: false,
      drawId: undefined,
      draw: new RowSums(),
      prog: new RowSums(),
      kept: [],
    };
    if (constant) {
      // Variances that do not depend on the weight: one row, once per tile shape.
      this.predictor.weightVariances(new Float64Array(cols), 0, cols, t.vw, t.vp, t.vt);
      t.hasProg = rows > 0 && t.vp.some((v) => v > 0);
    }
    return t;
  }

  /** The programmed weights (and their variances, when they depend on them), once per programming. */
  private prepare(t: TileImage): void {
    if (t.ready) return;
    this.predictor.programmedInto(t.W, t.Wq);
    if (t.vStride > 0) {
      this.predictor.weightVariances(t.Wq, 0, t.Wq.length, t.vw, t.vp, t.vt);
      t.hasProg = t.vp.some((v) => v > 0);
    }
    // Only write error makes earlier draws' sums count (none: nothing to keep).
    if (t.hasProg) t.prog.reset(t.rows, t.cols);
    t.ready = true;
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    const Y = await this.inner.matmul(tile, X, batch, ctx);
    const t = this.tiles.get(tile);
    if (!t || t.rows > this.stats.length || this.o.fraction <= 0) return Y;
    const hours = (this.o.clock() - t.programmedAt) / 3_600_000;
    const [lo, hi] = this.predictor.profile.adc.range;
    const at: number[] = [];
    for (let b = 0; b < batch; b++) {
      if (this.rng() / 0x100000000 >= this.o.fraction) continue;
      this.sampled++;
      at.push(b);
    }
    if (at.length === 0) return Y;
    this.prepare(t);
    const { rows, cols, Wq, vw, vp, vt, vStride, hasProg } = t;
    const preds: Prediction[] = at.map((b) =>
      this.predictor.predictWith(
        Wq,
        vt,
        vStride,
        rows,
        cols,
        X.subarray(b * cols, (b + 1) * cols),
        hours,
      ),
    );
    // Calls that share a draw (chunks of one batch) share its weight noise too; a call without
    // a context draws its own.
    const drawId = ctx?.draw ?? `auto:${this.autoDraw++}`;
    if (t.drawId !== drawId) {
      t.drawId = drawId;
      t.draw.reset(rows, cols);
      // Without write error, products of earlier draws are independent of this one's.
      if (!hasProg) t.kept.length = 0;
    }
    const d = t.draw;
    const pg = t.prog;
    const m = preds.length;
    const scr = this.scratch;
    const xs: Float64Array[] = [];
    const used: number[] = [];
    const e = scr.get('e', m);
    const sd = scr.get('sd', m);
    const cen = scr.get('cen', m);
    const sl = scr.get('sl', m);
    const ar = scr.get('ar', m);
    const au = scr.get('au', m);
    const arAll = preds.map(() => new Float64Array(rows));
    const alpha = 1 / this.o.window;
    const us = scr.rows('us', m, cols);
    const touched: number[] = [];
    const out4 = this.out4;
    for (let r = 0; r < rows; r++) {
      let n = 0;
      xs.length = 0;
      used.length = 0;
      for (let j = 0; j < m; j++) {
        const p = preds[j]!;
        const y = Y[at[j]! * rows + r]!;
        const mu = p.mean[r]!;
        const s = p.sd[r]!;
        // Near the rails the output is clipped and the Gaussian picture does not hold.
        if (mu - 3 * s <= lo || mu + 3 * s >= hi || y <= lo || y >= hi || !(s > 0)) continue;
        xs.push(p.xq);
        used.push(j);
        e[n] = y - mu;
        sd[n] = s;
        cen[n] = mu - this.offsetOf(r);
        sl[n] = p.slope[r]!;
        n++;
      }
      if (n === 0) continue;
      const voff = r * vStride;
      let sr = 0;
      let sq = 0;
      let su = 0;
      let si = 0;
      let sc = 0;
      let vu = 0;
      for (let j = 0; j < n; j++) {
        const z = e[j]! / sd[j]!;
        const a = cen[j]! / (sd[j]! * sd[j]!);
        sr += z;
        sq += z * z;
        su += a * e[j]!;
        si += a * cen[j]!;
        sc += cen[j]! / sd[j]!;
        vu += a * a * sd[j]! * sd[j]!;
        ar[j] = sl[j]! / sd[j]!;
        au[j] = a * sl[j]!;
        arAll[used[j]!]![r] = ar[j]!;
      }
      // Cov(e_b, e_b') = slope_b slope_b' sum_k v_k x_bk x_b'k (the call's shared weight noise
      // and write error), and the covariance with earlier calls' sums: see rowCovariance.
      const l = (1 - alpha) ** n;
      d.touch(r, cols);
      if (hasProg) pg.touch(r, cols);
      rowCovariance(
        xs,
        ar,
        au,
        n,
        cols,
        vt,
        vw,
        vp,
        voff,
        r * cols,
        d.sr,
        d.su,
        pg.sr,
        pg.su,
        hasProg,
        l,
        out4,
      );
      let vr = n + out4[0]!;
      vu += out4[1]!;
      // Var(sum z^2) for correlated Gaussians: 2 sum_bb' rho_bb'^2 (no pairs with one product).
      let vq = 2 * n;
      if (n > 1) {
        scaleRowsRoot(us, xs, ar, vt, voff, n, cols);
        vq += 2 * crossSquares(us, n, cols, () => scr.get('g', cols * cols));
      }
      // a_j v x_j, per earlier product's kind (same draw: both noises; earlier draw: write
      // error), made when an earlier product needs them.
      let yt: Float64Array[] | undefined;
      let yp: Float64Array[] | undefined;
      const scaledBy = (name: string, v: Float64Array) =>
        scaleRows(scr.rows(name, m, cols), xs, ar, v, voff, n, cols);
      let cq = 0;
      for (const old of t.kept) {
        const ao = old.ar[r]!;
        if (ao === 0 || old.w[r]! === 0) continue;
        const ys =
          old.draw === drawId || !hasProg
            ? (yt ??= scaledBy('yt', vt))
            : (yp ??= scaledBy('yp', vp));
        cq += old.w[r]! * ao * ao * squaredDots(old.x, ys, n, cols);
        old.w[r]! *= l;
      }
      vr += 2 * l * out4[2]!;
      vu += 2 * l * out4[3]!;
      vq += 4 * l * cq;
      this.stats[r]!.add(n, sr, sq, su, si, sc, Math.max(vr, 0), vq, Math.max(vu, 0));
      touched.push(r);
    }
    for (let j = 0; j < m; j++)
      t.kept.push({
        x: preds[j]!.xq,
        ar: arAll[j]!,
        w: new Float64Array(rows).fill(1),
        draw: drawId,
      });
    // Bound the work; products this far back weigh little (and only the noise term uses them).
    if (t.kept.length > 2 * this.o.window) t.kept.splice(0, t.kept.length - 2 * this.o.window);
    this.evaluate(touched);
    return Y;
  }

  private offsetOf(r: number): number {
    const o = this.predictor.profile.channels.offset;
    return typeof o === 'number' ? o : o[r]!;
  }

  /** The current mismatch per channel. */
  status(): MonitorStatus {
    return {
      sampled: this.sampled,
      channels: this.stats.map((s, channel) => ({
        channel,
        samples: s.samples,
        bias: s.bias,
        gainError: s.gainError,
        noiseRatio: s.noiseRatio,
        biasSE: s.biasSE,
        gainSE: s.gainSE,
        noiseVarSE: s.noiseVarSE,
        noiseDof: s.noiseDof,
        flags: { ...(this.flags[channel] ?? { bias: false, gain: false, noise: false }) },
      })),
      drifting: this.drifting,
      warnings: this.warnings,
      ...(this.lastWarning ? { lastWarning: this.lastWarning } : {}),
    };
  }

  /** Which of channel s's estimates are past their thresholds, with the lines saying so. */
  private judge(s: ChannelStats, r: number, problems?: string[]): ChannelMonitor['flags'] {
    const o = this.o;
    const z = o.z;
    const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
    const f = { bias: false, gain: false, noise: false };
    if (s.samples < o.warmup) return f;
    // Count a mismatch only when it is past its threshold by z standard errors (the noise ratio:
    // by the chi-square test at the matching false-alarm rate).
    if (Math.abs(s.bias) - z * s.biasSE > o.biasThreshold) {
      f.bias = true;
      problems?.push(
        `channel ${r} mean error ${s.bias.toFixed(2)} ± ${s.biasSE.toFixed(2)} sd (threshold ${o.biasThreshold})`,
      );
    }
    if (Math.abs(s.gainError) - z * s.gainSE > o.gainThreshold) {
      f.gain = true;
      problems?.push(
        `channel ${r} gain off by ${pct(s.gainError)} ± ${pct(s.gainSE)} (threshold ${pct(o.gainThreshold)})`,
      );
    }
    if (noiseTest(s.noiseVar, s.noiseDof, o.noiseRatio, z)) {
      f.noise = true;
      problems?.push(
        `channel ${r} noise ${s.noiseRatio.toFixed(2)}x the profile's (threshold ${o.noiseRatio}x)`,
      );
    }
    return f;
  }

  /**
   * Re-judge the channels whose sums changed (`touched`; the others' flags stand, as their
   * sums do: the profile has as many channels as its array has rows, thousands, and a call
   * touches the tile's few), and warn when a mismatch starts.
   */
  private evaluate(touched: Iterable<number>): void {
    const o = this.o;
    for (const r of touched) {
      const was = this.flags[r];
      const f = this.judge(this.stats[r]!, r);
      const on = (x?: ChannelMonitor['flags']) => (x && (x.bias || x.gain || x.noise) ? 1 : 0);
      this.flagged += on(f) - on(was);
      this.flags[r] = f;
    }
    const now = this.flagged > 0;
    if (now && !this.drifting) {
      const problems: string[] = [];
      this.stats.forEach((s, r) => this.judge(s, r, problems));
      this.warnings++;
      const shown =
        problems.slice(0, 3).join('; ') +
        (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
      const text = `calibration mismatch on ${o.source}: ${shown}, over the last ~${o.window} sampled products; the profile no longer describes the device: recalibrate with analoop calibrate --device <uri> --out <profile.json>`;
      this.lastWarning = text;
      this.own.next({ time: Date.now(), source: o.source, event: text });
      o.log(`analoop: warning: ${text}`);
    }
    this.drifting = now;
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.own.complete();
  }
}

/** Wrap `device` in a calibration monitor for `profile` (a trainer's wrapDevice hook). */
export function monitorDevice(
  device: Device,
  profile: Profile,
  options?: MonitorOptions,
): CalibrationMonitor {
  return new CalibrationMonitor(device, profile, options);
}
