/**
 * The native BLAS provider: its fallback when the addon or the library is missing (the
 * registry then picks the next provider, and doctor gets the reason and the way to enable it),
 * its thread setting, and its async variant. Agreement with the JS reference on every shape is
 * checked in providers.test.ts, which runs for every provider that loads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gemmJs, jsProvider } from '../../src/compute/js-kernels.js';
import type { NativeAddon, NativeLoad } from '../../src/compute/native-addon.js';
import { NATIVE_ENV, readNativeAddon } from '../../src/compute/native-addon.js';
import {
  BLAS_LIB_ENV,
  BLAS_THREADS_ENV,
  OPENBLAS_HOW_TO_ENABLE,
  BLAS_THREAD_TIMEOUT_ENV,
  applyBlasEnvDefaults,
  blasBuild,
  autoBlasThreads,
  blasCandidates,
  blasThreadsFromEnv,
  parseBlasThreads,
  setBlasThreads,
  makeOpenblasProvider,
  openblasProvider,
  type OpenblasKernels,
} from '../../src/compute/openblas-kernels.js';
import { KernelsRegistry, listKernelsProviders } from '../../src/compute/registry.js';
import { tfjsWasmProvider } from '../../src/compute/tfjs-wasm-kernels.js';
import { randomArray, rng } from './reference.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const absent = (): NativeLoad => ({
  ok: false,
  reason: 'the native addon did not load: No native build was found for platform=linux',
});

/** A registry like the built-in one, with the openblas provider loading through `load`. */
function registryWith(load: () => NativeLoad): KernelsRegistry {
  const r = new KernelsRegistry();
  r.register(makeOpenblasProvider(load));
  r.register(tfjsWasmProvider);
  r.register(jsProvider);
  return r;
}

describe('openblas provider: fallback', () => {
  it('is registered at priority 400, above every other provider', () => {
    const list = listKernelsProviders();
    expect(list[0]).toBe(openblasProvider);
    expect(openblasProvider.priority).toBe(400);
  });

  it('without the addon the registry picks tfjs-wasm, keeping the reason and the way to enable it', async () => {
    const { kernels, attempts } = await registryWith(absent).select({ prefer: '' });
    expect(kernels.name).toBe('tfjs-wasm');
    expect(attempts).toEqual([
      {
        name: 'openblas',
        priority: 400,
        ok: false,
        reason: 'the native addon did not load: No native build was found for platform=linux',
        howToEnable: OPENBLAS_HOW_TO_ENABLE,
      },
      { name: 'tfjs-wasm', priority: 200, ok: true },
    ]);
    if (process.platform === 'linux') {
      expect(OPENBLAS_HOW_TO_ENABLE).toBe('apt-get install libopenblas-dev && npm rebuild analoop');
    }
  });

  it('a loader that throws is a load failure too, not a crash', async () => {
    const throwing = (): NativeLoad => {
      throw new Error('dlopen exploded');
    };
    const { kernels, attempts } = await registryWith(throwing).select({ prefer: '' });
    expect(kernels.name).toBe('tfjs-wasm');
    expect(attempts[0]!.reason).toBe('dlopen exploded');
  });

  it('with the addon but no BLAS library the reason names the libraries tried', async () => {
    const noLibrary = {
      blasOpen: (names: string[]) => {
        throw new Error(names.map((n) => `${n}: cannot open shared object file`).join('; '));
      },
    } as unknown as NativeAddon;
    vi.stubEnv(BLAS_LIB_ENV, 'libbogus.so.0');
    const p = makeOpenblasProvider(() => ({ ok: true, addon: noLibrary }));
    await expect(p.load()).rejects.toThrow(
      'no usable BLAS library (libbogus.so.0): libbogus.so.0: cannot open shared object file',
    );
  });

  it('a forced openblas that cannot load says how to enable it', async () => {
    await expect(registryWith(absent).select({ prefer: 'openblas' })).rejects.toThrow(
      /"openblas" \(requested\) failed to load: the native addon did not load.*to enable it: /,
    );
  });

  it('ANALOOP_NATIVE=0 turns the addon off', () => {
    expect(readNativeAddon({ [NATIVE_ENV]: '0' })).toEqual({
      ok: false,
      reason: 'the native addon is disabled by ANALOOP_NATIVE=0',
    });
  });

  it('the built addon reports a missing library by its dlopen error', () => {
    const built = fileURLToPath(new URL('../../build/Release/analoop.node', import.meta.url));
    if (!existsSync(built)) return; // not built here: nothing native to check
    // A fresh process: this one may already have opened the real library.
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `try { require(${JSON.stringify(built)}).blasOpen(['libbogus-blas.so.0']); console.log('opened') }
         catch (e) { console.log(e.message) }`,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/libbogus-blas\.so\.0: cannot open shared object file/);
  });
});

