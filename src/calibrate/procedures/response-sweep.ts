/**
 * Per-channel gain and offset, and the output nonlinearity: every weight at the unit weight, the
 * inputs spread so that the ideal product z steps evenly over the output range (stimulus.ts),
 * each level repeated in separate calls (fresh weight noise) on several programmings of the tile
 * (fresh programming error). The level means are fitted jointly by response.ts; levels that
 * touched an ADC rail are left out, since clipping biases a mean.
 */
import type { ProbeSession } from '../probe-session.js';
import { dacPrecision, outputHeadroom, type Knowledge } from '../knowledge.js';
import { quantiseValue } from '../grid.js';
import {
  fitResponseAuto,
  polyDerivative,
  type ResponseFit,
  type ResponsePoint,
} from '../response.js';
import { Moments, type ResidualStats } from '../stats.js';
import { evenTargets, levelInputs, maxProduct, unitWeight } from '../stimulus.js';

export const RESPONSE_MIN_PRODUCTS = 64;

export interface ResponseResult {
  products: number;
  programs: number;
  repeats: number;
  /** Ideal products of the levels. */
  levels: number[];
  gain: number[];
  gainSe: number[];
  offset: number[];
  offsetSe: number[];
  /** Nonlinear terms kept (y = u + c2 u^2 + c3 u^3) with standard errors. */
  terms: string[];
  c2: number;
  c2Se: number;
  c3: number;
  c3Se: number;
  chi2: number;
  dof: number;
  /** Residuals of the level means, in standard errors and in output units. */
  standardised: ResidualStats;
  residuals: ResidualStats;
  /** Points (channel x level) left out because their readings came near an ADC rail. */
  clippedPoints: number;
  /**
   * Only gain x programmed weight is observable: each programming's write error moves a
   * channel's apparent gain by gain * sigma_prog / (w0 sqrt(cols)), averaged over the
   * programmings. This is that systematic standard error (relative), filled in once the weights
   * step has measured sigma_prog; gainSe is the statistical part only.
   */
  gainProgrammingRelSe?: number;
  fit: ResponseFit;
}

/** Output values at the two ADC rails (a reading there may be clipped). */
export function rails(k: Knowledge): [number, number] {
  const [lo, hi] = k.adc.range;
  const p = k.adc.precision;
  return [quantiseValue(lo, p), quantiseValue(hi, p)];
}

/**
 * Plan: levels, programs and repeats for an allowance (repeats >= 4 so each level has a spread).
 * Many programmings: only gain x programmed weight is observable, so each programming's write
 * error becomes a gain error of sd sigma_prog / (w0 sqrt(cols)); averaging P of them divides it
 * by sqrt(P), and a programming costs about as many bytes as a few products.
 */
export function planResponse(products: number, levels = 21, programs = 16) {
  let L = Math.min(levels, Math.floor(products / 4));
  L = Math.max(4, L);
  let P = programs;
  while (P > 1 && Math.floor(products / (P * L)) < 4) P--;
  const n = Math.floor(products / (P * L));
  return { levels: L, programs: P, repeats: n };
}

export async function measureResponse(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
  options: { levels?: number; programs?: number } = {},
): Promise<ResponseResult> {
  if (products < RESPONSE_MIN_PRODUCTS)
    throw new RangeError(
      `the gain sweep needs at least ${RESPONSE_MIN_PRODUCTS} products, got ${products}`,
    );
  const { rows, cols, info } = session;
  const plan = planResponse(products, options.levels, options.programs);
  const pDac = dacPrecision(knowledge, info);
  const w0 = unitWeight(info.weightRange);
  const zMax = Math.min(
    maxProduct(w0, cols, info.inputRange),
    outputHeadroom(knowledge.adc.range) * 1.05,
  );
  const levels = evenTargets(plan.levels, zMax).map((t) =>
    levelInputs(t, w0, cols, pDac, info.inputRange),
  );
  const L = levels.length;
  const stats = Array.from({ length: rows * L }, () => new Moments());
  const clipped = new Uint8Array(rows * L);
  const [railLo, railHi] = rails(knowledge);
  const W = new Float32Array(rows * cols).fill(w0);
  const batch = plan.repeats * L;
  const X = new Float32Array(batch * cols);
  for (let i = 0; i < plan.repeats; i++) levels.forEach((l, j) => X.set(l.x, (i * L + j) * cols));
  for (let prog = 0; prog < plan.programs; prog++) {
    await session.program(W);
    const Y = await session.products(X, batch, L);
    for (let b = 0; b < batch; b++) {
      const j = b % L;
      for (let r = 0; r < rows; r++) {
        const v = Y[b * rows + r]!;
        stats[r * L + j]!.add(v);
        if (v <= railLo || v >= railHi) clipped[r * L + j] = 1;
      }
    }
  }
  const step = knowledge.adc.precision > 0 ? 1 / knowledge.adc.precision : 0;
  // Keep a level only when its readings stay far from both rails (5 sd and a step): dropping
  // just the levels where a reading happened to hit a rail would keep the near-rail levels whose
  // readings happened to fall low, a selection bias toward compression.
  for (let i = 0; i < rows * L; i++) {
    const m = stats[i]!;
    const margin = 5 * Math.sqrt(m.variance || 0) + step;
    if (railHi - m.mean < margin || m.mean - railLo < margin) clipped[i] = 1;
  }
  const points: ResponsePoint[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < L; j++) {
      if (clipped[r * L + j]) continue;
      const m = stats[r * L + j]!;
      // A level whose readings never moved still has the ADC's rounding as its uncertainty.
      const se = Math.max(m.se || 0, step / Math.sqrt(12 * m.n), 1e-9);
      points.push({ channel: r, z: levels[j]!.z, y: m.mean, se });
    }
  }
  const perChannel = new Array<number>(rows).fill(0);
  for (const p of points) perChannel[p.channel]++;
  const short = perChannel.findIndex((n) => n < 3);
  if (short >= 0) {
    throw new Error(
      `gain sweep: channel ${short} has ${perChannel[short]} levels away from the ADC rails (need 3); its offset or noise is too large for the output range`,
    );
  }
  let fit = fitResponseAuto(points, rows);
  const zeroVar = knowledge.zeroVariance;
  if (fit.terms.length && zeroVar) {
    // The noise before the nonlinearity, per level: the spread beyond the zero product's
    // (read noise and ADC rounding), referred back through the slope of P. Then refit with it.
    const { c2, c3 } = fit.response;
    let i = 0;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < L; j++) {
        if (clipped[r * L + j]) continue;
        const u = fit.response.gain[r]! * levels[j]!.z + fit.response.offset[r]!;
        const excess = stats[r * L + j]!.variance - zeroVar[r]!;
        points[i++]!.v = Math.max(0, excess) / polyDerivative(u, c2, c3) ** 2;
      }
    }
    fit = fitResponseAuto(points, rows);
  }
  knowledge.response = fit.response;
  return {
    products: plan.programs * batch,
    programs: plan.programs,
    repeats: plan.repeats,
    levels: levels.map((l) => l.z),
    gain: [...fit.response.gain],
    gainSe: [...fit.se.gain],
    offset: [...fit.response.offset],
    offsetSe: [...fit.se.offset],
    terms: fit.terms,
    c2: fit.response.c2,
    c2Se: fit.se.c2,
    c3: fit.response.c3,
    c3Se: fit.se.c3,
    chi2: fit.chi2,
    dof: fit.dof,
    standardised: fit.standardised,
    residuals: fit.residuals,
    clippedPoints: rows * L - points.length,
    fit,
  };
}
