/*
 * Host-side kernels of the weight layers (Conv2d and Linear layouts, masks, bias) for src/nn.
 *
 * Each kernel copies, or adds in the order of its JavaScript reference (src/compute/im2col.ts,
 * src/compute/elementwise.ts, src/nn/layers/conv2d.ts), so the results are bit-identical to it;
 * float + float in C rounds as JavaScript's double sum stored to a Float32Array does, and the
 * saturation test compares with float bounds equivalent to the double ones. The loops run under
 * par_for over indices whose outputs are disjoint, so the bits never depend on the thread count.
 */
#include "common.h"
#include "parallel.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Elements of work per par_for range below which a split costs more than it saves. */
#define GRAIN_ELEMS 16384

/* Indices per range for units of `per` elements each. */
static size_t grain_for(size_t per) {
  return per >= GRAIN_ELEMS ? 1 : GRAIN_ELEMS / (per ? per : 1);
}

/* ---------------------------------------------------------------------------------------- */
/* Convolution unfolding: the layouts of im2col.ts (im2colBatch, col2imBatch, im2row).        */

struct geo {
  int n, C, H, W, kh, kw, sh, sw, ph, pw, dh, dw, outH, outW;
};

/* geo = Int32Array [n, C, H, W, kh, kw, sh, sw, ph, pw, dh, dw]; outH/outW derived here. */
static int geo_arg(napi_env env, napi_value v, struct geo* g) {
  int32_t* p;
  size_t len;
  if (!typed_arg(env, v, napi_int32_array, (void**)&p, &len) || len < 12) return 0;
  g->n = p[0], g->C = p[1], g->H = p[2], g->W = p[3], g->kh = p[4], g->kw = p[5];
  g->sh = p[6], g->sw = p[7], g->ph = p[8], g->pw = p[9], g->dh = p[10], g->dw = p[11];
  if (g->n < 0 || g->C < 1 || g->H < 1 || g->W < 1 || g->kh < 1 || g->kw < 1 || g->sh < 1 ||
      g->sw < 1 || g->ph < 0 || g->pw < 0 || g->dh < 1 || g->dw < 1)
    return 0;
  const long long rh = (long long)g->H + 2LL * g->ph - (long long)g->dh * (g->kh - 1) - 1;
  const long long rw = (long long)g->W + 2LL * g->pw - (long long)g->dw * (g->kw - 1) - 1;
  if (rh < 0 || rw < 0) return 0;
  g->outH = (int)(rh / g->sh + 1);
  g->outW = (int)(rw / g->sw + 1);
  return 1;
}

