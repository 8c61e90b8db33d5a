/*
 * Pointwise and pooling layer kernels (activations, max pooling, dropout) for src/nn.
 *
 * The JavaScript loops stay the reference and the fallback. Every double operation below mirrors
 * the JavaScript expression in the same order (the build disables FMA contraction and fast-math),
 * and every output index is computed independently, so par_for's split never changes a bit.
 * Where the JavaScript calls Math.exp or Math.cos (GELU, SiLU, erf's tables), libm may differ
 * from V8 in the last bit of a double; after rounding to float32 that is rarely visible.
 */
#include "common.h"
#include "counter-hash.h"
#include "parallel.h"

#include <math.h>
#include <string.h>

/* Elements per par_for range: below this a thread hop costs more than the loop. */
#define ELEMENT_GRAIN 32768

static const double PI = 3.14159265358979323846;

/* The hot loops in AVX2 where the CPU has it (as native/analoop.c's noise chain). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define PW_MULTIVERSION __attribute__((target_clones("avx2", "default")))
#else
#define PW_MULTIVERSION
#endif

/* ---------------------------------------------------------------------------------------- */
/* erf, mirrored from src/noise/erf.ts (series for |x| <= 1, Chebyshev series of h beyond).  */

#define SERIES_N 21
#define MAP_K 3.0
#define CHEB_NODES 64
#define CHEB_TERMS 22

static double SQRT_PI, TWO_OVER_SQRT_PI, T_MIN, SQRT1_2, INV_SQRT_2PI;
static double SERIES[SERIES_N];
static double CHEB[CHEB_TERMS];

static double h_continued_fraction(double x) {
  const double terms = ceil(60 + 300 / (x * x));
  double d = x;
  for (double n = terms; n >= 1; n--) d = x + n / 2 / d;
  return x / d;
}

static void erf_tables(void) {
  SQRT_PI = sqrt(PI);
  TWO_OVER_SQRT_PI = 2 / SQRT_PI;
  T_MIN = (1 - MAP_K) / (1 + MAP_K);
  SQRT1_2 = sqrt(0.5); /* Math.SQRT1_2: both are the correctly rounded 1/sqrt(2) */
  INV_SQRT_2PI = 1 / sqrt(2 * PI);
  double factorial = 1;
  for (int k = 0; k < SERIES_N; k++) {
    if (k > 0) factorial *= k;
    SERIES[k] = (TWO_OVER_SQRT_PI * (k % 2 == 0 ? 1 : -1)) / (factorial * (2 * k + 1));
  }
  double f[CHEB_NODES];
  for (int k = 0; k < CHEB_NODES; k++) {
    const double s = cos((PI * (k + 0.5)) / CHEB_NODES);
    const double t = T_MIN + ((s + 1) / 2) * (1 - T_MIN);
    f[k] = h_continued_fraction((MAP_K * (1 + t)) / (1 - t));
  }
  for (int j = 0; j < CHEB_TERMS; j++) {
    double sum = 0;
    for (int k = 0; k < CHEB_NODES; k++) sum += f[k] * cos((PI * j * (k + 0.5)) / CHEB_NODES);
    CHEB[j] = (2 * sum) / CHEB_NODES;
  }
  CHEB[0] /= 2;
}

static inline double erf_small(double x) {
  const double x2 = x * x;
  double s = SERIES[SERIES_N - 1];
  for (int k = SERIES_N - 2; k >= 0; k--) s = s * x2 + SERIES[k];
  return x * s;
}

static inline double h_large(double x) {
  if (x == INFINITY) return 1;
  const double t = (x - MAP_K) / (x + MAP_K);
  const double s = (2 * (t - T_MIN)) / (1 - T_MIN) - 1;
  const double s2 = 2 * s;
  double b1 = 0, b2 = 0;
  for (int j = CHEB_TERMS - 1; j >= 1; j--) {
    const double b = s2 * b1 - b2 + CHEB[j];
    b2 = b1;
    b1 = b;
  }
  return s * b1 - b2 + CHEB[0];
}

static inline double erfc_large(double x) {
  if (x == INFINITY) return 0;
  return (exp(-x * x) * h_large(x)) / (x * SQRT_PI);
}

