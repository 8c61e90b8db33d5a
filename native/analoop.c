/*
 * analoop's optional native addon (N-API, plain C). Four independent parts:
 *
 * 1. A shim over a system CBLAS (OpenBLAS; Accelerate on macOS). The library is opened with
 *    dlopen when JavaScript asks for it, not linked: the addon then builds with nothing but a
 *    C compiler, installing OpenBLAS later needs no rebuild, and a missing library is an
 *    ordinary, reportable load failure instead of an addon that cannot load at all. Also the
 *    simulator's blocked, chunk-invariant product (productBlocks).
 * 2. The fused noise chain (src/noise/fused.ts): clamp -> RP -> noise -> clamp -> RP in one
 *    pass, bit-identical to the JavaScript reference. Every double operation below mirrors the
 *    JavaScript expression in the same order; the build disables FMA contraction and fast-math
 *    (binding.gyp) so that the compiler cannot change a single rounding.
 * 3. The simulator's per-source input conversion (gather, check and scatter copies of a
 *    source) and program()'s copy-and-check of the weights.
 * 4. The weight layers' analog-side masks (saturated outputs, clipped inputs, weights in range).
 */
#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include "common.h"
#include "counter-hash.h"
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
/* The fused noise chain                                                                     */

/* Layout of the normal tables, as in src/noise/normal-bits.ts. */
#define CENTRE_BITS 12
#define BINS (1 << CENTRE_BITS)
#define FRAC_BITS (32 - CENTRE_BITS)
#define FRAC_MASK ((1u << FRAC_BITS) - 1u)
#define TAIL_BINS 64
#define TAIL_BITS (FRAC_BITS + 6)
#define SUB_BITS 8
#define SUB (1 << SUB_BITS)
#define OCTAVES (TAIL_BITS - SUB_BITS)

/* Filled from the JavaScript tables (noiseTables), so both sides use the very same doubles. */
static double centre[BINS + 1];
static double direct[SUB];
static double octave[OCTAVES * (SUB + 1)];
/* centre_pair[2k] = centre[k], [2k + 1] = centre[k + 1] - centre[k]: the same double difference
 * the interpolation computes, so one 16-byte load replaces two table lookups (no gathers). */
static double centre_pair[2 * BINS];
static int tables_ready = 0;

static const double INV_FRAC = 1.0 / (double)(1u << FRAC_BITS);
static const double INV_TWO_POW_32 = 1.0 / 4294967296.0;

static napi_value js_noise_tables(napi_env env, napi_callback_info cb) {
  size_t argc = 3, lc, ld, lo;
  napi_value argv[3];
  double *c, *d, *o;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 3 || !typed_arg(env, argv[0], napi_float64_array, (void**)&c, &lc) ||
      !typed_arg(env, argv[1], napi_float64_array, (void**)&d, &ld) ||
      !typed_arg(env, argv[2], napi_float64_array, (void**)&o, &lo) || lc != BINS + 1 ||
      ld != SUB || lo != OCTAVES * (SUB + 1))
    return throw_range(env, "noiseTables: expected the CENTRE, DIRECT and OCTAVE tables");
  memcpy(centre, c, sizeof centre);
  memcpy(direct, d, sizeof direct);
  memcpy(octave, o, sizeof octave);
  for (int k = 0; k < BINS; k++) {
    centre_pair[2 * k] = centre[k];
    centre_pair[2 * k + 1] = centre[k + 1] - centre[k];
  }
  tables_ready = 1;
  return NULL;
}

static inline int clz32(uint32_t t) { return t ? __builtin_clz(t) : 32; }

static double lower_tail(uint32_t t) {
  if (t < SUB) return direct[t];
  int shift = 31 - clz32(t) - SUB_BITS;
  int base = shift * (SUB + 1) + (int)((t >> shift) & (SUB - 1));
  double f = ((double)(t & ((1u << shift) - 1u)) + 0.5) / (double)(1u << shift);
  double z0 = octave[base];
  return z0 + f * (octave[base + 1] - z0);
}