/* Four floats (the row fold's sums: per-lane IEEE adds, as the scalar loops do them). */
typedef float v4f __attribute__((vector_size(16)));
static inline v4f load4(const float* p) {
  v4f v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline void store4(float* p, v4f v) { memcpy(p, &v, sizeof v); }

struct unfold {
  const struct geo* g;
  float* x;
  float* cols;
  size_t P, K, img, ld;
  /* Per kx: the output columns [lo, hi) whose input column lies inside the image. */
  int* lo;
  int* hi;
};

/* Output columns [lo, hi) whose input column ox*sw - pw + off lies in [0, W). */
static void valid_columns(const struct geo* g, int off, int* lo, int* hi) {
  const int base = off - g->pw;
  int l = 0, h;
  if (base < 0) l = (-base + g->sw - 1) / g->sw;
  h = (g->W - 1 - base) >= 0 ? (g->W - 1 - base) / g->sw + 1 : 0;
  if (h > g->outW) h = g->outW;
  if (h < l) h = l;
  *lo = l;
  *hi = h;
}

/*
 * GCC turns the short zero-fill loops of a row into memset calls, even for no element (every row
 * of an unpadded layer): a call per row costs more than its stores. Plain loops instead.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBC_CALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBC_CALLS
#endif

/*
 * im2colBatch: unit u = r * n + i writes row r of image i's columns (P floats). The unit's
 * (c, ky, kx, i) are stepped rather than divided out per unit: deep layers have units of a few
 * dozen floats, where four 64-bit divisions cost as much as the copy.
 */
NO_LIBC_CALLS static void im2col_units(void* p, size_t u0, size_t u1) {
  const struct unfold* s = p;
  const struct geo* g = s->g;
  const size_t n = (size_t)g->n, khw = (size_t)g->kh * g->kw, plane = (size_t)g->H * g->W;
  const int outW = g->outW, outH = g->outH, sw = g->sw;
  size_t r = u0 / n, i = u0 % n;
  int c = (int)(r / khw), ky = (int)(r / g->kw % g->kh), kx = (int)(r % g->kw);
  for (size_t u = u0; u < u1; u++) {
    const int lo = s->lo[kx], hi = s->hi[kx];
    const float* xc = s->x + i * s->img + (size_t)c * plane;
    float* o = s->cols + r * s->ld + i * s->P;
    int iy = ky * g->dh - g->ph;
    /* Output column ox reads input column off + ox * sw (inside the image for lo <= ox < hi). */
    const ptrdiff_t off = (ptrdiff_t)kx * g->dw - g->pw;
    for (int oy = 0; oy < outH; oy++, iy += g->sh, o += outW) {
      if (iy < 0 || iy >= g->H) {
        for (int ox = 0; ox < outW; ox++) o[ox] = 0;
        continue;
      }
      const float* src = xc + (ptrdiff_t)iy * g->W + off;
      for (int ox = 0; ox < lo; ox++) o[ox] = 0;
      if (sw == 1)
        for (int ox = lo; ox < hi; ox++) o[ox] = src[ox];
      else
        for (int ox = lo; ox < hi; ox++) o[ox] = src[(ptrdiff_t)ox * sw];
      for (int ox = hi; ox < outW; ox++) o[ox] = 0;
    }
    if (++i == n) {
      i = 0;
      r++;
      if (++kx == g->kw) {
        kx = 0;
        if (++ky == g->kh) ky = 0, c++;
      }
    }
  }
}

/* Kernel widths and sizes the row fold's per-kx tables and per-row term lists hold; larger kernels
 * take the plain scatter. */
#define FOLD_MAX_KW 16
#define FOLD_MAX_TERMS 64

/*
 * col2imBatch as the reference's scatter, one input plane per unit: unit u = c * n + i adds the
 * rows (c, ky, kx) of image i's columns onto plane c of image i, every pixel receiving its terms
 * in the reference's (ky, kx) order, so the sums are identical. With `overwrite` the plane starts
 * from +0 (as a fresh zeroed array would), else from x's values.
 */
struct fold {
  struct unfold u;
  int overwrite;
  /* The row fold (column stride 1; NULL ka: the plain scatter). Pixel j of a row receives
   * seg[kx][j - off[kx]] for kx in [ka[j], kb[j]); pixels [jlo, jhi) get every kx. */
  ptrdiff_t off[FOLD_MAX_KW];
  const int *ka, *kb;
  int jlo, jhi;
};

/*
 * The row fold (column stride 1): one input row at a time, each pixel's terms from every
 * (ky, kx) that reaches it summed in registers in the reference's order and stored once.
 * Interior pixels take four sums of four lanes side by side (the adds' latency, not the loads,
 * bounds one chain); a pass per ky instead re-reads and re-writes the plane kh times.
 */
static void col2im_rows(const struct fold* f, float* xp, const float* base) {
  const struct unfold* s = &f->u;
  const struct geo* g = s->g;
  const int outH = g->outH, outW = g->outW, kh = g->kh, kw = g->kw, W = g->W;
  const int jlo = f->jlo, jhi = f->jhi, ow = f->overwrite;
  const float* seg[FOLD_MAX_TERMS];
  for (int iy = 0; iy < g->H; iy++) {
    float* d = xp + (size_t)iy * W;
    /* The ky reaching row iy, ascending (the reference's order), each with its kw segments. */
    int m = 0, kys = 0;
    int t = iy + g->ph;
    for (int ky = 0; ky < kh && t >= 0; ky++, t -= g->dh) {
      int oy = t;
      if (g->sh != 1) {
        if (t % g->sh) continue;
        oy = t / g->sh;
      }
      if (oy >= outH) continue;
      const float* r = base + (size_t)ky * kw * s->ld + (size_t)oy * outW;
      for (int kx = 0; kx < kw; kx++) seg[m++] = r + (size_t)kx * s->ld - f->off[kx];
      kys++;
    }
    if (!m) {
      if (ow) memset(d, 0, sizeof(float) * W);
      continue;
    }
    int j = jlo;
    if (ow && jhi - jlo >= 4) {
      for (; j + 16 <= jhi; j += 16) {
        v4f a = {0, 0, 0, 0}, b = a, c = a, e = a;
        for (int k = 0; k < m; k++) {
          const float* q = seg[k] + j;
          a += load4(q), b += load4(q + 4), c += load4(q + 8), e += load4(q + 12);
        }
        store4(d + j, a), store4(d + j + 4, b), store4(d + j + 8, c), store4(d + j + 12, e);
      }
      for (; j + 4 <= jhi; j += 4) {
        v4f a = {0, 0, 0, 0};
        for (int k = 0; k < m; k++) a += load4(seg[k] + j);
        store4(d + j, a);
      }
      /* The last pixels as a block overlapping the one before: from zeros, recomputing a pixel
       * gives the same value. */
      if (j < jhi) {
        j = jhi - 4;
        v4f a = {0, 0, 0, 0};
        for (int k = 0; k < m; k++) a += load4(seg[k] + j);
        store4(d + j, a);
      }
    } else {
      for (; j + 4 <= jhi; j += 4) {
        v4f a = ow ? (v4f){0, 0, 0, 0} : load4(d + j);
        for (int k = 0; k < m; k++) a += load4(seg[k] + j);
        store4(d + j, a);
      }
      for (; j < jhi; j++) {
        float v = ow ? 0.0f : d[j];
        for (int k = 0; k < m; k++) v += seg[k][j];
        d[j] = v;
      }
    }
    /* The pixels at the row's ends, which only some kx reach. */
    const int left = jlo < W ? jlo : W, right = jhi > jlo ? jhi : jlo;
    for (j = 0; j < W; j++) {
      if (j == left) j = right;
      if (j >= W) break;
      float v = ow ? 0.0f : d[j];
      for (int r = 0; r < kys; r++)
        for (int kx = f->ka[j]; kx < f->kb[j]; kx++) v += seg[r * kw + kx][j];
      d[j] = v;
    }
  }
}

/*
 * The plain scatter onto one plane: each (ky, kx) row's terms added in turn, the reference's
 * loop. Kept scalar: vectorised at column stride 1, each run re-loads floats stored one lane
 * over just before (a store-forwarding stall per vector).
 */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-vectorize")))
#endif
static void col2im_scatter(const struct fold* f, float* xp, const float* base) {
  const struct unfold* s = &f->u;
  const struct geo* g = s->g;
  const int outW = g->outW, outH = g->outH, sw = g->sw, kw = g->kw;
  for (int ky = 0; ky < g->kh; ky++) {
    const float* row0 = base + (size_t)ky * kw * s->ld;
    for (int kx = 0; kx < kw; kx++) {
      const float* sg = row0 + kx * s->ld;
      const int lo = s->lo[kx], hi = s->hi[kx];
      const ptrdiff_t o = (ptrdiff_t)kx * g->dw - g->pw;
      int iy = ky * g->dh - g->ph;
      for (int oy = 0; oy < outH; oy++, iy += g->sh, sg += outW) {
        if (iy < 0 || iy >= g->H) continue;
        float* dst = xp + (ptrdiff_t)iy * g->W + o;
        for (int ox = lo; ox < hi; ox++) dst[(ptrdiff_t)ox * sw] += sg[ox];
      }
    }
  }
}

static void col2im_units(void* p, size_t u0, size_t u1) {
  const struct fold* f = p;
  const struct unfold* s = &f->u;
  const struct geo* g = s->g;
  const size_t n = (size_t)g->n, plane = (size_t)g->H * g->W;
  for (size_t u = u0; u < u1; u++) {
    const size_t c = u / n, i = u % n;
    float* xp = s->x + i * s->img + c * plane;
    const float* base = s->cols + c * (size_t)g->kh * g->kw * s->ld + i * s->P;
    if (f->ka) {
      col2im_rows(f, xp, base);
    } else {
      if (f->overwrite) memset(xp, 0, sizeof(float) * plane);
      col2im_scatter(f, xp, base);
    }
  }
}

/* Fills f's row-fold tables (column stride 1); ka and kb hold W ints each. */
static void row_fold_tables(struct fold* f, int* ka, int* kb) {
  const struct unfold* s = &f->u;
  const struct geo* g = s->g;
  f->ka = ka;
  f->kb = kb;
  f->jlo = 0;
  f->jhi = g->W;
  for (int kx = 0; kx < g->kw; kx++) {
    f->off[kx] = (ptrdiff_t)kx * g->dw - g->pw;
    if (s->lo[kx] + f->off[kx] > f->jlo) f->jlo = (int)(s->lo[kx] + f->off[kx]);
    if (s->hi[kx] + f->off[kx] < f->jhi) f->jhi = (int)(s->hi[kx] + f->off[kx]);
  }
  if (f->jhi < f->jlo) f->jhi = f->jlo;
  for (int j = 0; j < g->W; j++) {
    int a = -1, b = -1;
    for (int kx = 0; kx < g->kw; kx++) {
      const ptrdiff_t ox = j - f->off[kx];
      if (ox >= s->lo[kx] && ox < s->hi[kx]) {
        if (a < 0) a = kx;
        b = kx + 1;
      }
    }
    ka[j] = a < 0 ? 0 : a;
    kb[j] = a < 0 ? 0 : b;
  }
}

/*
 * im2row: unit u = i * outH + oy writes the patch rows of output row oy of image i. The input
 * rows each (c, ky) reads are the same for the whole output row: looked up once per unit.
 */
struct rows_table {
  struct unfold u;
  int failed; /* set when a range could not allocate its table */
};

/*
 * Patch rows ox in [xa, xb) of output row oy of image i, into o (row ox = xa first). Sets the
 * per-(c, ky) input rows of `rows` (NULL where padding) for this (i, oy).
 */
static void im2row_line(const struct unfold* s, const float** rows, size_t i, int oy, int xa,
                        int xb, float* o) {
  const struct geo* g = s->g;
  const int kw = g->kw, dw = g->dw, W = g->W, CK = g->C * g->kh;
  const float* xi = s->x + i * s->img;
  for (int c = 0; c < g->C; c++)
    for (int ky = 0; ky < g->kh; ky++) {
      const int iy = oy * g->sh - g->ph + ky * g->dh;
      rows[c * g->kh + ky] =
          iy < 0 || iy >= g->H ? NULL : xi + ((size_t)c * g->H + (size_t)iy) * W;
    }
  for (int ox = xa; ox < xb; ox++) {
    const int x0 = ox * g->sw - g->pw;
    const int inside = x0 >= 0 && x0 + (kw - 1) * dw < W;
    if (inside && kw == 3 && dw == 1 && x0 + 3 < W) {
      /* The common 3-wide kernel by 4-float copies, each one's 4th float overwritten by the
       * next (the last one copied by 3): a load and a store per triple. r[3] lies in the row. */
      const v4f zero = {0, 0, 0, 0};
      for (int j = 0; j < CK - 1; j++, o += 3) {
        const float* r = rows[j];
        store4(o, r ? load4(r + x0) : zero);
      }
      const float* r = rows[CK - 1];
      if (!r) {
        o[0] = 0, o[1] = 0, o[2] = 0;
      } else {
        r += x0;
        o[0] = r[0], o[1] = r[1], o[2] = r[2];
      }
      o += 3;
    } else if (inside && kw == 3 && dw == 1) {
      /* The common 3-wide kernel, unrolled. */
      for (int j = 0; j < CK; j++, o += 3) {
        const float* r = rows[j];
        if (!r) {
          o[0] = 0, o[1] = 0, o[2] = 0;
        } else {
          r += x0;
          o[0] = r[0], o[1] = r[1], o[2] = r[2];
        }
      }
    } else if (inside) {
      for (int j = 0; j < CK; j++) {
        const float* r = rows[j];
        if (!r)
          for (int kx = 0; kx < kw; kx++) *o++ = 0;
        else
          for (int kx = 0; kx < kw; kx++) *o++ = r[x0 + (ptrdiff_t)kx * dw];
      }
    } else {
      for (int j = 0; j < CK; j++) {
        const float* r = rows[j];
        for (int kx = 0; kx < kw; kx++) {
          const int ix = x0 + kx * dw;
          *o++ = r && ix >= 0 && ix < W ? r[ix] : 0;
        }
      }
    }
  }
}

static void im2row_units(void* p, size_t u0, size_t u1) {
  struct rows_table* t = p;
  const struct unfold* s = &t->u;
  const struct geo* g = s->g;
  /* Per (c, ky): the input row, NULL where it is padding. */
  const float** rows = malloc(sizeof *rows * (size_t)(g->C * g->kh));
  if (!rows) {
    __atomic_store_n(&t->failed, 1, __ATOMIC_RELAXED);
    return;
  }
  for (size_t u = u0; u < u1; u++) {
    const size_t i = u / (size_t)g->outH;
    const int oy = (int)(u % (size_t)g->outH);
    im2row_line(s, rows, i, oy, 0, g->outW, s->cols + (i * s->P + (size_t)oy * g->outW) * s->K);
  }
  free(rows);
}

/*
 * im2row of patch rows [r0, r1) only (row r = (i * outH + oy) * outW + ox), into s->cols from
 * its start: unit v is output row v = i * outH + oy, clipped to the span. A simulated device
 * fills each chunk of its product this way from its converted sources (ProductContext.sourceRows).
 */
struct span_table {
  struct rows_table t;
  size_t r0, r1;
};

static void im2row_span_units(void* p, size_t u0, size_t u1) {
  struct span_table* sp = p;
  const struct unfold* s = &sp->t.u;
  const struct geo* g = s->g;
  const size_t outW = (size_t)g->outW, first = sp->r0 / outW;
  const float** rows = malloc(sizeof *rows * (size_t)(g->C * g->kh));
  if (!rows) {
    __atomic_store_n(&sp->t.failed, 1, __ATOMIC_RELAXED);
    return;
  }
  for (size_t u = u0; u < u1; u++) {
    const size_t v = first + u;
    const size_t a = v * outW > sp->r0 ? v * outW : sp->r0;
    const size_t b = (v + 1) * outW < sp->r1 ? (v + 1) * outW : sp->r1;
    im2row_line(s, rows, v / (size_t)g->outH, (int)(v % (size_t)g->outH), (int)(a - v * outW),
                (int)(b - v * outW), s->cols + (a - sp->r0) * s->K);
  }
  free(rows);
}

/*
 * convRowsIn(geo, x, row0, count, out): patch rows [row0, row0 + count) of im2row(x) into out
 * (count x K), under par_for; the same copies as convUnfoldPar's mode 2.
 */
static napi_value js_conv_rows_in(napi_env env, napi_callback_info cb) {
  size_t argc = 5, lx, lo;
  napi_value argv[5];
  struct geo g;
  float *x, *out;
  double row0, count;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 5 || !geo_arg(env, argv[0], &g) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&x, &lx) ||
      napi_get_value_double(env, argv[2], &row0) != napi_ok ||
      napi_get_value_double(env, argv[3], &count) != napi_ok ||
      !typed_arg(env, argv[4], napi_float32_array, (void**)&out, &lo))
    return throw_range(env, "convRowsIn: bad arguments");
  const double P = (double)g.outH * g.outW, K = (double)g.C * g.kh * g.kw;
  if (!(row0 >= 0) || !(count >= 0) || row0 != (double)(size_t)row0 ||
      count != (double)(size_t)count || row0 + count > (double)g.n * P ||
      (double)g.n * g.C * g.H * g.W > (double)lx || count * K > (double)lo)
    return throw_range(env, "convRowsIn: rows outside the geometry, or arrays too short");
  if (count == 0) return NULL;
  struct span_table sp;
  struct unfold* s = &sp.t.u;
  s->g = &g;
  s->x = x;
  s->cols = out;
  s->P = (size_t)P;
  s->K = (size_t)K;
  s->img = (size_t)g.C * g.H * g.W;
  s->ld = 0;
  s->lo = NULL;
  s->hi = NULL;
  sp.t.failed = 0;
  sp.r0 = (size_t)row0;
  sp.r1 = (size_t)(row0 + count);
  const size_t outW = (size_t)g.outW;
  const size_t units = (sp.r1 - 1) / outW - sp.r0 / outW + 1;
  par_for(units, grain_for(outW * s->K), im2row_span_units, &sp);
  if (sp.t.failed) napi_throw_error(env, NULL, "convRowsIn: out of memory");
  return NULL;
}

