/*
 * analoop's optional native addon (N-API, plain C): this file holds the module's entry point
 * and two parts; the others live in their own files (see native/README.md) and register their
 * functions from init() below.
 *
 * 1. A shim over a system CBLAS (OpenBLAS; Accelerate on macOS). The library is opened with
 *    dlopen when JavaScript asks for it, not linked: the addon then builds with nothing but a
 *    C compiler, installing OpenBLAS later needs no rebuild, and a missing library is an
 *    ordinary, reportable load failure instead of an addon that cannot load at all. Also the
 *    simulator's blocked, chunk-invariant product (productBlocks).
 * 2. The weight layers' analog-side masks (saturated outputs, clipped inputs, weights in range).
 */
#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include "common.h"
#include "parallel.h"

#include <dlfcn.h>
#include <pthread.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------- */
/* CBLAS through dlopen                                                                      */

/* The CBLAS ABI (enum values and argument order) is fixed by the standard interface. */
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };
typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float*, int, const float*,
                         int, float, float*, int);
typedef void (*set_threads_fn)(int);
typedef int (*get_threads_fn)(void);
typedef char* (*get_string_fn)(void);

static void* blas_handle = NULL;
static sgemm_fn blas_sgemm = NULL;
static set_threads_fn blas_set_threads = NULL;
static get_threads_fn blas_get_threads = NULL;
static get_string_fn blas_get_config = NULL;
static get_string_fn blas_get_corename = NULL;
static char blas_path[1024];

static napi_value set_string(napi_env env, napi_value obj, const char* key, const char* s) {
  napi_value v;
  if (napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &v) != napi_ok) return NULL;
  if (napi_set_named_property(env, obj, key, v) != napi_ok) return NULL;
  return obj;
}

static napi_value blas_info(napi_env env) {
  napi_value obj, threads;
  CHECK(napi_create_object(env, &obj));
  set_string(env, obj, "library", blas_path);
  set_string(env, obj, "config", blas_get_config ? blas_get_config() : "");
  set_string(env, obj, "corename", blas_get_corename ? blas_get_corename() : "");
  CHECK(napi_create_int32(env, blas_get_threads ? blas_get_threads() : 1, &threads));
  CHECK(napi_set_named_property(env, obj, "threads", threads));
  return obj;
}

/*
 * blasOpen(candidates: string[]): opens the first library that has cblas_sgemm and returns
 * { library, config, corename, threads }; throws an Error listing every dlopen/dlsym failure.
 */
static napi_value js_blas_open(napi_env env, napi_callback_info cb) {
  if (blas_sgemm) return blas_info(env);
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  bool is_array = false;
  if (argc < 1 || napi_is_array(env, argv[0], &is_array) != napi_ok || !is_array)
    return throw_range(env, "blasOpen: expected an array of library names");
  uint32_t n;
  CHECK(napi_get_array_length(env, argv[0], &n));
  char reasons[4096];
  reasons[0] = 0;
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    char name[1024];
    size_t len;
    CHECK(napi_get_element(env, argv[0], i, &item));
    if (napi_get_value_string_utf8(env, item, name, sizeof name, &len) != napi_ok) continue;
    void* h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    const char* why = NULL;
    if (!h) {
      why = dlerror();
    } else {
      sgemm_fn f = (sgemm_fn)dlsym(h, "cblas_sgemm");
      if (!f) {
        why = "no cblas_sgemm in it";
        dlclose(h);
      } else {
        blas_handle = h;
        blas_sgemm = f;
        blas_set_threads = (set_threads_fn)dlsym(h, "openblas_set_num_threads");
        blas_get_threads = (get_threads_fn)dlsym(h, "openblas_get_num_threads");
        blas_get_config = (get_string_fn)dlsym(h, "openblas_get_config");
        blas_get_corename = (get_string_fn)dlsym(h, "openblas_get_corename");
        snprintf(blas_path, sizeof blas_path, "%s", name);
        return blas_info(env);
      }
    }
    size_t used = strlen(reasons);
    snprintf(reasons + used, sizeof reasons - used, "%s%s", used ? "; " : "",
             why ? why : name);
  }
  napi_throw_error(env, NULL, reasons[0] ? reasons : "no library names given");
  return NULL;
}

