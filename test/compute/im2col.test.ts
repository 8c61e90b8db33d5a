import { afterEach, describe, expect, it } from 'vitest';
import {
  col2im,
  col2imBatch,
  convOutputSize,
  im2col,
  im2colBatch,
  im2colSourceIndex,
  im2row,
  im2rowRows,
  setNativeUnfold,
  type Conv2dOptions,
} from '../../src/compute/im2col.js';
import { hostAddon, setNativeHost } from '../../src/compute/host-addon.js';
import { gemmJs } from '../../src/compute/js-kernels.js';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import { randomArray, rng } from './reference.js';

/** Convolution straight from its definition (cross-correlation, as in PyTorch), in float64. */
function directConv(
  x: Float32Array,
  w: Float32Array,
  C: number,
  H: number,
  W: number,
  F: number,
  kh: number,
  kw: number,
  [sh, sw]: [number, number],
  [ph, pw]: [number, number],
  [dh, dw]: [number, number],
): { y: Float64Array; outH: number; outW: number } {
  const outH = Math.floor((H + 2 * ph - dh * (kh - 1) - 1) / sh) + 1;
  const outW = Math.floor((W + 2 * pw - dw * (kw - 1) - 1) / sw) + 1;
  const y = new Float64Array(F * outH * outW);
  for (let f = 0; f < F; f++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        let s = 0;
        for (let c = 0; c < C; c++) {
          for (let ky = 0; ky < kh; ky++) {
            for (let kx = 0; kx < kw; kx++) {
              const iy = oy * sh - ph + ky * dh;
              const ix = ox * sw - pw + kx * dw;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              s += w[((f * C + c) * kh + ky) * kw + kx] * x[(c * H + iy) * W + ix];
            }
          }
        }
        y[(f * outH + oy) * outW + ox] = s;
      }
    }
  }
  return { y, outH, outW };
}

type Case = {
  C: number;
  H: number;
  W: number;
  kh: number;
  kw: number;
  s: [number, number];
  p: [number, number];
  d: [number, number];
};

const CASES: Case[] = [];
for (const s of [
  [1, 1],
  [2, 2],
  [3, 1],
] as [number, number][]) {
  for (const p of [
    [0, 0],
    [1, 1],
    [2, 0],
  ] as [number, number][]) {
    for (const d of [
      [1, 1],
      [2, 2],
      [1, 3],
    ] as [number, number][]) {
      CASES.push({ C: 3, H: 9, W: 11, kh: 3, kw: 2, s, p, d });
    }
  }
}
CASES.push({ C: 1, H: 1, W: 1, kh: 1, kw: 1, s: [1, 1], p: [0, 0], d: [1, 1] });
CASES.push({ C: 2, H: 5, W: 7, kh: 5, kw: 7, s: [1, 1], p: [0, 0], d: [1, 1] }); // kernel = image
CASES.push({ C: 2, H: 4, W: 4, kh: 3, kw: 3, s: [4, 4], p: [3, 3], d: [1, 1] }); // padding > kernel/2
CASES.push({ C: 1, H: 6, W: 1, kh: 2, kw: 1, s: [1, 1], p: [0, 2], d: [1, 1] }); // a column image

const label = (c: Case) => `C${c.C} ${c.H}x${c.W} k${c.kh}x${c.kw} s${c.s} p${c.p} d${c.d}`;

describe('im2col + gemm is the convolution', () => {
  for (const c of CASES) {
    it(label(c), () => {
      const next = rng(c.H * 97 + c.W * 13 + c.s[0] * 7 + c.p[1] * 3 + c.d[0]);
      const F = 4;
      const x = randomArray(c.C * c.H * c.W, next);
      const w = randomArray(F * c.C * c.kh * c.kw, next);
      const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
      const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
      const ref = directConv(x, w, c.C, c.H, c.W, F, c.kh, c.kw, c.s, c.p, c.d);
      expect([outH, outW]).toEqual([ref.outH, ref.outW]);
      const cols = im2col(x, c.C, c.H, c.W, c.kh, c.kw, opts);
      const rows = c.C * c.kh * c.kw;
      expect(cols.length).toBe(rows * outH * outW);
      const y = new Float32Array(F * outH * outW);
      gemmJs(false, false, F, outH * outW, rows, 1, w, cols, 0, y);
      for (let i = 0; i < y.length; i++) expect(y[i]).toBeCloseTo(ref.y[i], 5);
    });
  }

  it('writes every element of a reused output buffer (no stale values under padding)', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    const out = new Float32Array(4 * 9).fill(NaN);
    im2col(x, 1, 2, 2, 2, 2, { padding: 1 }, out);
    expect(out.every(Number.isFinite)).toBe(true);
    // Row (ky=0, kx=0) reads x[oy-1, ox-1]: only the bottom-right 2x2 of the 3x3 output sees data.
    expect([...out.subarray(0, 9)]).toEqual([0, 0, 0, 0, 1, 2, 0, 3, 4]);
  });
});