/*
 * convUnfoldPar(mode, geo, x, cols): the layouts of src/compute/im2col.ts under par_for.
 * mode 0 im2colBatch (x -> cols, K x n*P), 1 col2imBatch (cols added onto x), 2 im2row (x -> cols
 * as n*P x K), 3 col2imBatch overwriting x (as if x were zeroed first).
 */
static napi_value js_conv_unfold_par(napi_env env, napi_callback_info cb) {
  size_t argc = 4, lx, lc;
  napi_value argv[4];
  int32_t mode;
  struct geo g;
  float *x, *cols;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !i32_arg(env, argv[0], &mode) || mode < 0 || mode > 3 ||
      !geo_arg(env, argv[1], &g) ||
      !typed_arg(env, argv[2], napi_float32_array, (void**)&x, &lx) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&cols, &lc))
    return throw_range(env, "convUnfoldPar: bad arguments");
  const double need_x = (double)g.n * g.C * g.H * g.W;
  const double need_c = (double)g.n * g.C * g.kh * g.kw * g.outH * g.outW;
  if (need_x > (double)lx || need_c > (double)lc)
    return throw_range(env, "convUnfoldPar: arrays too short for the geometry");
  if (g.n == 0) return NULL;
  int* ranges = malloc(sizeof(int) * 2 * (size_t)g.kw);
  if (!ranges) {
    napi_throw_error(env, NULL, "convUnfoldPar: out of memory");
    return NULL;
  }
  struct fold f;
  struct rows_table rt;
  struct unfold* s = mode == 2 ? &rt.u : &f.u;
  s->g = &g;
  s->x = x;
  s->cols = cols;
  s->P = (size_t)g.outH * g.outW;
  s->K = (size_t)g.C * g.kh * g.kw;
  s->img = (size_t)g.C * g.H * g.W;
  s->ld = (size_t)g.n * s->P;
  s->lo = ranges;
  s->hi = ranges + g.kw;
  for (int kx = 0; kx < g.kw; kx++) valid_columns(&g, kx * g.dw, &s->lo[kx], &s->hi[kx]);
  f.overwrite = mode == 3;
  rt.failed = 0;
  const size_t n = (size_t)g.n;
  if (mode == 0)
    par_for(s->K * n, grain_for(s->P), im2col_units, s);
  else if (mode == 2)
    par_for(n * g.outH, grain_for((size_t)g.outW * s->K), im2row_units, &rt);
  else {
    /* The row fold at column stride 1 (the columns that reach a pixel are then an
     * interval of kx); else the plain scatter. */
    int* jt = g.sw == 1 && g.kw <= FOLD_MAX_KW && g.kh * g.kw <= FOLD_MAX_TERMS
                  ? malloc(sizeof(int) * 2 * (size_t)g.W)
                  : NULL;
    f.ka = NULL;
    if (jt) row_fold_tables(&f, jt, jt + g.W);
    /* Rows with fewer than 4 pixels that every kx reaches (the ConvNet's last conv: 6x6,
     * unpadded) gain nothing from the row fold's vectors; the scalar scatter is faster there. */
    if (jt && f.jhi - f.jlo < 4) f.ka = NULL;
    par_for((size_t)g.C * n, grain_for(s->P * g.kh * g.kw), col2im_units, &f);
    free(jt);
  }
  free(ranges);
  if (rt.failed) napi_throw_error(env, NULL, "convUnfoldPar: out of memory");
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Conv2d layouts: the product's layout <-> NCHW, with bias, saturation mask and bias gradient. */

