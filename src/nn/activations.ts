/**
 * The activations of method.md section 4 and their derivatives, as pure float64 scalar functions
 * (for analysis: GSD, effective bits, gradient-error maps) and as vectorised Float32Array kernels
 * (for the layers). GELU is always the exact erf form, never the tanh approximation: the paper's
 * argument is about the derivative near zero, where the approximation differs.
 *
 * Spec strings (CLI `--activation`), case-insensitive, canonical form lower case:
 *
 *   relu                  R(x) = max(0, x)
 *   leaky-relu[:a]        R(x) = max(a x, x), 0 <= a < 1 (a defaults to 0.01)
 *   gelu[:s]              G_s(x) = 0.5 x (1 + erf(s x / sqrt 2)), s > 0 (s defaults to 1)
 *   silu                  S(x) = x sigmoid(x)
 *   relu-gelu:i[:s]       (1 - i) R(x) + i G_s(x), 0 <= i <= 1
 *   relu-silu:i           (1 - i) R(x) + i S(x),   0 <= i <= 1
 *
 * followed, for the families with a ReLU part, by an optional `@0=0` or `@0=1`: the value taken
 * for R'(0) at exactly x = 0 ("R' at 0 is ..."). `@0=0` takes the left-hand derivative (0, or a
 * for leaky-relu), `@0=1` the right-hand one (1). Quantised inputs hit exactly zero often, so the
 * choice is visible in training. Defaults follow the paper's code: 0 for relu, leaky-relu and
 * relu-gelu; 1 for relu-silu. Examples: `relu@0=1`, `relu-gelu:0.5:2`, `relu-silu:0.3@0=0`.
 */
import { erf } from '../noise/erf.js';

/** Which side's slope R'(0) takes at exactly x = 0: 0 = left-hand (0 or a), 1 = right-hand (1). */
export type ReluZeroGrad = 0 | 1;

/** A parsed, validated activation. Build one with parseActivation() or check one with validateActivation(). */
export type ActivationSpec =
  /** ReLU (slope 0) or leaky ReLU (slope a). */
  | { kind: 'relu'; slope: number; reluGradAtZero: ReluZeroGrad }
  /** GELU with scaling factor s (s = 1 is the usual GELU; s -> infinity approaches ReLU). */
  | { kind: 'gelu'; scale: number }
  | { kind: 'silu' }
  /** (1 - mix) ReLU + mix GELU_s. */
  | { kind: 'relu-gelu'; mix: number; scale: number; reluGradAtZero: ReluZeroGrad }
  /** (1 - mix) ReLU + mix SiLU. */
  | { kind: 'relu-silu'; mix: number; reluGradAtZero: ReluZeroGrad };

/** The accepted spec-string forms, for help texts and error messages. */
export const ACTIVATION_FORMS: readonly string[] = [
  'relu',
  'leaky-relu[:a]',
  'gelu[:s]',
  'silu',
  'relu-gelu:i[:s]',
  'relu-silu:i',
  "suffix '@0=0' or '@0=1' on relu, leaky-relu, relu-gelu, relu-silu sets R'(0)",
];

/** A spec string or spec object that does not describe a valid activation. */
export class ActivationSpecError extends Error {
  override name = 'ActivationSpecError';
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

// ---------------------------------------------------------------------------------------------
// Float64 scalar functions.

/** R(x) = max(a x, x) for 0 <= a < 1. */
export function relu(x: number, slope = 0): number {
  if (x > 0) return x;
  // Written out so that relu(-inf) = 0 (0 * -inf is NaN) while NaN still propagates.
  return slope === 0 ? (x === x ? 0 : x) : slope * x;
}

/** R'(x); at exactly x = 0 the convention decides (left-hand slope a, or right-hand 1). */
export function reluDerivative(x: number, slope = 0, atZero: ReluZeroGrad = 0): number {
  if (x > 0) return 1;
  if (x < 0) return slope;
  if (x === 0) return atZero === 1 ? 1 : slope;
  return NaN;
}

/** G_s(x) = 0.5 x (1 + erf(s x / sqrt 2)). */
export function gelu(x: number, scale = 1): number {
  if (x === -Infinity) return 0; // -inf * 0 would be NaN; the limit is 0
  return 0.5 * x * (1 + erf(scale * x * SQRT1_2));
}

/** G_s'(x) = 0.5 (1 + erf(s x / sqrt 2)) + s x exp(-(s x)^2 / 2) / sqrt(2 pi). */
export function geluDerivative(x: number, scale = 1): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const sx = scale * x;
  return 0.5 * (1 + erf(sx * SQRT1_2)) + sx * Math.exp(-0.5 * sx * sx) * INV_SQRT_2PI;
}

