/**
 * The addon's pointwise kernels (native/pointwise.c) against the JavaScript reference loops:
 * activations.ts forwardAndDerivative, and the JS paths of MaxPool2d and Dropout (taken with
 * setNativePointwise(false)).
 *
 * Tolerances: ReLU and leaky ReLU, f' products, max pooling and dropout involve no
 * transcendental function, so they must agree bit for bit (NaN agreeing with NaN: its payload is
 * not part of what JS specifies). GELU and SiLU call exp (and erf's tables cos) in C's libm
 * rather than V8's, which may differ in the last bit of a double; after rounding to float32 that
 * is allowed to show as at most 1 float32 ulp.
 *
 * Lengths are odd and cover par_for's split at two threads (the addon's blasSetThreads sets the
 * kernels' thread count); every result must also be bit-identical across thread counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import { ActivationLayer } from '../../src/nn/activation-layer.js';
import { forwardAndDerivative, parseActivation } from '../../src/nn/activations.js';
import { Dropout } from '../../src/nn/layers/dropout.js';
import { MaxPool2d, type MaxPool2dOptions } from '../../src/nn/layers/maxpool2d.js';
import {
  NATIVE_ACTIVATION_KIND,
  nativePointwiseKernels,
  setNativePointwise,
} from '../../src/nn/native-pointwise.js';
import type { Tensor } from '../../src/nn/tensor.js';
import { ctx } from './layers/helpers.js';
import { rand as rng } from '../helpers/rand.js';

const native = nativePointwiseKernels();

function setThreads(n: number): void {
  const load = loadNativeAddon();
  if (load.ok) load.addon.blasSetThreads(n);
}

afterEach(() => {
  setNativePointwise(true);
  setThreads(1);
});

/** Edge values: NaN, infinities, signed zeros, subnormals, erf's branch points, the tails. */
const EDGES = [
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  1e-45,
  -1e-45,
  1e-40,
  -1e-38,
  Math.SQRT2,
  -Math.SQRT2,
  Math.fround(Math.SQRT2) * (1 + 2 ** -23),
  1,
  -1,
  0.5,
  -0.5,
  30,
  -30,
  40,
  -40,
  88,
  -88,
  1e30,
  -1e30,
  3.4e38,
  -3.4e38,
];

/** n values: the edges, then values over many magnitudes and both signs, a few exact zeros. */
function inputs(n: number, seed: number): Float32Array {
  const r = rng(seed);
  const x = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    if (k < EDGES.length) x[k] = EDGES[k];
    else if (r() < 0.05) x[k] = 0;
    else x[k] = (r() - 0.5) * 10 ** (-3 + 5 * r());
  }
  return x;
}

/** Distance in float32 ulps (0 for equal values, NaN vs NaN, +0 vs -0). */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const ia = new Int32Array(Float32Array.of(a).buffer)[0];
  const ib = new Int32Array(Float32Array.of(b).buffer)[0];
  const ordered = (i: number) => (i < 0 ? -2147483648 - i : i);
  return Math.abs(ordered(ia) - ordered(ib));
}

/** Bit-identical, NaN agreeing with NaN; returns the first mismatch for the message. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): string {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let k = 0; k < a.length; k++) {
    const same = Number.isNaN(a[k]) ? Number.isNaN(b[k]) : Object.is(a[k], b[k]);
    if (!same) return `[${k}]: ${a[k]} vs ${b[k]}`;
  }
  return '';
}

function maxUlps(a: Float32Array, b: Float32Array): { ulps: number; at: string } {
  let worst = 0;
  let at = '';
  for (let k = 0; k < a.length; k++) {
    const u = ulps(a[k], b[k]);
    if (u > worst) {
      worst = u;
      at = `[${k}]: ${a[k]} vs ${b[k]}`;
    }
  }
  return { ulps: worst, at };
}

const SPECS = [
  'relu',
  'relu@0=1',
  'leaky-relu',
  'leaky-relu:0.3@0=1',
  'gelu',
  'gelu:2',
  'gelu:0.25',
  'silu',
  'relu-gelu:0.3',
  'relu-gelu:0.5:2@0=1',
  'relu-gelu:0',
  'relu-gelu:1',
  'relu-silu:0.3',
  'relu-silu:0.7@0=0',
  'relu-silu:0',
  'relu-silu:1',
];

/** 2 * 32768 + 7: split by par_for at two threads for every kind. */
const N = 2 * 32768 + 7;