/* An optional typed argument: null/undefined gives NULL with length 0; 0 when the type is wrong. */
static int optional_arg(napi_env env, napi_value v, napi_typedarray_type want, void** data,
                        size_t* length) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok) return 0;
  if (t == napi_null || t == napi_undefined) {
    *data = NULL;
    *length = 0;
    return 1;
  }
  return typed_arg(env, v, want, data, length);
}

struct channels_out {
  const float* fy;
  const float* bias;
  float* y;
  size_t n, F, P;
};

/* y[(i*F + f)*P + q] = fy[f*n*P + i*P + q] + (bias ? bias[f] : 0); unit u = i * F + f. */
static void channels_out_units(void* p, size_t u0, size_t u1) {
  const struct channels_out* s = p;
  const size_t nP = s->n * s->P;
  for (size_t u = u0; u < u1; u++) {
    const size_t i = u / s->F, f = u % s->F;
    const float v = s->bias ? s->bias[f] : 0.0f;
    const float* src = s->fy + f * nP + i * s->P;
    float* dst = s->y + u * s->P;
    for (size_t q = 0; q < s->P; q++) dst[q] = src[q] + v;
  }
}

/*
 * convChannelsOut(fy, n, F, P, bias, y, yOffset): a digital chunk's product fy (F x n*P) into
 * n images of the NCHW output from element yOffset, plus the bias (null: + 0, as the reference).
 */
