/**
 * The output response of the analog path, in the profile's form: per channel r,
 *   y = P(u),  u = gain_r z + offset_r,  P(u) = u + c2 u^2 + c3 u^3
 * where z is the ideal product. P's linear coefficient is 1 and its constant 0 because the
 * per-channel gain and offset already carry them; c2 and c3 are shared by all channels, as the
 * profile's one nonlinearity is. Fitted jointly by Levenberg-Marquardt on level means.
 *
 * Input, weight and programming noise enter before the nonlinearity, so a level's mean is not
 * P(u) but E[P(u + e)] = u + c2 (u^2 + v) + c3 (u^3 + 3 u v) for noise e of variance v (symmetric).
 * Ignoring v biases the gain by about 3 c3 v (0.07% for c3 = -0.05 and input noise 0.01 on 16
 * inputs), so points may carry their v and the fit uses the exact mean.
 */
import { invertSymmetric, solveSymmetric } from './linalg.js';
import { residualStats, type ResidualStats } from './stats.js';

export interface Response {
  gain: Float64Array;
  offset: Float64Array;
  c2: number;
  c3: number;
}

export function poly(u: number, c2: number, c3: number): number {
  return u + c2 * u * u + c3 * u * u * u;
}

export function polyDerivative(u: number, c2: number, c3: number): number {
  return 1 + 2 * c2 * u + 3 * c3 * u * u;
}

/** u with P(u) = y, by Newton from u = y (P is close to the identity over the output range). */
export function invertPoly(y: number, c2: number, c3: number): number {
  if (c2 === 0 && c3 === 0) return y;
  let u = y;
  for (let i = 0; i < 50; i++) {
    const d = polyDerivative(u, c2, c3);
    if (!(d > 1e-6)) break;
    const step = (poly(u, c2, c3) - y) / d;
    u -= step;
    if (Math.abs(step) < 1e-14) break;
  }
  return u;
}

/** E[P(u + e)] for noise e of variance v with zero mean and no skew. */
export function meanPoly(u: number, v: number, c2: number, c3: number): number {
  return u + c2 * (u * u + v) + c3 * (u * u * u + 3 * u * v);
}

/** Expected output of channel r for ideal product z (v: noise variance before the nonlinearity). */
export function responseAt(resp: Response, r: number, z: number, v = 0): number {
  return meanPoly(resp.gain[r]! * z + resp.offset[r]!, v, resp.c2, resp.c3);
}

/** One measured level: the mean output of a channel at ideal product z, with its standard error. */
export interface ResponsePoint {
  channel: number;
  z: number;
  y: number;
  se: number;
  /** Variance of the noise added before the nonlinearity at this level (default 0). */
  v?: number;
}

export type NonlinearTerm = 'c2' | 'c3';

export interface ResponseFit {
  response: Response;
  /** Standard errors, scaled by sqrt(chi2 / dof) when that exceeds 1. */
  se: { gain: Float64Array; offset: Float64Array; c2: number; c3: number };
  terms: NonlinearTerm[];
  chi2: number;
  dof: number;
  /** Residuals in units of each point's standard error. */
  standardised: ResidualStats;
  /** Residuals in output units. */
  residuals: ResidualStats;
}