describe.skipIf(!native)('native activations against forwardAndDerivative', () => {
  for (const text of SPECS) {
    const spec = parseActivation(text);
    const exact = spec.kind === 'relu';
    it(`${text}: ${exact ? 'bit-identical' : 'within 1 float32 ulp'}, any thread count`, () => {
      const x = inputs(N, 11);
      const yJs = new Float32Array(N);
      const dJs = new Float32Array(N);
      forwardAndDerivative(spec, x, yJs, dJs);
      const layer = new ActivationLayer(spec);
      const params = (layer as unknown as { nativeParams: Float64Array }).nativeParams;
      const run = (threads: number) => {
        setThreads(threads);
        const y = new Float32Array(N);
        const d = new Float32Array(N);
        native!.activationForward(NATIVE_ACTIVATION_KIND[spec.kind], params, x, y, d);
        return { y, d };
      };
      const one = run(1);
      const two = run(2);
      expect(sameBits(two.y, one.y)).toBe('');
      expect(sameBits(two.d, one.d)).toBe('');
      if (exact) {
        expect(sameBits(one.y, yJs)).toBe('');
        expect(sameBits(one.d, dJs)).toBe('');
      } else {
        const fy = maxUlps(one.y, yJs);
        const fd = maxUlps(one.d, dJs);
        expect(fy.ulps, fy.at).toBeLessThanOrEqual(1);
        expect(fd.ulps, fd.at).toBeLessThanOrEqual(1);
      }
    });
  }

  it('works in place (y === x)', () => {
    const spec = parseActivation('relu-gelu:0.3');
    const x = inputs(1001, 3);
    const yJs = new Float32Array(x.length);
    forwardAndDerivative(spec, x, yJs, new Float32Array(x.length));
    const layer = new ActivationLayer(spec);
    const params = (layer as unknown as { nativeParams: Float64Array }).nativeParams;
    native!.activationForward(2, params, x, x, new Float32Array(x.length));
    expect(maxUlps(x, yJs).ulps).toBeLessThanOrEqual(1);
  });

  it('rejects arrays of different lengths', () => {
    const p = Float64Array.of(0, 0, 1, 1);
    const a = new Float32Array(4);
    expect(() => native!.activationForward(0, p, a, new Float32Array(3), a)).toThrow(RangeError);
    expect(() => native!.multiplyInto(a, a, new Float32Array(5))).toThrow(RangeError);
  });

  it('multiplyInto is the JS float32 product, bit for bit, at 1 and 2 threads', () => {
    const a = inputs(N, 5);
    const b = inputs(N, 6).reverse();
    const js = new Float32Array(N);
    for (let k = 0; k < N; k++) js[k] = a[k] * b[k];
    for (const threads of [1, 2]) {
      setThreads(threads);
      const out = new Float32Array(N);
      native!.multiplyInto(a, b, out);
      expect(sameBits(out, js)).toBe('');
    }
  });
});

describe("ActivationLayer keeps R'(0) exactly (native and JS)", () => {
  for (const enabled of [true, false]) {
    it(`relu@0=1, relu, leaky-relu:0.2, relu-silu:0.5 at x = 0 (native ${enabled})`, async () => {
      setNativePointwise(enabled);
      const cases: [string, number][] = [
        ['relu@0=1', 1],
        ['relu', 0],
        ['leaky-relu:0.2', Math.fround(0.2)],
        ['leaky-relu:0.2@0=1', 1],
        // (1 - i) R'(0) + i S'(0) = 0.5 * 1 + 0.5 * 0.5
        ['relu-silu:0.5', 0.75],
        ['relu-silu:0.5@0=0', 0.25],
      ];
      for (const [text, d0] of cases) {
        const layer = new ActivationLayer(text);
        const x = { data: Float32Array.of(0, -0, 1, -1), shape: [1, 4] };
        const y = await layer.forward(x, ctx());
        expect(y.data[0] === 0 && y.data[1] === 0, text).toBe(true);
        const dx = layer.backward({ data: Float32Array.of(1, 1, 1, 1), shape: [1, 4] });
        expect(dx.data[0], text).toBe(d0);
        expect(dx.data[1], text).toBe(d0);
      }
    });
  }
});