describe('col2im is the adjoint of im2col', () => {
  for (const c of CASES) {
    it(label(c), () => {
      const next = rng(c.C * 31 + c.kh * 5 + c.s[1] * 11 + c.d[1] * 17 + c.p[0]);
      const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
      const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
      const x = randomArray(c.C * c.H * c.W, next);
      const y = randomArray(c.C * c.kh * c.kw * outH * outW, next);
      const ax = im2col(x, c.C, c.H, c.W, c.kh, c.kw, opts);
      const aty = col2im(y, c.C, c.H, c.W, c.kh, c.kw, opts);
      let lhs = 0;
      let rhs = 0;
      let scale = 0;
      for (let i = 0; i < y.length; i++) {
        lhs += ax[i] * y[i];
        scale += Math.abs(ax[i] * y[i]);
      }
      for (let i = 0; i < x.length; i++) rhs += x[i] * aty[i];
      expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-6 * scale + 1e-12);
    });
  }

  it('accumulates into the given output', () => {
    const cols = new Float32Array(4).fill(1); // 1x1 kernel over a 2x2 image: identity layout
    const out = Float32Array.from([10, 20, 30, 40]);
    col2im(cols, 1, 2, 2, 1, 1, {}, out);
    expect([...out]).toEqual([11, 21, 31, 41]);
  });

  it('sums overlapping windows: a 2x2 kernel over 3x3 counts each pixel once per window', () => {
    const [outH, outW] = convOutputSize(3, 3, 2, 2);
    const counts = col2im(new Float32Array(4 * outH * outW).fill(1), 1, 3, 3, 2, 2);
    expect([...counts]).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
  });
});

describe('batched forms (one gemm per chunk of images), JS and native alike', () => {
  // Several images, large enough (>= 4096 column entries) for the native loops when built.
  const n = 5;
  const BATCH_CASES = [...CASES.slice(0, 6), CASES[CASES.length - 2]!].map((c) => ({
    ...c,
    C: c.C * 8,
  }));
  for (const native of [true, false]) {
    for (const c of BATCH_CASES) {
      it(`${label(c)} (native ${native})`, () => {
        const was = setNativeUnfold(native);
        try {
          const next = rng(c.C + c.H * 3 + c.s[0] * 5 + c.p[0] * 7 + c.d[1] * 11);
          const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
          const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
          const P = outH * outW;
          const K = c.C * c.kh * c.kw;
          const img = c.C * c.H * c.W;
          const x = randomArray(n * img, next);
          const cols = im2colBatch(x, n, c.C, c.H, c.W, c.kh, c.kw, opts);
          const X = im2row(x, n, c.C, c.H, c.W, c.kh, c.kw, opts);
          const dcols = randomArray(K * n * P, next);
          const dx = col2imBatch(dcols, n, c.C, c.H, c.W, c.kh, c.kw, opts);
          setNativeUnfold(false);
          for (let i = 0; i < n; i++) {
            const one = im2col(x.subarray(i * img, (i + 1) * img), c.C, c.H, c.W, c.kh, c.kw, opts);
            const mine = new Float32Array(K * P);
            const dmine = new Float32Array(K * P);
            for (let k = 0; k < K; k++) {
              mine.set(cols.subarray(k * n * P + i * P, k * n * P + (i + 1) * P), k * P);
              dmine.set(dcols.subarray(k * n * P + i * P, k * n * P + (i + 1) * P), k * P);
              for (let q = 0; q < P; q++) expect(X[(i * P + q) * K + k]).toBe(one[k * P + q]);
            }
            expect(mine).toEqual(one);
            // Bit for bit: the same additions in the same order.
            const want = col2im(dmine, c.C, c.H, c.W, c.kh, c.kw, opts);
            expect(dx.subarray(i * img, (i + 1) * img)).toEqual(want);
          }
        } finally {
          setNativeUnfold(was);
        }
      });
    }
  }
});