static inline double erf_js(double x) {
  if (x > 1) return 1 - erfc_large(x);
  if (x < -1) return erfc_large(-x) - 1;
  return erf_small(x);
}

/* ---------------------------------------------------------------------------------------- */
/* Scalar activations of src/nn/activations.ts, used here only for non-finite inputs.        */

enum { ACT_RELU = 0, ACT_GELU = 1, ACT_RELU_GELU = 2, ACT_SILU = 3, ACT_RELU_SILU = 4 };

struct act {
  int kind;
  double slope, zero_grad, mix, scale;
  const float* x;
  float *y, *d;
};

static double relu_s(double x, double slope) {
  if (x > 0) return x;
  return slope == 0 ? (x == x ? 0 : x) : slope * x;
}

static double relu_d(double x, double slope, double at_zero) {
  if (x > 0) return 1;
  if (x < 0) return slope;
  if (x == 0) return at_zero == 1 ? 1 : slope;
  return NAN;
}

static double gelu_s(double x, double scale) {
  if (x == -INFINITY) return 0;
  return 0.5 * x * (1 + erf_js(scale * x * SQRT1_2));
}

static double gelu_d(double x, double scale) {
  if (x == INFINITY) return 1;
  if (x == -INFINITY) return 0;
  const double sx = scale * x;
  return 0.5 * (1 + erf_js(sx * SQRT1_2)) + sx * exp(-0.5 * sx * sx) * INV_SQRT_2PI;
}

static double sigmoid_s(double x) {
  if (x >= 0) return 1 / (1 + exp(-x));
  const double e = exp(x);
  return e / (1 + e);
}

static double silu_s(double x) {
  if (x == -INFINITY) return 0;
  return x * sigmoid_s(x);
}

static double silu_d(double x) {
  if (x == INFINITY) return 1;
  if (x == -INFINITY) return 0;
  double s, one_minus_s;
  if (x >= 0) {
    const double e = exp(-x);
    s = 1 / (1 + e);
    one_minus_s = e * s;
  } else {
    const double e = exp(x);
    one_minus_s = 1 / (1 + e);
    s = e * one_minus_s;
  }
  return s * (1 + x * one_minus_s);
}

static double activate_s(const struct act* a, double x) {
  switch (a->kind) {
    case ACT_RELU: return relu_s(x, a->slope);
    case ACT_GELU: return gelu_s(x, a->scale);
    case ACT_SILU: return silu_s(x);
    case ACT_RELU_GELU: return (1 - a->mix) * relu_s(x, 0) + a->mix * gelu_s(x, a->scale);
    default: return (1 - a->mix) * relu_s(x, 0) + a->mix * silu_s(x);
  }
}

