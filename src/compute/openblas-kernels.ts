/**
 * The native BLAS provider: cblas_sgemm of the system OpenBLAS (Accelerate on macOS) through
 * analoop's N-API addon. Measured on a 2-core AVX-512 machine (bench/noise.ts): 80-92 GFLOP/s
 * at one thread at N = 1024, 0.94-1.03 of numpy's one-thread figure, ~5x tfjs-wasm and ~30x
 * the JS reference, at ~1 us per call.
 *
 * Both the addon and the library are optional. The addon is built at install by node-gyp-build
 * (package.json "install"; a failed build does not fail the install) and opens the library with
 * dlopen when this provider loads, so a missing OpenBLAS is a load failure that `analoop doctor`
 * reports with the way to enable it, and the registry falls back to tfjs-wasm or JS.
 *
 * Threads: 1 by default, so products are reproducible run to run and parallel trials do not
 * oversubscribe the cores; ANALOOP_BLAS_THREADS (a count, or "auto" for every core),
 * `analoop train --threads` (setBlasThreads) or setThreads() gives a single interactive run
 * intra-op threads. Never both at once: a sweep's pool runs one single-threaded trial per core
 * and sets ANALOOP_BLAS_THREADS=1 (with OPENBLAS_NUM_THREADS=1) in every trial's environment, and
 * "auto" never exceeds an OPENBLAS_NUM_THREADS or OMP_NUM_THREADS the parent set. Results may
 * differ in the last bits between thread counts (OpenBLAS splits the work by thread count), never
 * between runs.
 */
import os from 'node:os';
import type { Kernels, KernelsProvider } from './kernels.js';
import { applyBeta, checkGemmArgs } from './gemm-contract.js';
import {
  loadNativeAddon,
  type BlasInfo,
  type NativeAddon,
  type NativeLoad,
} from './native-addon.js';

/** Intra-op threads: a positive integer or "auto" (all cores). Default 1. */
export const BLAS_THREADS_ENV = 'ANALOOP_BLAS_THREADS';
/** A BLAS library to open instead of the default candidates (a path or soname). */
export const BLAS_LIB_ENV = 'ANALOOP_BLAS_LIB';

export const OPENBLAS_HOW_TO_ENABLE =
  process.platform === 'darwin'
    ? 'npm rebuild analoop (Accelerate ships with macOS; or brew install openblas and set ANALOOP_BLAS_LIB to its libopenblas.dylib)'
    : 'apt-get install libopenblas-dev && npm rebuild analoop';

/** Library names tried in order; dlopen searches the system paths for bare names. */
export function blasCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const forced = env[BLAS_LIB_ENV]?.trim();
  if (forced) return [forced];
  if (process.platform === 'darwin') {
    return [
      '/System/Library/Frameworks/Accelerate.framework/Accelerate',
      '/opt/homebrew/opt/openblas/lib/libopenblas.dylib',
      '/usr/local/opt/openblas/lib/libopenblas.dylib',
    ];
  }
  return ['libopenblas.so.0', 'libopenblas.so'];
}

/** Thread limits a parent process (e.g. a pool of single-threaded workers) may have set. */
const PARENT_LIMIT_ENVS = ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS'] as const;

/**
 * What "auto" means: every core this process may use, but no more than an
 * OPENBLAS_NUM_THREADS or OMP_NUM_THREADS set to a positive integer (the smaller wins), since a
 * parent that pinned BLAS to n threads is sharing the cores out itself.
 */
export function autoBlasThreads(env: NodeJS.ProcessEnv = process.env): number {
  let n = os.availableParallelism();
  for (const name of PARENT_LIMIT_ENVS) {
    const limit = Number(env[name]?.trim());
    if (Number.isInteger(limit) && limit >= 1) n = Math.min(n, limit);
  }
  return n;
}

/** A thread count from a count or "auto" (see autoBlasThreads); `what` names the source in errors. */
export function parseBlasThreads(
  spec: string | number,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = String(spec).trim().toLowerCase();
  if (raw === 'auto') return autoBlasThreads(env);
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`${what} must be a positive integer or "auto", got "${spec}"`);
  }
  return n;
}

/** The thread count asked for by ANALOOP_BLAS_THREADS (1 when unset). */
export function blasThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[BLAS_THREADS_ENV]?.trim();
  if (!raw) return 1;
  return parseBlasThreads(raw, BLAS_THREADS_ENV, env);
}

/** The count setBlasThreads asked for; it takes precedence over ANALOOP_BLAS_THREADS. */
let requestedThreads: number | undefined;
/** The loaded kernels (the thread count is process-wide in OpenBLAS anyway). */
const loadedKernels = new Set<OpenblasKernels>();

/**
 * Intra-op threads for this process's openblas provider, from now on: applied at once if it is
 * loaded, at load otherwise (`analoop train --threads`). Returns the count. Not for a sweep's
 * trials, which run one thread each side by side.
 */
export function setBlasThreads(spec: number | 'auto'): number {
  const n = parseBlasThreads(spec, 'threads');
  requestedThreads = n;
  for (const k of loadedKernels) k.setThreads(n);
  return n;
}

/** The openblas Kernels, with what a caller may want beyond the Kernels contract. */
export interface OpenblasKernels extends Kernels {
  /** The library opened, its configuration and the current thread count. */
  readonly info: Readonly<BlasInfo>;
  /** Sets OpenBLAS's intra-op threads (>= 1) for the whole process; returns the count. */
  setThreads(n: number): number;
  /**
   * The same product on libuv's thread pool, off the event loop (serial I/O stays responsive).
   * A, B and C must not be written until the promise settles.
   */
  gemmAsync(
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array,
    B: Float32Array,
    beta: number,
    C: Float32Array,
  ): Promise<void>;
}

