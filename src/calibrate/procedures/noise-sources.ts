/**
 * Input and weight noise, told apart from read noise by what they multiply.
 * - Input noise sits on the inputs, so it reaches the output through the weights: all weights
 *   at w0 and all inputs at 0 give read noise plus gain^2 w0^2 cols sigma_in^2; the zero-product
 *   variance of the read-noise step (same output level, same ADC rounding) is subtracted.
 * - Weight noise is drawn once per call (per draw) and reaches the output through the inputs:
 *   all weights at 0 and all inputs at v, several rows per call. Rows of one call share it, so
 *   it is the variance between call means less the within-call variance / rows (one-way
 *   random-effects analysis of variance), divided by gain^2 v^2 cols.
 */
import { dacPrecision, needResponse, type Knowledge } from '../knowledge.js';
import type { ProbeSession } from '../probe-session.js';
import { polyDerivative } from '../response.js';
import { Moments } from '../stats.js';
import { gridValueBelow, unitWeight } from '../stimulus.js';

/** Rows per call in the weight-noise design: enough for a within-call variance, many calls. */
const ROWS_PER_DRAW = 8;

export interface SourceEstimate {
  /** Standard deviation in the units of where it sits (input or weight units); 0 when not resolved. */
  sd: number;
  /** Variance estimate (may be negative: noise below resolution) and its standard error. */
  variance: number;
  varianceSe: number;
  /** Whether the variance stands out from 0 by 4 standard errors. */
  significant: boolean;
  products: number;
}

export interface NoiseSourcesResult {
  products: number;
  input: SourceEstimate;
  weight: SourceEstimate & { calls: number; rowsPerCall: number; inputValue: number };
}

function estimate(num: number, numSe2: number, den: number, products: number): SourceEstimate {
  const variance = num / den;
  const varianceSe = Math.sqrt(numSe2) / den;
  const significant = variance > 4 * varianceSe;
  return {
    sd: variance > 0 ? Math.sqrt(variance) : 0,
    variance,
    varianceSe,
    significant,
    products,
  };
}

export async function measureNoiseSources(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
): Promise<NoiseSourcesResult> {
  const { rows, cols, info } = session;
  const resp = needResponse(knowledge, 'sources');
  const zeroVar = knowledge.zeroVariance;
  if (!zeroVar)
    throw new Error(
      'calibration step "sources" needs the zero-product variance; run the "noise" step first',
    );
  const nIn = Math.floor(products / 2);
  const calls = Math.floor((products - nIn) / ROWS_PER_DRAW);
  if (nIn < 32 || calls < 8)
    throw new RangeError(
      `the noise-source step needs at least ${64 + 8 * ROWS_PER_DRAW} products, got ${products}`,
    );

  // Input noise: weights at w0, inputs 0.
  const w0 = unitWeight(info.weightRange);
  await session.program(new Float32Array(rows * cols).fill(w0));
  const Yin = await session.products(new Float32Array(nIn * cols), nIn);
  let num = 0;
  let numSe2 = 0;
  let den = 0;
  for (let r = 0; r < rows; r++) {
    const m = new Moments();
    for (let b = 0; b < nIn; b++) m.add(Yin[b * rows + r]!);
    const d = polyDerivative(resp.offset[r]!, resp.c2, resp.c3) * resp.gain[r]!;
    num += m.variance - zeroVar[r]!;
    numSe2 += 2 * (m.variance ** 2 / (nIn - 1));
    den += d * d * w0 * w0 * cols;
  }
  const input = estimate(num, numSe2, den, nIn);

  // Weight noise: weights 0, inputs v; rows of a call share one draw.
  const v = gridValueBelow(1, dacPrecision(knowledge, info), info.inputRange);
  await session.program(new Float32Array(rows * cols));
  const B = ROWS_PER_DRAW;
  const Yw = await session.products(new Float32Array(calls * B * cols).fill(v), calls * B, B);
  num = 0;
  numSe2 = 0;
  den = 0;
  for (let r = 0; r < rows; r++) {
    const between = new Moments();
    let within = 0;
    for (let k = 0; k < calls; k++) {
      const m = new Moments();
      for (let b = 0; b < B; b++) m.add(Yw[(k * B + b) * rows + r]!);
      between.add(m.mean);
      within += m.variance;
    }
    within /= calls;
    const u = resp.offset[r]!;
    const d = polyDerivative(u, resp.c2, resp.c3) * resp.gain[r]!;
    num += between.variance - within / B;
    numSe2 += 2 * (between.variance ** 2 / (calls - 1));
    den += d * d * v * v * cols;
  }
  const weight = {
    ...estimate(num, numSe2, den, calls * B),
    calls,
    rowsPerCall: B,
    inputValue: v,
  };
  return { products: nIn + calls * B, input, weight };
}