describe('ActivationLayer output buffers', () => {
  it('reuses y and dx across training steps, never an output still in use', async () => {
    const layer = new ActivationLayer('relu');
    const x = { data: inputs(64, 1), shape: [4, 16] };
    const dy = { data: inputs(64, 2), shape: [4, 16] };
    const y1 = await layer.forward(x, ctx());
    const dx1 = layer.backward(dy);
    const y2 = await layer.forward(x, ctx());
    expect(y2.data).toBe(y1.data); // released by the backward in between
    const dx2 = layer.backward(dy);
    expect(dx2.data).toBe(dx1.data); // released by the forward in between
    // Forwards without a backward (evaluation) hand out fresh arrays, so none is overwritten.
    const e1 = await layer.forward(x, ctx({ training: false }));
    const copy = e1.data.slice();
    const e2 = await layer.forward({ data: inputs(64, 9), shape: [4, 16] }, ctx());
    expect(e2.data).not.toBe(e1.data);
    expect(Array.from(e1.data)).toEqual(Array.from(copy));
  });
});

// ---------------------------------------------------------------------------------------------
// MaxPool2d

/** Values on a coarse grid, so windows tie often; a few NaN and -Infinity. */
function poolInput(shape: number[], seed: number): Tensor {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const u = r();
    data[k] = u < 0.01 ? NaN : u < 0.02 ? -Infinity : Math.round((r() - 0.5) * 8) / 4;
  }
  return { data, shape };
}

async function poolRun(opts: MaxPool2dOptions, x: Tensor, dy: Float32Array | undefined) {
  const pool = new MaxPool2d(opts);
  const y = await pool.forward(x);
  const g = dy ?? inputs(y.data.length, 4);
  const dx = pool.backward({ data: g, shape: y.shape });
  return { y: y.data.slice(), shape: y.shape, dx: dx.data.slice(), dy: g };
}