/** The addon's blocked product (absent from builds older than it). */
interface ProductBlocksAddon {
  productBlocks?(
    X: Float32Array,
    W: Float32Array,
    batch: number,
    rows: number,
    cols: number,
    rowOffset: number,
    blockRows: number,
    out: Float32Array,
  ): void;
}

/** 2x2 product checked at load, so a broken library is rejected rather than used. */
function selfTest(k: Kernels): void {
  const C = new Float32Array([1, 1, 1, 1]);
  k.gemm(false, true, 2, 2, 2, 2, Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), 0.5, C);
  const want = [34.5, 46.5, 78.5, 106.5];
  if (!want.every((w, i) => C[i] === w)) {
    throw new Error(`the BLAS self-test failed: got [${[...C].join(', ')}], want [${want}]`);
  }
}

/**
 * OpenBLAS's idle threads busy-wait for new work for up to 2^28 cycles (~0.1 s) after each call
 * by default. Between our products the host kernels run on the intra-op threads too (par_for),
 * and a spinning BLAS thread takes the core they need: measured on 2 cores at 2 threads, the
 * noisy MLP used twice the CPU for the same wall time and the digital ConvNet lost up to 30%.
 * With 2^4 the threads sleep at once. Read by OpenBLAS when the library is opened, so set
 * before; a value the user set is kept.
 */
export const BLAS_THREAD_TIMEOUT_ENV = 'OPENBLAS_THREAD_TIMEOUT';
export const BLAS_THREAD_TIMEOUT_DEFAULT = '4';

export function applyBlasEnvDefaults(env: NodeJS.ProcessEnv = process.env): void {
  if (env[BLAS_THREAD_TIMEOUT_ENV] === undefined)
    env[BLAS_THREAD_TIMEOUT_ENV] = BLAS_THREAD_TIMEOUT_DEFAULT;
}

/** e.g. "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64; core Cooperlake; 1 thread". */
export function blasBuild(info: Readonly<BlasInfo>): string {
  const what = info.config || info.library;
  const core = info.corename ? `; core ${info.corename}` : '';
  return `${what}${core}; ${info.threads} thread${info.threads === 1 ? '' : 's'}`;
}

function makeKernels(load: NativeLoad & { ok: true }, threads: number): OpenblasKernels {
  const addon = load.addon;
  applyBlasEnvDefaults();
  const info = addon.blasOpen(blasCandidates());
  const state: BlasInfo = { ...info };
  const setThreads = (n: number): number => {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`threads must be an integer >= 1, got ${n}`);
    state.threads = addon.blasSetThreads(n);
    return state.threads;
  };
  setThreads(threads);
  const kernels: OpenblasKernels = {
    name: 'openblas',
    info: state,
    setThreads,
    build: () => blasBuild(state),
    gemm(transA, transB, M, N, K, alpha, A, B, beta, C) {
      checkGemmArgs(transA, transB, M, N, K, A, B, C);
      if (M === 0 || N === 0) return;
      // BLAS leaves A and B unread when alpha = 0; K = 0 has no product (and lda would be 0).
      if (alpha === 0 || K === 0) {
        applyBeta(C, M * N, beta);
        return;
      }
      addon.sgemm(transA, transB, M, N, K, alpha, A, B, beta, C);
    },
    async gemmAsync(transA, transB, M, N, K, alpha, A, B, beta, C) {
      checkGemmArgs(transA, transB, M, N, K, A, B, C);
      if (M === 0 || N === 0) return;
      if (alpha === 0 || K === 0) {
        applyBeta(C, M * N, beta);
        return;
      }
      await addon.sgemmAsync(transA, transB, M, N, K, alpha, A, B, beta, C);
    },
  };
  const blocks = (addon as NativeAddon & ProductBlocksAddon).productBlocks;
  if (typeof blocks === 'function') {
    // Each block a one-thread gemm, the blocks side by side on the intra-op threads: OpenBLAS's
    // own split of such small products costs more than it saves (native/analoop.c).
    kernels.blockedProduct = (X, W, batch, rows, cols, rowOffset, blockRows, out) => {
      if (batch > 0) blocks.call(addon, X, W, batch, rows, cols, rowOffset, blockRows, out);
    };
    kernels.blockedProductWidth = () => state.threads;
  }
  selfTest(kernels);
  return kernels;
}

/**
 * A provider over `loadAddon` (the real addon by default; tests pass a failing loader to check
 * the fallback). Loading opens the library once; failures are not cached.
 */
export function makeOpenblasProvider(
  loadAddon: () => NativeLoad = loadNativeAddon,
): KernelsProvider {
  let loaded: OpenblasKernels | undefined;
  return {
    name: 'openblas',
    priority: 400,
    howToEnable: OPENBLAS_HOW_TO_ENABLE,
    load() {
      try {
        if (!loaded) {
          const threads = requestedThreads ?? blasThreadsFromEnv();
          const native = loadAddon();
          if (!native.ok) throw new Error(native.reason);
          try {
            loaded = makeKernels(native, threads);
            loadedKernels.add(loaded);
          } catch (e) {
            const msg = e instanceof Error ? e.message : String(e);
            throw new Error(`no usable BLAS library (${blasCandidates().join(', ')}): ${msg}`);
          }
        }
        return Promise.resolve(loaded);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** Priority 400: above tfjs-node, since it is the fastest and needs nothing downloaded. */
export const openblasProvider: KernelsProvider = makeOpenblasProvider();
