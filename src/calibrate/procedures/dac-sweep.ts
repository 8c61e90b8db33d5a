/**
 * DAC transfer sweep: one input at a time driven over its range with continuous values (every
 * other input at 0), that input's weights at the unit weight. Each channel then returns a smooth
 * function of the DAC's output, so the grid that best explains the staircase is the DAC's
 * precision (grid.ts). Continuous random values, rather than a fixed ladder, resolve any step
 * size and never alias with the grid.
 */
import { precisionFromInfoBits, outputHeadroom, type Knowledge } from '../knowledge.js';
import { leastSquares } from '../linalg.js';
import { quantiseValue, selectPrecision, type PrecisionChoice, type SweepGroup } from '../grid.js';
import type { ProbeSession } from '../probe-session.js';
import { unitWeight } from '../stimulus.js';

export const DAC_MIN_PRODUCTS = 64;
/** Gains the sweep assumes at most when it keeps outputs inside the ADC range. */
const MAX_GAIN_GUESS = 1.3;

export interface DacSweepResult {
  products: number;
  /** Inputs swept. */
  inputs: number[];
  /** The value range swept (kept inside what the ADC can show without clipping). */
  swept: [number, number];
  precision: number;
  /** Precisions read from DeviceInfo.inputBits that break ties. */
  hints: number[];
  choice: PrecisionChoice;
  /** Per channel, per swept input: slope of the output against the input (gain x programmed weight). */
  slope: number[][];
  /** Standard deviation left after the smooth fit on the chosen grid. */
  residualSd: number;
}

/** Hints from a bit count that may be log2 p (the simulator) or a signed code width (a board). */
export function bitHints(bits: number): number[] {
  if (!(bits > 0)) return [];
  return [
    precisionFromInfoBits(bits),
    2 ** (bits - 1),
    2 ** (bits - 1) - 1,
    2 ** (bits - 2),
  ].filter((p) => p >= 1);
}

export async function sweepDac(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
  options: { inputs?: number } = {},
): Promise<DacSweepResult> {
  if (products < DAC_MIN_PRODUCTS)
    throw new RangeError(
      `the DAC sweep needs at least ${DAC_MIN_PRODUCTS} products, got ${products}`,
    );
  const { rows, cols, info } = session;
  const nIn = Math.max(1, Math.min(options.inputs ?? 1, cols));
  const inputs = Array.from({ length: nIn }, (_, i) => Math.floor((i * cols) / nIn));
  const w0 = unitWeight(info.weightRange);
  const W = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (const c of inputs) W[r * cols + c] = w0;
  await session.program(W);
  // Keep the outputs off the ADC rails: |gain w0 x + offset| below the headroom.
  const zero = knowledge.readSd ? Math.max(...knowledge.readSd) * 4 : 0;
  const limit = Math.max(
    0.05,
    (outputHeadroom(knowledge.adc.range) * 0.9 - zero) / (MAX_GAIN_GUESS * w0),
  );
  const lo = Math.max(info.inputRange[0], -limit);
  const hi = Math.min(info.inputRange[1], limit);
  const X = new Float32Array(products * cols);
  const xs = new Float64Array(products);
  for (let j = 0; j < products; j++) {
    const v = Math.fround(lo + (hi - lo) * session.uniform());
    xs[j] = v;
    X[j * cols + inputs[j % nIn]!] = v;
  }
  const Y = await session.products(X, products);
  const groups: SweepGroup[] = [];
  for (let r = 0; r < rows; r++) {
    inputs.forEach((_, i) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let j = i; j < products; j += nIn) {
        x.push(xs[j]!);
        y.push(Y[j * rows + r]!);
      }
      groups.push({ x, y });
    });
  }
  const hints = bitHints(info.inputBits);
  const choice = selectPrecision(groups, { degree: 3, range: info.inputRange, hints });
  knowledge.dacPrecision = choice.precision;
  const slope: number[][] = [];
  for (let r = 0; r < rows; r++) {
    slope.push(
      inputs.map((_, i) => {
        const g = groups[r * nIn + i]!;
        const n = g.y.length;
        const D = new Float64Array(n * 2);
        for (let t = 0; t < n; t++) {
          D[t * 2] = 1;
          D[t * 2 + 1] = quantiseValue(
            g.x[t]!,
            choice.precision,
            info.inputRange[0],
            info.inputRange[1],
          );
        }
        return leastSquares(D, g.y, 2).beta[1]!;
      }),
    );
  }
  return {
    products,
    inputs,
    swept: [lo, hi],
    precision: choice.precision,
    hints,
    choice,
    slope,
    residualSd: Math.sqrt(choice.residualVariance),
  };
}