/* blasSetThreads(n): intra-op threads (OpenBLAS only; a no-op elsewhere). Returns the count. */
static napi_value js_blas_set_threads(napi_env env, napi_callback_info cb) {
  size_t argc = 1;
  napi_value argv[1], out;
  int32_t n = 1;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 1 || !i32_arg(env, argv[0], &n) || n < 1)
    return throw_range(env, "blasSetThreads: expected an integer >= 1");
  if (blas_set_threads) blas_set_threads(n);
  par_set_threads(n);
  CHECK(napi_create_int32(env, blas_get_threads ? blas_get_threads() : 1, &out));
  return out;
}

struct gemm_args {
  bool ta, tb;
  int32_t M, N, K;
  double alpha, beta;
  float *A, *B, *C;
};

/* Reads and bounds-checks the ten gemm arguments; 0 (with a pending exception) when bad. */
static int gemm_parse(napi_env env, napi_value* argv, size_t argc, struct gemm_args* g) {
  size_t la, lb, lc;
  if (argc < 10 || !bool_arg(env, argv[0], &g->ta) || !bool_arg(env, argv[1], &g->tb) ||
      !i32_arg(env, argv[2], &g->M) || !i32_arg(env, argv[3], &g->N) ||
      !i32_arg(env, argv[4], &g->K) || !f64_arg(env, argv[5], &g->alpha) ||
      !typed_arg(env, argv[6], napi_float32_array, (void**)&g->A, &la) ||
      !typed_arg(env, argv[7], napi_float32_array, (void**)&g->B, &lb) ||
      !f64_arg(env, argv[8], &g->beta) ||
      !typed_arg(env, argv[9], napi_float32_array, (void**)&g->C, &lc)) {
    throw_range(env, "sgemm: bad arguments (expected transA, transB, M, N, K, alpha, "
                     "A: Float32Array, B: Float32Array, beta, C: Float32Array)");
    return 0;
  }
  /* The JavaScript side checks too; this keeps a bad call from ever touching stray memory. */
  if (g->M < 1 || g->N < 1 || g->K < 1 || (size_t)g->M * g->K > la ||
      (size_t)g->K * g->N > lb || (size_t)g->M * g->N > lc) {
    throw_range(env, "sgemm: dimensions must be >= 1 and fit the arrays");
    return 0;
  }
  return 1;
}

static void gemm_run(const struct gemm_args* g) {
  blas_sgemm(ROW_MAJOR, g->ta ? TRANS : NO_TRANS, g->tb ? TRANS : NO_TRANS, g->M, g->N, g->K,
             (float)g->alpha, g->A, g->ta ? g->M : g->K, g->B, g->tb ? g->K : g->N,
             (float)g->beta, g->C, g->N);
}

/* sgemm(transA, transB, M, N, K, alpha, A, B, beta, C): row-major C = alpha op(A) op(B) + beta C. */
static napi_value js_sgemm(napi_env env, napi_callback_info cb) {
  size_t argc = 10;
  napi_value argv[10];
  struct gemm_args g;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (!blas_sgemm) {
    napi_throw_error(env, NULL, "sgemm: no BLAS library is open (call blasOpen first)");
    return NULL;
  }
  if (!gemm_parse(env, argv, argc, &g)) return NULL;
  gemm_run(&g);
  return NULL;
}

/* The asynchronous variant: the same product on libuv's thread pool, resolving a Promise. */
struct gemm_work {
  struct gemm_args g;
  napi_ref refs[3];
  napi_deferred deferred;
  napi_async_work work;
};

static void gemm_execute(napi_env env, void* data) {
  (void)env;
  gemm_run(&((struct gemm_work*)data)->g);
}

static void gemm_complete(napi_env env, napi_status status, void* data) {
  struct gemm_work* w = (struct gemm_work*)data;
  napi_value undef;
  napi_get_undefined(env, &undef);
  if (status == napi_ok) {
    napi_resolve_deferred(env, w->deferred, undef);
  } else {
    napi_value msg, err;
    napi_create_string_utf8(env, "sgemmAsync: the work was cancelled", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, NULL, msg, &err);
    napi_reject_deferred(env, w->deferred, err);
  }
  for (int i = 0; i < 3; i++) napi_delete_reference(env, w->refs[i]);
  napi_delete_async_work(env, w->work);
  free(w);
}