static napi_value js_conv_channels_out(napi_env env, napi_callback_info cb) {
  size_t argc = 7, lf, lb, ly;
  napi_value argv[7];
  int32_t n, F, P;
  double yo;
  float *fy, *bias, *y;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 7 || !typed_arg(env, argv[0], napi_float32_array, (void**)&fy, &lf) ||
      !i32_arg(env, argv[1], &n) || !i32_arg(env, argv[2], &F) || !i32_arg(env, argv[3], &P) ||
      !optional_arg(env, argv[4], napi_float32_array, (void**)&bias, &lb) ||
      !typed_arg(env, argv[5], napi_float32_array, (void**)&y, &ly) ||
      !f64_arg(env, argv[6], &yo) || n < 0 || F < 0 || P < 0 || yo < 0 || yo != (double)(size_t)yo)
    return throw_range(env, "convChannelsOut: bad arguments");
  const size_t total = (size_t)n * F * P;
  if (total > lf || (bias && lb < (size_t)F) || (size_t)yo > ly || total > ly - (size_t)yo)
    return throw_range(env, "convChannelsOut: arrays too short");
  struct channels_out s = {fy, bias, y + (size_t)yo, (size_t)n, (size_t)F, (size_t)P};
  par_for((size_t)n * F, grain_for((size_t)P), channels_out_units, &s);
  return NULL;
}

/*
 * Output positions per unit of the rows -> channels transpose: for each channel a run of 128
 * floats (and 128 mask bytes, two full lines) is written, while the unit's 128 rows of Y stay in
 * the caches across channels.
 */
#define QTILE 128

struct rows_out {
  const float* Y;
  const float* bias;
  float* y;
  uint8_t* sat;
  float lo, hi;
  size_t n, P, F, tiles;
  int any;
};

/* rows_out_units for channel f, positions [q0, q1) of image i; returns the marks or'ed. */
static uint8_t rows_out_scalar(const struct rows_out* s, size_t i, size_t f, size_t q0, size_t q1) {
  const size_t F = s->F, P = s->P;
  const float lo = s->lo, hi = s->hi;
  const float* src = s->Y + i * P * F + f;
  float* o = s->y + i * F * P + f * P;
  const float b = s->bias ? s->bias[f] : 0.0f;
  uint8_t any = 0;
  if (s->sat) {
    uint8_t* m = s->sat + i * F * P + f * P;
    /* Bitwise, not ||: saturation is data-dependent, and branches on it mispredict. */
    if (s->bias)
      for (size_t q = q0; q < q1; q++) {
        const float v = src[q * F];
        const uint8_t k = (uint8_t)((v <= lo) | (v >= hi));
        o[q] = v + b;
        m[q] = k;
        any |= k;
      }
    else
      for (size_t q = q0; q < q1; q++) {
        const float v = src[q * F];
        const uint8_t k = (uint8_t)((v <= lo) | (v >= hi));
        o[q] = v;
        m[q] = k;
        any |= k;
      }
  } else if (s->bias)
    for (size_t q = q0; q < q1; q++) o[q] = src[q * F] + b;
  else
    for (size_t q = q0; q < q1; q++) o[q] = src[q * F];
  return any;
}