/** The logistic function, without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** S(x) = x sigmoid(x). */
export function silu(x: number): number {
  if (x === -Infinity) return 0;
  return x * sigmoid(x);
}

/**
 * S'(x) = sigmoid(x) (1 + x (1 - sigmoid(x))), with 1 - sigmoid(x) taken from the same exp
 * rather than by subtraction, so it keeps its relative precision for large x.
 */
export function siluDerivative(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  let s: number;
  let oneMinusS: number;
  if (x >= 0) {
    const e = Math.exp(-x);
    s = 1 / (1 + e);
    oneMinusS = e * s;
  } else {
    const e = Math.exp(x);
    oneMinusS = 1 / (1 + e);
    s = e * oneMinusS;
  }
  return s * (1 + x * oneMinusS);
}

/** f(x) in float64 for any spec. */
export function activate(spec: ActivationSpec, x: number): number {
  switch (spec.kind) {
    case 'relu':
      return relu(x, spec.slope);
    case 'gelu':
      return gelu(x, spec.scale);
    case 'silu':
      return silu(x);
    case 'relu-gelu':
      return (1 - spec.mix) * relu(x) + spec.mix * gelu(x, spec.scale);
    case 'relu-silu':
      return (1 - spec.mix) * relu(x) + spec.mix * silu(x);
  }
}

