import { describe, expect, it } from 'vitest';
import {
  applyChain,
  applyChainReference,
  compileChain,
  nativeChainsAvailable,
  type NoiseChain,
} from '../../src/noise/fused.js';
import type { NoiseSpec } from '../../src/noise/models.js';
import { deriveKey } from '../../src/noise/rng.js';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import { rand } from '../helpers/rand.js';

/**
 * Inputs that exercise every branch: values inside and outside the clamp range, values on the
 * RP grid and exactly on its ties, zeros of both signs, NaN and infinities.
 */
function inputs(n: number, seed: number): Float32Array {
  const r = rand(seed);
  const special = [
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    0.375,
    -0.375,
    1,
    -1,
    1e30,
    -1e-30,
    3.25,
    -3.5,
    3.9999998,
    -4,
    1e6,
    -2e6,
    1e-40,
  ];
  return Float32Array.from({ length: n }, (_, i) => {
    const k = r();
    if (k < 0.05) return special[i % special.length]!;
    if (k < 0.25) return (Math.floor(r() * 33) - 16) / 16 + (r() < 0.5 ? 1 / 32 : 0); // grid, ties
    return (r() * 2 - 1) * 2.5;
  });
}

/** Index of the first element that differs (Object.is: NaN equals NaN, -0 differs from 0), or -1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const NOISES: Record<string, NoiseSpec> = {
  gaussian: { model: 'gaussian', scale: 0.07 },
  laplace: { model: 'laplace', scale: 0.05 },
  uniform: { model: 'uniform', scale: 0.12 },
  poisson: { model: 'poisson', scale: 3, p: 16 },
  none: { model: 'none', scale: 0 },
};

/** The chain shapes the simulator uses, and the corner cases around them. */
function chains(noise: NoiseSpec): [string, NoiseChain][] {
  return [
    [
      'pre -> noise -> post',
      { pre: { lo: -1, hi: 1, p: 16 }, noise, post: { lo: -1, hi: 1, p: 16 } },
    ],
    ['pre -> noise (input/program)', { pre: { lo: -1, hi: 1, p: 4 }, noise }],
    ['noise -> post (read)', { noise, post: { lo: -0.75, hi: 0.5, p: 10 } }],
    [
      'noise -> post, power-of-two p (read, paper preset)',
      { noise, post: { lo: -1, hi: 1, p: 16 } },
    ],
    ['noise only (weight draw)', { noise }],
    [
      'ideal precision, clamp only',
      { pre: { lo: -2, p: Infinity }, noise, post: { hi: 1.5, p: 0 } },
    ],
    ['RP only', { pre: { p: 3 }, noise, post: { p: 255 } }],
    // The native kernel skips float32 roundings that cannot change a value (finite float32
    // bounds, power-of-two p) and keeps them otherwise: both sides of the condition.
    [
      'float32 bounds, power-of-two p (roundings skipped)',
      { pre: { lo: -3.5, hi: 3.25, p: 2 ** 20 }, noise, post: { lo: -1e6, hi: 1e6, p: 1 / 8 } },
    ],
    [
      // -0.15625 - 2^-55 is no float32 value: 16 lo rounds to -3 as a double, to -2 as float32.
      'bounds that are not float32 values (roundings kept)',
      {
        pre: { lo: -0.15625 - 2 ** -55, hi: 0.3, p: 16 },
        noise,
        post: { lo: -0.3, hi: 0.1, p: 8 },
      },
    ],
  ];
}

const paths: [string, boolean][] = [['JS', false]];
if (nativeChainsAvailable()) paths.push(['native', true]);
else it.skip('native fused kernels: the addon is not built here', () => {});