#ifdef __SSE2__
/* The 4 mask bytes of _mm_movemask_ps's 4 bits, as a little-endian word. */
static const uint32_t MASK_BYTES[16] = {
    0x00000000, 0x00000001, 0x00000100, 0x00000101, 0x00010000, 0x00010001, 0x00010100,
    0x00010101, 0x01000000, 0x01000001, 0x01000100, 0x01000101, 0x01010000, 0x01010001,
    0x01010100, 0x01010101};

/*
 * Channels [f, f+4) of positions [q0, q1) by 4 x 4 blocks transposed in registers: the same
 * adds and comparisons as rows_out_scalar, lane by lane, without its strided scalar loads (the
 * loop's cost). Returns how far it got (the rest, q1 - q0 mod 4 positions, is left over).
 */
static size_t rows_out_block4(const struct rows_out* s, size_t i, size_t f, size_t q0, size_t q1,
                              uint8_t* any) {
  const size_t F = s->F, P = s->P;
  const float* Yi = s->Y + i * P * F + f;
  float* o = s->y + i * F * P + f * P;
  uint8_t* m = s->sat ? s->sat + i * F * P + f * P : NULL;
  const __m128 lo = _mm_set1_ps(s->lo), hi = _mm_set1_ps(s->hi);
  __m128 b0 = _mm_setzero_ps(), b1 = b0, b2 = b0, b3 = b0;
  if (s->bias) {
    b0 = _mm_set1_ps(s->bias[f]), b1 = _mm_set1_ps(s->bias[f + 1]);
    b2 = _mm_set1_ps(s->bias[f + 2]), b3 = _mm_set1_ps(s->bias[f + 3]);
  }
  int bits = 0;
  size_t q = q0;
  for (; q + 4 <= q1; q += 4) {
    __m128 r0 = _mm_loadu_ps(Yi + q * F), r1 = _mm_loadu_ps(Yi + (q + 1) * F);
    __m128 r2 = _mm_loadu_ps(Yi + (q + 2) * F), r3 = _mm_loadu_ps(Yi + (q + 3) * F);
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3); /* r_k: channel f+k at positions q..q+3 */
    if (m) {
      const int k0 = _mm_movemask_ps(_mm_or_ps(_mm_cmple_ps(r0, lo), _mm_cmpge_ps(r0, hi)));
      const int k1 = _mm_movemask_ps(_mm_or_ps(_mm_cmple_ps(r1, lo), _mm_cmpge_ps(r1, hi)));
      const int k2 = _mm_movemask_ps(_mm_or_ps(_mm_cmple_ps(r2, lo), _mm_cmpge_ps(r2, hi)));
      const int k3 = _mm_movemask_ps(_mm_or_ps(_mm_cmple_ps(r3, lo), _mm_cmpge_ps(r3, hi)));
      memcpy(m + q, &MASK_BYTES[k0], 4);
      memcpy(m + P + q, &MASK_BYTES[k1], 4);
      memcpy(m + 2 * P + q, &MASK_BYTES[k2], 4);
      memcpy(m + 3 * P + q, &MASK_BYTES[k3], 4);
      bits |= k0 | k1 | k2 | k3;
    }
    if (s->bias) {
      r0 = _mm_add_ps(r0, b0), r1 = _mm_add_ps(r1, b1);
      r2 = _mm_add_ps(r2, b2), r3 = _mm_add_ps(r3, b3);
    }
    _mm_storeu_ps(o + q, r0);
    _mm_storeu_ps(o + P + q, r1);
    _mm_storeu_ps(o + 2 * P + q, r2);
    _mm_storeu_ps(o + 3 * P + q, r3);
  }
  if (bits) *any = 1;
  return q;
}
#endif

/*
 * y[(i*F + f)*P + q] = Y[(i*P + q)*F + f] (+ bias[f]); sat[same] = 1 where Y <= lo or >= hi.
 * Unit u = i * tiles + t: image i, output positions [t*QTILE, (t+1)*QTILE).
 */
static void rows_out_units(void* p, size_t u0, size_t u1) {
  struct rows_out* s = p;
  const size_t F = s->F, P = s->P;
  uint8_t any = 0;
  for (size_t u = u0; u < u1; u++) {
    const size_t i = u / s->tiles, q0 = u % s->tiles * QTILE;
    const size_t q1 = q0 + QTILE < P ? q0 + QTILE : P;
    size_t f = 0;
#ifdef __SSE2__
    for (; f + 4 <= F; f += 4) {
      const size_t q = rows_out_block4(s, i, f, q0, q1, &any);
      for (size_t k = 0; k < 4 && q < q1; k++) any |= rows_out_scalar(s, i, f + k, q, q1);
    }
#endif
    for (; f < F; f++) any |= rows_out_scalar(s, i, f, q0, q1);
  }
  if (any) __atomic_store_n(&s->any, 1, __ATOMIC_RELAXED);
}

/*
 * The float bounds equivalent to comparing a float v with the doubles lo and hi: v <= lo exactly
 * when v <= the largest float <= lo, and v >= hi when v >= the smallest float >= hi (NaN stays
 * NaN: no v compares true, as with the doubles).
 */
/* The next float toward -infinity (f finite or +infinity), without libm's nextafterf. */
static float float_down(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof b);
  if (f == 0) b = 0x80000001u; /* -smallest subnormal */
  else if (f > 0) b--;
  else b++;
  memcpy(&f, &b, sizeof f);
  return f;
}