describe('openblas provider: settings', () => {
  it('blasBuild says what fixes the last bits: configuration, CPU kernel, threads', () => {
    const info = {
      library: 'libopenblas.so.0',
      config: 'OpenBLAS 0.3.21 Zen',
      corename: 'Zen',
      threads: 2,
    };
    expect(blasBuild(info)).toBe('OpenBLAS 0.3.21 Zen; core Zen; 2 threads');
    expect(blasBuild({ library: 'libcblas.so.3', config: '', corename: '', threads: 1 })).toBe(
      'libcblas.so.3; 1 thread',
    );
  });

  it('keeps idle BLAS threads from spinning (OPENBLAS_THREAD_TIMEOUT=4) unless the user chose', () => {
    const env: NodeJS.ProcessEnv = {};
    applyBlasEnvDefaults(env);
    expect(env[BLAS_THREAD_TIMEOUT_ENV]).toBe('4');
    const mine: NodeJS.ProcessEnv = { [BLAS_THREAD_TIMEOUT_ENV]: '20' };
    applyBlasEnvDefaults(mine);
    expect(mine[BLAS_THREAD_TIMEOUT_ENV]).toBe('20');
  });

  it('threads default to 1; ANALOOP_BLAS_THREADS takes a count or "auto"', () => {
    expect(blasThreadsFromEnv({})).toBe(1);
    expect(blasThreadsFromEnv({ [BLAS_THREADS_ENV]: '2' })).toBe(2);
    expect(blasThreadsFromEnv({ [BLAS_THREADS_ENV]: 'auto' })).toBeGreaterThanOrEqual(1);
    expect(() => blasThreadsFromEnv({ [BLAS_THREADS_ENV]: '0' })).toThrow(/positive integer/);
    expect(() => blasThreadsFromEnv({ [BLAS_THREADS_ENV]: 'many' })).toThrow(/positive integer/);
  });

  it('"auto" stays within an OPENBLAS_NUM_THREADS / OMP_NUM_THREADS a parent set', () => {
    const cores = os.availableParallelism();
    expect(autoBlasThreads({})).toBe(cores);
    expect(autoBlasThreads({ OPENBLAS_NUM_THREADS: '1' })).toBe(1);
    expect(autoBlasThreads({ OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '64' })).toBe(1);
    expect(autoBlasThreads({ OPENBLAS_NUM_THREADS: 'junk' })).toBe(cores);
    expect(blasThreadsFromEnv({ [BLAS_THREADS_ENV]: 'auto', OPENBLAS_NUM_THREADS: '1' })).toBe(1);
    // A sweep trial's environment (src/experiments/process-runner.ts): one thread.
    expect(
      blasThreadsFromEnv({
        [BLAS_THREADS_ENV]: '1',
        OPENBLAS_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
      }),
    ).toBe(1);
    expect(parseBlasThreads(3, '--threads')).toBe(3);
    expect(() => parseBlasThreads('1.5', '--threads')).toThrow(/--threads must be a positive/);
  });

  it('ANALOOP_BLAS_LIB replaces the candidate libraries', () => {
    expect(blasCandidates({ [BLAS_LIB_ENV]: '/opt/lib/libopenblas.so' })).toEqual([
      '/opt/lib/libopenblas.so',
    ]);
    if (process.platform === 'linux') expect(blasCandidates({})[0]).toBe('libopenblas.so.0');
  });
});