/* Centre-bin normals of bits[0..m) (the tails are left for normals() to redo), in plain C. */
static void centre_scalar(const uint32_t* bits, double* z, uint32_t m) {
  for (uint32_t j = 0; j < m; j++) {
    const uint32_t h = bits[j];
    const uint32_t bin = h >> FRAC_BITS;
    const double z0 = centre[bin];
    z[j] = z0 + ((double)(int32_t)(h & FRAC_MASK) + 0.5) * INV_FRAC * (centre[bin + 1] - z0);
  }
}

/* The rare tails (3% of values): redone for the elements of bits[0..m) outside the centre. */
static void fix_tails(const uint32_t* bits, double* z, uint32_t m) {
  for (uint32_t j = 0; j < m; j++) {
    const uint32_t h = bits[j];
    const uint32_t bin = h >> FRAC_BITS;
    if (bin < TAIL_BINS) z[j] = lower_tail(h);
    else if (bin >= BINS - TAIL_BINS) z[j] = -lower_tail(~h);
  }
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
/*
 * The same four at a time with AVX2: (z0, z1 - z0) pairs by 16-byte loads (gathers are slow on
 * AMD), separate multiplies and adds in the reference's order (no FMA), and the tails checked by
 * a vector compare so the scalar fix runs only for the groups of four that hold one.
 */
__attribute__((target("avx2"))) static void normals_avx2(const uint32_t* bits, double* z,
                                                         uint32_t m) {
  const __m128i mask = _mm_set1_epi32((int)FRAC_MASK);
  const __m128i lo_t = _mm_set1_epi32(TAIL_BINS), hi_t = _mm_set1_epi32(BINS - TAIL_BINS - 1);
  const __m256d half = _mm256_set1_pd(0.5), inv = _mm256_set1_pd(INV_FRAC);
  uint32_t j = 0;
  for (; j + 4 <= m; j += 4) {
    const __m128i h = _mm_loadu_si128((const __m128i*)(bits + j));
    const __m128i bin = _mm_srli_epi32(h, FRAC_BITS);
    const __m128d a0 = _mm_loadu_pd(centre_pair + 2 * (bits[j] >> FRAC_BITS));
    const __m128d a1 = _mm_loadu_pd(centre_pair + 2 * (bits[j + 1] >> FRAC_BITS));
    const __m128d a2 = _mm_loadu_pd(centre_pair + 2 * (bits[j + 2] >> FRAC_BITS));
    const __m128d a3 = _mm_loadu_pd(centre_pair + 2 * (bits[j + 3] >> FRAC_BITS));
    const __m256d p02 = _mm256_insertf128_pd(_mm256_castpd128_pd256(a0), a2, 1);
    const __m256d p13 = _mm256_insertf128_pd(_mm256_castpd128_pd256(a1), a3, 1);
    const __m256d z0 = _mm256_unpacklo_pd(p02, p13), dz = _mm256_unpackhi_pd(p02, p13);
    const __m256d f = _mm256_add_pd(_mm256_cvtepi32_pd(_mm_and_si128(h, mask)), half);
    const __m256d t = _mm256_mul_pd(_mm256_mul_pd(f, inv), dz);
    _mm256_storeu_pd(z + j, _mm256_add_pd(z0, t));
    const __m128i tail = _mm_or_si128(_mm_cmplt_epi32(bin, lo_t), _mm_cmpgt_epi32(bin, hi_t));
    if (!_mm_testz_si128(tail, tail)) fix_tails(bits + j, z + j, 4);
  }
  centre_scalar(bits + j, z + j, m - j);
  fix_tails(bits + j, z + j, m - j);
}
#endif

/* z[j] = normal_from_bits(bits[j]) for j < m: the centre for all, then the rare tails redone. */
static void normals(const uint32_t* bits, double* z, uint32_t m) {
#ifdef HAVE_AVX2_PATH
  static int avx2 = -1;
  if (avx2 < 0) avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
  if (avx2) {
    normals_avx2(bits, z, m);
    return;
  }
#endif
  centre_scalar(bits, z, m);
  fix_tails(bits, z, m);
}

enum { PRE_CLAMP = 1, PRE_RP = 2, POST_CLAMP = 4, POST_RP = 8 };
enum { MODEL_NONE = 0, MODEL_GAUSSIAN = 1, MODEL_UNIFORM = 2 };

/* inv_p is 1/p when p is a power of two (then v * inv_p == v / p exactly), else 0. */
struct chain {
  int flags, model;
  double scale, pre_lo, pre_hi, pre_p, pre_inv, post_lo, post_hi, post_p, post_inv;
};

#define BLOCK 512

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define MULTIVERSION __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define MULTIVERSION
#endif

/*
 * The chain runs stage by stage over blocks of BLOCK elements held in L1 (one pass over main
 * memory), each stage a simple loop the compiler vectorises; only the tails of the normal
 * table (3% of values) take a scalar branch.
 */
static inline void clamp_stage(double* v, uint32_t m, double lo, double hi) {
  for (uint32_t j = 0; j < m; j++) {
    double t = v[j];
    v[j] = (double)(float)(t < lo ? lo : t > hi ? hi : t);
  }
}

static inline void rp_stage(double* v, uint32_t m, double p, double inv) {
  if (inv != 0) {
    for (uint32_t j = 0; j < m; j++) {
      double g = v[j] * p;
      double r = ceil(fabs(g) - 0.5) * inv;
      v[j] = (double)(float)((g < 0 ? -r : r) + 0.0);
    }
  } else {
    for (uint32_t j = 0; j < m; j++) {
      double g = v[j] * p;
      double r = ceil(fabs(g) - 0.5) / p;
      v[j] = (double)(float)((g < 0 ? -r : r) + 0.0);
    }
  }
}

/* Elements [0, n) of one counter run: low counter words lo, lo + 1, ... (mod 2^32). */
MULTIVERSION
static void chain_run(const struct chain* c, const float* x, float* out, size_t n, uint32_t lo,
                      uint32_t s0, uint32_t s1) {
  double v[BLOCK], z[BLOCK];
  uint32_t bits[BLOCK];
  const int flags = c->flags, model = c->model;
  const double scale = c->scale;
  for (size_t b0 = 0; b0 < n; b0 += BLOCK) {
    const uint32_t m = n - b0 < BLOCK ? (uint32_t)(n - b0) : BLOCK;
    const uint32_t base = lo + (uint32_t)b0;
    for (uint32_t j = 0; j < m; j++) v[j] = x[b0 + j];
    if (flags & PRE_CLAMP) clamp_stage(v, m, c->pre_lo, c->pre_hi);
    if (flags & PRE_RP) rp_stage(v, m, c->pre_p, c->pre_inv);
    if (model != MODEL_NONE) {
      for (uint32_t j = 0; j < m; j++) bits[j] = mix_b(mix_a((base + j) ^ s0) + s1);
      if (model == MODEL_GAUSSIAN) {
        normals(bits, z, m);
      } else {
        for (uint32_t j = 0; j < m; j++)
          z[j] = ((double)bits[j] + 0.5) * INV_TWO_POW_32 - 0.5;
      }
      for (uint32_t j = 0; j < m; j++) v[j] = (double)(float)(v[j] + scale * z[j]);
    }
    if (flags & POST_CLAMP) clamp_stage(v, m, c->post_lo, c->post_hi);
    if (flags & POST_RP) rp_stage(v, m, c->post_p, c->post_inv);
    for (uint32_t j = 0; j < m; j++) out[b0 + j] = (float)v[j];
  }
}

/*
 * One counter run split over the intra-op threads: element i draws from counter lo + i whatever
 * range holds it, so the bits do not depend on the thread count.
 */
struct chain_job {
  const struct chain* c;
  const float* x;
  float* out;
  uint32_t lo, s0, s1;
};

/* Elements per range below which a split costs more than it saves (a chain is ~1-4 ns each, a wake-up ~10-30 us). */
#define CHAIN_GRAIN 16384

static void chain_range(void* ctx, size_t i0, size_t i1) {
  const struct chain_job* j = (const struct chain_job*)ctx;
  chain_run(j->c, j->x + i0, j->out + i0, i1 - i0, j->lo + (uint32_t)i0, j->s0, j->s1);
}

/*
 * chainRun(x, out, offset, count, lo, s0, s1, params): elements offset .. offset + count - 1 of
 * x into out (which may be x), params = Float64Array [flags, model, scale, preLo, preHi, preP,
 * preInv, postLo, postHi, postP, postInv]. The JavaScript side validates and splits ranges into
 * counter runs.
 */
static napi_value js_chain_run(napi_env env, napi_callback_info cb) {
  size_t argc = 8, lx, lout, lp;
  napi_value argv[8];
  float *x, *out;
  double* p;
  double offset, count, lo, s0, s1;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 8 || !typed_arg(env, argv[0], napi_float32_array, (void**)&x, &lx) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&out, &lout) ||
      !f64_arg(env, argv[2], &offset) || !f64_arg(env, argv[3], &count) ||
      !f64_arg(env, argv[4], &lo) || !f64_arg(env, argv[5], &s0) || !f64_arg(env, argv[6], &s1) ||
      !typed_arg(env, argv[7], napi_float64_array, (void**)&p, &lp) || lp < 11)
    return throw_range(env, "chainRun: bad arguments");
  if (!(offset >= 0 && count >= 0 && offset + count <= (double)lx && lx == lout &&
        count <= 4294967296.0))
    return throw_range(env, "chainRun: range outside the arrays");
  struct chain c = {(int)p[0], (int)p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]};
  if (c.model == MODEL_GAUSSIAN && !tables_ready)
    return throw_range(env, "chainRun: call noiseTables first");
  size_t off = (size_t)offset;
  /* lo, s0, s1 arrive as int32 values; the uint32 bit patterns are what matter. */
  struct chain_job job = {&c, x + off, out + off, (uint32_t)(int32_t)lo, (uint32_t)(int32_t)s0,
                          (uint32_t)(int32_t)s1};
  par_for((size_t)count, CHAIN_GRAIN, chain_range, &job);
  return NULL;
}

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
      {"noiseTables", NULL, js_noise_tables, NULL, NULL, NULL, napi_default, NULL},
      {"chainRun", NULL, js_chain_run, NULL, NULL, NULL, napi_default, NULL},
      {"sourceRange", NULL, js_source_range, NULL, NULL, NULL, napi_default, NULL},
      {"sourceGather", NULL, js_source_gather, NULL, NULL, NULL, napi_default, NULL},
      {"sourceScatter", NULL, js_source_scatter, NULL, NULL, NULL, napi_default, NULL},
      {"copyFinite", NULL, js_copy_finite, NULL, NULL, NULL, napi_default, NULL},
      {"saturationMask", NULL, js_saturation_mask, NULL, NULL, NULL, napi_default, NULL},
      {"maskedCopy", NULL, js_masked_copy, NULL, NULL, NULL, napi_default, NULL},
      {"maskOutside", NULL, js_mask_outside, NULL, NULL, NULL, napi_default, NULL},
      {"allInside", NULL, js_all_inside, NULL, NULL, NULL, napi_default, NULL},
  };
  if (!define_functions(env, exports, props, sizeof props / sizeof props[0])) return NULL;
  if (!analoop_register_optim(env, exports) || !analoop_register_host(env, exports) ||
      !analoop_register_pointwise(env, exports)) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