static float float_below(double lo) {
  const float f = (float)lo;
  return (double)f > lo ? float_down(f) : f;
}

static float float_above(double hi) {
  const float f = (float)hi;
  return (double)f < hi ? -float_down(-f) : f;
}

/*
 * convRowsOut(Y, n, P, F, bias, y, yOffset, lo, hi, sat): the device's rows Y (n*P x F) into n
 * images of the NCHW output from element yOffset, plus the bias (null: none), and when sat is
 * given (indexed like y) marks the outputs at or beyond [lo, hi]. Returns whether any was marked.
 */
static napi_value js_conv_rows_out(napi_env env, napi_callback_info cb) {
  size_t argc = 10, lY, lb, ly, ls;
  napi_value argv[10], out;
  int32_t n, P, F;
  double yo, lo, hi;
  float *Y, *bias, *y;
  uint8_t* sat;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 10 || !typed_arg(env, argv[0], napi_float32_array, (void**)&Y, &lY) ||
      !i32_arg(env, argv[1], &n) || !i32_arg(env, argv[2], &P) || !i32_arg(env, argv[3], &F) ||
      !optional_arg(env, argv[4], napi_float32_array, (void**)&bias, &lb) ||
      !typed_arg(env, argv[5], napi_float32_array, (void**)&y, &ly) ||
      !f64_arg(env, argv[6], &yo) || !f64_arg(env, argv[7], &lo) || !f64_arg(env, argv[8], &hi) ||
      !optional_arg(env, argv[9], napi_uint8_array, (void**)&sat, &ls) || n < 0 || P < 0 ||
      F < 0 || yo < 0 || yo != (double)(size_t)yo)
    return throw_range(env, "convRowsOut: bad arguments");
  const size_t total = (size_t)n * F * P;
  if (total > lY || (bias && lb < (size_t)F) || (size_t)yo > ly || total > ly - (size_t)yo ||
      (sat && ((size_t)yo > ls || total > ls - (size_t)yo)))
    return throw_range(env, "convRowsOut: arrays too short");
  struct rows_out s = {Y,
                       bias,
                       y + (size_t)yo,
                       sat ? sat + (size_t)yo : NULL,
                       float_below(lo),
                       float_above(hi),
                       (size_t)n,
                       (size_t)P,
                       (size_t)F,
                       ((size_t)P + QTILE - 1) / QTILE,
                       0};
  par_for((size_t)n * s.tiles, grain_for((size_t)QTILE * F), rows_out_units, &s);
  CHECK(napi_get_boolean(env, s.any != 0, &out));
  return out;
}

struct grad_rows {
  const float* dy;
  const uint8_t* sat;
  float* dyc;
  double* db;
  size_t n, F, P;
};

/*
 * dyc[f*n*P + i*P + q] = sat[...] ? 0 : dy[(i*F + f)*P + q], and db[f] += the per-image sums of
 * those values (each a float64 sum over q), images in order: unit u = f owns all of them.
 */
static void grad_rows_units(void* p, size_t u0, size_t u1) {
  const struct grad_rows* s = p;
  const size_t n = s->n, F = s->F, P = s->P;
  for (size_t f = u0; f < u1; f++) {
    size_t i = 0;
    if (!s->sat && s->db) {
      /* Four images' sums side by side: each is still one float64 chain over q in order, added
       * to db in image order, but four chains hide the adds' latency (the loop's bound). */
      for (; i + 4 <= n; i += 4) {
        const float* d0 = s->dy + (i * F + f) * P;
        const float *d1 = d0 + F * P, *d2 = d1 + F * P, *d3 = d2 + F * P;
        float* o0 = s->dyc + f * n * P + i * P;
        float *o1 = o0 + P, *o2 = o1 + P, *o3 = o2 + P;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (size_t q = 0; q < P; q++) {
          const float v0 = d0[q], v1 = d1[q], v2 = d2[q], v3 = d3[q];
          o0[q] = v0, o1[q] = v1, o2[q] = v2, o3[q] = v3;
          s0 += v0, s1 += v1, s2 += v2, s3 += v3;
        }
        s->db[f] += s0;
        s->db[f] += s1;
        s->db[f] += s2;
        s->db[f] += s3;
      }
    }
    for (; i < n; i++) {
      const size_t src = (i * F + f) * P;
      const float* d = s->dy + src;
      float* o = s->dyc + f * n * P + i * P;
      double sum = 0;
      if (s->sat) {
        const uint8_t* m = s->sat + src;
        for (size_t q = 0; q < P; q++) {
          const float v = m[q] ? 0.0f : d[q];
          o[q] = v;
          sum += v;
        }
      } else if (s->db) {
        for (size_t q = 0; q < P; q++) {
          const float v = d[q];
          o[q] = v;
          sum += v;
        }
      } else {
        memcpy(o, d, sizeof(float) * P);
      }
      if (s->db) s->db[f] += sum;
    }
  }
}

/*
 * convGradRows(dy, dyOffset, sat, n, F, P, dyc, db): n images of the NCHW gradient from element
 * dyOffset into the column layout dyc (F x n*P), zero where sat (indexed like dy; null: none) is
 * set, adding each channel's per-image sums to db (Float64Array, null: none).
 */
