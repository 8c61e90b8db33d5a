/*
 * Optimizer steps (src/train/optimizers.ts) over a parameter's float32 arrays. Each loop is the
 * JavaScript loop written again: the same float64 expressions in the same order, float32 stores
 * where JS stores into a Float32Array or calls Math.fround, so the results are bit-identical
 * (with -ffp-contract=off; sqrt is correctly rounded in both). Scalars that JS computes once per
 * param (bias corrections with Math.pow, 1 - lr wd) come in as arguments, computed by JS.
 * Elementwise, so par_for gives the same bits for every thread count.
 */
#include <math.h>

#include "common.h"
#include "parallel.h"

/* Large params only are split: below this, waking the pool costs more than the loop. */
#define OPTIM_GRAIN 16384

/* The SGD loops vectorise by themselves; an AVX2 clone where the CPU has it. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define OPTIM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define OPTIM_CLONES
#endif

/* ---------------------------------------------------------------------------------------- */
/* Adam and AdamW (Adam.step): shrink = 1 - lr wd for AdamW (else 1), l2 = wd for Adam (else 0). */

struct adam_job {
  float *w, *m, *v;
  const float* grad;
  double b1, b2, eps, shrink, l2, step_size, bc2_sqrt;
};

/* The reference loop over [lo, hi): also the tail of the vector loop. */
static void adam_scalar(const struct adam_job* a, size_t lo, size_t hi) {
  float* w = a->w;
  float* m = a->m;
  float* v = a->v;
  const float* grad = a->grad;
  const double b1 = a->b1, b2 = a->b2, c1 = 1 - a->b1, c2 = 1 - a->b2;
  const double eps = a->eps, shrink = a->shrink, l2 = a->l2;
  const double step_size = a->step_size, bc2_sqrt = a->bc2_sqrt;
  for (size_t j = lo; j < hi; j++) {
    const float wj = (float)((double)w[j] * shrink);
    const double g = (double)grad[j] + l2 * (double)wj;
    const float mj = (float)(b1 * (double)m[j] + c1 * g);
    const float vj = (float)(b2 * (double)v[j] + c2 * g * g);
    m[j] = mj;
    v[j] = vj;
    w[j] = (float)((double)wj - (step_size * (double)mj) / (sqrt((double)vj) / bc2_sqrt + eps));
  }
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_ADAM_AVX 1
/*
 * adam_scalar four elements at a time, written out because GCC does not vectorise a loop with
 * sqrt unless -fno-math-errno (it guards each sqrt with a branch to the library call). The
 * same operations on the same operands in the same order, each rounded the same (IEEE double,
 * float conversions at nearest): the same bits. 3.5x the scalar loop on this project's machine.
 * Returns where the scalar tail starts.
 */
__attribute__((target("avx"))) static size_t adam_avx(const struct adam_job* a, size_t lo,
                                                      size_t hi) {
  const __m256d b1 = _mm256_set1_pd(a->b1), b2 = _mm256_set1_pd(a->b2);
  const __m256d c1 = _mm256_set1_pd(1 - a->b1), c2 = _mm256_set1_pd(1 - a->b2);
  const __m256d eps = _mm256_set1_pd(a->eps), shrink = _mm256_set1_pd(a->shrink);
  const __m256d l2 = _mm256_set1_pd(a->l2), step_size = _mm256_set1_pd(a->step_size);
  const __m256d bc2_sqrt = _mm256_set1_pd(a->bc2_sqrt);
  size_t j = lo;
  for (; j + 4 <= hi; j += 4) {
    const __m256d w0 = _mm256_cvtps_pd(_mm_loadu_ps(a->w + j));
    const __m256d wj = _mm256_cvtps_pd(_mm256_cvtpd_ps(_mm256_mul_pd(w0, shrink)));
    const __m256d g = _mm256_add_pd(_mm256_cvtps_pd(_mm_loadu_ps(a->grad + j)),
                                    _mm256_mul_pd(l2, wj));
    const __m256d m0 = _mm256_cvtps_pd(_mm_loadu_ps(a->m + j));
    const __m128 mj = _mm256_cvtpd_ps(_mm256_add_pd(_mm256_mul_pd(b1, m0), _mm256_mul_pd(c1, g)));
    const __m256d v0 = _mm256_cvtps_pd(_mm_loadu_ps(a->v + j));
    const __m128 vj = _mm256_cvtpd_ps(
        _mm256_add_pd(_mm256_mul_pd(b2, v0), _mm256_mul_pd(_mm256_mul_pd(c2, g), g)));
    _mm_storeu_ps(a->m + j, mj);
    _mm_storeu_ps(a->v + j, vj);
    const __m256d den =
        _mm256_add_pd(_mm256_div_pd(_mm256_sqrt_pd(_mm256_cvtps_pd(vj)), bc2_sqrt), eps);
    const __m256d upd = _mm256_div_pd(_mm256_mul_pd(step_size, _mm256_cvtps_pd(mj)), den);
    _mm_storeu_ps(a->w + j, _mm256_cvtpd_ps(_mm256_sub_pd(wj, upd)));
  }
  return j;
}
#endif

/* Set once at registration (before any worker thread reads it). */
static bool have_avx = false;

static void adam_range(void* ctx, size_t lo, size_t hi) {
  const struct adam_job* a = ctx;
#ifdef HAVE_ADAM_AVX
  if (have_avx) lo = adam_avx(a, lo, hi);
#endif
  adam_scalar(a, lo, hi);
}

/* adamStep(w, grad, m, v, b1, b2, eps, shrink, l2, stepSize, bc2Sqrt): updates w, m, v. */
static napi_value js_adam_step(napi_env env, napi_callback_info cb) {
  size_t argc = 11, lw, lg, lm, lv;
  napi_value argv[11];
  struct adam_job a;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 11 || !typed_arg(env, argv[0], napi_float32_array, (void**)&a.w, &lw) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&a.grad, &lg) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&a.m, &lm) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&a.v, &lv) ||
      !f64_arg(env, argv[4], &a.b1) || !f64_arg(env, argv[5], &a.b2) ||
      !f64_arg(env, argv[6], &a.eps) || !f64_arg(env, argv[7], &a.shrink) ||
      !f64_arg(env, argv[8], &a.l2) || !f64_arg(env, argv[9], &a.step_size) ||
      !f64_arg(env, argv[10], &a.bc2_sqrt))
    return throw_range(env, "adamStep: bad arguments");
  if (lg != lw || lm != lw || lv != lw)
    return throw_range(env, "adamStep: w, grad, m and v differ in length");
  par_for(lw, OPTIM_GRAIN, adam_range, &a);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* SGD (SGD.step): plain when there is no momentum buffer, else momentum (optionally nesterov). */

