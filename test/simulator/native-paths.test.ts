/**
 * The simulator's native paths (native/analoop.c) against their JavaScript definitions: the
 * per-source range and scatter, program()'s copy-and-check, and the noise chain split over the
 * intra-op threads. Every result must match bit for bit, at one and two
 * threads (par_for splits long arrays), and every error must be the one the JS path reports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadNativeAddon, type NativeAddon } from '../../src/compute/native-addon.js';
import { deriveKey } from '../../src/noise/index.js';
import { applyChainReference, compileChain } from '../../src/noise/fused.js';
import { paperProfile, parseProfile } from '../../src/profile/index.js';
import { SimDevice } from '../../simulator/sim-device.js';
import { rand } from '../helpers/rand.js';

interface Fast {
  sourceRange(src: Int32Array): [number, number];
  sourceGather(X: Float32Array, src: Int32Array, min: number, buf: Float32Array): number;
  sourceScatter(buf: Float32Array, src: Int32Array, min: number, out: Float32Array): void;
  copyFinite(W: Float32Array, into: Float32Array): number;
}

const load = loadNativeAddon();
const addon = load.ok ? (load.addon as NativeAddon & Partial<Fast>) : undefined;
const fast =
  addon && typeof addon.sourceScatter === 'function' && typeof addon.copyFinite === 'function'
    ? (addon as NativeAddon & Fast)
    : undefined;
const setThreads = (n: number) => addon?.blasSetThreads(n);
afterEach(() => setThreads(1));

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** A map of n entries over `sources` sources (10% padding) and X holding copies of `values`. */
function copies(n: number, sources: number, seed: number, base = 0) {
  const r = rand(seed);
  const values = Float32Array.from({ length: sources }, () => r() * 2 - 1);
  const src = Int32Array.from({ length: n }, () =>
    r() < 0.1 ? -1 : base + Math.floor(r() * sources),
  );
  const X = Float32Array.from(src, (s) => (s < 0 ? 0 : values[s - base]!));
  return { src, X };
}

function jsRange(src: Int32Array): [number, number] {
  let min = 0x7fffffff;
  let max = -1;
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    if (s < -1) return [i, -2];
    if (s < 0) continue;
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  return [min, max];
}

/** The JS gather of sim-device.ts: the first copy writes its slot, later ones must agree. */
function jsGather(X: Float32Array, src: Int32Array, min: number, buf: Float32Array): number {
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    if (s < 0) continue;
    const prev = buf[s - min]!;
    const v = X[i]!;
    if (prev !== prev) buf[s - min] = v;
    else if (prev !== v) return i;
  }
  return -1;
}

/** `images` blocks of copies, each over its own sources (as a convolution's rows come). */
function imageCopies(images: number, perImage: number, sources: number, seed: number) {
  const r = rand(seed);
  const values = Float32Array.from({ length: images * sources }, () => r() * 2 - 1);
  const src = Int32Array.from({ length: images * perImage }, (_, i) => {
    if (r() < 0.05) return -1;
    return Math.floor(i / perImage) * sources + Math.floor(r() * sources);
  });
  const X = Float32Array.from(src, (s) => (s < 0 ? 0 : values[s]!));
  return { src, X, sources: images * sources };
}

