import { expect } from 'vitest';
import type { CalibrationResult } from '../../src/calibrate/calibrate.js';
import type { Profile } from '../../src/profile/index.js';

/**
 * Recovery of hidden parameters within tolerances derived from the products each step spent:
 * every tolerance is 4 standard errors of the estimate, the standard error written from the
 * design (sigma / sqrt(n) and its regression relatives) with the hidden sigmas, times a stated
 * factor for what the closed form leaves out (correlation with jointly fitted parameters,
 * ADC rounding of the readings). None of them reads the fitted standard errors.
 */
const arr = (v: number | number[], n: number): number[] =>
  typeof v === 'number' ? new Array<number>(n).fill(v) : v;
const TOL = 4;

export interface RecoveryRow {
  what: string;
  truth: number;
  fitted: number;
  tolerance: number;
}

export function checkRecovery(truth: Profile, r: CalibrationResult, cols: number): RecoveryRow[] {
  const rows: RecoveryRow[] = [];
  const add = (what: string, t: number, f: number, tol: number) =>
    rows.push({ what, truth: t, fitted: f, tolerance: tol });
  const fit = r.profile;
  const R = truth.array.rows;
  const step = 1 / truth.adc.precision!;
  const sRead = truth.noise.read.scale!;
  const sIn = truth.noise.input.scale!;
  const sW = truth.noise.weight.scale!;
  const sProg = truth.noise.programming.scale!;
  const g = arr(truth.channels.gain, R);
  const gMax = Math.max(...g);
  const products = Object.fromEntries(r.steps.map((s) => [s.step, s.products]));

  // Precisions: exact.
  expect(fit.dac.precision).toBe(truth.dac.precision);
  expect(fit.adc.precision).toBe(truth.adc.precision);
  expect(fit.weights.precision).toBe(truth.weights.precision);

  // Read noise: a pooled sd over R channels and n products; ADC rounding of readings ~1 step
  // costs at most a factor 1.5 over sigma / sqrt(2 n R).
  const nNoise = products.noise!;
  add('read sd', sRead, fit.noise.read.scale!, (TOL * 1.5 * sRead) / Math.sqrt(2 * nNoise * R));

  // Output spread at the gain levels (all weights 1, inputs spread over 16 columns).
  const sTot = Math.sqrt(sRead ** 2 + gMax ** 2 * cols * sIn ** 2 + step ** 2 / 12);
  const nGain = products.gain!;
  const gain = r.results.gain!;
  const fg = arr(fit.channels.gain, R);
  const fo = arr(fit.channels.offset, R);
  const to = arr(truth.channels.offset, R);
  const nl = truth.nonlinearity as { kind: 'cubic'; a3: number };
  const headroom = 1.5;
  for (let i = 0; i < R; i++) {
    // The levels this channel keeps (away from the ADC rails) and their spread: a regression
    // slope has se = sigma / (sqrt(n) sd(z)). Factor 2: the gain shares its fit with the offset
    // and the cubic term.
    const kept = gain.levels.filter((z) => {
      const u = g[i]! * z + to[i]!;
      return Math.abs(u + nl.a3 * u ** 3) + 5 * sTot + step < headroom;
    });
    const zbar = kept.reduce((s, z) => s + z, 0) / kept.length;
    const sdZ = Math.sqrt(kept.reduce((s, z) => s + (z - zbar) ** 2, 0) / kept.length);
    const nKept = (nGain * kept.length) / gain.levels.length;
    const gainStat = (2 * sTot) / (Math.sqrt(nKept) * sdZ);
    // Only gain x programmed weight is observable: each programming's write error moves the gain
    // by sigma_prog / sqrt(cols), averaged over the programmings.
    const progRel = sProg / Math.sqrt(cols * gain.programs);
    add(`gain[${i}]`, g[i]!, fg[i]!, TOL * Math.hypot(gainStat, g[i]! * progRel));
    add(`offset[${i}]`, to[i]!, fo[i]!, (TOL * 2 * sTot) / Math.sqrt(nGain));
  }
  // Cubic term: u^3 orthogonal to (1, u) over levels uniform on [-a, a] has sd 0.151 a^3; all R
  // channels share it; factor 2 for its correlation with the gains.
  const a = Math.max(...gain.levels.map(Math.abs)) * 0.9;
  expect(fit.nonlinearity?.kind).toBe('cubic');
  const a3 = (fit.nonlinearity as { a3: number }).a3;
  add('a3', nl.a3, a3, (TOL * 2 * sTot) / (Math.sqrt(nGain * R) * 0.151 * a ** 3));

  // Programming noise: the sd of R cols P readbacks about the weight grid, each averaged over
  // `repeats` products at basis input v: se(sigma^2) = (sigma^2 + meas) sqrt(2 / n).
  const w = r.results.weights!;
  const nEl = R * cols * w.programs;
  const meas =
    (sRead ** 2 + step ** 2 / 12 + (sIn ** 2 * cols) / 3 + sW ** 2 * w.basisInput ** 2) /
    (w.repeats * (gMax * w.basisInput) ** 2);
  const progVarSe = (sProg ** 2 + meas) * Math.sqrt(2 / nEl);
  add('programming sd', sProg, fit.noise.programming.scale!, (TOL * progVarSe) / (2 * sProg));

  // Input noise: per channel the difference of two output variances, se(V) = V sqrt(2 / n);
  // pooled as sum(V1 - V0) / sum(g^2 cols).
  const src = r.results.sources!;
  const nIn = src.input.products;
  const v0 = sRead ** 2 + step ** 2 / 12;
  let num = 0;
  let den = 0;
  for (let i = 0; i < R; i++) {
    const v1 = v0 + g[i]! ** 2 * cols * sIn ** 2;
    num += v1 ** 2 * (2 / nIn) + v0 ** 2 * (2 / nNoise);
    den += g[i]! ** 2 * cols;
  }
  add('input sd', sIn, fit.noise.input.scale!, (TOL * Math.sqrt(num)) / den / (2 * sIn));

  // Weight noise: per channel the variance between K call means of B rows, se(V_b) = V_b
  // sqrt(2 / (K - 1)); pooled as sum(V_b - within / B) / sum(g^2 cols v^2).
  const K = src.weight.calls;
  const B = src.weight.rowsPerCall;
  const v = src.weight.inputValue;
  num = 0;
  den = 0;
  for (let i = 0; i < R; i++) {
    const vb = g[i]! ** 2 * cols * v * v * sW ** 2 + v0 / B;
    num += vb ** 2 * (2 / (K - 1));
    den += g[i]! ** 2 * cols * v * v;
  }
  add('weight sd', sW, fit.noise.weight.scale!, (TOL * Math.sqrt(num)) / den / (2 * sW));

  // Drift: the gain at each of K times is a regression slope over n products at the drift levels,
  // se = sigma / (sqrt(n) sd(z)); the drift is the slope of those gains over time, se = se_gain /
  // sqrt(sum (t - mean t)^2), relative to the gain. Factor 1.5 for the offset fitted alongside.
  const d = r.results.drift!;
  const Kd = d.hours.length;
  const T = d.hours[Kd - 1]! - d.hours[0]!;
  const tbar = d.hours.reduce((s, h) => s + h, 0) / Kd;
  const stt = d.hours.reduce((s, h) => s + (h - tbar) ** 2, 0);
  const nPer = products.drift! / Kd;
  const zbar = d.levels.reduce((s, z) => s + z, 0) / d.levels.length;
  const sdZ = Math.sqrt(d.levels.reduce((s, z) => s + (z - zbar) ** 2, 0) / d.levels.length);
  const seG = (1.5 * sTot) / (Math.sqrt(nPer) * sdZ);
  const td = arr(truth.channels.gainDriftPerHour, R);
  const fd = arr(fit.channels.gainDriftPerHour, R);
  expect(T).toBeGreaterThan(0);
  for (let i = 0; i < R; i++)
    add(`drift[${i}]`, td[i]!, fd[i]!, (TOL * seG) / (g[i]! * Math.sqrt(stt)));
  return rows;
}

export function expectRecovered(rows: RecoveryRow[]): void {
  const bad = rows.filter((x) => !(Math.abs(x.fitted - x.truth) <= x.tolerance));
  expect(
    bad,
    bad
      .map((b) => `${b.what}: fitted ${b.fitted}, truth ${b.truth}, tolerance ${b.tolerance}`)
      .join('\n'),
  ).toEqual([]);
}
