/**
 * Loads analoop's optional native addon (native/analoop.c, built at install by node-gyp-build).
 * One synchronous attempt per process, cached with its failure reason: the OpenBLAS provider
 * and the fused noise kernels both ask, and neither may fail when the addon is absent.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set to 0, off or false to ignore the addon (tests of the fallbacks, or to rule it out). */
export const NATIVE_ENV = 'ANALOOP_NATIVE';

/** What `npm rebuild` needs to build the addon; quoted by every load failure. */
export const NATIVE_HOW_TO_BUILD =
  'npm rebuild analoop (builds the native addon; needs a C compiler, make and python3)';

/** The CBLAS library found by blasOpen. */
export interface BlasInfo {
  library: string;
  /** openblas_get_config(), empty for other libraries. */
  config: string;
  /** The CPU kernel OpenBLAS chose (e.g. "Haswell"), empty for other libraries. */
  corename: string;
  threads: number;
}

/** The addon's functions (see native/analoop.c). */
export interface NativeAddon {
  blasOpen(candidates: string[]): BlasInfo;
  blasSetThreads(n: number): number;
  sgemm(
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
  ): void;
  sgemmAsync(
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
  noiseTables(centre: Float64Array, direct: Float64Array, octave: Float64Array): void;
  chainRun(
    x: Float32Array,
    out: Float32Array,
    offset: number,
    count: number,
    lo: number,
    s0: number,
    s1: number,
    params: Float64Array,
  ): void;
  /**
   * The noise chains' normal-sampling code path ("scalar", "avx2", "avx512"), after switching to
   * `name` if given (one the CPU supports, or "best"); absent from older builds.
   */
  normalsPath?(name?: string): string;
  /** Per-source conversion helpers of simulator/sim-device.ts (absent from older builds). */
  sourceRange?(src: Int32Array): [number, number];
  sourceGather?(X: Float32Array, src: Int32Array, min: number, buf: Float32Array): number;
  sourceScatter?(buf: Float32Array, src: Int32Array, min: number, out: Float32Array): void;
}

export type NativeLoad = { ok: true; addon: NativeAddon } | { ok: false; reason: string };

/** The package root: the nearest folder above this module holding binding.gyp. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'binding.gyp'))) return dir;
    const up = path.dirname(dir);
    if (up === dir)
      throw new Error('binding.gyp not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Whether an ANALOOP_NATIVE* switch's value turns the native code off: 0, off or false. */
export function nativeSwitchedOff(value: string | undefined): boolean {
  const f = (value ?? '').trim().toLowerCase();
  return f === '0' || f === 'off' || f === 'false';
}

/** One uncached attempt (loadNativeAddon caches it); `env` is read for ANALOOP_NATIVE. */
export function readNativeAddon(env: NodeJS.ProcessEnv = process.env): NativeLoad {
  if (nativeSwitchedOff(env[NATIVE_ENV])) {
    const flag = (env[NATIVE_ENV] ?? '').trim().toLowerCase();
    return { ok: false, reason: `the native addon is disabled by ${NATIVE_ENV}=${flag}` };
  }
  try {
    const require = createRequire(import.meta.url);
    const gypBuild = require('node-gyp-build') as (dir: string) => unknown;
    const addon = gypBuild(packageRoot()) as Partial<NativeAddon>;
    if (typeof addon.sgemm !== 'function' || typeof addon.chainRun !== 'function') {
      return { ok: false, reason: 'the native addon is out of date (rebuild it)' };
    }
    return { ok: true, addon: addon as NativeAddon };
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0].trim();
    return { ok: false, reason: `the native addon did not load: ${msg}` };
  }
}

let cached: NativeLoad | undefined;

/** The addon, or why it is unavailable. Loaded on first call, then cached for the process. */
export function loadNativeAddon(): NativeLoad {
  cached ??= readNativeAddon();
  return cached;
}
