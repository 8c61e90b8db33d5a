/*
 * The fused noise chain (src/noise/fused.ts): clamp -> RP -> noise -> clamp -> RP in one pass,
 * bit-identical to the JavaScript reference. Every double operation below mirrors the
 * JavaScript expression in the same order; the build disables FMA contraction and fast-math
 * (binding.gyp) so that the compiler cannot change a single rounding.
 */
#include "common.h"
#include "counter-hash.h"
#include "parallel.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Elements per block of a chain: its working arrays stay in L1. */
#define BLOCK 512

/* Filled from the JavaScript tables (noiseTables), so both sides use the very same doubles. */
static double centre[BINS + 1];
static double direct[SUB];
static double octave[OCTAVES * (SUB + 1)];
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
/* lane_table[k] lists the set bits of the 4-bit mask k, in order (then zeros). */
static const int32_t lane_table[16][4] = {
    {0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {2, 0, 0, 0}, {0, 2, 0, 0},
    {1, 2, 0, 0}, {0, 1, 2, 0}, {3, 0, 0, 0}, {0, 3, 0, 0}, {1, 3, 0, 0}, {0, 1, 3, 0},
    {2, 3, 0, 0}, {0, 2, 3, 0}, {1, 2, 3, 0}, {0, 1, 2, 3}};

/*
 * The same four at a time with AVX2: (centre[bin], centre[bin + 1]) by one 16-byte load each
 * from the 32 KiB table (fits L1; AVX2 gathers are slow on AMD), the step centre[bin + 1] - z0
 * subtracted as the reference does, separate multiplies and adds in its order (no FMA). The
 * rare tails are listed without a branch and redone after the loop.
 */
__attribute__((target("avx2"))) static void normals_avx2(const uint32_t* bits, double* z,
                                                         uint32_t m) {
  const __m128i mask = _mm_set1_epi32((int)FRAC_MASK);
  const __m128i lo_t = _mm_set1_epi32(TAIL_BINS), hi_t = _mm_set1_epi32(BINS - TAIL_BINS - 1);
  const __m256d half = _mm256_set1_pd(0.5), inv = _mm256_set1_pd(INV_FRAC);
  uint32_t tails[BLOCK + 4], nt = 0;
  uint32_t j = 0;
#pragma GCC unroll 2
  for (; j + 4 <= m; j += 4) {
    const __m128i h = _mm_loadu_si128((const __m128i*)(bits + j));
    const __m128i bin = _mm_srli_epi32(h, FRAC_BITS);
    const __m128d a0 = _mm_loadu_pd(centre + (bits[j] >> FRAC_BITS));
    const __m128d a1 = _mm_loadu_pd(centre + (bits[j + 1] >> FRAC_BITS));
    const __m128d a2 = _mm_loadu_pd(centre + (bits[j + 2] >> FRAC_BITS));
    const __m128d a3 = _mm_loadu_pd(centre + (bits[j + 3] >> FRAC_BITS));
    const __m256d p02 = _mm256_insertf128_pd(_mm256_castpd128_pd256(a0), a2, 1);
    const __m256d p13 = _mm256_insertf128_pd(_mm256_castpd128_pd256(a1), a3, 1);
    const __m256d z0 = _mm256_unpacklo_pd(p02, p13);
    const __m256d dz = _mm256_sub_pd(_mm256_unpackhi_pd(p02, p13), z0);
    const __m256d f = _mm256_add_pd(_mm256_cvtepi32_pd(_mm_and_si128(h, mask)), half);
    const __m256d t = _mm256_mul_pd(_mm256_mul_pd(f, inv), dz);
    _mm256_storeu_pd(z + j, _mm256_add_pd(z0, t));
    const __m128i tail = _mm_or_si128(_mm_cmplt_epi32(bin, lo_t), _mm_cmpgt_epi32(bin, hi_t));
    /* Branch-free: append the group's tail positions (a mask's set lanes) to the list. */
    const int k = _mm_movemask_ps(_mm_castsi128_ps(tail));
    _mm_storeu_si128((__m128i*)(tails + nt), _mm_add_epi32(_mm_set1_epi32((int)j), _mm_loadu_si128((const __m128i*)lane_table[k])));
    nt += (uint32_t)__builtin_popcount((unsigned)k);
  }
  for (uint32_t t = 0; t < nt; t++) fix_tails(bits + tails[t], z + tails[t], 1);
  centre_scalar(bits + j, z + j, m - j);
  fix_tails(bits + j, z + j, m - j);
}

/*
 * normals_avx2 eight at a time with AVX-512: the same loads, arithmetic and order, the pairs
 * combined as a tree of inserts (a chain of four inserts per vector was slower), the tail
 * positions compressed in a register and stored plainly (vpcompressd straight to memory is
 * microcoded on AMD Zen 4: 2.5x slower than the AVX2 loop). Centre part measured at 0.42 ns per
 * element against 0.56 for normals_avx2 (C microbenchmark, Zen 4), a gather version at 0.86.
 */
__attribute__((target("avx512f,avx512vl,avx512dq"))) static void normals_avx512(
    const uint32_t* bits, double* z, uint32_t m) {
  const __m256i mask = _mm256_set1_epi32((int)FRAC_MASK);
  const __m256i lo_t = _mm256_set1_epi32(TAIL_BINS), hi_t = _mm256_set1_epi32(BINS - TAIL_BINS - 1);
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m512d half = _mm512_set1_pd(0.5), inv = _mm512_set1_pd(INV_FRAC);
  uint32_t tails[BLOCK + 8], nt = 0;
  uint32_t j = 0;
#pragma GCC unroll 2
  for (; j + 8 <= m; j += 8) {
    const __m256i h = _mm256_loadu_si256((const __m256i*)(bits + j));
    const __m256i bin = _mm256_srli_epi32(h, FRAC_BITS);
#define PAIR(k) _mm_loadu_pd(centre + (bits[j + (k)] >> FRAC_BITS))
#define TWO(a, b) _mm256_insertf128_pd(_mm256_castpd128_pd256(PAIR(a)), PAIR(b), 1)
    const __m512d even = _mm512_insertf64x4(_mm512_castpd256_pd512(TWO(0, 2)), TWO(4, 6), 1);
    const __m512d odd = _mm512_insertf64x4(_mm512_castpd256_pd512(TWO(1, 3)), TWO(5, 7), 1);
#undef TWO
#undef PAIR
    const __m512d z0 = _mm512_unpacklo_pd(even, odd);
    const __m512d dz = _mm512_sub_pd(_mm512_unpackhi_pd(even, odd), z0);
    const __m512d f = _mm512_add_pd(_mm512_cvtepi32_pd(_mm256_and_si256(h, mask)), half);
    _mm512_storeu_pd(z + j, _mm512_add_pd(z0, _mm512_mul_pd(_mm512_mul_pd(f, inv), dz)));
    const __mmask8 tail = _mm256_cmplt_epi32_mask(bin, lo_t) | _mm256_cmpgt_epi32_mask(bin, hi_t);
    const __m256i at = _mm256_add_epi32(_mm256_set1_epi32((int)j), lanes);
    _mm256_storeu_si256((__m256i*)(tails + nt), _mm256_maskz_compress_epi32(tail, at));
    nt += (uint32_t)__builtin_popcount((unsigned)tail);
  }
  for (uint32_t t = 0; t < nt; t++) fix_tails(bits + tails[t], z + tails[t], 1);
  centre_scalar(bits + j, z + j, m - j);
  fix_tails(bits + j, z + j, m - j);
}
#endif

/* The normals' code path: the best this CPU supports unless normalsPath() picked another. */
enum { PATH_UNSET = -1, PATH_SCALAR = 0, PATH_AVX2 = 1, PATH_AVX512 = 2 };
static const char* const PATH_NAMES[] = {"scalar", "avx2", "avx512"};
static int normals_path = PATH_UNSET;

static int best_normals_path(void) {
#ifdef HAVE_AVX2_PATH
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512dq"))
    return PATH_AVX512;
  if (__builtin_cpu_supports("avx2")) return PATH_AVX2;
#endif
  return PATH_SCALAR;
}

/* z[j] = normal_from_bits(bits[j]) for j < m: the centre for all, then the rare tails redone. */
static void normals(const uint32_t* bits, double* z, uint32_t m) {
  if (normals_path == PATH_UNSET) normals_path = best_normals_path();
#ifdef HAVE_AVX2_PATH
  if (normals_path == PATH_AVX512) {
    normals_avx512(bits, z, m);
    return;
  }
  if (normals_path == PATH_AVX2) {
    normals_avx2(bits, z, m);
    return;
  }
#endif
  centre_scalar(bits, z, m);
  fix_tails(bits, z, m);
}

/*
 * normalsPath([name]): the normals' code path ("scalar", "avx2", "avx512"), after switching to
 * `name` if given (one this CPU supports, or "best"). For tests, which check every path
 * against the JavaScript reference, and for A/B measurements.
 */
static napi_value js_normals_path(napi_env env, napi_callback_info cb) {
  size_t argc = 1;
  napi_value argv[1], result;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  const int best = best_normals_path();
  if (argc >= 1) {
    char name[16];
    size_t len;
    if (napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok)
      return throw_range(env, "normalsPath: expected a path name");
    int want = strcmp(name, "best") == 0 ? best : -1;
    for (int k = PATH_SCALAR; k <= PATH_AVX512; k++)
      if (strcmp(name, PATH_NAMES[k]) == 0) want = k;
    if (want < 0 || want > best)
      return throw_range(env, best == PATH_AVX512 ? "normalsPath: this CPU runs scalar, avx2, avx512 or best"
                              : best == PATH_AVX2 ? "normalsPath: this CPU runs scalar, avx2 or best"
                                                  : "normalsPath: this CPU runs scalar or best");
    normals_path = want;
  }
  if (normals_path == PATH_UNSET) normals_path = best;
  CHECK(napi_create_string_utf8(env, PATH_NAMES[normals_path], NAPI_AUTO_LENGTH, &result));
  return result;
}

enum { PRE_CLAMP = 1, PRE_RP = 2, POST_CLAMP = 4, POST_RP = 8 };
enum { MODEL_NONE = 0, MODEL_GAUSSIAN = 1, MODEL_UNIFORM = 2 };

/* inv_p is 1/p when p is a power of two (then v * inv_p == v / p exactly), else 0. */
struct chain {
  int flags, model;
  double scale, pre_lo, pre_hi, pre_p, pre_inv, post_lo, post_hi, post_p, post_inv;
};


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

/* One element of clamp_stage and of rp_stage (power-of-two p): the fused blocks' stages. */
static inline double clamp1(double t, double lo, double hi) {
  return (double)(float)(t < lo ? lo : t > hi ? hi : t);
}

static inline double rp1(double v, double p, double inv) {
  double g = v * p;
  double r = ceil(fabs(g) - 0.5) * inv;
  return (double)(float)((g < 0 ? -r : r) + 0.0);
}

/* clamp1 and rp1 without their float32 rounding, for stages where it is exact (stage_exact). */
static inline double clamp1x(double t, double lo, double hi) {
  return t < lo ? lo : t > hi ? hi : t;
}

static inline double rp1x(double v, double p, double inv) {
  double g = v * p;
  double r = ceil(fabs(g) - 0.5) * inv;
  return (g < 0 ? -r : r) + 0.0;
}

/*
 * clamp1x -> rp1x in float32 arithmetic, for a stage_f32 stage: twice the lanes per vector of
 * the double version, and the same value (see stage_f32).
 */
static inline float clamp_rp_f32(float t, float lo, float hi, float p, float inv) {
  t = t < lo ? lo : t > hi ? hi : t;
  const float g = t * p;
  const float r = ceilf(fabsf(g) - 0.5f) * inv;
  return (g < 0 ? -r : r) + 0.0f;
}

/*
 * Whether an exact stage (stage_exact) may also run in float32 arithmetic: when its bounds
 * times p stay within 2^22, every step is exact in float32 as it is in double. v p scales a
 * float32 value by a power of two (exact, or an underflow to a signed zero where |v p| < 2^-126,
 * and every |g| < 0.5 gives +0 either way); for 0.5 <= |g| < 2^23 the difference |g| - 0.5 is a
 * multiple of ulp(g) below |g|, so representable; k = ceil(...) < 2^23 and k 2^-a lies between
 * 2^-100 and the bound, so k inv is exact; the sign and + 0 are the same operations. (At |g| >=
 * 2^23, |g| - 0.5 would round in float32: those stages keep the double loop.)
 */
static int stage_f32(double lo, double hi, double p) {
  return fabs(lo) * p <= 0x1p22 && fabs(hi) * p <= 0x1p22;
}

/*
 * Whether clamp1 -> rp1 may skip both float32 roundings on a float32 input. The bounds are
 * finite float32 values, so the clamp returns a float32 value v. With p = 2^a, v p is exact, and
 * RP's result k 2^-a (k = the rounded |v p|) is a float32 value too: below 2^24, k times a power
 * of two in [2^-100, 2^100] is one, and from 2^24 up v p is already an integer, so k 2^-a = |v|.
 * A NaN goes through either way; the low bits of its payload, the only bits a skipped rounding
 * would keep, are dropped by the final conversion to float32.
 */
static int stage_exact(double lo, double hi, double inv) {
  return inv >= 0x1p-100 && inv <= 0x1p100 && isfinite(lo) && isfinite(hi) &&
         (double)(float)lo == lo && (double)(float)hi == hi;
}

/* The post stage of v[0..m) into out: clamp -> RP, then the conversion to float32. */
static inline void finish(const struct chain* c, double* v, float* out, uint32_t m, int both_post,
                          int exact_post) {
  const double lo_ = c->post_lo, hi_ = c->post_hi, p_ = c->post_p, inv_ = c->post_inv;
  if (exact_post) {
    for (uint32_t j = 0; j < m; j++) out[j] = (float)rp1x(clamp1x(v[j], lo_, hi_), p_, inv_);
  } else if (both_post) {
    for (uint32_t j = 0; j < m; j++) out[j] = (float)rp1(clamp1(v[j], lo_, hi_), p_, inv_);
  } else {
    if (c->flags & POST_CLAMP) clamp_stage(v, m, lo_, hi_);
    if (c->flags & POST_RP) rp_stage(v, m, p_, inv_);
    for (uint32_t j = 0; j < m; j++) out[j] = (float)v[j];
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
  const int both_pre = (flags & (PRE_CLAMP | PRE_RP)) == (PRE_CLAMP | PRE_RP) && c->pre_inv != 0;
  const int both_post =
      (flags & (POST_CLAMP | POST_RP)) == (POST_CLAMP | POST_RP) && c->post_inv != 0;
  const int exact_pre = both_pre && stage_exact(c->pre_lo, c->pre_hi, c->pre_inv);
  const int f32_pre = exact_pre && stage_f32(c->pre_lo, c->pre_hi, c->pre_p);
  const int exact_post = both_post && stage_exact(c->post_lo, c->post_hi, c->post_inv);
  const int f32_post = exact_post && stage_f32(c->post_lo, c->post_hi, c->post_p);
  const int no_pre = !(flags & (PRE_CLAMP | PRE_RP)), no_post = !(flags & (POST_CLAMP | POST_RP));
  for (size_t b0 = 0; b0 < n; b0 += BLOCK) {
    const uint32_t m = n - b0 < BLOCK ? (uint32_t)(n - b0) : BLOCK;
    const uint32_t base = lo + (uint32_t)b0;
    if (both_pre) {
      const double lo_ = c->pre_lo, hi_ = c->pre_hi, p_ = c->pre_p, inv_ = c->pre_inv;
      if (f32_pre) {
        const float lof = (float)lo_, hif = (float)hi_, pf = (float)p_, invf = (float)inv_;
        for (uint32_t j = 0; j < m; j++) v[j] = clamp_rp_f32(x[b0 + j], lof, hif, pf, invf);
      } else if (exact_pre)
        for (uint32_t j = 0; j < m; j++) v[j] = rp1x(clamp1x(x[b0 + j], lo_, hi_), p_, inv_);
      else
        for (uint32_t j = 0; j < m; j++) v[j] = rp1(clamp1(x[b0 + j], lo_, hi_), p_, inv_);
    } else if (!(no_pre && model != MODEL_NONE && (no_post || exact_post))) {
      for (uint32_t j = 0; j < m; j++) v[j] = x[b0 + j];
      if (flags & PRE_CLAMP) clamp_stage(v, m, c->pre_lo, c->pre_hi);
      if (flags & PRE_RP) rp_stage(v, m, c->pre_p, c->pre_inv);
    }
    if (model == MODEL_NONE) {
      finish(c, v, out + b0, m, both_post, exact_post);
      continue;
    }
    for (uint32_t j = 0; j < m; j++) bits[j] = mix_b(mix_a((base + j) ^ s0) + s1);
    if (model == MODEL_GAUSSIAN) {
      normals(bits, z, m);
    } else {
      for (uint32_t j = 0; j < m; j++) z[j] = ((double)bits[j] + 0.5) * INV_TWO_POW_32 - 0.5;
    }
    /* The noise and what follows it in one loop where the stages allow: (float)(double)(float)y
     * is (float)y, and the exact post stage needs no rounding of its own. */
    float* o = out + b0;
    const float* xb = x + b0;
    const double lo_ = c->post_lo, hi_ = c->post_hi, p_ = c->post_p, inv_ = c->post_inv;
    if (no_post && no_pre) {
      for (uint32_t j = 0; j < m; j++) o[j] = (float)(xb[j] + scale * z[j]);
    } else if (no_post) {
      for (uint32_t j = 0; j < m; j++) o[j] = (float)(v[j] + scale * z[j]);
    } else if (f32_post && no_pre) {
      const float lof = (float)lo_, hif = (float)hi_, pf = (float)p_, invf = (float)inv_;
      for (uint32_t j = 0; j < m; j++)
        o[j] = clamp_rp_f32((float)(xb[j] + scale * z[j]), lof, hif, pf, invf);
    } else if (f32_post) {
      const float lof = (float)lo_, hif = (float)hi_, pf = (float)p_, invf = (float)inv_;
      for (uint32_t j = 0; j < m; j++)
        o[j] = clamp_rp_f32((float)(v[j] + scale * z[j]), lof, hif, pf, invf);
    } else if (exact_post && no_pre) {
      for (uint32_t j = 0; j < m; j++)
        o[j] = (float)rp1x(clamp1x((double)(float)(xb[j] + scale * z[j]), lo_, hi_), p_, inv_);
    } else if (exact_post) {
      for (uint32_t j = 0; j < m; j++)
        o[j] = (float)rp1x(clamp1x((double)(float)(v[j] + scale * z[j]), lo_, hi_), p_, inv_);
    } else {
      for (uint32_t j = 0; j < m; j++) v[j] = (double)(float)(v[j] + scale * z[j]);
      finish(c, v, o, m, both_post, exact_post);
    }
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

int analoop_register_chain(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"noiseTables", NULL, js_noise_tables, NULL, NULL, NULL, napi_default, NULL},
      {"chainRun", NULL, js_chain_run, NULL, NULL, NULL, napi_default, NULL},
      {"normalsPath", NULL, js_normals_path, NULL, NULL, NULL, napi_default, NULL},
  };
  return define_functions(env, exports, props, sizeof props / sizeof props[0]);
}
