/*
 * The simulator's per-source input conversion (simulator/sim-device.ts): gather the copies of
 * each source into one slot, checking that they agree, and scatter the converted slots back;
 * and program()'s copy-and-check of the weights. Copies only, so the results are exact.
 */
#include "common.h"
#include "parallel.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------- */
/* Per-source input conversion (simulator/sim-device.ts): gather the copies of each source into */
/* one slot, checking that they agree, and scatter the converted slots back. Copies only.       */

static inline uint32_t float_bits(float v) {
  uint32_t u;
  memcpy(&u, &v, sizeof u);
  return u;
}

/*
 * One pass of the gather over elements [i0, i1): the first copy of a slot writes it (a slot
 * holding NaN counts as unwritten), later ones are compared. Returns -1, -2 for a source outside
 * buf, or the first i whose value differs from its slot's; *lo and *hi get the lowest and
 * highest slot touched.
 */
static double gather_pass(const float* X, const int32_t* src, size_t i0, size_t i1, int64_t min,
                          size_t lb, float* buf, int64_t* lo, int64_t* hi) {
  int64_t a = INT64_MAX, b = -1;
  double bad = -1;
  for (size_t i = i0; i < i1; i++) {
    const int32_t s = src[i];
    if (s < 0) continue;
    const int64_t j = (int64_t)s - min;
    if (j < 0 || (size_t)j >= lb) {
      bad = -2;
      break;
    }
    a = j < a ? j : a;
    b = j > b ? j : b;
    const float prev = buf[j], v = X[i];
    if (prev != prev) buf[j] = v;
    else if (prev != v) {
      bad = (double)i;
      break;
    }
  }
  *lo = a;
  *hi = b;
  return bad;
}

#define GATHER_GRAIN 65536
#define GATHER_PARTS 64

/*
 * The gather over the intra-op threads: each range gathers on its own (ranges of one call
 * touch mostly different sources: a convolution's rows come image by image), then the slots
 * that two ranges may both have touched (the overlap of their slot intervals) are checked bit
 * for bit against every copy. Any disagreement, or an overlap that does not check, and the
 * serial gather runs again from scratch, so results and errors are always the serial ones.
 */
struct gather_job {
  const float* X;
  const int32_t* src;
  float* buf;
  int64_t min;
  size_t lb;
  int parts;
  struct {
    double bad;
    int64_t lo, hi;
  } part[GATHER_PARTS];
  int64_t check_lo, check_hi;
  int mismatch;
};

static void gather_range(void* ctx, size_t i0, size_t i1) {
  struct gather_job* j = (struct gather_job*)ctx;
  const int k = __atomic_fetch_add(&j->parts, 1, __ATOMIC_RELAXED);
  if (k >= GATHER_PARTS) { /* cannot happen (par_for runs at most 64 ranges); be safe */
    __atomic_store_n(&j->mismatch, 1, __ATOMIC_RELAXED);
    return;
  }
  j->part[k].bad = gather_pass(j->X, j->src, i0, i1, j->min, j->lb, j->buf, &j->part[k].lo,
                               &j->part[k].hi);
}

static void gather_check(void* ctx, size_t i0, size_t i1) {
  struct gather_job* j = (struct gather_job*)ctx;
  const int64_t lo = j->check_lo, hi = j->check_hi;
  for (size_t i = i0; i < i1; i++) {
    const int64_t s = (int64_t)j->src[i] - j->min;
    if (j->src[i] < 0 || s < lo || s > hi) continue;
    if (float_bits(j->X[i]) != float_bits(j->buf[s])) {
      __atomic_store_n(&j->mismatch, 1, __ATOMIC_RELAXED);
      return;
    }
  }
}

/* The gather of X into buf (buf all NaN on entry): -1, -2 (outside buf), or the first bad i. */
static double source_gather(const float* X, const int32_t* src, size_t n, int64_t min,
                            float* buf, size_t lb) {
  int64_t lo, hi;
  if (par_threads() < 2 || n < 2 * GATHER_GRAIN)
    return gather_pass(X, src, 0, n, min, lb, buf, &lo, &hi);
  struct gather_job* j = (struct gather_job*)calloc(1, sizeof *j);
  if (!j) return gather_pass(X, src, 0, n, min, lb, buf, &lo, &hi);
  j->X = X, j->src = src, j->buf = buf, j->min = min, j->lb = lb;
  par_for(n, GATHER_GRAIN, gather_range, j);
  const int parts = j->parts < GATHER_PARTS ? j->parts : GATHER_PARTS;
  int again = j->mismatch;
  j->check_lo = INT64_MAX;
  j->check_hi = -1;
  for (int a = 0; a < parts && !again; a++) {
    if (j->part[a].bad != -1) again = 1;
    for (int b = a + 1; b < parts; b++) {
      const int64_t l = j->part[a].lo > j->part[b].lo ? j->part[a].lo : j->part[b].lo;
      const int64_t h = j->part[a].hi < j->part[b].hi ? j->part[a].hi : j->part[b].hi;
      if (l > h) continue;
      j->check_lo = l < j->check_lo ? l : j->check_lo;
      j->check_hi = h > j->check_hi ? h : j->check_hi;
    }
  }
  if (!again && j->check_lo <= j->check_hi) {
    par_for(n, GATHER_GRAIN, gather_check, j);
    again = j->mismatch;
  }
  free(j);
  if (!again) return -1;
  for (size_t k = 0; k < lb; k++) buf[k] = NAN;
  return gather_pass(X, src, 0, n, min, lb, buf, &lo, &hi);
}