let real: OpenblasKernels | undefined;
let why = '';
try {
  real = (await openblasProvider.load()) as OpenblasKernels;
} catch (e) {
  why = e instanceof Error ? e.message : String(e);
}

describe.skipIf(!real)(
  `openblas provider on this machine${real ? '' : ` (skipped: ${why})`}`,
  () => {
    const k = real!;

    it('names the library it opened and runs one thread by default', () => {
      expect(k.name).toBe('openblas');
      expect(k.info.library).toBeTruthy();
      expect(k.info.threads).toBe(1);
    });

    it('build() names the library, the CPU kernel it chose and the threads (runs record it)', () => {
      const b = k.build!();
      expect(b).toContain(k.info.config || k.info.library);
      if (k.info.corename) expect(b).toContain(`core ${k.info.corename}`);
      expect(b).toMatch(/; 1 thread$/);
    });

    it('setBlasThreads (analoop train --threads) applies to the loaded provider', () => {
      try {
        expect(setBlasThreads(2)).toBe(2);
        expect(k.info.threads).toBe(2);
      } finally {
        setBlasThreads(1);
      }
      expect(k.info.threads).toBe(1);
    });

    it('setThreads changes the intra-op threads; the product stays correct', () => {
      const next = rng(5);
      const n = 300;
      const A = randomArray(n * n, next);
      const B = randomArray(n * n, next);
      const want = new Float32Array(n * n);
      gemmJs(false, false, n, n, n, 1, A, B, 0, want);
      try {
        expect(k.setThreads(2)).toBe(2);
        const C = new Float32Array(n * n);
        k.gemm(false, false, n, n, n, 1, A, B, 0, C);
        let worst = 0;
        for (let i = 0; i < C.length; i++) worst = Math.max(worst, Math.abs(C[i]! - want[i]!));
        expect(worst).toBeLessThan(1e-3);
      } finally {
        k.setThreads(1);
      }
      expect(k.info.threads).toBe(1);
      expect(() => k.setThreads(0)).toThrow(RangeError);
    });

    it('gemmAsync gives the same bits as gemm, off the event loop', async () => {
      const next = rng(6);
      const [M, N, K] = [70, 50, 90];
      const A = randomArray(K * M, next);
      const B = randomArray(N * K, next);
      const C0 = randomArray(M * N, next);
      const sync = C0.slice();
      k.gemm(true, true, M, N, K, 0.5, A, B, 2, sync);
      const async = C0.slice();
      let ticked = false;
      const tick = new Promise<void>((resolve) =>
        setImmediate(() => resolve(void (ticked = true))),
      );
      await Promise.all([k.gemmAsync(true, true, M, N, K, 0.5, A, B, 2, async), tick]);
      expect(ticked).toBe(true);
      expect(async).toEqual(sync);
      await expect(
        k.gemmAsync(
          false,
          false,
          2,
          2,
          2,
          1,
          new Float32Array(3),
          new Float32Array(4),
          0,
          new Float32Array(4),
        ),
      ).rejects.toThrow(RangeError);
    });

    it('never lets a bad call reach native memory', () => {
      const addon = readNativeAddon();
      expect(addon.ok).toBe(true);
      if (!addon.ok) return;
      // Bypassing the JS checks: the addon checks bounds itself.
      expect(() =>
        addon.addon.sgemm(
          false,
          false,
          4,
          4,
          4,
          1,
          new Float32Array(3),
          new Float32Array(16),
          0,
          new Float32Array(16),
        ),
      ).toThrow(/fit the arrays/);
    });
  },
);
