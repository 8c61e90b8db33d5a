import { clampValues, type ConverterSpec } from './range-check.js';

/**
 * Signed weights on a memristive crossbar. One cell's conductance is positive and bounded,
 * G in [Gmin, Gmax], so a signed weight is held by a differential pair whose column currents are
 * subtracted: w ∝ G+ - G-. The magnitude goes to one cell and the other stays at Gmin (the
 * lowest-power, lowest-drift state), so
 *
 *   G+ = Gmin + max(w, 0) / wMax * (Gmax - Gmin)
 *   G- = Gmin + max(-w, 0) / wMax * (Gmax - Gmin)
 *   w  = (G+ - G-) / (Gmax - Gmin) * wMax
 *
 * where wMax is the largest |w| of the weight converter's range. The board's firmware does the
 * actual cell writes from the weight codes; the host computes the pair so it can refuse, before
 * any DAC write, a weight the board could not hold, and read back verification results.
 */

/** Conductance limits of one cell, in microsiemens (DeviceInfo.conductance_min/max_us). */
export interface ConductanceRange {
  minUs: number;
  maxUs: number;
}

export interface ConductancePair {
  gPlusUs: number;
  gMinusUs: number;
}

/** Gmin and Gmax are finite, 0 <= Gmin < Gmax. */
export function checkConductanceRange(g: ConductanceRange): void {
  if (
    !Number.isFinite(g.minUs) ||
    !Number.isFinite(g.maxUs) ||
    g.minUs < 0 ||
    !(g.minUs < g.maxUs)
  ) {
    throw new RangeError(
      `memristive board declares conductance range [${g.minUs}, ${g.maxUs}] uS; need finite 0 <= Gmin < Gmax`,
    );
  }
}

/** The largest |w| the weight converter can express: the pair's full swing maps to it. */
export function weightMagnitude(weight: ConverterSpec): number {
  const m = Math.max(Math.abs(weight.range[0]), Math.abs(weight.range[1]));
  if (!(m > 0) || !Number.isFinite(m))
    throw new RangeError(
      `memristive weight range [${weight.range[0]}, ${weight.range[1]}] is empty`,
    );
  return m;
}

/** The differential pair holding `w`; a RangeError when |w| > wMax or w is not finite. */
export function weightToPair(w: number, wMax: number, g: ConductanceRange): ConductancePair {
  if (!Number.isFinite(w) || Math.abs(w) > wMax)
    throw new RangeError(`memristive weight ${w} is outside [-${wMax}, ${wMax}]`);
  const span = g.maxUs - g.minUs;
  const d = (Math.abs(w) / wMax) * span;
  return w >= 0
    ? { gPlusUs: g.minUs + d, gMinusUs: g.minUs }
    : { gPlusUs: g.minUs, gMinusUs: g.minUs + d };
}

/** The weight a pair holds (the inverse of weightToPair; any pair within range is accepted). */
export function pairToWeight(pair: ConductancePair, wMax: number, g: ConductanceRange): number {
  checkPairInRange(pair, g, 'pair');
  return ((pair.gPlusUs - pair.gMinusUs) / (g.maxUs - g.minUs)) * wMax;
}

function checkPairInRange(pair: ConductancePair, g: ConductanceRange, what: string): void {
  for (const [name, v] of [
    ['G+', pair.gPlusUs],
    ['G-', pair.gMinusUs],
  ] as const) {
    if (!(v >= g.minUs && v <= g.maxUs))
      throw new RangeError(`${what}: ${name} = ${v} uS is outside [${g.minUs}, ${g.maxUs}] uS`);
  }
}

/** A weight tile as the crossbar holds it. */
export interface MemristiveTile {
  /** W clamped to the converter range (the paper's Clamp): what the weight codes encode. */
  values: Float32Array;
  gPlusUs: Float32Array;
  gMinusUs: Float32Array;
}

/**
 * Clamp W to the weight converter's range (a non-finite weight is a RangeError), compute every
 * differential pair and check it lies within [Gmin, Gmax].
 */
export function mapMemristiveWeights(
  W: Float32Array,
  weight: ConverterSpec,
  g: ConductanceRange,
): MemristiveTile {
  checkConductanceRange(g);
  const wMax = weightMagnitude(weight);
  const values = clampValues(W, weight.range, 'memristive weights', { finite: true });
  const gPlusUs = new Float32Array(values.length);
  const gMinusUs = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const p = weightToPair(values[i]!, wMax, g);
    checkPairInRange(p, g, `memristive weight ${i}`);
    gPlusUs[i] = p.gPlusUs;
    gMinusUs[i] = p.gMinusUs;
  }
  return { values, gPlusUs, gMinusUs };
}
