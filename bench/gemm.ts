/**
 * Square sgemm throughput of every compute provider that loads here, next to the machine's
 * BLAS peak measured in the same run by ../shared/tools/blas-peak.py (numpy), so figures from
 * different machines compare as fractions of what each machine can do. A benchmark, not a test:
 * prints one JSON document on stdout.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/gemm.js
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernels } from '../src/compute/kernels.js';
import { gemmJs } from '../src/compute/js-kernels.js';
import { listKernelsProviders } from '../src/compute/registry.js';
import { parseCli } from './args.js';
import { measureBaseline, median, round } from './baseline.js';

const SIZES = [256, 1024];
/** Warm-up and timed repetitions per size: enough for a stable median, short for pure JS. */
const PLAN: Record<number, { warmup: number; reps: number }> = {
  256: { warmup: 3, reps: 9 },
  1024: { warmup: 1, reps: 5 },
};

function randomMatrix(n: number, seed: number): Float32Array {
  const a = new Float32Array(n * n);
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
  return a;
}

function measure(
  k: Kernels,
  n: number,
): { n: number; gflops: number; medianMs: number; bestGflops: number; reps: number } {
  const { warmup, reps } = PLAN[n] ?? { warmup: 1, reps: 3 };
  const A = randomMatrix(n, 1);
  const B = randomMatrix(n, 2);
  const C = new Float32Array(n * n);
  for (let r = 0; r < warmup; r++) k.gemm(false, false, n, n, n, 1, A, B, 0, C);
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    k.gemm(false, false, n, n, n, 1, A, B, 0, C);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const ms = median(times);
  const best = Math.min(...times);
  return {
    n,
    gflops: round((2 * n ** 3) / (ms * 1e6), 2),
    medianMs: round(ms, 3),
    // As blas-peak.py reports: the best repetition.
    bestGflops: round((2 * n ** 3) / (best * 1e6), 2),
    reps,
  };
}

/** Largest |C_provider - C_js| / max|C_js| at a small size: a broken provider must not post a figure silently. */
function errorVsJs(k: Kernels, n = 128): number {
  const A = randomMatrix(n, 3);
  const B = randomMatrix(n, 4);
  const got = new Float32Array(n * n);
  const want = new Float32Array(n * n);
  k.gemm(false, false, n, n, n, 1, A, B, 0, got);
  gemmJs(false, false, n, n, n, 1, A, B, 0, want);
  let err = 0;
  let mag = 0;
  for (let i = 0; i < want.length; i++) {
    err = Math.max(err, Math.abs(got[i] - want[i]));
    mag = Math.max(mag, Math.abs(want[i]));
  }
  return err / (mag || 1);
}

/** The report: every provider that loads, at each size, and the BLAS baseline. */
export async function gemmBench(): Promise<Record<string, unknown>> {
  const providers = [];
  for (const p of listKernelsProviders()) {
    let kernels: Kernels;
    try {
      kernels = await p.load();
    } catch (e) {
      providers.push({
        name: p.name,
        priority: p.priority,
        loaded: false,
        reason: e instanceof Error ? e.message : String(e),
        howToEnable: p.howToEnable,
      });
      continue;
    }
    const results = SIZES.map((n) => measure(kernels, n));
    providers.push({
      name: p.name,
      priority: p.priority,
      loaded: true,
      maxRelErrorVsJs: Number(errorVsJs(kernels).toExponential(2)),
      results,
    });
  }

  // The baseline runs after the providers so the two never compete for the cores.
  // Single-threaded too: the tfjs-wasm and JS providers use one core.
  const { baseline, reason: baselineReason } = measureBaseline(SIZES, SIZES[SIZES.length - 1]);

  const withRatios = providers.map((p) =>
    'results' in p && p.results
      ? {
          ...p,
          results: p.results.map((r) => ({
            ...r,
            ratioToBaseline: baseline ? round(r.gflops / baseline.byN[r.n].gflops, 4) : null,
          })),
        }
      : p,
  );

  const report = {
    benchmark: 'square sgemm, C = A B, float32 row-major; median of timed reps after warm-up',
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: { model: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
    sizes: SIZES,
    selected: withRatios.find((p) => p.loaded)?.name ?? null,
    providers: withRatios,
    baseline,
    ...(baselineReason ? { baselineReason } : {}),
  };
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // No options: this gives --help, and a flag meant for another script is an error, not ignored.
  parseCli(
    'bench/gemm',
    "Square sgemm GFLOP/s of every compute provider that loads here (N = 256, 1024), next to the machine's BLAS peak (blas-peak.py) measured in the same run; one JSON document on stdout.",
    {},
  );
  process.stdout.write(JSON.stringify(await gemmBench(), null, 2) + '\n');
}
