/**
 * The error function family in float64: erf, erfc, erfcx, erfinv, erfcinv.
 *
 * Why hand-written: GELU (method.md section 4) and every EP <-> sigma conversion need erf to
 * better than 1e-7, and JavaScript has no Math.erf. Accuracy here is about 1e-15 relative
 * (tested against 40-digit values), so nothing downstream has to reason about it.
 *
 * Method, derived from first principles rather than copied coefficient tables:
 * - |x| <= 1: the Maclaurin series of erf, summed as a fixed polynomial in x^2. It keeps full
 *   relative accuracy near zero, where GELU evaluates it most.
 * - x > 1: erfc(x) = exp(-x^2) h(x) / (x sqrt(pi)), where h(x) = x sqrt(pi) erfcx(x) is smooth,
 *   lies in (0.75, 1) and tends to 1. h is a Chebyshev series in t = (x - 3)/(x + 3), whose
 *   coefficients are computed once at module load from the Laplace continued fraction
 *   (evaluated backwards, which is numerically stable). 22 terms give ~1.5e-15 relative.
 * - erfinv/erfcinv: a closed-form first guess (Winitzki 2008, ~2e-3 relative) refined by Halley
 *   steps against erf, or against log(erfc) in the tails so that 1 - 1e-10 or even 1e-300 from
 *   the edge is resolved to full relative precision.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const TWO_OVER_SQRT_PI = 2 / SQRT_PI;

/** Maclaurin coefficients of erf(x)/x as a polynomial in x^2, enough for |x| <= 1 to 1e-19. */
const SERIES: Float64Array = (() => {
  const n = 21;
  const c = new Float64Array(n);
  let factorial = 1;
  for (let k = 0; k < n; k++) {
    if (k > 0) factorial *= k;
    c[k] = (TWO_OVER_SQRT_PI * (k % 2 === 0 ? 1 : -1)) / (factorial * (2 * k + 1));
  }
  return c;
})();

/** erf for |x| <= 1 by Horner's rule on the series. */
function erfSmall(x: number): number {
  const x2 = x * x;
  let s = SERIES[SERIES.length - 1];
  for (let k = SERIES.length - 2; k >= 0; k--) s = s * x2 + SERIES[k];
  return x * s;
}

/** Centre of the rational map x -> t = (x - K)/(x + K); K = 3 needed the fewest terms. */
const MAP_K = 3;
/** t at x = 1, the left end of the fitted range. */
const T_MIN = (1 - MAP_K) / (1 + MAP_K);
const CHEB_NODES = 64;
const CHEB_TERMS = 22;

/**
 * h(x) = x sqrt(pi) erfcx(x) from the continued fraction
 * erfcx(x) = (1/sqrt(pi)) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail.
 * Only used at module load, for x >= 1 (where 60 + 300/x^2 terms converge to rounding level).
 */
function hContinuedFraction(x: number): number {
  const terms = Math.ceil(60 + 300 / (x * x));
  let d = x;
  for (let n = terms; n >= 1; n--) d = x + n / 2 / d;
  return x / d;
}

/** Chebyshev coefficients of h on x in [1, inf), via the discrete cosine transform at nodes. */
const CHEB: Float64Array = (() => {
  const f = new Float64Array(CHEB_NODES);
  for (let k = 0; k < CHEB_NODES; k++) {
    const s = Math.cos((Math.PI * (k + 0.5)) / CHEB_NODES);
    const t = T_MIN + ((s + 1) / 2) * (1 - T_MIN);
    f[k] = hContinuedFraction((MAP_K * (1 + t)) / (1 - t));
  }
  const c = new Float64Array(CHEB_TERMS);
  for (let j = 0; j < CHEB_TERMS; j++) {
    let sum = 0;
    for (let k = 0; k < CHEB_NODES; k++)
      sum += f[k] * Math.cos((Math.PI * j * (k + 0.5)) / CHEB_NODES);
    c[j] = (2 * sum) / CHEB_NODES;
  }
  c[0] /= 2;
  return c;
})();

/** h(x) = x sqrt(pi) erfcx(x) for x >= 1 (Clenshaw summation); h(inf) = 1. */
function hLarge(x: number): number {
  if (x === Infinity) return 1;
  const t = (x - MAP_K) / (x + MAP_K);
  const s = (2 * (t - T_MIN)) / (1 - T_MIN) - 1;
  const s2 = 2 * s;
  let b1 = 0;
  let b2 = 0;
  for (let j = CHEB_TERMS - 1; j >= 1; j--) {
    const b = s2 * b1 - b2 + CHEB[j];
    b2 = b1;
    b1 = b;
  }
  return s * b1 - b2 + CHEB[0];
}