for (const [pathName, native] of paths) {
  describe(`fused chains (${pathName}) are bit-identical to the separate reference calls`, () => {
    for (const [modelName, noise] of Object.entries(NOISES)) {
      for (const [chainName, chain] of chains(noise)) {
        it(`${modelName}: ${chainName}`, () => {
          const compiled = compileChain(chain, { native });
          // The native kernel only serves some models; it must say so rather than guess.
          expect(compiled.usesNative).toBe(
            native && ['gaussian', 'uniform', 'none'].includes(modelName),
          );
          for (const [n, seed, start] of [
            [5000, 1, 0],
            [37, 2, 123],
            [1031, 3, 2 ** 40 + 17],
          ] as const) {
            const x = inputs(n, seed);
            const key = deriveKey(seed, 7, n);
            const want = applyChainReference(chain, x, key, start, new Float32Array(n));
            const got = compiled.apply(x, key, start, new Float32Array(n));
            expect(firstDifference(got, want), `n=${n} start=${start}`).toBe(-1);
            // In place gives the same.
            const inPlace = x.slice();
            compiled.apply(inPlace, key, start);
            expect(firstDifference(inPlace, want)).toBe(-1);
          }
        });
      }
    }

    it('chunked calls equal one call, whatever the chunk sizes (also across index 2^32)', () => {
      for (const noise of Object.values(NOISES)) {
        const chain: NoiseChain = {
          pre: { lo: -1, hi: 1, p: 16 },
          noise,
          post: { lo: -1, hi: 1, p: 16 },
        };
        const compiled = compileChain(chain, { native });
        const n = 4096;
        const x = inputs(n, 9);
        const key = deriveKey(3, 1);
        for (const start of [0, 2 ** 32 - 1500]) {
          const whole = compiled.apply(x, key, start, new Float32Array(n));
          expect(
            firstDifference(whole, applyChainReference(chain, x, key, start, new Float32Array(n))),
          ).toBe(-1);
          for (const chunk of [1, 7, 255, 256, 1000, 3000]) {
            const parts = new Float32Array(n);
            for (let s = 0; s < n; s += chunk) {
              const e = Math.min(n, s + chunk);
              compiled.apply(x.subarray(s, e), key, start + s, parts.subarray(s, e));
            }
            expect(firstDifference(parts, whole), `${noise.model} chunk ${chunk}`).toBe(-1);
          }
        }
      }
    });
  });
}

// An exact clamp -> RP stage runs in float32 arithmetic where its bounds times p stay within
// 2^22 (native/chain.c, stage_f32): from |v p| = 2^23 up, |v p| - 0.5 would round in float32.
// Inputs around those magnitudes, odd multiples of 1/p among them, on both sides of the bound.
describe('exact stages in float32 arithmetic, on both sides of |bound| p = 2^22', () => {
  const p = 2 ** 20;
  const r = rand(21);
  const x = Float32Array.from({ length: 6000 }, (_, i) => {
    const sign = i % 2 ? -1 : 1;
    if (i % 3 === 0) return (sign * (2 * Math.floor(r() * 2 ** 23) + 1)) / p; // odd k / p, to 16
    if (i % 3 === 1) return (sign * (Math.floor(r() * 2 ** 24) + 0.5)) / p; // ties
    return sign * r() * 20;
  });
  for (const bound of [4, 16]) {
    for (const noise of [NOISES.gaussian!, NOISES.none!]) {
      for (const where of ['pre', 'post'] as const) {
        it(`${where} stage, bound ${bound} (|bound| p = 2^${Math.log2(bound * p)}), ${noise.model}`, () => {
          const stage = { lo: -bound, hi: bound, p };
          const chain: NoiseChain =
            where === 'pre' ? { pre: stage, noise } : { noise, post: stage };
          const key = deriveKey(5, 5, bound);
          const want = applyChainReference(chain, x, key, 7, new Float32Array(x.length));
          const got = compileChain(chain).apply(x, key, 7, new Float32Array(x.length));
          expect(firstDifference(got, want)).toBe(-1);
        });
      }
    }
  }
});