/*
 * sourceGather(X, src, min, buf): for every i with src[i] >= 0, buf[src[i] - min] = X[i]; a slot
 * holding NaN counts as unwritten (as in the JavaScript loop). Returns -1, or the first i whose
 * value differs from its slot's (the caller reports it). The caller checked src's range and
 * filled buf with NaN.
 */
static napi_value js_source_gather(napi_env env, napi_callback_info cb) {
  size_t argc = 4, lx, ls, lb;
  napi_value argv[4], out;
  float *X, *buf;
  int32_t* src;
  int32_t min;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&X, &lx) ||
      !typed_arg(env, argv[1], napi_int32_array, (void**)&src, &ls) ||
      !i32_arg(env, argv[2], &min) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&buf, &lb) || ls > lx)
    return throw_range(env, "sourceGather: bad arguments");
  const double bad = source_gather(X, src, ls, min, buf, lb);
  if (bad == -2) return throw_range(env, "sourceGather: source outside buf");
  CHECK(napi_create_double(env, bad, &out));
  return out;
}

struct scatter_job {
  const float* buf;
  const int32_t* src;
  float* out;
  int64_t min;
  uint64_t lb;
  /* Set by a range that met a source outside buf (it stops there; the call throws). */
  int outside;
};

/* Elements per range below which a split costs more than it saves (~2 ns each). */
#define SCATTER_GRAIN 65536

static void scatter_range(void* ctx, size_t i0, size_t i1) {
  struct scatter_job* j = (struct scatter_job*)ctx;
  const float* buf = j->buf;
  const int32_t* src = j->src;
  float* out = j->out;
  for (size_t i = i0; i < i1; i++) {
    const int32_t s = src[i];
    if (s < 0) {
      out[i] = 0;
      continue;
    }
    const uint64_t k = (uint64_t)((int64_t)s - j->min);
    if (k >= j->lb) {
      __atomic_store_n(&j->outside, 1, __ATOMIC_RELAXED);
      return;
    }
    out[i] = buf[k];
  }
}

/*
 * sourceScatter(buf, src, min, out): out[i] = src[i] < 0 ? 0 : buf[src[i] - min]. Each out[i]
 * depends on i alone, so ranges run on the intra-op threads.
 */
static napi_value js_source_scatter(napi_env env, napi_callback_info cb) {
  size_t argc = 4, lb, ls, lo;
  napi_value argv[4];
  float *buf, *out;
  int32_t* src;
  int32_t min;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&buf, &lb) ||
      !typed_arg(env, argv[1], napi_int32_array, (void**)&src, &ls) ||
      !i32_arg(env, argv[2], &min) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&out, &lo) || ls > lo)
    return throw_range(env, "sourceScatter: bad arguments");
  struct scatter_job job = {buf, src, out, min, lb, 0};
  par_for(ls, SCATTER_GRAIN, scatter_range, &job);
  if (job.outside) return throw_range(env, "sourceScatter: source outside buf");
  return NULL;
}

/*
 * The scatter of ProductContext.sourceValues' slots (slot s at buf[s]), checking the map on the
 * way, since no range pass saw it: an entry below -1 or past buf stops its range.
 */
struct checked_job {
  const float* buf;
  const int32_t* src;
  float* out;
  uint64_t lb;
  /* Some i whose entry is bad, or -1. */
  int64_t bad;
};

static void checked_range(void* ctx, size_t i0, size_t i1) {
  struct checked_job* j = (struct checked_job*)ctx;
  const float* buf = j->buf;
  const int32_t* src = j->src;
  float* out = j->out;
  const uint64_t lb = j->lb;
  for (size_t i = i0; i < i1; i++) {
    const int32_t s = src[i];
    if (s < 0) {
      if (s != -1) {
        __atomic_store_n(&j->bad, (int64_t)i, __ATOMIC_RELAXED);
        return;
      }
      out[i] = 0;
      continue;
    }
    if ((uint64_t)s >= lb) {
      __atomic_store_n(&j->bad, (int64_t)i, __ATOMIC_RELAXED);
      return;
    }
    out[i] = buf[s];
  }
}

/*
 * sourceScatterChecked(buf, src, out): out[i] = src[i] < 0 ? 0 : buf[src[i]]; returns -1, or
 * the index of some entry below -1 or past buf (out then holds garbage; the caller reports it).
 */