struct sgd_job {
  float *w, *buf;
  const float* grad;
  double lr, wd, mu, keep;
  bool fresh, nesterov;
};

OPTIM_CLONES static void sgd_plain_range(void* ctx, size_t lo, size_t hi) {
  const struct sgd_job* s = ctx;
  float* w = s->w;
  const float* grad = s->grad;
  const double lr = s->lr, wd = s->wd;
  for (size_t j = lo; j < hi; j++)
    w[j] = (float)((double)w[j] - lr * ((double)grad[j] + wd * (double)w[j]));
}

OPTIM_CLONES static void sgd_momentum_range(void* ctx, size_t lo, size_t hi) {
  const struct sgd_job* s = ctx;
  float* w = s->w;
  float* buf = s->buf;
  const float* grad = s->grad;
  const double lr = s->lr, wd = s->wd, mu = s->mu, keep = s->keep;
  const bool fresh = s->fresh, nesterov = s->nesterov;
  for (size_t j = lo; j < hi; j++) {
    const double g = (double)grad[j] + wd * (double)w[j];
    const float b = (float)(fresh ? g : mu * (double)buf[j] + keep * g);
    buf[j] = b;
    const double upd = nesterov ? g + mu * (double)b : (double)b;
    w[j] = (float)((double)w[j] - lr * upd);
  }
}

/*
 * sgdStep(w, grad, buf, lr, wd, mu, keep, fresh, nesterov): buf null for plain SGD (mu, keep,
 * fresh and nesterov unused); keep = 1 - dampening; fresh: the buffer's first step (buf = g).
 */
static napi_value js_sgd_step(napi_env env, napi_callback_info cb) {
  size_t argc = 9, lw, lg, lb = 0;
  napi_value argv[9];
  napi_valuetype buf_type;
  struct sgd_job s = {0};
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 9) return throw_range(env, "sgdStep: bad arguments");
  CHECK(napi_typeof(env, argv[2], &buf_type));
  if (!typed_arg(env, argv[0], napi_float32_array, (void**)&s.w, &lw) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&s.grad, &lg) ||
      (buf_type != napi_null &&
       !typed_arg(env, argv[2], napi_float32_array, (void**)&s.buf, &lb)) ||
      !f64_arg(env, argv[3], &s.lr) || !f64_arg(env, argv[4], &s.wd) ||
      !f64_arg(env, argv[5], &s.mu) || !f64_arg(env, argv[6], &s.keep) ||
      !bool_arg(env, argv[7], &s.fresh) || !bool_arg(env, argv[8], &s.nesterov))
    return throw_range(env, "sgdStep: bad arguments");
  const bool momentum = buf_type != napi_null;
  if (lg != lw || (momentum && lb != lw))
    return throw_range(env, "sgdStep: w, grad and buf differ in length");
  par_for(lw, OPTIM_GRAIN, momentum ? sgd_momentum_range : sgd_plain_range, &s);
  return NULL;
}

int analoop_register_optim(napi_env env, napi_value exports) {
#ifdef HAVE_ADAM_AVX
  have_avx = __builtin_cpu_supports("avx");
#endif
  const napi_property_descriptor props[] = {
      {"adamStep", NULL, js_adam_step, NULL, NULL, NULL, napi_default, NULL},
      {"sgdStep", NULL, js_sgd_step, NULL, NULL, NULL, napi_default, NULL},
  };
  return define_functions(env, exports, props, sizeof props / sizeof props[0]);
}