static double activate_d(const struct act* a, double x) {
  switch (a->kind) {
    case ACT_RELU: return relu_d(x, a->slope, a->zero_grad);
    case ACT_GELU: return gelu_d(x, a->scale);
    case ACT_SILU: return silu_d(x);
    case ACT_RELU_GELU:
      return (1 - a->mix) * relu_d(x, 0, a->zero_grad) + a->mix * gelu_d(x, a->scale);
    default: return (1 - a->mix) * relu_d(x, 0, a->zero_grad) + a->mix * silu_d(x);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* forwardAndDerivative's loops (activations.ts), one range of elements each.               */

PW_MULTIVERSION
static void relu_range(void* ctx, size_t lo, size_t hi) {
  const struct act* a = ctx;
  const float* x = a->x;
  float *y = a->y, *d = a->d;
  const float slope = (float)a->slope;
  const float d0 = (float)(a->zero_grad == 1 ? 1 : a->slope);
  if (a->slope == 0) {
    /* Selects rather than branches, so the compiler can vectorise; same values as the JS. */
    for (size_t k = lo; k < hi; k++) {
      const float v = x[k];
      y[k] = v > 0 ? v : (v == v ? 0.0f : NAN);
      d[k] = v > 0 ? 1.0f : (v < 0 ? 0.0f : (v == 0 ? d0 : NAN));
    }
    return;
  }
  for (size_t k = lo; k < hi; k++) {
    const float v = x[k];
    y[k] = v > 0 ? v : (v < 0 ? (float)(a->slope * v) : (v == 0 ? 0.0f : NAN));
    d[k] = v > 0 ? 1.0f : (v < 0 ? slope : (v == 0 ? d0 : NAN));
  }
}

static void gelu_range(void* ctx, size_t lo, size_t hi) {
  const struct act* a = ctx;
  const double i = a->kind == ACT_GELU ? 1 : a->mix;
  const double r = 1 - i;
  const double r0 = a->kind == ACT_GELU ? 0 : r * a->zero_grad;
  const double sc = a->scale;
  for (size_t k = lo; k < hi; k++) {
    const double v = a->x[k];
    if (!isfinite(v)) {
      a->y[k] = (float)activate_s(a, v);
      a->d[k] = (float)activate_d(a, v);
      continue;
    }
    const double sx = sc * v;
    const double phi = 0.5 * (1 + erf_js(sx * SQRT1_2));
    const double gd = phi + sx * exp(-0.5 * sx * sx) * INV_SQRT_2PI;
    if (v > 0) {
      a->y[k] = (float)(r * v + i * v * phi);
      a->d[k] = (float)(r + i * gd);
    } else {
      a->y[k] = (float)(i * v * phi);
      a->d[k] = (float)((v == 0 ? r0 : 0) + i * gd);
    }
  }
}

static void silu_range(void* ctx, size_t lo, size_t hi) {
  const struct act* a = ctx;
  const double i = a->kind == ACT_SILU ? 1 : a->mix;
  const double r = 1 - i;
  const double r0 = a->kind == ACT_SILU ? 0 : r * a->zero_grad;
  for (size_t k = lo; k < hi; k++) {
    const double v = a->x[k];
    if (!isfinite(v)) {
      a->y[k] = (float)activate_s(a, v);
      a->d[k] = (float)activate_d(a, v);
      continue;
    }
    double s, one_minus_s;
    if (v >= 0) {
      const double e = exp(-v);
      s = 1 / (1 + e);
      one_minus_s = e * s;
    } else {
      const double e = exp(v);
      one_minus_s = 1 / (1 + e);
      s = e * one_minus_s;
    }
    const double sd = s * (1 + v * one_minus_s);
    if (v > 0) {
      a->y[k] = (float)(r * v + i * v * s);
      a->d[k] = (float)(r + i * sd);
    } else {
      a->y[k] = (float)(i * v * s);
      a->d[k] = (float)((v == 0 ? r0 : 0) + i * sd);
    }
  }
}

/*
 * activationForward(kind, params, x, y, dydx): y = f(x), dydx = f'(x) elementwise, as
 * forwardAndDerivative; kind 0 relu/leaky, 1 gelu, 2 relu-gelu, 3 silu, 4 relu-silu;
 * params = Float64Array [slope, reluGradAtZero, mix, scale].
 */
static napi_value js_activation_forward(napi_env env, napi_callback_info cb) {
  size_t argc = 5, lp, lx, ly, ld;
  napi_value argv[5];
  int32_t kind;
  double* p;
  struct act a;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 5 || !i32_arg(env, argv[0], &kind) || kind < 0 || kind > 4 ||
      !typed_arg(env, argv[1], napi_float64_array, (void**)&p, &lp) || lp < 4 ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&a.x, &lx) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&a.y, &ly) ||
      !typed_arg(env, argv[4], napi_float32_array, (void**)&a.d, &ld))
    return throw_range(env, "activationForward: bad arguments");
  if (ly != lx || ld != lx) return throw_range(env, "activationForward: lengths differ");
  a.kind = kind;
  a.slope = p[0];
  a.zero_grad = p[1];
  a.mix = p[2];
  a.scale = p[3];
  par_range_fn fn = kind == ACT_RELU                            ? relu_range
                    : kind == ACT_GELU || kind == ACT_RELU_GELU ? gelu_range
                                                                : silu_range;
  /* The transcendental kinds cost ~50x more per element: split them finer. */
  par_for(lx, kind == ACT_RELU ? ELEMENT_GRAIN : ELEMENT_GRAIN / 16, fn, &a);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* out = a * b elementwise (activation and dropout backward: dx = dy * f', dy * mask).        */

struct mul {
  const float *a, *b;
  float* out;
};

PW_MULTIVERSION
static void mul_range(void* ctx, size_t lo, size_t hi) {
  const struct mul* m = ctx;
  /* float * float rounds once, as JavaScript's double product of two floats stored to float32. */
  for (size_t k = lo; k < hi; k++) m->out[k] = m->a[k] * m->b[k];
}

static napi_value js_multiply_into(napi_env env, napi_callback_info cb) {
  size_t argc = 3, la, lb, lo;
  napi_value argv[3];
  struct mul m;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 3 || !typed_arg(env, argv[0], napi_float32_array, (void**)&m.a, &la) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&m.b, &lb) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&m.out, &lo))
    return throw_range(env, "multiplyInto: bad arguments");
  if (lb != la || lo != la) return throw_range(env, "multiplyInto: lengths differ");
  par_for(la, ELEMENT_GRAIN, mul_range, &m);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Max pooling (src/nn/layers/maxpool2d.ts): one NCHW plane per index.                       */

