/**
 * Device against simulator: the same random products replayed on both, and per channel how far
 * apart they are. The design is K random input vectors on one random weight matrix, each vector
 * repeated in separate calls (fresh noise), so every metric has a paired, noise-aware reading:
 *
 * - meanError: mean over vectors of (device mean - simulator mean): an offset mismatch.
 * - gainRatio: slope of device vector means on simulator vector means: a gain mismatch.
 * - stdRatio: spread of repeated identical products, device / simulator: a noise mismatch.
 * - ks: two-sample Kolmogorov-Smirnov distance between all device and simulator outputs;
 *   ksNoise: the same for the repeats about their own vector's mean (the noise's shape),
 *   dithered by one ADC code so that quantisation does not pass for a difference in shape.
 *
 * A metric fails when it is past its tolerance AND past what sampling alone explains (4 standard
 * errors, or the KS critical value at alpha = 1e-3), so a small replay never fails an honest
 * profile and a large one does not flag differences too small to matter.
 */
import { hash32 } from '../data/prng.js';
import type { Device } from '../device/device.js';
import { inferGrid } from './grid.js';
import { outputHeadroom } from './knowledge.js';
import { ProbeSession, type ProbeSessionOptions } from './probe-session.js';
import { ksCritical, ksTwoSample, Moments } from './stats.js';

export interface ReplayDesign {
  rows: number;
  cols: number;
  /** Weights, rows x cols. */
  W: Float32Array;
  /** Input vectors, vectors x cols. */
  X: Float32Array;
  vectors: number;
  repeats: number;
}

/**
 * Random weights and inputs whose products spread over about a third of the output headroom
 * (sd), so outputs exercise gain, offset and nonlinearity without clipping much.
 */
export function randomReplayDesign(
  session: ProbeSession,
  vectors: number,
  repeats: number,
): ReplayDesign {
  const { rows, cols, info } = session;
  const xh = Math.min(Math.abs(info.inputRange[0]), Math.abs(info.inputRange[1]), 1);
  const wh = Math.min(Math.abs(info.weightRange[0]), Math.abs(info.weightRange[1]), 1);
  const target = 0.35 * outputHeadroom(info.outputRange);
  const a = Math.min(wh, (3 * target) / (Math.sqrt(cols) * xh));
  const W = new Float32Array(rows * cols);
  for (let i = 0; i < W.length; i++) W[i] = a * (2 * session.uniform() - 1);
  const X = new Float32Array(vectors * cols);
  for (let i = 0; i < X.length; i++) X[i] = xh * (2 * session.uniform() - 1);
  return { rows, cols, W, X, vectors, repeats };
}

/** Program the design's weights and send every vector `repeats` times, one call per repeat. */
export async function replay(session: ProbeSession, d: ReplayDesign): Promise<Float32Array> {
  await session.program(d.W);
  const X = new Float32Array(d.repeats * d.vectors * d.cols);
  for (let i = 0; i < d.repeats; i++) X.set(d.X, i * d.vectors * d.cols);
  return session.products(X, d.repeats * d.vectors, d.vectors);
}

/** A uniform in [0, 1) from (i, stream): a reproducible dither. */
function dither(i: number, stream: number): number {
  return hash32(i, stream, 0xd17e) / 0x100000000;
}

export interface MismatchThresholds {
  /** Largest |meanError|, output units. Default 2% of the output headroom. */
  meanError?: number;
  /** Largest |gainRatio - 1|. Default 0.05. */
  gain?: number;
  /** Largest stdRatio or 1 / stdRatio. Default 1.25. */
  stdRatio?: number;
  /** Largest KS distance (raw outputs and noise). Default 0.1. */
  ks?: number;
}

export interface ChannelMismatch {
  channel: number;
  meanError: number;
  meanErrorSe: number;
  gainRatio: number;
  gainRatioSe: number;
  stdRatio: number;
  /** Standard error of ln(stdRatio). */
  stdRatioLogSe: number;
  ks: number;
  ksP: number;
  ksNoise: number;
  ksNoiseP: number;
  /** Which metrics are past their effective threshold. */
  failed: string[];
}

export interface MismatchReport {
  vectors: number;
  repeats: number;
  channels: ChannelMismatch[];
  /** The tolerances used (before widening by sampling error). */
  thresholds: Required<MismatchThresholds>;
  /** Worst value of each metric over channels. */
  worst: { meanError: number; gainRatio: number; stdRatio: number; ks: number; ksNoise: number };
  failedChannels: number;
  passed: boolean;
}

export function defaultThresholds(
  outputRange: readonly [number, number],
): Required<MismatchThresholds> {
  return { meanError: 0.02 * outputHeadroom(outputRange), gain: 0.05, stdRatio: 1.25, ks: 0.1 };
}