/** Least-squares fit of gains, offsets and the chosen nonlinear terms. */
export function fitResponse(
  points: readonly ResponsePoint[],
  channels: number,
  terms: readonly NonlinearTerm[],
): ResponseFit {
  const R = channels;
  const useC2 = terms.includes('c2');
  const useC3 = terms.includes('c3');
  const K = 2 * R + (useC2 ? 1 : 0) + (useC3 ? 1 : 0);
  const iC2 = 2 * R;
  const iC3 = 2 * R + (useC2 ? 1 : 0);
  // Start: a weighted straight line per channel.
  const gain = new Float64Array(R).fill(1);
  const offset = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    let sw = 0, sz = 0, sy = 0, szz = 0, szy = 0; // prettier-ignore
    for (const p of points) {
      if (p.channel !== r) continue;
      const w = 1 / (p.se * p.se);
      sw += w;
      sz += w * p.z;
      sy += w * p.y;
      szz += w * p.z * p.z;
      szy += w * p.z * p.y;
    }
    const det = sw * szz - sz * sz;
    if (sw > 0 && det > 0) {
      gain[r] = (sw * szy - sz * sy) / det;
      offset[r] = (sy - gain[r]! * sz) / sw;
    }
  }
  const theta = new Float64Array(K);
  theta.set(gain, 0);
  theta.set(offset, R);
  const unpack = (t: Float64Array): Response => ({
    gain: t.slice(0, R),
    offset: t.slice(R, 2 * R),
    c2: useC2 ? t[iC2]! : 0,
    c3: useC3 ? t[iC3]! : 0,
  });
  const chi2Of = (t: Float64Array): number => {
    const resp = unpack(t);
    let s = 0;
    for (const p of points) s += ((p.y - responseAt(resp, p.channel, p.z, p.v)) / p.se) ** 2;
    return s;
  };
  const normal = (t: Float64Array): { A: Float64Array; b: Float64Array } => {
    const resp = unpack(t);
    const A = new Float64Array(K * K);
    const b = new Float64Array(K);
    const idx = [0, 0, 0, 0];
    const jac = [0, 0, 0, 0];
    for (const p of points) {
      const r = p.channel;
      const u = resp.gain[r]! * p.z + resp.offset[r]!;
      const v = p.v ?? 0;
      const d = polyDerivative(u, resp.c2, resp.c3) + 3 * resp.c3 * v;
      const w = 1 / (p.se * p.se);
      const res = p.y - meanPoly(u, v, resp.c2, resp.c3);
      let m = 0;
      idx[m] = r;
      jac[m++] = d * p.z;
      idx[m] = R + r;
      jac[m++] = d;
      if (useC2) {
        idx[m] = iC2;
        jac[m++] = u * u + v;
      }
      if (useC3) {
        idx[m] = iC3;
        jac[m++] = u * u * u + 3 * u * v;
      }
      for (let a = 0; a < m; a++) {
        b[idx[a]!] += w * jac[a]! * res;
        for (let c = 0; c < m; c++) A[idx[a]! * K + idx[c]!] += w * jac[a]! * jac[c]!;
      }
    }
    return { A, b };
  };
  let chi2 = chi2Of(theta);
  let lambda = 1e-3;
  for (let it = 0; it < 100; it++) {
    const { A, b } = normal(theta);
    const D = Float64Array.from(A);
    for (let i = 0; i < K; i++) D[i * K + i] += lambda * (A[i * K + i]! || 1);
    const delta = solveSymmetric(D, b, K);
    const next = theta.map((v, i) => v + delta[i]!);
    const c = chi2Of(next);
    if (c <= chi2) {
      const done = chi2 - c < 1e-10 * (chi2 + 1e-10);
      theta.set(next);
      chi2 = c;
      lambda = Math.max(lambda / 10, 1e-12);
      if (done) break;
    } else {
      lambda *= 10;
      if (lambda > 1e12) break;
    }
  }
  const { A } = normal(theta);
  const cov = invertSymmetric(A, K);
  const dof = Math.max(1, points.length - K);
  const inflate = Math.max(1, chi2 / dof);
  const seAt = (i: number) => Math.sqrt(cov[i * K + i]! * inflate);
  const response = unpack(theta);
  const std = new Float64Array(points.length);
  const raw = new Float64Array(points.length);
  points.forEach((p, i) => {
    raw[i] = p.y - responseAt(response, p.channel, p.z, p.v);
    std[i] = raw[i]! / p.se;
  });
  return {
    response,
    se: {
      gain: Float64Array.from({ length: R }, (_, r) => seAt(r)),
      offset: Float64Array.from({ length: R }, (_, r) => seAt(R + r)),
      c2: useC2 ? seAt(iC2) : 0,
      c3: useC3 ? seAt(iC3) : 0,
    },
    terms: [...terms],
    chi2,
    dof,
    standardised: residualStats(std),
    residuals: residualStats(raw),
  };
}

/** Significance (estimate / standard error) a nonlinear term needs to be kept. */
export const NONLINEAR_SIGNIFICANCE = 5;

/**
 * Fit with c2 and c3, then drop the terms the data do not support: c2 if it is within
 * NONLINEAR_SIGNIFICANCE standard errors of 0, then c3 likewise (the usual saturation is odd,
 * so c3 is tried alone before giving up on a nonlinearity).
 */
export function fitResponseAuto(points: readonly ResponsePoint[], channels: number): ResponseFit {
  const full = fitResponse(points, channels, ['c2', 'c3']);
  const sig = (v: number, se: number) => se > 0 && Math.abs(v) / se >= NONLINEAR_SIGNIFICANCE;
  if (sig(full.response.c2, full.se.c2)) return full;
  const cubic = fitResponse(points, channels, ['c3']);
  if (sig(cubic.response.c3, cubic.se.c3)) return cubic;
  return fitResponse(points, channels, []);
}