struct pool {
  int H, W, oH, oW, kh, kw, sh, sw, ph, pw;
  const float* x;
  float* y;
  int32_t* arg;
  const float* dy;
  float* dx;
};

/* Kernel 2, stride 2, no padding (every window full): the generic loop's comparisons in its
 * order, written as selects so that no data-dependent branch mispredicts. */
PW_MULTIVERSION
static void maxpool2_forward_range(void* ctx, size_t p0, size_t p1) {
  const struct pool* g = ctx;
  const int W = g->W, oH = g->oH, oW = g->oW;
  const float* x = g->x;
  for (size_t plane = p0; plane < p1; plane++) {
    const int32_t base = (int32_t)(plane * (size_t)g->H * W);
    float* y = g->y + plane * (size_t)oH * oW;
    int32_t* arg = g->arg + plane * (size_t)oH * oW;
    for (int oy = 0; oy < oH; oy++) {
      const int32_t row = base + 2 * oy * W;
      for (int ox = 0; ox < oW; ox++) {
        const int32_t i0 = row + 2 * ox;
        float best = x[i0];
        int32_t at = i0;
        const float b = x[i0 + 1], c = x[i0 + W], d = x[i0 + W + 1];
        at = b > best ? i0 + 1 : at;
        best = b > best ? b : best;
        at = c > best ? i0 + W : at;
        best = c > best ? c : best;
        at = d > best ? i0 + W + 1 : at;
        best = d > best ? d : best;
        y[oy * oW + ox] = best;
        arg[oy * oW + ox] = at;
      }
    }
  }
}

static void maxpool_forward_range(void* ctx, size_t p0, size_t p1) {
  const struct pool* g = ctx;
  const int H = g->H, W = g->W;
  for (size_t plane = p0; plane < p1; plane++) {
    const int32_t base = (int32_t)(plane * (size_t)H * W);
    size_t o = plane * (size_t)g->oH * g->oW;
    for (int oy = 0; oy < g->oH; oy++) {
      const int y0 = oy * g->sh - g->ph;
      const int i0 = y0 > 0 ? y0 : 0, i1 = y0 + g->kh < H ? y0 + g->kh : H;
      for (int ox = 0; ox < g->oW; ox++, o++) {
        const int x0 = ox * g->sw - g->pw;
        const int j0 = x0 > 0 ? x0 : 0, j1 = x0 + g->kw < W ? x0 + g->kw : W;
        float best = -INFINITY;
        int32_t at = -1;
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            const int32_t idx = base + i * W + j;
            const float v = g->x[idx];
            /* The JS tie rule: the first maximum wins; `at < 0` takes the first element when
             * every value is -Infinity or NaN. */
            if (v > best || at < 0) {
              best = v;
              at = idx;
            }
          }
        }
        g->y[o] = best;
        g->arg[o] = at;
      }
    }
  }
}