describe("im2rowRows: any range of im2row's rows, JS and native alike", () => {
  for (const native of [true, false]) {
    it(`native ${native}`, () => {
      const n = 4;
      for (const c of [CASES[4]!, CASES[16]!, CASES[CASES.length - 1]!, CASES[0]!]) {
        const C = c.C * 8;
        const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
        const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
        const P = outH * outW;
        const K = C * c.kh * c.kw;
        const next = rng(C + c.H * 5);
        const x = randomArray(n * C * c.H * c.W, next);
        x[3] = -0;
        const was = setNativeUnfold(false);
        // The reference: the whole patch matrix by the JS loops (checked against im2col above).
        const whole = im2row(x, n, C, c.H, c.W, c.kh, c.kw, opts);
        setNativeUnfold(native);
        try {
          // Whole, single rows, across image and output-row boundaries, empty.
          const ranges: [number, number][] = [
            [0, n * P],
            [0, 1],
            [n * P - 1, 1],
            [P - 1, 2],
            [3, 0],
          ];
          for (let t = 0; t < 12; t++) {
            // rng gives [-1, 1).
            const u = () => (next() + 1) / 2;
            const a = Math.floor(u() * n * P);
            ranges.push([a, Math.floor(u() * (n * P - a + 1))]);
          }
          for (const [row0, count] of ranges) {
            const out = new Float32Array(count * K + 4).fill(NaN);
            im2rowRows(x, n, C, c.H, c.W, c.kh, c.kw, opts, row0, count, out);
            const want = whole.subarray(row0 * K, (row0 + count) * K);
            expect(firstBitDiff(out.subarray(0, count * K), want)).toBe(-1);
            expect(out.subarray(count * K).every(Number.isNaN)).toBe(true);
          }
          expect(() =>
            im2rowRows(x, n, C, c.H, c.W, c.kh, c.kw, opts, n * P - 1, 2, new Float32Array(2 * K)),
          ).toThrow(/rows \[\d+, \d+\) outside/);
        } finally {
          setNativeUnfold(was);
        }
      }
    });
  }
});

/**
 * Where two float arrays first differ in their bits (-0 vs +0 and NaN payloads included), or -1;
 * a loop rather than toEqual, which is slow on arrays of 100k elements.
 */
function firstBitDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

describe('col2imBatch with overwrite: as if into zeros, whatever the buffer held', () => {
  for (const native of [true, false]) {
    it(`native ${native}`, () => {
      const was = setNativeUnfold(native);
      try {
        for (const c of [CASES[4]!, CASES[16]!, CASES[CASES.length - 1]!]) {
          const C = c.C * 8;
          const n = 3;
          const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
          const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
          const dcols = randomArray(C * c.kh * c.kw * n * outH * outW, rng(C + c.H));
          const want = col2imBatch(dcols, n, C, c.H, c.W, c.kh, c.kw, opts);
          const out = new Float32Array(n * C * c.H * c.W + 5).fill(NaN);
          col2imBatch(dcols, n, C, c.H, c.W, c.kh, c.kw, opts, out, true);
          expect(firstBitDiff(out.subarray(0, want.length), want)).toBe(-1);
          // Beyond the n images: untouched.
          expect(out.subarray(want.length).every(Number.isNaN)).toBe(true);
        }
      } finally {
        setNativeUnfold(was);
      }
    });
  }
});

const host = hostAddon();
const addon = loadNativeAddon();
const setThreads = (n: number) => (addon.ok ? addon.addon.blasSetThreads(n) : 1);