// The native normals have one code path per instruction set, chosen by the CPU: each one this
// CPU runs must give the reference's bits (the default run above covers only the best).
const addon = nativeChainsAvailable() ? loadNativeAddon() : undefined;
const setPath = addon?.ok ? addon.addon.normalsPath?.bind(addon.addon) : undefined;
describe.runIf(setPath)('native normals: every code path this CPU runs', () => {
  const best = setPath?.('best');
  const runnable = ['scalar', 'avx2', 'avx512'].filter((p) => {
    try {
      setPath!(p);
      return true;
    } catch {
      return false;
    } finally {
      setPath!('best');
    }
  });

  it('the best path is the widest this CPU runs, and unsupported ones are refused by name', () => {
    expect(best).toBe(runnable[runnable.length - 1]);
    expect(() => setPath!('sse9')).toThrow(/normalsPath: this CPU runs scalar/);
  });

  for (const path of ['scalar', 'avx2', 'avx512']) {
    it.runIf(runnable.includes(path))(`${path}: gaussian chains equal the reference`, () => {
      const chain: NoiseChain = {
        pre: { lo: -1, hi: 1, p: 16 },
        noise: NOISES.gaussian!,
        post: { lo: -1, hi: 1, p: 16 },
      };
      try {
        expect(setPath!(path)).toBe(path);
        const compiled = compileChain(chain, { native: true });
        // Lengths around the 8- and 4-wide loops' ends and the 512-element blocks.
        for (const [n, seed, start] of [
          [20000, 4, 0],
          [515, 5, 2 ** 32 - 260],
          [4103, 6, 99],
        ] as const) {
          const x = inputs(n, seed);
          const key = deriveKey(seed, 11, n);
          const want = applyChainReference(chain, x, key, start, new Float32Array(n));
          const got = compiled.apply(x, key, start, new Float32Array(n));
          expect(firstDifference(got, want), `${path} n=${n}`).toBe(-1);
        }
      } finally {
        setPath!('best');
      }
    });
  }
});

describe('fused chains: API', () => {
  it('applyChain is compile-then-apply, in place by default', () => {
    const chain: NoiseChain = { pre: { lo: -1, hi: 1, p: 8 }, noise: NOISES.gaussian };
    const x = inputs(300, 4);
    const key = deriveKey(1);
    const want = applyChainReference(chain, x, key, 5, new Float32Array(300));
    const y = x.slice();
    expect(applyChain(chain, y, key, 5)).toBe(y);
    expect(firstDifference(y, want)).toBe(-1);
  });

  it('rejects what the reference calls reject, with the part named', () => {
    const x = new Float32Array(4);
    const key = deriveKey(1);
    expect(() => compileChain({ pre: { lo: 1, hi: 0 } })).toThrow(/pre needs lo <= hi/);
    expect(() => compileChain({ post: { p: -1 } })).toThrow(/post\.p/);
    expect(() => compileChain({ noise: { model: 'gaussian', scale: NaN } })).toThrow(/scale/);
    expect(() => compileChain({ noise: { model: 'bogus' as 'none', scale: 1 } })).toThrow(
      /unknown model/,
    );
    expect(() => compileChain({ noise: { model: 'poisson', scale: 1 } })).toThrow(/noise\.p/);
    const c = compileChain({ noise: NOISES.gaussian });
    expect(() => c.apply(x, key, 0, new Float32Array(3))).toThrow(RangeError);
    expect(() => c.apply(x, key, -1)).toThrow(/startIndex/);
    expect(() => c.apply(x, key, 2 ** 53 - 2)).toThrow(/2\^53/);
  });

  it('the noise is really there, and scale 0 adds none', () => {
    const x = new Float32Array(1000);
    const y = applyChain({ noise: NOISES.gaussian }, x, deriveKey(2), 0, new Float32Array(1000));
    const sd = Math.sqrt(y.reduce((s, v) => s + v * v, 0) / y.length);
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.08);
    const z = applyChain(
      { noise: { model: 'gaussian', scale: 0 } },
      x,
      deriveKey(2),
      0,
      new Float32Array(1000),
    );
    expect(z.every((v) => Object.is(v, 0))).toBe(true);
  });
});