static napi_value js_source_scatter_checked(napi_env env, napi_callback_info cb) {
  size_t argc = 3, lb, ls, lo;
  napi_value argv[3], result;
  float *buf, *out;
  int32_t* src;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 3 || !typed_arg(env, argv[0], napi_float32_array, (void**)&buf, &lb) ||
      !typed_arg(env, argv[1], napi_int32_array, (void**)&src, &ls) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&out, &lo) || ls > lo)
    return throw_range(env, "sourceScatterChecked: bad arguments");
  struct checked_job job = {buf, src, out, lb, -1};
  par_for(ls, SCATTER_GRAIN, checked_range, &job);
  CHECK(napi_create_double(env, (double)job.bad, &result));
  return result;
}

/*
 * min of the entries >= 0 (as unsigned, negatives are above every index), max, and the lowest
 * entry of src[0..n): plain reductions the compiler vectorises.
 */
MULTIVERSION
static void source_extremes(const int32_t* src, size_t n, uint32_t* umin, int32_t* max,
                            int32_t* lowest) {
  uint32_t a = 0xffffffffu;
  int32_t b = -1, c = 0;
  for (size_t i = 0; i < n; i++) {
    const int32_t s = src[i];
    const uint32_t u = (uint32_t)s;
    a = u < a ? u : a;
    b = s > b ? s : b;
    c = s < c ? s : c;
  }
  *umin = a;
  *max = b;
  *lowest = c;
}

/* source_extremes over the intra-op threads: each range's extremes merged under a lock. */
struct extremes_job {
  const int32_t* src;
  uint32_t umin;
  int32_t max, lowest;
};

static pthread_mutex_t extremes_lock = PTHREAD_MUTEX_INITIALIZER;

static void extremes_range(void* ctx, size_t i0, size_t i1) {
  struct extremes_job* j = (struct extremes_job*)ctx;
  uint32_t a;
  int32_t b, c;
  source_extremes(j->src + i0, i1 - i0, &a, &b, &c);
  pthread_mutex_lock(&extremes_lock);
  j->umin = a < j->umin ? a : j->umin;
  j->max = b > j->max ? b : j->max;
  j->lowest = c < j->lowest ? c : j->lowest;
  pthread_mutex_unlock(&extremes_lock);
}

/*
 * sourceRange(src): [min, max] of the entries >= 0 ([0x7fffffff, -1] when none), or
 * [i, -2] when entry i is below -1 (the caller reports it).
 */
static napi_value js_source_range(napi_env env, napi_callback_info cb) {
  size_t argc = 1, ls;
  napi_value argv[1], out, a, b;
  int32_t* src;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 1 || !typed_arg(env, argv[0], napi_int32_array, (void**)&src, &ls))
    return throw_range(env, "sourceRange: bad arguments");
  struct extremes_job job = {src, 0xffffffffu, -1, 0};
  par_for(ls, GATHER_GRAIN, extremes_range, &job);
  const uint32_t umin = job.umin;
  const int32_t max = job.max, lowest = job.lowest;
  double first, second;
  if (lowest < -1) {
    size_t i = 0;
    while (src[i] >= -1) i++;
    first = (double)i;
    second = -2;
  } else {
    first = umin > 0x7fffffffu ? 0x7fffffff : (double)umin;
    second = max;
  }
  CHECK(napi_create_array_with_length(env, 2, &out));
  CHECK(napi_create_double(env, first, &a));
  CHECK(napi_create_double(env, second, &b));
  CHECK(napi_set_element(env, out, 0, a));
  CHECK(napi_set_element(env, out, 1, b));
  return out;
}

/*
 * copyFinite(W, into): into[i] = W[i] for i < W.length; returns the first i whose W[i] is not
 * finite, or -1. One pass for the copy and the check that program() needs anyway.
 */
MULTIVERSION
static int copy_finite_block(const float* w, float* into, size_t n) {
  uint32_t any = 0;
  for (size_t i = 0; i < n; i++) {
    const float v = w[i];
    into[i] = v;
    any |= (float_bits(v) & 0x7f800000u) == 0x7f800000u;
  }
  return (int)any;
}

static napi_value js_copy_finite(napi_env env, napi_callback_info cb) {
  size_t argc = 2, lw, li;
  napi_value argv[2], result;
  float *w, *into;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 2 || !typed_arg(env, argv[0], napi_float32_array, (void**)&w, &lw) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&into, &li) || li < lw)
    return throw_range(env, "copyFinite: bad arguments");
  double bad = -1;
  if (copy_finite_block(w, into, lw)) {
    for (size_t i = 0; i < lw; i++)
      if ((float_bits(w[i]) & 0x7f800000u) == 0x7f800000u) {
        bad = (double)i;
        break;
      }
  }
  CHECK(napi_create_double(env, bad, &result));
  return result;
}

int analoop_register_sources(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"sourceRange", NULL, js_source_range, NULL, NULL, NULL, napi_default, NULL},
      {"sourceGather", NULL, js_source_gather, NULL, NULL, NULL, napi_default, NULL},
      {"sourceScatter", NULL, js_source_scatter, NULL, NULL, NULL, napi_default, NULL},
      {"sourceScatterChecked", NULL, js_source_scatter_checked, NULL, NULL, NULL, napi_default,
       NULL},
      {"copyFinite", NULL, js_copy_finite, NULL, NULL, NULL, napi_default, NULL},
  };
  return define_functions(env, exports, props, sizeof props / sizeof props[0]);
}