describe.skipIf(!host)('native host unfolding (convUnfoldPar) against the JS loops', () => {
  afterEach(() => {
    setThreads(1);
    setNativeHost(true);
    setNativeUnfold(true);
  });

  // Large enough that par_for splits the work at 2 threads (>= 32k elements).
  const PAR_CASES: Case[] = [
    { C: 16, H: 17, W: 19, kh: 3, kw: 3, s: [1, 1], p: [1, 1], d: [1, 1] },
    { C: 12, H: 15, W: 13, kh: 3, kw: 2, s: [2, 1], p: [0, 2], d: [1, 2] },
    { C: 9, H: 21, W: 20, kh: 5, kw: 3, s: [3, 2], p: [2, 1], d: [2, 1] },
    { C: 32, H: 6, W: 6, kh: 3, kw: 3, s: [1, 1], p: [1, 1], d: [1, 1] },
    { C: 40, H: 4, W: 5, kh: 1, kw: 1, s: [1, 1], p: [0, 0], d: [1, 1] },
    // Rows of 5 columns, 3 pixels reached by every kx: host.c's scalar scatter, not its row fold.
    { C: 48, H: 7, W: 7, kh: 3, kw: 3, s: [1, 1], p: [0, 0], d: [1, 1] },
    // Padding wider than the reach of the kernel's columns: no pixel gets every kx.
    { C: 60, H: 5, W: 3, kh: 3, kw: 3, s: [1, 1], p: [2, 2], d: [2, 2] },
    // A wide kernel at stride 1 (the row fold's general width).
    { C: 20, H: 9, W: 11, kh: 2, kw: 5, s: [1, 1], p: [1, 2], d: [1, 1] },
    // Long rows: the row fold's 16-, 4- and overlapping last block; im2row's 4-float copies.
    { C: 6, H: 9, W: 43, kh: 3, kw: 3, s: [1, 1], p: [0, 0], d: [1, 1] },
    { C: 5, H: 10, W: 23, kh: 3, kw: 3, s: [1, 1], p: [2, 1], d: [1, 2] },
    // Row stride 2 with column stride 1 (the row fold picks the ky of each row), dilated rows.
    { C: 7, H: 14, W: 18, kh: 3, kw: 3, s: [2, 1], p: [1, 1], d: [2, 1] },
    // 81 terms per pixel: more than the row fold holds, so the plain scatter.
    { C: 3, H: 12, W: 14, kh: 9, kw: 9, s: [1, 1], p: [4, 4], d: [1, 1] },
  ];
  const n = 6;

  /** Every layout (and col2im both ways) with the current native setting. */
  function layouts(c: Case, x: Float32Array, dcols: Float32Array) {
    const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
    const acc = randomArray(x.length, rng(5));
    const added = col2imBatch(dcols, n, c.C, c.H, c.W, c.kh, c.kw, opts, acc.slice());
    const over = col2imBatch(dcols, n, c.C, c.H, c.W, c.kh, c.kw, opts, acc.slice(), true);
    return {
      cols: im2colBatch(x, n, c.C, c.H, c.W, c.kh, c.kw, opts),
      rows: im2row(x, n, c.C, c.H, c.W, c.kh, c.kw, opts),
      added,
      over,
    };
  }

  for (const threads of [1, 2]) {
    for (const c of PAR_CASES) {
      it(`${label(c)}, ${threads} thread(s): bit-identical to JS`, () => {
        const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
        const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
        const next = rng(c.C * 7 + c.H);
        const x = randomArray(n * c.C * c.H * c.W, next);
        const dcols = randomArray(c.C * c.kh * c.kw * n * outH * outW, next);
        setThreads(threads);
        const par = layouts(c, x, dcols);
        setNativeUnfold(false);
        const js = layouts(c, x, dcols);
        for (const k of ['cols', 'rows', 'added', 'over'] as const) {
          expect(firstBitDiff(par[k], js[k]), k).toBe(-1);
        }
      });
    }
  }

  // Signed zeros, infinities and NaN in the columns and in the array added onto: the sums must
  // meet them in the reference's order (-0 + -0 stays -0, Inf + -Inf is NaN, and so on).
  for (const threads of [1, 2]) {
    for (const c of [...PAR_CASES.slice(2, 3), ...PAR_CASES.slice(-7)]) {
      it(`${label(c)}, ${threads} thread(s): col2imBatch with special values`, () => {
        const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
        const [outH, outW] = convOutputSize(c.H, c.W, c.kh, c.kw, opts);
        const next = rng(c.C + 11);
        const special = [-0, 0, Infinity, -Infinity, NaN, 1e-45, -3e38];
        const sprinkle = (a: Float32Array) => {
          for (let i = 0; i < a.length; i++) {
            const r = next();
            if (r < 0.3) a[i] = special[Math.floor(next() * special.length)]!;
          }
          return a;
        };
        const dcols = sprinkle(randomArray(c.C * c.kh * c.kw * n * outH * outW, next));
        const acc = sprinkle(randomArray(n * c.C * c.H * c.W, next));
        const run = () => ({
          added: col2imBatch(dcols, n, c.C, c.H, c.W, c.kh, c.kw, opts, acc.slice()),
          over: col2imBatch(dcols, n, c.C, c.H, c.W, c.kh, c.kw, opts, acc.slice(), true),
        });
        setThreads(threads);
        const par = run();
        setNativeHost(false);
        setNativeUnfold(false);
        const js = run();
        // NaN compares as NaN: its sign is not part of the contract (V8 canonicalises NaN on the
        // way into a Float32Array, and C may take either operand's NaN from an addition).
        const canon = (a: Float32Array) => a.map((v) => (Number.isNaN(v) ? NaN : v));
        for (const k of ['added', 'over'] as const)
          expect(firstBitDiff(canon(par[k]), canon(js[k])), k).toBe(-1);
      });
    }
  }
});