/*
 * sgemmAsync(...same arguments...): Promise<void>. The arrays are pinned (referenced) until
 * the promise settles; the caller must not write A, B or C meanwhile.
 */
static napi_value js_sgemm_async(napi_env env, napi_callback_info cb) {
  size_t argc = 10;
  napi_value argv[10], promise, name;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (!blas_sgemm) {
    napi_throw_error(env, NULL, "sgemmAsync: no BLAS library is open (call blasOpen first)");
    return NULL;
  }
  struct gemm_work* w = (struct gemm_work*)calloc(1, sizeof *w);
  if (!w) {
    napi_throw_error(env, NULL, "sgemmAsync: out of memory");
    return NULL;
  }
  if (!gemm_parse(env, argv, argc, &w->g)) {
    free(w);
    return NULL;
  }
  napi_create_reference(env, argv[6], 1, &w->refs[0]);
  napi_create_reference(env, argv[7], 1, &w->refs[1]);
  napi_create_reference(env, argv[9], 1, &w->refs[2]);
  CHECK(napi_create_promise(env, &w->deferred, &promise));
  CHECK(napi_create_string_utf8(env, "analoop:sgemm", NAPI_AUTO_LENGTH, &name));
  CHECK(napi_create_async_work(env, NULL, name, gemm_execute, gemm_complete, w, &w->work));
  CHECK(napi_queue_async_work(env, w->work));
  return promise;
}

/*
 * The simulator's chunk-invariant product (simulator/product.ts gemmProduct): Y = X W^T as
 * gemms of exactly mb rows each, aligned to multiples of mb of the global row index (rowOffset
 * + b), a partial block padded with zero rows, so a row's bits never depend on how the batch
 * was cut. With intra-op threads the blocks run side by side, each a one-thread gemm: OpenBLAS
 * splits these small products across threads at a loss, and a one-thread gemm gives the same
 * bits on every thread count.
 */
struct blocks_job {
  const float *X, *W;
  float* out;
  size_t batch, rows, cols, mb, first;
  int64_t row_offset;
  int failed;
};

/*
 * Scratch for a partial block, kept per thread (the pool's threads live on): a fresh array of a
 * large tile's block costs more in page faults than the product of one row.
 */
static _Thread_local float* tl_scratch = NULL;
static _Thread_local size_t tl_scratch_size = 0;

static float* block_scratch(size_t n) {
  if (tl_scratch_size < n) {
    free(tl_scratch);
    tl_scratch = (float*)malloc(n * sizeof(float));
    tl_scratch_size = tl_scratch ? n : 0;
  }
  return tl_scratch;
}

static void blocks_range(void* ctx, size_t k0, size_t k1) {
  struct blocks_job* j = (struct blocks_job*)ctx;
  const size_t mb = j->mb, rows = j->rows, cols = j->cols;
  for (size_t k = k0; k < k1; k++) {
    const size_t b = k == 0 ? 0 : j->first + (k - 1) * mb;
    const size_t pos = (size_t)((j->row_offset + (int64_t)b) % (int64_t)mb);
    const size_t left = j->batch - b, take = mb - pos < left ? mb - pos : left;
    if (pos == 0 && take == mb) {
      blas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, (int)mb, (int)rows, (int)cols, 1.0f,
                 j->X + b * cols, (int)cols, j->W, (int)cols, 0.0f, j->out + b * rows,
                 (int)rows);
      continue;
    }
    float* xs = block_scratch(mb * cols + mb * rows);
    if (!xs) {
      __atomic_store_n(&j->failed, 1, __ATOMIC_RELAXED);
      return;
    }
    float* ys = xs + mb * cols;
    memset(xs, 0, sizeof(float) * pos * cols);
    memcpy(xs + pos * cols, j->X + b * cols, sizeof(float) * take * cols);
    memset(xs + (pos + take) * cols, 0, sizeof(float) * (mb - pos - take) * cols);
    blas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, (int)mb, (int)rows, (int)cols, 1.0f, xs, (int)cols,
               j->W, (int)cols, 0.0f, ys, (int)rows);
    memcpy(j->out + b * rows, ys + pos * rows, sizeof(float) * take * rows);
  }
}