describe.skipIf(!fast)('native per-source helpers', () => {
  for (const threads of [1, 2]) {
    it(`sourceGather equals the JS gather: buffer, result and errors (${threads} thread(s))`, () => {
      setThreads(threads);
      const check = (X: Float32Array, src: Int32Array, min: number, span: number, what: string) => {
        const want = new Float32Array(span).fill(NaN);
        const got = new Float32Array(span).fill(NaN);
        const r = jsGather(X, src, min, want);
        expect(fast!.sourceGather(X, src, min, got), what).toBe(r);
        expect(bits(got), what).toEqual(bits(want));
        return r;
      };
      // Image by image (ranges touch different sources), and copies spread over every source.
      const img = imageCopies(4, 80_000, 3000, 1);
      expect(check(img.X, img.src, 0, img.sources, 'images')).toBe(-1);
      const any = copies(300_001, 9000, 2, 100);
      expect(check(any.X, any.src, 100, 9000, 'spread')).toBe(-1);
      // A copy that disagrees, early or late (the first one is reported).
      for (const at of [1000, 150_000, 299_000]) {
        const X = any.X.slice();
        const later = any.src.indexOf(any.src[at]!, at + 1);
        const i = later >= 0 ? later : at;
        X[i] = X[i]! + 1;
        X[299_500] = 5;
        expect(check(X, any.src, 100, 9000, `disagree at ${i}`)).toBeGreaterThanOrEqual(0);
      }
      // -0 and +0 copies of one source, and a NaN copy before a value, in different halves.
      const src = Int32Array.from({ length: 300_000 }, (_, i) => i % 1000);
      const X = Float32Array.from(src, (s) => (s === 5 ? 0 : s / 7));
      X[200_005] = -0; // source 5: +0 copies and one -0
      X[0] = -0; // source 0 is +0 later
      X[7] = NaN; // source 7: NaN first, then values
      expect(check(X, src, 0, 1000, 'signed zeros and NaN')).toBe(-1);
      // A source outside buf.
      const out = Int32Array.from({ length: 300_000 }, (_, i) => i % 1000);
      out[250_000] = 5000;
      expect(() => fast!.sourceGather(X, out, 0, new Float32Array(1000).fill(NaN))).toThrow(
        'sourceGather: source outside buf',
      );
    });
  }

  it('sourceRange equals the JS scan: odd sizes, padding, an entry below -1, none valid', () => {
    setThreads(2); // long maps are scanned in ranges: the same answer
    for (const n of [0, 1, 7, 4097, 100_003, 300_001]) {
      const { src } = copies(n, 5000, n + 1, 17);
      expect(fast!.sourceRange(src)).toEqual(jsRange(src));
      if (n > 2) {
        const bad = src.slice();
        bad[n - 2] = -3;
        bad[n - 1] = -7;
        expect(fast!.sourceRange(bad)).toEqual([n - 2, -2]);
      }
      expect(fast!.sourceRange(new Int32Array(n).fill(-1))).toEqual([0x7fffffff, -1]);
    }
    const big = Int32Array.from([5, 0x7ffffffe, -1, 3]);
    expect(fast!.sourceRange(big)).toEqual([3, 0x7ffffffe]);
  });

  for (const threads of [1, 2]) {
    it(`sourceScatter equals the JS scatter (${threads} thread(s))`, () => {
      setThreads(threads);
      for (const n of [1, 4099, 200_003]) {
        const { src } = copies(n, 7001, n, 40);
        const [min, max] = jsRange(src);
        const buf = Float32Array.from({ length: max - min + 1 }, (_, i) => i * 0.5 - 3);
        const out = new Float32Array(n).fill(7);
        fast!.sourceScatter(buf, src, min, out);
        const want = Float32Array.from(src, (s) => (s < 0 ? 0 : buf[s - min]!));
        expect(bits(out)).toEqual(bits(want));
      }
    });

    it(`sourceScatter refuses a source outside buf instead of touching stray memory (${threads})`, () => {
      setThreads(threads);
      const src = Int32Array.from({ length: 200_000 }, (_, i) => i);
      const out = new Float32Array(200_000);
      expect(() => fast!.sourceScatter(new Float32Array(199_999), src, 0, out)).toThrow(
        'sourceScatter: source outside buf',
      );
      expect(() => fast!.sourceScatter(new Float32Array(200_000), src, 1, out)).toThrow(RangeError);
    });
  }

  it('copyFinite copies and finds the first value that is not finite', () => {
    for (const n of [1, 31, 4097, 65_537]) {
      const r = rand(n);
      const W = Float32Array.from({ length: n }, () => r() * 4 - 2);
      const into = new Float32Array(n + 3);
      expect(fast!.copyFinite(W, into)).toBe(-1);
      expect(bits(into.subarray(0, n))).toEqual(bits(W));
      for (const bad of [NaN, Infinity, -Infinity]) {
        const V = W.slice();
        const at = Math.floor(n / 2);
        V[at] = bad;
        if (at + 1 < n) V[n - 1] = NaN;
        expect(fast!.copyFinite(V, into)).toBe(at);
      }
    }
    expect(fast!.copyFinite(new Float32Array(0), new Float32Array(0))).toBe(-1);
    expect(() => fast!.copyFinite(new Float32Array(5), new Float32Array(4))).toThrow(RangeError);
  });
});