describe('im2colSourceIndex names the pixel behind every im2col entry', () => {
  for (const c of CASES) {
    it(label(c), () => {
      const opts: Conv2dOptions = { stride: c.s, padding: c.p, dilation: c.d };
      // Pixel values 1..n, so a padding zero can't pass for a pixel.
      const x = Float32Array.from({ length: c.C * c.H * c.W }, (_, i) => i + 1);
      const cols = im2col(x, c.C, c.H, c.W, c.kh, c.kw, opts);
      const idx = im2colSourceIndex(c.C, c.H, c.W, c.kh, c.kw, opts);
      expect(idx.length).toBe(cols.length);
      for (let i = 0; i < idx.length; i++) {
        if (idx[i] < 0) {
          expect(idx[i]).toBe(-1);
          expect(cols[i]).toBe(0);
        } else expect(cols[i]).toBe(x[idx[i]]);
      }
    });
  }

  it('writes every element of a reused buffer, and marks padding -1', () => {
    const out = new Int32Array(4 * 9).fill(77);
    im2colSourceIndex(1, 2, 2, 2, 2, { padding: 1 }, out);
    expect([...out.subarray(0, 9)]).toEqual([-1, -1, -1, -1, 0, 1, -1, 2, 3]);
    expect(out.includes(77)).toBe(false);
    expect(() => im2colSourceIndex(1, 2, 2, 2, 2, { padding: 1 }, new Int32Array(3))).toThrow(
      /out needs 36/,
    );
  });
});

describe('convOutputSize', () => {
  it('follows floor((n + 2p - d(k-1) - 1)/s) + 1 per axis', () => {
    expect(convOutputSize(28, 28, 5, 5)).toEqual([24, 24]);
    expect(convOutputSize(32, 32, 3, 3, { padding: 1 })).toEqual([32, 32]);
    expect(convOutputSize(32, 31, 3, 3, { stride: 2, padding: 1 })).toEqual([16, 16]);
    expect(convOutputSize(10, 10, 3, 3, { dilation: [2, 3] })).toEqual([6, 4]);
    expect(convOutputSize(7, 9, 2, 4, { stride: [1, 2], padding: [0, 1] })).toEqual([6, 4]);
  });

  it('rejects kernels that do not fit and malformed options', () => {
    expect(() => convOutputSize(2, 2, 3, 3)).toThrow(/does not fit/);
    expect(() => convOutputSize(8, 8, 3, 3, { stride: 0 })).toThrow(/stride/);
    expect(() => convOutputSize(8, 8, 3, 3, { padding: -1 })).toThrow(/padding/);
    expect(() => convOutputSize(8, 8, 3, 3, { dilation: [1, 1.5] })).toThrow(/dilation/);
    expect(() => convOutputSize(0, 8, 3, 3)).toThrow(/H must be/);
  });
});