/** f'(x) in float64 for any spec, with the spec's R'(0) convention at exactly zero. */
export function activateDerivative(spec: ActivationSpec, x: number): number {
  switch (spec.kind) {
    case 'relu':
      return reluDerivative(x, spec.slope, spec.reluGradAtZero);
    case 'gelu':
      return geluDerivative(x, spec.scale);
    case 'silu':
      return siluDerivative(x);
    case 'relu-gelu':
      return (
        (1 - spec.mix) * reluDerivative(x, 0, spec.reluGradAtZero) +
        spec.mix * geluDerivative(x, spec.scale)
      );
    case 'relu-silu':
      return (
        (1 - spec.mix) * reluDerivative(x, 0, spec.reluGradAtZero) + spec.mix * siluDerivative(x)
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Vectorised Float32Array versions: computed in float64 per element, stored as float32.
// `out` may be `x` itself (in place).

function checkLengths(x: Float32Array, out: Float32Array, what: string): void {
  if (out.length !== x.length) {
    throw new RangeError(`${what}: out has ${out.length} elements, x has ${x.length}`);
  }
}

/** out[k] = f(x[k]). Returns out. */
export function forward(
  spec: ActivationSpec,
  x: Float32Array,
  out: Float32Array = new Float32Array(x.length),
): Float32Array {
  checkLengths(x, out, 'activation forward');
  const n = x.length;
  switch (spec.kind) {
    case 'relu': {
      const a = spec.slope;
      if (a === 0) {
        for (let k = 0; k < n; k++) {
          const v = x[k];
          out[k] = v > 0 ? v : v === v ? 0 : v;
        }
      } else {
        for (let k = 0; k < n; k++) {
          const v = x[k];
          out[k] = v > 0 ? v : a * v;
        }
      }
      return out;
    }
    case 'gelu':
      for (let k = 0; k < n; k++) out[k] = gelu(x[k], spec.scale);
      return out;
    case 'silu':
      for (let k = 0; k < n; k++) out[k] = silu(x[k]);
      return out;
    default:
      for (let k = 0; k < n; k++) out[k] = activate(spec, x[k]);
      return out;
  }
}

/** out[k] = f'(x[k]), the derivative at the given (stored) inputs. Returns out. */
export function derivative(
  spec: ActivationSpec,
  x: Float32Array,
  out: Float32Array = new Float32Array(x.length),
): Float32Array {
  checkLengths(x, out, 'activation derivative');
  const n = x.length;
  for (let k = 0; k < n; k++) out[k] = activateDerivative(spec, x[k]);
  return out;
}

/**
 * y[k] = f(x[k]) and dydx[k] = f'(x[k]) in one pass: GELU's value and derivative share one erf,
 * SiLU's one exp, so a training forward pass that keeps f' for backward costs little extra.
 */
export function forwardAndDerivative(
  spec: ActivationSpec,
  x: Float32Array,
  y: Float32Array,
  dydx: Float32Array,
): void {
  checkLengths(x, y, 'activation forward');
  checkLengths(x, dydx, 'activation derivative');
  const n = x.length;
  if (spec.kind === 'silu' || spec.kind === 'relu-silu') {
    const i = spec.kind === 'silu' ? 1 : spec.mix;
    const r = 1 - i;
    const r0 = spec.kind === 'silu' ? 0 : r * spec.reluGradAtZero;
    for (let k = 0; k < n; k++) {
      const v = x[k];
      if (!Number.isFinite(v)) {
        const f = spec.kind === 'silu' ? silu(v) : activate(spec, v);
        y[k] = f;
        dydx[k] = activateDerivative(spec, v);
        continue;
      }
      let s: number;
      let oneMinusS: number;
      if (v >= 0) {
        const e = Math.exp(-v);
        s = 1 / (1 + e);
        oneMinusS = e * s;
      } else {
        const e = Math.exp(v);
        oneMinusS = 1 / (1 + e);
        s = e * oneMinusS;
      }
      const sd = s * (1 + v * oneMinusS);
      if (v > 0) {
        y[k] = r * v + i * v * s;
        dydx[k] = r + i * sd;
      } else {
        y[k] = i * v * s;
        dydx[k] = (v === 0 ? r0 : 0) + i * sd;
      }
    }
    return;
  }
  if (spec.kind === 'gelu' || spec.kind === 'relu-gelu') {
    const i = spec.kind === 'gelu' ? 1 : spec.mix;
    const r = 1 - i;
    const r0 = spec.kind === 'gelu' ? 0 : r * spec.reluGradAtZero;
    const sc = spec.scale;
    for (let k = 0; k < n; k++) {
      const v = x[k];
      if (!Number.isFinite(v)) {
        y[k] = activate(spec, v);
        dydx[k] = activateDerivative(spec, v);
        continue;
      }
      const sx = sc * v;
      const phi = 0.5 * (1 + erf(sx * SQRT1_2));
      const gd = phi + sx * Math.exp(-0.5 * sx * sx) * INV_SQRT_2PI;
      if (v > 0) {
        y[k] = r * v + i * v * phi;
        dydx[k] = r + i * gd;
      } else {
        y[k] = i * v * phi;
        dydx[k] = (v === 0 ? r0 : 0) + i * gd;
      }
    }
    return;
  }
  // relu / leaky relu
  const a = spec.slope;
  const d0 = spec.reluGradAtZero === 1 ? 1 : a;
  for (let k = 0; k < n; k++) {
    const v = x[k];
    if (v > 0) {
      y[k] = v;
      dydx[k] = 1;
    } else if (v < 0) {
      y[k] = a === 0 ? 0 : a * v;
      dydx[k] = a;
    } else if (v === 0) {
      y[k] = 0;
      dydx[k] = d0;
    } else {
      y[k] = NaN;
      dydx[k] = NaN;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Spec strings.

/** R'(0) default per family, as in the paper's code (0 in ReLU-GELU, 1 in ReLU-SiLU). */
export function defaultReluGradAtZero(kind: 'relu' | 'relu-gelu' | 'relu-silu'): ReluZeroGrad {
  return kind === 'relu-silu' ? 1 : 0;
}

const DEFAULT_LEAKY_SLOPE = 0.01;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function fail(text: string, problem: string): never {
  throw new ActivationSpecError(
    `invalid activation '${text}': ${problem}. Valid forms: ${ACTIVATION_FORMS.join(', ')}`,
  );
}

function num(text: string, arg: string, what: string): number {
  if (!NUMBER.test(arg)) fail(text, `${what} '${arg}' is not a number`);
  const v = Number(arg);
  if (!Number.isFinite(v)) fail(text, `${what} '${arg}' is not finite`);
  return v;
}

/** Range checks shared by the parser and validateActivation(); `text` names the culprit. */
function check(spec: ActivationSpec, text: string): ActivationSpec {
  const inUnit = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
  switch (spec.kind) {
    case 'relu':
      if (!(Number.isFinite(spec.slope) && spec.slope >= 0 && spec.slope < 1)) {
        fail(text, `leaky slope a = ${spec.slope} must satisfy 0 <= a < 1`);
      }
      break;
    case 'gelu':
      if (!(Number.isFinite(spec.scale) && spec.scale > 0)) {
        fail(text, `GELU scaling factor s = ${spec.scale} must be finite and > 0`);
      }
      break;
    case 'silu':
      break;
    case 'relu-gelu':
      if (!inUnit(spec.mix)) fail(text, `interpolation factor i = ${spec.mix} must be in [0, 1]`);
      if (!(Number.isFinite(spec.scale) && spec.scale > 0)) {
        fail(text, `GELU scaling factor s = ${spec.scale} must be finite and > 0`);
      }
      break;
    case 'relu-silu':
      if (!inUnit(spec.mix)) fail(text, `interpolation factor i = ${spec.mix} must be in [0, 1]`);
      break;
    default:
      fail(text, `unknown kind '${(spec as { kind: unknown }).kind}'`);
  }
  if ('reluGradAtZero' in spec && spec.reluGradAtZero !== 0 && spec.reluGradAtZero !== 1) {
    fail(text, `R'(0) must be 0 or 1, got ${String(spec.reluGradAtZero)}`);
  }
  return spec;
}

/** Throws ActivationSpecError unless `spec` is a valid activation; returns it. */
export function validateActivation(spec: ActivationSpec): ActivationSpec {
  return check(spec, JSON.stringify(spec));
}

/** Parses a CLI spec string (see the module comment for the grammar). */
export function parseActivation(text: string): ActivationSpec {
  const src = text.trim().toLowerCase();
  if (src === '') fail(text, 'empty string');
  let body = src;
  let zero: ReluZeroGrad | undefined;
  const at = src.indexOf('@');
  if (at >= 0) {
    body = src.slice(0, at);
    const opt = src.slice(at + 1);
    if (opt === '0=0') zero = 0;
    else if (opt === '0=1') zero = 1;
    else fail(text, `option '@${opt}' not understood; the only option is '@0=0' or '@0=1' (R'(0))`);
  }
  const [family, ...args] = body.split(':');
  const nargs = (min: number, max: number, usage: string) => {
    if (args.length < min || args.length > max) {
      fail(text, `'${family}' takes ${usage}, got ${args.length} argument(s)`);
    }
  };
  const noZero = () => {
    if (zero !== undefined) {
      fail(text, `'${family}' has no ReLU part, so '@0=' does not apply to it`);
    }
  };
  let spec: ActivationSpec;
  switch (family) {
    case 'relu':
      nargs(0, 0, 'no arguments (use leaky-relu:a for a leaky slope)');
      spec = { kind: 'relu', slope: 0, reluGradAtZero: zero ?? defaultReluGradAtZero('relu') };
      break;
    case 'leaky-relu':
      nargs(0, 1, 'an optional slope a (leaky-relu:0.01)');
      spec = {
        kind: 'relu',
        slope: args.length ? num(text, args[0], 'slope a') : DEFAULT_LEAKY_SLOPE,
        reluGradAtZero: zero ?? defaultReluGradAtZero('relu'),
      };
      break;
    case 'gelu':
      nargs(0, 1, 'an optional scaling factor s (gelu:2)');
      noZero();
      spec = { kind: 'gelu', scale: args.length ? num(text, args[0], 'scaling factor s') : 1 };
      break;
    case 'silu':
      nargs(0, 0, 'no arguments');
      noZero();
      spec = { kind: 'silu' };
      break;
    case 'relu-gelu':
      nargs(1, 2, 'an interpolation factor i and an optional scaling factor s (relu-gelu:0.5:2)');
      spec = {
        kind: 'relu-gelu',
        mix: num(text, args[0], 'interpolation factor i'),
        scale: args.length > 1 ? num(text, args[1], 'scaling factor s') : 1,
        reluGradAtZero: zero ?? defaultReluGradAtZero('relu-gelu'),
      };
      break;
    case 'relu-silu':
      nargs(1, 1, 'an interpolation factor i (relu-silu:0.5)');
      spec = {
        kind: 'relu-silu',
        mix: num(text, args[0], 'interpolation factor i'),
        reluGradAtZero: zero ?? defaultReluGradAtZero('relu-silu'),
      };
      break;
    default:
      fail(text, `unknown activation '${family}'`);
  }
  return check(spec, text);
}

/**
 * The canonical spec string: lower case, defaults omitted (s = 1, the family's R'(0)), numbers
 * in shortest round-trip form, so parseActivation(activationName(spec)) equals spec.
 */
export function activationName(spec: ActivationSpec): string {
  const zero = (kind: 'relu' | 'relu-gelu' | 'relu-silu', z: ReluZeroGrad) =>
    z === defaultReluGradAtZero(kind) ? '' : `@0=${z}`;
  switch (spec.kind) {
    case 'relu':
      return (
        (spec.slope === 0 ? 'relu' : `leaky-relu:${spec.slope}`) + zero('relu', spec.reluGradAtZero)
      );
    case 'gelu':
      return spec.scale === 1 ? 'gelu' : `gelu:${spec.scale}`;
    case 'silu':
      return 'silu';
    case 'relu-gelu':
      return (
        `relu-gelu:${spec.mix}` +
        (spec.scale === 1 ? '' : `:${spec.scale}`) +
        zero('relu-gelu', spec.reluGradAtZero)
      );
    case 'relu-silu':
      return `relu-silu:${spec.mix}` + zero('relu-silu', spec.reluGradAtZero);
  }
}