/** Per-channel mismatch between a device's and a simulator's replay of one design. */
export function compareReplays(
  d: ReplayDesign,
  device: Float32Array,
  sim: Float32Array,
  thresholds: Required<MismatchThresholds>,
): MismatchReport {
  const { rows, vectors: K, repeats: n } = d;
  const grid = inferGrid(device);
  const step = grid.precision > 0 ? 1 / grid.precision : 0;
  const channels: ChannelMismatch[] = [];
  for (let r = 0; r < rows; r++) {
    const dm: number[] = [];
    const sm: number[] = [];
    const diff = new Moments();
    let dWithin = 0;
    let sWithin = 0;
    const dAll = new Float64Array(K * n);
    const sAll = new Float64Array(K * n);
    const dRes = new Float64Array(K * n);
    const sRes = new Float64Array(K * n);
    for (let k = 0; k < K; k++) {
      const a = new Moments();
      const b = new Moments();
      for (let i = 0; i < n; i++) {
        const at = (i * K + k) * rows + r;
        a.add(device[at]!);
        b.add(sim[at]!);
        dAll[k * n + i] = device[at]!;
        sAll[k * n + i] = sim[at]!;
      }
      for (let i = 0; i < n; i++) {
        dRes[k * n + i] = dAll[k * n + i]! - a.mean;
        sRes[k * n + i] = sAll[k * n + i]! - b.mean;
      }
      dm.push(a.mean);
      sm.push(b.mean);
      diff.add(a.mean - b.mean);
      dWithin += a.variance;
      sWithin += b.variance;
    }
    // Gain: least squares of device means on simulator means.
    const ms = sm.reduce((s, v) => s + v, 0) / K;
    const md = dm.reduce((s, v) => s + v, 0) / K;
    let sxx = 0;
    let sxy = 0;
    for (let k = 0; k < K; k++) {
      sxx += (sm[k]! - ms) ** 2;
      sxy += (sm[k]! - ms) * (dm[k]! - md);
    }
    const slope = sxx > 0 ? sxy / sxx : NaN;
    let sse = 0;
    for (let k = 0; k < K; k++) sse += (dm[k]! - md - slope * (sm[k]! - ms)) ** 2;
    const slopeSe = sxx > 0 ? Math.sqrt(sse / Math.max(1, K - 2) / sxx) : NaN;
    const dof = K * (n - 1);
    const stdRatio = Math.sqrt(dWithin / Math.max(sWithin, 1e-300));
    const stdRatioLogSe = Math.sqrt(1 / (2 * dof) + 1 / (2 * dof));
    const ks = ksTwoSample(dAll, sAll);
    // Residuals of ADC codes about slightly different means sit on shifted lattices, which a KS
    // test sees as a difference in shape; a uniform dither of one code width removes that.
    if (step > 0) {
      for (let i = 0; i < dRes.length; i++) {
        dRes[i] += step * (dither(i, 2 * r) - 0.5);
        sRes[i] += step * (dither(i, 2 * r + 1) - 0.5);
      }
    }
    const ksNoise = ksTwoSample(dRes, sRes);
    const failed: string[] = [];
    if (Math.abs(diff.mean) > Math.max(thresholds.meanError, 4 * diff.se)) failed.push('meanError');
    if (Math.abs(slope - 1) > Math.max(thresholds.gain, 4 * slopeSe)) failed.push('gainRatio');
    if (Math.abs(Math.log(stdRatio)) > Math.max(Math.log(thresholds.stdRatio), 4 * stdRatioLogSe))
      failed.push('stdRatio');
    if (ks.d > Math.max(thresholds.ks, ksCritical(ks.ne))) failed.push('ks');
    if (ksNoise.d > Math.max(thresholds.ks, ksCritical(ksNoise.ne))) failed.push('ksNoise');
    channels.push({
      channel: r,
      meanError: diff.mean,
      meanErrorSe: diff.se,
      gainRatio: slope,
      gainRatioSe: slopeSe,
      stdRatio,
      stdRatioLogSe,
      ks: ks.d,
      ksP: ks.p,
      ksNoise: ksNoise.d,
      ksNoiseP: ksNoise.p,
      failed,
    });
  }
  const worstBy = (f: (c: ChannelMismatch) => number) =>
    channels.reduce((w, c) => (Math.abs(f(c)) > Math.abs(f(w)) ? c : w), channels[0]!);
  const failedChannels = channels.filter((c) => c.failed.length).length;
  return {
    vectors: K,
    repeats: n,
    channels,
    thresholds,
    worst: {
      meanError: worstBy((c) => c.meanError).meanError,
      gainRatio: worstBy((c) => c.gainRatio - 1).gainRatio,
      stdRatio: worstBy((c) => Math.log(c.stdRatio)).stdRatio,
      ks: worstBy((c) => c.ks).ks,
      ksNoise: worstBy((c) => c.ksNoise).ksNoise,
    },
    failedChannels,
    passed: failedChannels === 0,
  };
}

export interface ReplayCompareOptions extends Pick<
  ProbeSessionOptions,
  'seed' | 'onProgress' | 'tileRows' | 'tileCols' | 'tile'
> {
  vectors?: number;
  repeats?: number;
  thresholds?: MismatchThresholds;
}

/** Vectors and repeats for a number of device products (at least 8 x 4). */
export function planReplay(
  products: number,
  vectors?: number,
): { vectors: number; repeats: number } {
  const K = vectors ?? Math.max(8, Math.min(64, Math.floor(products / 16)));
  return { vectors: K, repeats: Math.max(4, Math.floor(products / K)) };
}

/**
 * Replay one random design on `device` (through `session`, which counts its products) and on
 * `sim`, and compare. The simulator gets its own session on the same tile size.
 */
export async function replayCompare(
  session: ProbeSession,
  sim: Device,
  design: ReplayDesign,
  thresholds?: MismatchThresholds,
): Promise<MismatchReport> {
  const dev = await replay(session, design);
  const simSession = new ProbeSession(sim, {
    tileRows: session.rows,
    tileCols: session.cols,
    tile: session.tile,
    seed: session.rng(),
  });
  const s = await replay(simSession, design);
  return compareReplays(design, dev, s, {
    ...defaultThresholds(session.info.outputRange),
    ...thresholds,
  });
}