/** erfc for x > 1 with full relative accuracy (underflows to 0 beyond x ~ 27.3). */
function erfcLarge(x: number): number {
  if (x === Infinity) return 0;
  return (Math.exp(-x * x) * hLarge(x)) / (x * SQRT_PI);
}

/** The error function erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt. */
export function erf(x: number): number {
  if (x > 1) return 1 - erfcLarge(x);
  if (x < -1) return erfcLarge(-x) - 1;
  return erfSmall(x); // also propagates NaN
}

/** The complementary error function 1 - erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (x > 1) return erfcLarge(x);
  if (x < -1) return 2 - erfcLarge(-x);
  return 1 - erfSmall(x);
}

/** The scaled complementary error function exp(x^2) erfc(x); finite where erfc underflows. */
export function erfcx(x: number): number {
  if (x > 1) return hLarge(x) / (x * SQRT_PI);
  return Math.exp(x * x) * erfc(x);
}

/** ln(erfc(x)) for x >= 0 without underflow (used by the tail inversion). */
function logErfc(x: number): number {
  if (x > 1) return Math.log(hLarge(x) / (x * SQRT_PI)) - x * x;
  return Math.log(1 - erfSmall(x));
}

/** Winitzki's closed-form guess for erfinv, given L = ln(1 - y^2) (~2e-3 relative). */
function winitzki(L: number): number {
  const a = 0.147;
  const b = 2 / (Math.PI * a) + L / 2;
  return Math.sqrt(Math.sqrt(b * b - L / a) - b);
}

/** erfinv for y in (0, 0.5]: Halley's method on erf(x) - y, whose f'' = -2x f'. */
function erfinvCentral(y: number): number {
  let x =
    y < 1e-3 ? (SQRT_PI / 2) * y * (1 + (Math.PI * y * y) / 12) : winitzki(Math.log1p(-y * y));
  for (let it = 0; it < 8; it++) {
    const f = erfSmall(x) - y;
    const fp = TWO_OVER_SQRT_PI * Math.exp(-x * x);
    const dx = f / (fp + x * f);
    x -= dx;
    if (Math.abs(dx) <= 1e-16 * x) break;
  }
  return x;
}

/**
 * erfcinv for q in (0, 0.5]: Halley's method on g(x) = ln erfc(x) - ln q, which stays finite
 * down to the smallest subnormal q. g' = -(2/sqrt(pi)) / erfcx(x), g'' = -2x g' - g'^2.
 */
function erfcinvTail(q: number): number {
  const logQ = Math.log(q);
  let x = winitzki(logQ + Math.log(2 - q));
  for (let it = 0; it < 10; it++) {
    const g = logErfc(x) - logQ;
    const gp = -TWO_OVER_SQRT_PI / erfcx(x);
    const gpp = -2 * x * gp - gp * gp;
    const dx = (2 * g * gp) / (2 * gp * gp - g * gpp);
    x -= dx;
    if (Math.abs(dx) <= 1e-16 * x) break;
  }
  return x;
}

/**
 * The inverse error function: erf(erfinv(y)) = y for y in [-1, 1]; +-Infinity at +-1, NaN
 * outside. Near +-1 the answer is as accurate as y itself allows (1 - y is computed exactly).
 */
export function erfinv(y: number): number {
  const a = Math.abs(y);
  if (!(a <= 1)) return NaN;
  if (a === 0) return y; // keeps the sign of -0
  if (a === 1) return y * Infinity;
  const x = a > 0.5 ? erfcinvTail(1 - a) : erfinvCentral(a);
  return y < 0 ? -x : x;
}

/**
 * The inverse complementary error function: erfc(erfcinv(q)) = q for q in [0, 2]. Prefer it to
 * erfinv(1 - q) when q is tiny: 1 - q would round away the digits that matter.
 */
export function erfcinv(q: number): number {
  if (!(q >= 0 && q <= 2)) return NaN;
  if (q === 0) return Infinity;
  if (q === 2) return -Infinity;
  if (q < 0.5) return erfcinvTail(q);
  if (q > 1.5) return -erfcinvTail(2 - q);
  return erfinv(1 - q);
}
