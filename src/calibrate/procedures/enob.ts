/**
 * Effective number of bits of the output path: single products (no averaging) at random levels
 * over most of the output range, compared with a straight line per channel. The error left,
 * noise + ADC rounding + nonlinearity, is expressed as the resolution of an ideal quantiser with
 * the same error over the ADC's full range: ENOB = log2(FSR / (rms error * sqrt(12))), the
 * converter engineer's figure (equivalent to (SINAD - 1.76 dB) / 6.02 dB for a full-scale sine).
 * It is also given against the fitted response, which removes the nonlinearity the profile models.
 */
import { dacPrecision, needResponse, outputHeadroom, type Knowledge } from '../knowledge.js';
import { leastSquares } from '../linalg.js';
import type { ProbeSession } from '../probe-session.js';
import { responseAt } from '../response.js';
import { levelInputs, maxProduct, unitWeight } from '../stimulus.js';

export const ENOB_MIN_PRODUCTS = 32;

export interface EnobResult {
  products: number;
  /** Full-scale range of the ADC (hi - lo). */
  fullScale: number;
  /** Ideal products spanned: [-zMax, zMax]. */
  zMax: number;
  /** Per channel, against a straight line (nonlinearity counts as error) and against the fitted response. */
  enobLinear: number[];
  enobCalibrated: number[];
  /** log2(full scale x ADC precision): what an ideal quantiser at the measured grid would give. */
  nominalBits: number | undefined;
}

/** Largest |z| keeping every channel's expected output within `fraction` of the headroom. */
export function safeProduct(k: Knowledge, fraction: number, zLimit: number): number {
  const resp = k.response!;
  const H = outputHeadroom(k.adc.range) * fraction;
  let z = zLimit;
  for (let r = 0; r < resp.gain.length; r++) {
    const g = Math.abs(resp.gain[r]!);
    const room = H - Math.abs(resp.offset[r]!);
    if (g > 0) z = Math.min(z, Math.max(0, room) / g);
  }
  return z;
}

export async function measureEnob(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
): Promise<EnobResult> {
  if (products < ENOB_MIN_PRODUCTS)
    throw new RangeError(
      `the ENOB step needs at least ${ENOB_MIN_PRODUCTS} products, got ${products}`,
    );
  const { rows, cols, info } = session;
  const resp = needResponse(knowledge, 'enob');
  const pDac = dacPrecision(knowledge, info);
  const w0 = unitWeight(info.weightRange);
  const zMax = safeProduct(knowledge, 0.9, maxProduct(w0, cols, info.inputRange));
  await session.program(new Float32Array(rows * cols).fill(w0));
  const X = new Float32Array(products * cols);
  const z = new Float64Array(products);
  for (let j = 0; j < products; j++) {
    const l = levelInputs(-zMax + 2 * zMax * session.uniform(), w0, cols, pDac, info.inputRange);
    X.set(l.x, j * cols);
    z[j] = l.z;
  }
  const Y = await session.products(X, products);
  const fs = knowledge.adc.range[1] - knowledge.adc.range[0];
  const D = new Float64Array(products * 2);
  for (let j = 0; j < products; j++) {
    D[j * 2] = 1;
    D[j * 2 + 1] = z[j]!;
  }
  const bits = (rms: number) => Math.log2(fs / (rms * Math.sqrt(12)));
  const enobLinear: number[] = [];
  const enobCalibrated: number[] = [];
  for (let r = 0; r < rows; r++) {
    const y = Float64Array.from({ length: products }, (_, j) => Y[j * rows + r]!);
    const lin = leastSquares(D, y, 2);
    enobLinear.push(bits(Math.sqrt(lin.sse / products)));
    let s = 0;
    let s2 = 0;
    for (let j = 0; j < products; j++) {
      const e = y[j]! - responseAt(resp, r, z[j]!);
      s += e;
      s2 += e * e;
    }
    const m = s / products;
    enobCalibrated.push(bits(Math.sqrt(Math.max(0, s2 / products - m * m))));
  }
  const p = knowledge.adc.precision;
  return {
    products,
    fullScale: fs,
    zMax,
    enobLinear,
    enobCalibrated,
    nominalBits: p > 0 ? Math.log2(fs * p) : undefined,
  };
}