static void maxpool_backward_range(void* ctx, size_t p0, size_t p1) {
  const struct pool* g = ctx;
  const size_t plane_in = (size_t)g->H * g->W, plane_out = (size_t)g->oH * g->oW;
  /* Each plane's winners lie in that plane, so the ranges write disjoint parts of dx, and the
   * sums at an overlap (stride < kernel) run in the JS order. An index outside its plane cannot
   * come from forward; it is skipped rather than written across another thread's range. Each
   * plane is cleared right before its sums, while it is in L1 (clearing the whole range first
   * sent it to memory and back). */
  for (size_t plane = p0; plane < p1; plane++) {
    memset(g->dx + plane * plane_in, 0, plane_in * sizeof(float));
    const int64_t lo = (int64_t)(plane * plane_in), hi = lo + (int64_t)plane_in;
    for (size_t o = plane * plane_out; o < (plane + 1) * plane_out; o++) {
      const int64_t at = g->arg[o];
      if (at >= lo && at < hi) g->dx[at] += g->dy[o];
    }
  }
}

/* geo = Int32Array [planes, H, W, oH, oW, kh, kw, sh, sw, ph, pw]; returns planes or -1. */
static int pool_geo(napi_env env, napi_value v, struct pool* g, size_t* planes) {
  int32_t* p;
  size_t n;
  if (!typed_arg(env, v, napi_int32_array, (void**)&p, &n) || n < 11) return 0;
  for (size_t k = 0; k < 11; k++)
    if (p[k] < 0) return 0;
  *planes = (size_t)p[0];
  g->H = p[1], g->W = p[2], g->oH = p[3], g->oW = p[4], g->kh = p[5], g->kw = p[6];
  g->sh = p[7], g->sw = p[8], g->ph = p[9], g->pw = p[10];
  /* argmax indices are int32, as in the JS path. */
  return (double)*planes * g->H * g->W <= 2147483647.0;
}

static size_t plane_grain(const struct pool* g) {
  const size_t per = (size_t)g->H * g->W;
  return per >= ELEMENT_GRAIN ? 1 : ELEMENT_GRAIN / (per ? per : 1);
}

/* maxpoolForward(geo, x, y, argmax). */
static napi_value js_maxpool_forward(napi_env env, napi_callback_info cb) {
  size_t argc = 4, lx, ly, la, planes;
  napi_value argv[4];
  struct pool g;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !pool_geo(env, argv[0], &g, &planes) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&g.x, &lx) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&g.y, &ly) ||
      !typed_arg(env, argv[3], napi_int32_array, (void**)&g.arg, &la))
    return throw_range(env, "maxpoolForward: bad arguments");
  if (lx != planes * g.H * g.W || ly != planes * g.oH * g.oW || la != ly)
    return throw_range(env, "maxpoolForward: arrays do not match the geometry");
  const bool two = g.kh == 2 && g.kw == 2 && g.sh == 2 && g.sw == 2 && g.ph == 0 && g.pw == 0 &&
                   2 * g.oH <= g.H && 2 * g.oW <= g.W;
  par_for(planes, plane_grain(&g), two ? maxpool2_forward_range : maxpool_forward_range, &g);
  return NULL;
}

/* maxpoolBackward(geo, dy, argmax, dx): dx is overwritten (zeroed, then the routed sums). */
static napi_value js_maxpool_backward(napi_env env, napi_callback_info cb) {
  size_t argc = 4, ldy, la, ldx, planes;
  napi_value argv[4];
  struct pool g;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !pool_geo(env, argv[0], &g, &planes) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&g.dy, &ldy) ||
      !typed_arg(env, argv[2], napi_int32_array, (void**)&g.arg, &la) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&g.dx, &ldx))
    return throw_range(env, "maxpoolBackward: bad arguments");
  if (ldx != planes * g.H * g.W || ldy != planes * g.oH * g.oW || la != ldy)
    return throw_range(env, "maxpoolBackward: arrays do not match the geometry");
  par_for(planes, plane_grain(&g), maxpool_backward_range, &g);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Dropout (src/nn/layers/dropout.ts): the mask from the counter-based uniforms of           */
/* src/noise/rng.ts fillUniform, then y = x * mask, in one pass.                             */

struct drop {
  const float* x;
  float *y, *mask;
  uint32_t lo, s0, s1;
  /* Elements whose 32 random bits are below `cut` are dropped (see drop_cut). */
  uint64_t cut;
  float keep;
};

