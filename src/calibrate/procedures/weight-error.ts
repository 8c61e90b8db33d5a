/**
 * Weight programming error: program random weights, read each one back through products with
 * basis inputs (input c at a fixed value v, the rest 0, so channel r returns gain_r v W_rc +
 * offset_r through the nonlinearity), repeated in separate calls, and invert the fitted
 * response. The weight grid is the one that best explains readback against what was asked
 * (grid.ts); the spread left around it, less the readback's own measurement noise, is the
 * programming noise. Only gain x weight is observable, so each channel's readback is regressed
 * on the programmed value (a slope near 1 says the gain step and this one agree).
 */
import { quantiseValue, selectPrecision, type PrecisionChoice, type SweepGroup } from '../grid.js';
import { dacPrecision, needResponse, outputHeadroom, type Knowledge } from '../knowledge.js';
import { leastSquares } from '../linalg.js';
import type { ProbeSession } from '../probe-session.js';
import { invertPoly, polyDerivative } from '../response.js';
import { gridValueBelow, unitWeight } from '../stimulus.js';
import { Moments } from '../stats.js';
import { bitHints } from './dac-sweep.js';

export interface WeightErrorResult {
  products: number;
  programs: number;
  repeats: number;
  /** The basis input value. */
  basisInput: number;
  precision: number;
  choice: PrecisionChoice;
  /** Programming noise standard deviation (weight units) and its standard error; 0 when none is resolved. */
  programmingSd: number;
  programmingSdSe: number;
  /** Whether the programming noise stands out from the readback's own noise (4 standard errors). */
  significant: boolean;
  /** Readback minus the quantised requested weight: mean and root mean square. */
  errorMean: number;
  errorRms: number;
  /** Root mean square standard error of one readback (measurement noise). */
  readbackSe: number;
  /** Per channel: slope of readback on the requested weight. */
  slope: number[];
}

export function planWeightError(products: number, cols: number, programs = 2) {
  let P = programs;
  while (P > 1 && Math.floor(products / (P * cols)) < 3) P--;
  return { programs: P, repeats: Math.floor(products / (P * cols)) };
}

export async function measureWeightError(
  session: ProbeSession,
  knowledge: Knowledge,
  products: number,
  options: { programs?: number } = {},
): Promise<WeightErrorResult> {
  const { rows, cols, info } = session;
  const resp = needResponse(knowledge, 'weights');
  const plan = planWeightError(products, cols, options.programs);
  if (plan.repeats < 2)
    throw new RangeError(
      `the weight readback needs at least ${2 * cols} products at ${cols} inputs, got ${products}`,
    );
  const pDac = dacPrecision(knowledge, info);
  const wMax = unitWeight(info.weightRange);
  const wMin = Math.max(info.weightRange[0], -wMax);
  let gMax = 0;
  let oMax = 0;
  for (let r = 0; r < rows; r++) {
    gMax = Math.max(gMax, Math.abs(resp.gain[r]!));
    oMax = Math.max(oMax, Math.abs(resp.offset[r]!));
  }
  const v = gridValueBelow(
    (outputHeadroom(knowledge.adc.range) * 0.85 - oMax) / (gMax * wMax),
    pDac,
    info.inputRange,
  );
  if (!(v > 0))
    throw new Error(
      'weights step: no basis input keeps the outputs inside the ADC range; the offsets are too large for it',
    );
  const { programs, repeats } = plan;
  const n = rows * cols;
  const requested = new Float64Array(programs * n);
  const readback = new Float64Array(programs * n);
  const se = new Float64Array(programs * n);
  const X = new Float32Array(repeats * cols * cols);
  for (let i = 0; i < repeats; i++) for (let c = 0; c < cols; c++) X[(i * cols + c) * cols + c] = v;
  for (let prog = 0; prog < programs; prog++) {
    const W = new Float32Array(n);
    for (let i = 0; i < n; i++) W[i] = wMin + (wMax - wMin) * session.uniform();
    await session.program(W);
    const Y = await session.products(X, repeats * cols, cols);
    const m = Array.from({ length: n }, () => new Moments());
    for (let b = 0; b < repeats * cols; b++) {
      const c = b % cols;
      for (let r = 0; r < rows; r++) m[r * cols + c]!.add(Y[b * rows + r]!);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        const u = invertPoly(m[i]!.mean, resp.c2, resp.c3);
        const scale = resp.gain[r]! * v;
        requested[prog * n + i] = W[i]!;
        readback[prog * n + i] = (u - resp.offset[r]!) / scale;
        se[prog * n + i] = (m[i]!.se || 0) / Math.abs(polyDerivative(u, resp.c2, resp.c3) * scale);
      }
    }
  }
  // One group per channel: its readbacks over every programming.
  const groups: SweepGroup[] = [];
  for (let r = 0; r < rows; r++) {
    const x: number[] = [];
    const y: number[] = [];
    for (let prog = 0; prog < programs; prog++)
      for (let c = 0; c < cols; c++) {
        x.push(requested[prog * n + r * cols + c]!);
        y.push(readback[prog * n + r * cols + c]!);
      }
    groups.push({ x, y });
  }
  const choice = selectPrecision(groups, {
    degree: 1,
    range: info.weightRange,
    hints: bitHints(info.weightBits),
  });
  const p = choice.precision;
  knowledge.weightPrecision = p;
  const [lo, hi] = info.weightRange;
  let sse = 0;
  let dof = 0;
  const slope: number[] = [];
  for (const g of groups) {
    const m = g.y.length;
    const D = new Float64Array(m * 2);
    for (let t = 0; t < m; t++) {
      D[t * 2] = 1;
      D[t * 2 + 1] = quantiseValue(g.x[t]!, p, lo, hi);
    }
    const f = leastSquares(D, g.y, 2);
    sse += f.sse;
    dof += f.dof;
    slope.push(f.beta[1]!);
  }
  let errSum = 0;
  let errSq = 0;
  let seSq = 0;
  for (let i = 0; i < readback.length; i++) {
    const e = readback[i]! - quantiseValue(requested[i]!, p, lo, hi);
    errSum += e;
    errSq += e * e;
    seSq += se[i]! ** 2;
  }
  const total = readback.length;
  const residualVar = sse / Math.max(1, dof);
  const measVar = seSq / total;
  const progVar = residualVar - measVar;
  const progVarSe = residualVar * Math.sqrt(2 / Math.max(1, dof));
  const significant = progVar > 4 * progVarSe;
  return {
    products: programs * repeats * cols,
    programs,
    repeats,
    basisInput: v,
    precision: p,
    choice,
    programmingSd: progVar > 0 ? Math.sqrt(progVar) : 0,
    programmingSdSe: progVar > 0 ? progVarSe / (2 * Math.sqrt(progVar)) : Math.sqrt(progVarSe),
    significant,
    errorMean: errSum / total,
    errorRms: Math.sqrt(errSq / total),
    readbackSe: Math.sqrt(measVar),
    slope,
  };
}