describe.skipIf(!addon)('native noise chain over two threads', () => {
  const chains = {
    gaussian: {
      pre: { lo: -1, hi: 1, p: 16 },
      noise: { model: 'gaussian' as const, scale: 0.03 },
      post: { lo: -1, hi: 1, p: 16 },
    },
    uniform: { noise: { model: 'uniform' as const, scale: 0.1 }, post: { p: 7 } },
    quantOnly: { pre: { lo: -0.5, hi: 0.75, p: 10 } },
  };
  for (const [name, chain] of Object.entries(chains)) {
    it(`${name}: 1 and 2 threads and the JS loop give the same bits`, () => {
      const n = 300_007; // several ranges, the last one short
      const r = rand(5);
      const x = Float32Array.from({ length: n }, () => r() * 3 - 1.5);
      x[17] = NaN;
      x[200_000] = -0;
      const key = { k0: 0x12345678, k1: -0x1234567 };
      // A start near 2^32 makes a counter run wrap inside one split.
      const start = 2 ** 32 - 100_000;
      const js = compileChain(chain, { native: false }).apply(x, key, start, new Float32Array(n));
      const native = compileChain(chain);
      setThreads(1);
      const one = native.apply(x, key, start, new Float32Array(n));
      setThreads(2);
      const two = native.apply(x, key, start, new Float32Array(n));
      const inPlace = native.apply(x.slice(), key, start);
      // More threads than this machine's cores: workers start late and the main thread takes
      // their ranges; several ranges per thread either way.
      setThreads(3);
      const three = native.apply(x, key, start, new Float32Array(n));
      expect(bits(one)).toEqual(bits(js));
      expect(bits(two)).toEqual(bits(js));
      expect(bits(inPlace)).toEqual(bits(js));
      expect(bits(three)).toEqual(bits(js));
    });
  }
});

describe('SimDevice program()', () => {
  const n = 96; // 9216 weights: the addon's copy when built
  const W = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i) * 1.2);
  const X = Float32Array.from({ length: 8 * n }, (_, i) => Math.cos(i) * 0.9);

  for (const size of [n, 8]) {
    it(`a rejected W (${size * size} weights) leaves the tile as it was`, async () => {
      const d = new SimDevice(paperProfile({ p: 16, ep: 0.5, rows: n, cols: n, seed: 4 }));
      const w = W.slice(0, size * size);
      const x = X.subarray(0, 8 * size);
      await d.program(0, w, size, size);
      const before = await d.matmul(0, x, 8, { draw: 1, rowOffset: 0 });
      const bad = w.slice();
      bad[size * size - 3] = Infinity;
      bad[size * size - 1] = NaN;
      await expect(d.program(0, bad, size, size)).rejects.toThrow(
        `program(tile 0): W[${size * size - 3}] = Infinity is not finite`,
      );
      const after = await d.matmul(0, x, 8, { draw: 1, rowOffset: 0 });
      expect(bits(after)).toEqual(bits(before));
      // The caller's array is not the device's: changing it changes nothing.
      w[0] = 0.123;
      const again = await d.matmul(0, x, 8, { draw: 1, rowOffset: 0 });
      expect(bits(again)).toEqual(bits(before));
    });
  }

  it('weights are Clamp -> RP then the weight noise, as separate reference calls', async () => {
    // Only weight noise; an ideal ADC with a wide range and one-hot inputs read W_d out exactly.
    const rows = 70;
    const cols = 90;
    const wide = { range: [-1000, 1000] as [number, number], precision: 0 };
    const profile = parseProfile({
      schema: 'analoop.profile/1',
      name: 'weights-only',
      array: { rows, cols, maxBatch: 4096 },
      dac: wide,
      adc: wide,
      weights: { range: [-1, 1], precision: 16 },
      noise: { weight: { model: 'gaussian', ep: 0.5 } },
      seed: 9,
    });
    const w = W.subarray(0, rows * cols);
    const eye = new Float32Array(cols * cols);
    for (let i = 0; i < cols; i++) eye[i * cols + i] = 1;
    for (const how of ['fused', 'fused-js', 'reference'] as const) {
      const d = new SimDevice(profile, { chains: how });
      await d.program(3, w, rows, cols);
      await d.program(3, w, rows, cols); // a re-write of the same shape reuses the arrays
      const scale = d.resolvedNoise().weight.scale;
      for (const draw of [0, 5]) {
        const Y = await d.matmul(3, eye, cols, { draw, rowOffset: 0 });
        const Wq = applyChainReference(
          { pre: { lo: -1, hi: 1, p: 16 } },
          w,
          { k0: 0, k1: 0 },
          0,
          new Float32Array(w.length),
        );
        // Stream 2 is the weight stream (sim-device.ts STREAM.weight).
        const key = deriveKey(9, 2, 3, draw);
        const Wd = applyChainReference({ noise: { model: 'gaussian', scale } }, Wq, key, 0);
        const want = new Float32Array(cols * rows); // Y[c][r] = Wd[r][c]
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) want[c * rows + r] = Wd[r * cols + c]!;
        expect(bits(Y)).toEqual(bits(want));
      }
    }
  });
});