static napi_value js_conv_grad_rows(napi_env env, napi_callback_info cb) {
  size_t argc = 8, ld, ls, lc, lb;
  napi_value argv[8];
  int32_t n, F, P;
  double off;
  float *dy, *dyc;
  uint8_t* sat;
  double* db;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 8 || !typed_arg(env, argv[0], napi_float32_array, (void**)&dy, &ld) ||
      !f64_arg(env, argv[1], &off) ||
      !optional_arg(env, argv[2], napi_uint8_array, (void**)&sat, &ls) ||
      !i32_arg(env, argv[3], &n) || !i32_arg(env, argv[4], &F) || !i32_arg(env, argv[5], &P) ||
      !typed_arg(env, argv[6], napi_float32_array, (void**)&dyc, &lc) ||
      !optional_arg(env, argv[7], napi_float64_array, (void**)&db, &lb) || n < 0 || F < 0 ||
      P < 0 || off < 0 || off != (double)(size_t)off)
    return throw_range(env, "convGradRows: bad arguments");
  const size_t total = (size_t)n * F * P, o = (size_t)off;
  if (o > ld || total > ld - o || (sat && (o > ls || total > ls - o)) || total > lc ||
      (db && lb < (size_t)F))
    return throw_range(env, "convGradRows: arrays too short");
  struct grad_rows s = {dy + o, sat ? sat + o : NULL, dyc, db, (size_t)n, (size_t)F, (size_t)P};
  par_for((size_t)F, grain_for((size_t)n * P), grad_rows_units, &s);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Linear: bias over the rows, and its gradient (elementwise.ts addRowVector, sumRows).        */

struct row_vector {
  float* Y;
  const float* v;
  double* acc;
  size_t rows, cols;
};

/* Y[r, c] += v[c]; unit u = row r. */
static void add_row_units(void* p, size_t r0, size_t r1) {
  const struct row_vector* s = p;
  for (size_t r = r0; r < r1; r++) {
    float* y = s->Y + r * s->cols;
    for (size_t c = 0; c < s->cols; c++) y[c] += s->v[c];
  }
}

/* hostAddRowVector(Y, bias, rows, cols): Y[r, c] += bias[c]. */
static napi_value js_add_row_vector(napi_env env, napi_callback_info cb) {
  size_t argc = 4, ly, lv;
  napi_value argv[4];
  int32_t rows, cols;
  float *Y, *v;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&Y, &ly) ||
      !typed_arg(env, argv[1], napi_float32_array, (void**)&v, &lv) ||
      !i32_arg(env, argv[2], &rows) || !i32_arg(env, argv[3], &cols) || rows < 0 || cols < 0)
    return throw_range(env, "hostAddRowVector: bad arguments");
  if ((size_t)rows * cols > ly || (size_t)cols > lv)
    return throw_range(env, "hostAddRowVector: arrays too short");
  struct row_vector s = {Y, v, NULL, (size_t)rows, (size_t)cols};
  par_for((size_t)rows, grain_for((size_t)cols), add_row_units, &s);
  return NULL;
}

/* Column sums in float64, rows in order; unit u = a block of SUM_BLOCK columns. */
#define SUM_BLOCK 64

static void sum_rows_units(void* p, size_t b0, size_t b1) {
  const struct row_vector* s = p;
  const size_t c0 = b0 * SUM_BLOCK, c1 = b1 * SUM_BLOCK < s->cols ? b1 * SUM_BLOCK : s->cols;
  for (size_t c = c0; c < c1; c++) s->acc[c] = 0;
  for (size_t r = 0; r < s->rows; r++) {
    const float* y = s->Y + r * s->cols;
    for (size_t c = c0; c < c1; c++) s->acc[c] += y[c];
  }
}

/* hostSumRows(dY, rows, cols, out): out[c] += (float64 sum over r of dY[r, c]). */
static napi_value js_sum_rows(napi_env env, napi_callback_info cb) {
  size_t argc = 4, ly, lo;
  napi_value argv[4];
  int32_t rows, cols;
  float *Y, *out;
  CHECK(napi_get_cb_info(env, cb, &argc, argv, NULL, NULL));
  if (argc < 4 || !typed_arg(env, argv[0], napi_float32_array, (void**)&Y, &ly) ||
      !i32_arg(env, argv[1], &rows) || !i32_arg(env, argv[2], &cols) ||
      !typed_arg(env, argv[3], napi_float32_array, (void**)&out, &lo) || rows < 0 || cols < 0)
    return throw_range(env, "hostSumRows: bad arguments");
  if ((size_t)rows * cols > ly || (size_t)cols > lo)
    return throw_range(env, "hostSumRows: arrays too short");
  double* acc = malloc(sizeof(double) * ((size_t)cols ? (size_t)cols : 1));
  if (!acc) {
    napi_throw_error(env, NULL, "hostSumRows: out of memory");
    return NULL;
  }
  struct row_vector s = {Y, NULL, acc, (size_t)rows, (size_t)cols};
  const size_t blocks = ((size_t)cols + SUM_BLOCK - 1) / SUM_BLOCK;
  par_for(blocks, grain_for((size_t)rows * SUM_BLOCK), sum_rows_units, &s);
  for (size_t c = 0; c < (size_t)cols; c++) out[c] = (float)((double)out[c] + acc[c]);
  free(acc);
  return NULL;
}

/* ---------------------------------------------------------------------------------------- */

int analoop_register_host(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"convUnfoldPar", NULL, js_conv_unfold_par, NULL, NULL, NULL, napi_default, NULL},
      {"convRowsIn", NULL, js_conv_rows_in, NULL, NULL, NULL, napi_default, NULL},
      {"convChannelsOut", NULL, js_conv_channels_out, NULL, NULL, NULL, napi_default, NULL},
      {"convRowsOut", NULL, js_conv_rows_out, NULL, NULL, NULL, napi_default, NULL},
      {"convGradRows", NULL, js_conv_grad_rows, NULL, NULL, NULL, napi_default, NULL},
      {"hostAddRowVector", NULL, js_add_row_vector, NULL, NULL, NULL, napi_default, NULL},
      {"hostSumRows", NULL, js_sum_rows, NULL, NULL, NULL, napi_default, NULL},
  };
  return define_functions(env, exports, props, sizeof props / sizeof props[0]);
}