describe.skipIf(!native)('native MaxPool2d against the JS path', () => {
  const cases: [MaxPool2dOptions, number[]][] = [
    [{ kernel: 2 }, [3, 5, 30, 30]], // the ConvNet's fast path, planes split over two threads
    [{ kernel: 2 }, [2, 3, 7, 9]], // odd sizes: the last row and column are dropped
    [{ kernel: 3, stride: 2, padding: 1 }, [2, 3, 11, 8]],
    [{ kernel: 3, stride: 1 }, [1, 2, 9, 10]], // overlapping windows: routed sums overlap
    [{ kernel: [2, 3], stride: [1, 2], padding: [1, 1] }, [2, 2, 6, 7]],
    [{ kernel: 1 }, [1, 1, 3, 3]],
  ];
  for (const [opts, shape] of cases) {
    it(`${JSON.stringify(opts)} on [${shape}]: y, argmax routing and dx bit-identical`, async () => {
      const x = poolInput(
        shape,
        shape.reduce((a, b) => a + b, 0),
      );
      setNativePointwise(false);
      const js = await poolRun(opts, x, undefined);
      setNativePointwise(true);
      for (const threads of [1, 2]) {
        setThreads(threads);
        const nat = await poolRun(opts, x, js.dy);
        expect(nat.shape).toEqual(js.shape);
        expect(sameBits(nat.y, js.y)).toBe('');
        expect(sameBits(nat.dx, js.dx)).toBe('');
      }
    });
  }

  it('routes a tie to its first element; a NaN wins only in first place, as in JS', async () => {
    // Windows: [1 1 1 1], [2 NaN 5 5] -> 5 at its first place, [NaN 2 5 5] -> NaN at index 8.
    const x = {
      data: Float32Array.of(1, 1, 1, 1, 2, NaN, 5, 5, NaN, 2, 5, 5),
      shape: [1, 3, 2, 2],
    };
    const pool = new MaxPool2d({ kernel: 2 });
    const y = await pool.forward(x);
    expect(Array.from(y.data)).toEqual([1, 5, NaN]);
    const dx = pool.backward({ data: Float32Array.of(3, 4, 6), shape: [1, 3, 1, 1] });
    expect(Array.from(dx.data)).toEqual([3, 0, 0, 0, 0, 0, 4, 0, 6, 0, 0, 0]);
  });

  it('backward clears the reused dx (nothing carries over from the previous step)', async () => {
    const pool = new MaxPool2d({ kernel: 2 });
    const x1 = poolInput([2, 3, 8, 8], 1);
    const x2 = poolInput([2, 3, 8, 8], 2);
    await pool.forward(x1);
    pool.backward({ data: inputs(96, 1), shape: [2, 3, 4, 4] });
    await pool.forward(x2);
    const dx = pool.backward({ data: inputs(96, 2), shape: [2, 3, 4, 4] }).data.slice();
    const fresh = new MaxPool2d({ kernel: 2 });
    await fresh.forward(x2);
    const ref = fresh.backward({ data: inputs(96, 2), shape: [2, 3, 4, 4] }).data;
    expect(sameBits(dx, ref)).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// Dropout

async function dropoutRun(p: number, x: Tensor, over: Parameters<typeof ctx>[0], dy: Float32Array) {
  const d = new Dropout({ p, id: 7 });
  const y = await d.forward(x, ctx(over));
  const dx = d.backward({ data: dy, shape: x.shape });
  return { y: y.data.slice(), dx: dx.data.slice() };
}

describe.skipIf(!native)(
  'native Dropout against the JS path (the same counter-seeded mask)',
  () => {
    // Exact float32 uniforms (0.5, fround(0.3)) put the threshold on a representable value.
    const ps = [0.25, 0.5, 0.3, Math.fround(0.3), 1e-9, 1 - 1e-9, 0.999999, 1];
    for (const p of ps) {
      it(`p = ${p}: y and dx bit-identical at 1 and 2 threads`, async () => {
        const shape = [5, 3, 73, 61]; // 66795 elements: split by par_for at two threads
        const x = { data: inputs(5 * 3 * 73 * 61, 8), shape };
        const dy = inputs(x.data.length, 9);
        const over = { draw: 3, rowOffset: 17, seed: 5 };
        setNativePointwise(false);
        const js = await dropoutRun(p, x, over, dy);
        setNativePointwise(true);
        for (const threads of [1, 2]) {
          setThreads(threads);
          const nat = await dropoutRun(p, x, over, dy);
          expect(sameBits(nat.y, js.y)).toBe('');
          expect(sameBits(nat.dx, js.dx)).toBe('');
        }
      });
    }

    it('a range crossing a multiple of 2^32 (two counter runs) matches too', async () => {
      const shape = [4, 16];
      const x = { data: inputs(64, 3), shape };
      const dy = inputs(64, 4);
      const over = { rowOffset: 2 ** 28 - 2 }; // indices 2^32 - 32 .. 2^32 + 31
      setNativePointwise(false);
      const js = await dropoutRun(0.5, x, over, dy);
      setNativePointwise(true);
      const nat = await dropoutRun(0.5, x, over, dy);
      expect(sameBits(nat.y, js.y)).toBe('');
      expect(sameBits(nat.dx, js.dx)).toBe('');
    });
  },
);

describe('Dropout output buffers', () => {
  it('an evaluation pass between steps changes nothing (identity, fresh mask next step)', async () => {
    const d = new Dropout({ p: 0.5, id: 1 });
    const x = { data: inputs(40, 1), shape: [4, 10] };
    const a = await d.forward(x, ctx());
    const ya = a.data.slice();
    d.backward({ data: inputs(40, 2), shape: [4, 10] });
    expect((await d.forward(x, ctx({ training: false }))).data).toBe(x.data);
    const b = await d.forward(x, ctx());
    expect(sameBits(b.data, ya)).toBe('');
  });
});