describe('SimDevice per-source conversion on long calls (the native loops)', () => {
  const n = 64;
  const batch = 200; // 12800 elements
  const eye = new Float32Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  const wide = { range: [-1000, 1000] as [number, number], precision: 0 };
  const profile = parseProfile({
    schema: 'analoop.profile/1',
    name: 'input-per-source',
    array: { rows: n, cols: n, maxBatch: 4096 },
    dac: { range: [-1, 1], precision: 16, conversion: 'per-source' },
    adc: wide,
    weights: wide,
    noise: { input: { model: 'gaussian', ep: 0.5 } },
    seed: 3,
  });
  const { src, X } = copies(batch * n, 900, 21);
  const onGrid = Float32Array.from(X, (v) => Math.round(v * 16) / 16);

  /** The same product as 25 calls of 8 rows (below the native threshold: the JS path). */
  async function inSmallCalls(d: SimDevice, x: Float32Array): Promise<Float32Array> {
    const out = new Float32Array(batch * n);
    for (let b = 0; b < batch; b += 8) {
      const y = await d.matmul(0, x.subarray(b * n, (b + 8) * n), 8, {
        draw: 2,
        rowOffset: b,
        inputSource: src.subarray(b * n, (b + 8) * n),
      });
      out.set(y, b * n);
    }
    return out;
  }

  for (const threads of [1, 2]) {
    it(`equals the JS path bit for bit (${threads} thread(s))`, async () => {
      setThreads(threads);
      const d = new SimDevice(profile);
      await d.program(0, eye, n, n);
      const whole = await d.matmul(0, onGrid, batch, { draw: 2, rowOffset: 0, inputSource: src });
      expect(bits(whole)).toEqual(bits(await inSmallCalls(d, onGrid)));
    });
  }

  it('copies that differ raw but agree once quantised give the same bits', async () => {
    const d = new SimDevice(profile);
    await d.program(0, eye, n, n);
    const nudged = onGrid.slice();
    // Each copy of the grid values moved by less than half a step (1/32), differently.
    for (let i = 0; i < nudged.length; i++) if (src[i]! >= 0) nudged[i] += ((i % 5) - 2) / 200;
    const whole = await d.matmul(0, nudged, batch, { draw: 2, rowOffset: 0, inputSource: src });
    expect(bits(whole)).toEqual(bits(await inSmallCalls(d, onGrid)));
  });

  it('copies that disagree are reported as before: the first one, with both values', async () => {
    const d = new SimDevice(profile);
    await d.program(0, eye, n, n);
    const bad = onGrid.slice();
    const i = src.lastIndexOf(src.slice(5000).find((s) => s >= 0)!);
    bad[i] = 0.5 + (bad[i] === 0.5 ? 0.25 : 0);
    const first = src.indexOf(src[i]!);
    await expect(
      d.matmul(0, bad, batch, { draw: 2, rowOffset: 0, inputSource: src }),
    ).rejects.toThrow(
      `inputSource maps elements with different values (${onGrid[first]}, ${bad[i]}) to source ${src[i]}`,
    );
  });
});