/* fillUniform's float32 uniform for bits h, as rng.ts computes it. */
static float uniform_f32(uint32_t h) {
  const double below_one = 1 - 1.0 / 16777216; /* rng.ts F32_BELOW_ONE */
  const double u = ((double)h + 0.5) * (1.0 / 4294967296.0);
  return u > below_one ? (float)below_one : (float)u;
}

/*
 * The number of bit patterns h with uniform_f32(h) < p. uniform_f32 is non-decreasing in h
 * (a strictly increasing u, a cap, a rounding), so `uniform_f32(h) < p` holds exactly for
 * h < cut: one integer compare per element gives the JS mask bit for bit.
 */
static uint64_t drop_cut(double p) {
  uint64_t lo = 0, hi = 4294967296u; /* answer in [lo, hi] */
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if ((double)uniform_f32((uint32_t)mid) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

PW_MULTIVERSION
static void dropout_range(void* ctx, size_t k0, size_t k1) {
  const struct drop* c = ctx;
  const uint32_t lo = c->lo, s0 = c->s0, s1 = c->s1;
  const float keep = c->keep;
  const float* x = c->x;
  float *y = c->y, *mask = c->mask;
  if (c->cut > 0xffffffffu) { /* every element dropped */
    for (size_t k = k0; k < k1; k++) {
      mask[k] = 0.0f;
      y[k] = x[k] * 0.0f;
    }
    return;
  }
  const uint32_t cut = (uint32_t)c->cut;
  for (size_t k = k0; k < k1; k++) {
    const uint32_t h = mix_b(mix_a((lo + (uint32_t)k) ^ s0) + s1);
    const float m = h < cut ? 0.0f : keep;
    mask[k] = m;
    y[k] = x[k] * m;
  }
}

/*
 * dropoutForward(x, y, mask, offset, count, lo, s0, s1, p, keep): elements offset ..
 * offset + count - 1, one counter run (low words lo, lo + 1, ... of stream s0, s1).
 */
static napi_value js_dropout_forward(napi_env env, napi_callback_info cb) {
  size_t argc = 10, lx, ly, lm;
  napi_value argv[10];
  double offset, count, lo, s0, s1, p, keep;
  struct drop c;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 10 || !typed_arg(env, argv[0], napi_float32_array, (void**)&c.x, &lx) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&c.y, &ly) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&c.mask, &lm) ||
      !f64_arg(env, argv[3], &offset) || !f64_arg(env, argv[4], &count) ||
      !f64_arg(env, argv[5], &lo) || !f64_arg(env, argv[6], &s0) || !f64_arg(env, argv[7], &s1) ||
      !f64_arg(env, argv[8], &p) || !f64_arg(env, argv[9], &keep))
    return throw_range(env, "dropoutForward: bad arguments");
  if (!(offset >= 0 && count >= 0 && offset + count <= (double)lx && ly == lx && lm == lx &&
        count <= 4294967296.0))
    return throw_range(env, "dropoutForward: range outside the arrays");
  const size_t off = (size_t)offset;
  c.x += off;
  c.y += off;
  c.mask += off;
  /* lo, s0, s1 arrive as int32 values; the uint32 bit patterns are what matter. */
  c.lo = (uint32_t)(int32_t)lo;
  c.s0 = (uint32_t)(int32_t)s0;
  c.s1 = (uint32_t)(int32_t)s1;
  c.keep = (float)keep;
  c.cut = drop_cut(p);
  par_for((size_t)count, ELEMENT_GRAIN, dropout_range, &c);
  return NULL;
}

int analoop_register_pointwise(napi_env env, napi_value exports) {
  erf_tables();
  const napi_property_descriptor props[] = {
      {"activationForward", NULL, js_activation_forward, NULL, NULL, NULL, napi_default, NULL},
      {"multiplyInto", NULL, js_multiply_into, NULL, NULL, NULL, napi_default, NULL},
      {"maxpoolForward", NULL, js_maxpool_forward, NULL, NULL, NULL, napi_default, NULL},
      {"maxpoolBackward", NULL, js_maxpool_backward, NULL, NULL, NULL, napi_default, NULL},
      {"dropoutForward", NULL, js_dropout_forward, NULL, NULL, NULL, napi_default, NULL},
  };
  return define_functions(env, exports, props, sizeof props / sizeof props[0]);
}