/* productBlocks(X, W, batch, rows, cols, rowOffset, mb, out): out (batch x rows) = X W^T. */
static napi_value js_product_blocks(napi_env env, napi_callback_info cb) {
  size_t argc = 8, lx, lw, lo;
  napi_value argv[8];
  float *X, *W, *out;
  int32_t batch, rows, cols, mb;
  double row_offset;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (!blas_sgemm) {
    napi_throw_error(env, NULL, "productBlocks: no BLAS library is open (call blasOpen first)");
    return NULL;
  }
  if (argc < 8 || !typed_arg(env, argv[0], napi_float32_array, (void**)&X, &lx) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&W, &lw) ||
      !i32_arg(env, argv[2], &batch) || !i32_arg(env, argv[3], &rows) ||
      !i32_arg(env, argv[4], &cols) || !f64_arg(env, argv[5], &row_offset) ||
      !i32_arg(env, argv[6], &mb) ||
      !typed_arg(env, argv[7], napi_float32_array, (void**)&out, &lo))
    return throw_range(env, "productBlocks: bad arguments");
  if (batch < 0 || rows < 1 || cols < 1 || mb < 1 || !(row_offset >= 0) ||
      row_offset > 9007199254740991.0 || row_offset != floor(row_offset) ||
      (size_t)batch * cols > lx || (size_t)rows * cols > lw || (size_t)batch * rows > lo)
    return throw_range(env, "productBlocks: dimensions must fit the arrays");
  if (batch == 0) return NULL;
  struct blocks_job job = {X, W, out, (size_t)batch, (size_t)rows, (size_t)cols, (size_t)mb, 0,
                           (int64_t)row_offset, 0};
  const size_t pos0 = (size_t)(job.row_offset % mb);
  job.first = (size_t)mb - pos0 < (size_t)batch ? (size_t)mb - pos0 : (size_t)batch;
  const size_t blocks = 1 + ((size_t)batch - job.first + (size_t)mb - 1) / (size_t)mb;
  const int threads = par_threads();
  if (threads > 1 && blas_set_threads) {
    /* One-thread gemms, the blocks on the intra-op threads; the count is restored after. */
    const int blas_threads = blas_get_threads ? blas_get_threads() : threads;
    blas_set_threads(1);
    par_for(blocks, 1, blocks_range, &job);
    blas_set_threads(blas_threads);
  } else {
    blocks_range(&job, 0, blocks);
  }
  if (job.failed) {
    napi_throw_error(env, NULL, "productBlocks: out of memory");
    return NULL;
  }
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Analog-side masks of the weight layers (src/nn/layers/analog-product.ts): comparisons and  */
/* copies in the JavaScript loops' double arithmetic, so the results are identical.           */

MULTIVERSION
static size_t saturation_mask(const float* y, size_t n, double lo, double hi, uint8_t* mask) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    const double v = y[i];
    const uint8_t m = (v <= lo) | (v >= hi);
    mask[i] = m;
    count += m;
  }
  return count;
}

/* saturationMask(y, lo, hi, mask): mask[i] = y[i] <= lo || y[i] >= hi; returns how many. */
static napi_value js_saturation_mask(napi_env env, napi_callback_info cb) {
  size_t argc = 4, ly, lm;
  napi_value argv[4], result;
  float* y;
  uint8_t* mask;
  double lo, hi;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&y, &ly) ||
      !f64_arg(env, argv[1], &lo) || !f64_arg(env, argv[2], &hi) ||
      !typed_arg(env, argv[3], napi_uint8_array, (void**)&mask, &lm) || lm < ly)
    return throw_range(env, "saturationMask: bad arguments");
  CHECK(napi_create_double(env, (double)saturation_mask(y, ly, lo, hi, mask), &result));
  return result;
}

