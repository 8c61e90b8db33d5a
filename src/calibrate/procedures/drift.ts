/**
 * Drift: program the tile once, then measure gain and offset at several times over a duration.
 * The profile's model is linear in the hours since programming, gain(t) = gain (1 + d t), so a
 * weighted straight line through each channel's gains gives d = slope / intercept. Offsets are
 * fitted the same way and reported (the profile has no offset drift; a significant one is a
 * warning that the device drifts in a way the simulator will not). The clock and the wait are
 * the session's, so tests run an hour of drift in no time.
 */
import { dacPrecision, needResponse, type Knowledge } from '../knowledge.js';
import { leastSquares } from '../linalg.js';
import type { ProbeSession } from '../probe-session.js';
import { invertPoly, polyDerivative } from '../response.js';
import { chiSquareTail, Moments } from '../stats.js';
import { evenTargets, levelInputs, maxProduct, unitWeight } from '../stimulus.js';
import { safeProduct } from './enob.js';

const LEVELS = 6;
const HOUR_MS = 3_600_000;

export interface DriftOptions {
  /** Total time spanned, ms. */
  durationMs: number;
  /** Measurement times (>= 2), evenly spread over the duration. */
  points: number;
}

export interface DriftResult {
  products: number;
  durationMs: number;
  /** Ideal products of the levels measured at each time. */
  levels: number[];
  /** Hours since programming at each measurement. */
  hours: number[];
  /** gain[k][r], offset[k][r]: per measurement time and channel. */
  gain: number[][];
  offset: number[][];
  /** Per channel: relative gain change per hour, and its standard error. */
  gainDriftPerHour: number[];
  gainDriftSe: number[];
  /** Per channel: offset change per hour (output units), and its standard error. */
  offsetDriftPerHour: number[];
  offsetDriftSe: number[];
  /** Joint test of all gain drifts against 0: chi-square, its p-value, and the verdict at p < 1e-3. */
  chi2: number;
  p: number;
  significant: boolean;
  offsetChi2: number;
  offsetP: number;
  offsetSignificant: boolean;
}

export function planDrift(products: number, points: number) {
  return { repeats: Math.floor(products / (points * LEVELS)) };
}

/** Weighted line through (t, v) with standard errors: intercept, slope and their errors. */
function line(t: number[], v: number[], se: number[]) {
  const n = t.length;
  const D = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    D[i * 2] = 1;
    D[i * 2 + 1] = t[i]!;
  }
  const f = leastSquares(
    D,
    v,
    2,
    se.map((s) => 1 / (s * s)),
  );
  const inflate = f.dof > 0 ? Math.max(1, f.sse / f.dof) : 1;
  return {
    a: f.beta[0]!,
    b: f.beta[1]!,
    seB: Math.sqrt(f.cov[3]! * inflate),
  };
}

export async function measureDrift(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
  options: DriftOptions,
): Promise<DriftResult> {
  const { rows, cols, info } = session;
  const resp = needResponse(knowledge, 'drift');
  const K = Math.max(2, Math.floor(options.points));
  if (!(options.durationMs > 0))
    throw new RangeError(
      `the drift step needs a duration > 0 (e.g. --drift-duration 10m), got ${options.durationMs} ms`,
    );
  const { repeats } = planDrift(products, K);
  if (repeats < 2)
    throw new RangeError(
      `the drift step needs at least ${2 * K * LEVELS} products for ${K} points, got ${products}`,
    );
  const pDac = dacPrecision(knowledge, info);
  const w0 = unitWeight(info.weightRange);
  const zMax = safeProduct(knowledge, 0.8, maxProduct(w0, cols, info.inputRange));
  const levels = evenTargets(LEVELS, zMax).map((t) =>
    levelInputs(t, w0, cols, pDac, info.inputRange),
  );
  const batch = repeats * LEVELS;
  const X = new Float32Array(batch * cols);
  for (let i = 0; i < repeats; i++) levels.forEach((l, j) => X.set(l.x, (i * LEVELS + j) * cols));
  await session.program(new Float32Array(rows * cols).fill(w0));
  const t0 = session.clock();
  const hours: number[] = [];
  const gain: number[][] = [];
  const offset: number[][] = [];
  const gainSe: number[][] = [];
  const offsetSe: number[][] = [];
  for (let k = 0; k < K; k++) {
    const due = t0 + (k * options.durationMs) / (K - 1);
    const wait = due - session.clock();
    if (wait > 0) await session.sleep(wait);
    const before = session.clock();
    const Y = await session.products(X, batch, LEVELS);
    hours.push(((before + session.clock()) / 2 - t0) / HOUR_MS);
    const g: number[] = [];
    const o: number[] = [];
    const gs: number[] = [];
    const os: number[] = [];
    for (let r = 0; r < rows; r++) {
      const m = Array.from({ length: LEVELS }, () => new Moments());
      for (let b = 0; b < batch; b++) m[b % LEVELS]!.add(Y[b * rows + r]!);
      // Back through the nonlinearity: u = gain z + offset is linear in z.
      const D = new Float64Array(LEVELS * 2);
      const u: number[] = [];
      const w: number[] = [];
      levels.forEach((l, j) => {
        D[j * 2] = 1;
        D[j * 2 + 1] = l.z;
        const uj = invertPoly(m[j]!.mean, resp.c2, resp.c3);
        u.push(uj);
        const se = Math.max(m[j]!.se || 0, 1e-9) / polyDerivative(uj, resp.c2, resp.c3);
        w.push(1 / (se * se));
      });
      const f = leastSquares(D, u, 2, w);
      const inflate = Math.max(1, f.sse / Math.max(1, f.dof));
      o.push(f.beta[0]!);
      g.push(f.beta[1]!);
      os.push(Math.sqrt(f.cov[0]! * inflate));
      gs.push(Math.sqrt(f.cov[3]! * inflate));
    }
    gain.push(g);
    offset.push(o);
    gainSe.push(gs);
    offsetSe.push(os);
  }
  const gainDriftPerHour: number[] = [];
  const gainDriftSe: number[] = [];
  const offsetDriftPerHour: number[] = [];
  const offsetDriftSe: number[] = [];
  let chi2 = 0;
  let offsetChi2 = 0;
  for (let r = 0; r < rows; r++) {
    const lg = line(
      hours,
      gain.map((g) => g[r]!),
      gainSe.map((s) => s[r]!),
    );
    gainDriftPerHour.push(lg.b / lg.a);
    gainDriftSe.push(Math.abs(lg.seB / lg.a));
    chi2 += (lg.b / lg.seB) ** 2;
    const lo = line(
      hours,
      offset.map((o) => o[r]!),
      offsetSe.map((s) => s[r]!),
    );
    offsetDriftPerHour.push(lo.b);
    offsetDriftSe.push(lo.seB);
    offsetChi2 += (lo.b / lo.seB) ** 2;
  }
  const p = chiSquareTail(chi2, rows);
  const offsetP = chiSquareTail(offsetChi2, rows);
  return {
    products: K * batch,
    durationMs: options.durationMs,
    levels: levels.map((l) => l.z),
    hours,
    gain,
    offset,
    gainDriftPerHour,
    gainDriftSe,
    offsetDriftPerHour,
    offsetDriftSe,
    chi2,
    p,
    significant: p < 1e-3,
    offsetChi2,
    offsetP,
    offsetSignificant: offsetP < 1e-3,
  };
}