MULTIVERSION
static void mask_copy(const float* dy, const uint8_t* mask, float* out, size_t n) {
  for (size_t i = 0; i < n; i++) out[i] = mask[i] ? 0.0f : dy[i];
}

/* maskedCopy(dy, mask, out): out[i] = mask[i] ? 0 : dy[i]. */
static napi_value js_masked_copy(napi_env env, napi_callback_info cb) {
  size_t argc = 3, ld, lm, lo;
  napi_value argv[3];
  float *dy, *out;
  uint8_t* mask;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 3 || !typed_arg(env, argv[0], napi_float32_array, (void**)&dy, &ld) ||
      !typed_arg(env, argv[1], napi_uint8_array, (void**)&mask, &lm) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&out, &lo) || lm < ld || lo < ld)
    return throw_range(env, "maskedCopy: bad arguments");
  mask_copy(dy, mask, out, ld);
  return NULL;
}

MULTIVERSION
static void clamp_grad(float* dx, const float* x, size_t n, double lo, double hi) {
  for (size_t i = 0; i < n; i++) {
    const double v = x[i];
    dx[i] = (v >= lo && v <= hi) ? dx[i] : 0.0f;
  }
}

/* maskOutside(dx, x, lo, hi): dx[i] = 0 where !(lo <= x[i] <= hi) (NaN included). */
static napi_value js_mask_outside(napi_env env, napi_callback_info cb) {
  size_t argc = 4, ld, lx;
  napi_value argv[4];
  float *dx, *x;
  double lo, hi;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&dx, &ld) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&x, &lx) ||
      !f64_arg(env, argv[2], &lo) || !f64_arg(env, argv[3], &hi) || lx < ld)
    return throw_range(env, "maskOutside: bad arguments");
  clamp_grad(dx, x, ld, lo, hi);
  return NULL;
}

MULTIVERSION
static int all_inside(const float* w, size_t n, double lo, double hi) {
  int out = 0;
  for (size_t i = 0; i < n; i++) {
    const double v = w[i];
    out |= !(v >= lo && v <= hi);
  }
  return !out;
}

/* allInside(w, lo, hi): whether lo <= w[i] <= hi for every i (NaN is outside). */
static napi_value js_all_inside(napi_env env, napi_callback_info cb) {
  size_t argc = 3, lw;
  napi_value argv[3], result;
  float* w;
  double lo, hi;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 3 || !typed_arg(env, argv[0], napi_float32_array, (void**)&w, &lw) ||
      !f64_arg(env, argv[1], &lo) || !f64_arg(env, argv[2], &hi))
    return throw_range(env, "allInside: bad arguments");
  CHECK(napi_get_boolean(env, all_inside(w, lw, lo, hi), &result));
  return result;
}

/* ---------------------------------------------------------------------------------------- */

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"blasOpen", NULL, js_blas_open, NULL, NULL, NULL, napi_default, NULL},
      {"blasSetThreads", NULL, js_blas_set_threads, NULL, NULL, NULL, napi_default, NULL},
      {"sgemm", NULL, js_sgemm, NULL, NULL, NULL, napi_default, NULL},
      {"sgemmAsync", NULL, js_sgemm_async, NULL, NULL, NULL, napi_default, NULL},
      {"productBlocks", NULL, js_product_blocks, NULL, NULL, NULL, napi_default, NULL},
      {"saturationMask", NULL, js_saturation_mask, NULL, NULL, NULL, napi_default, NULL},
      {"maskedCopy", NULL, js_masked_copy, NULL, NULL, NULL, napi_default, NULL},
      {"maskOutside", NULL, js_mask_outside, NULL, NULL, NULL, napi_default, NULL},
      {"allInside", NULL, js_all_inside, NULL, NULL, NULL, napi_default, NULL},
  };
  if (!define_functions(env, exports, props, sizeof props / sizeof props[0])) return NULL;
  if (!analoop_register_optim(env, exports) || !analoop_register_host(env, exports) ||
      !analoop_register_pointwise(env, exports) || !analoop_register_chain(env, exports) ||
      !analoop_register_sources(env, exports))
    return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
