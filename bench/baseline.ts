/**
 * The machine baseline shared by the benchmarks: this machine's fp32 BLAS peak, measured in the
 * same run by ../shared/tools/blas-peak.py (numpy), so a throughput can be reported as a fraction
 * of what the machine can do. Also the small numeric helpers the benchmarks share.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One blas-peak.py result. */
export interface Peak {
  n: number;
  threads: string;
  gflops: number;
}

/** The baseline of a run: the peak at each size with default threads, and at one thread. */
export interface Baseline {
  script: string;
  byN: Record<string, Peak>;
  oneThread: Peak | null;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The analoop checkout: the first folder up from cwd, then from this script, with its package.json. */
export function repoRoot(): string | null {
  const starts = [process.cwd(), path.dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: string;
        };
        if (pkg.name === 'analoop') return dir;
      } catch {
        // no package.json here
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return null;
}

/** Runs blas-peak.py, whose last stdout line is {"n", "threads", "gflops"}. */
export function blasPeak(script: string, n: number, threads?: number): Peak | { error: string } {
  const args = [script, String(n), ...(threads ? [String(threads)] : [])];
  const r = spawnSync('python3', args, { encoding: 'utf8', timeout: 300_000 });
  if (r.error) return { error: `python3 could not run: ${r.error.message}` };
  if (r.status !== 0) {
    const last = r.stderr.trim().split('\n').pop() ?? '';
    return { error: `blas-peak.py exited with ${r.status}: ${last}` };
  }
  try {
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const p = JSON.parse(line) as { n: number; threads: string; gflops: number };
    return { n: p.n, threads: String(p.threads), gflops: p.gflops };
  } catch {
    return { error: `unexpected blas-peak.py output: ${r.stdout.slice(0, 200)}` };
  }
}

/**
 * Measures the baseline: blas-peak.py at each of `sizes` with the default thread count, then at
 * `oneThreadN` with one thread (the JS, tfjs-wasm and simulator paths use one core). Either a
 * baseline, or null and the reason it could not be measured (the benchmark still reports).
 */
export function measureBaseline(
  sizes: number[],
  oneThreadN: number,
): { baseline: Baseline | null; reason?: string } {
  const root = repoRoot();
  if (!root)
    return { baseline: null, reason: 'could not find the analoop checkout (run from inside it)' };
  const script = path.resolve(root, '../shared/tools/blas-peak.py');
  if (!fs.existsSync(script)) return { baseline: null, reason: `${script} does not exist` };
  const byN: Record<string, Peak> = {};
  for (const n of sizes) {
    const p = blasPeak(script, n);
    if ('error' in p) return { baseline: null, reason: p.error };
    byN[n] = p;
  }
  const one = blasPeak(script, oneThreadN, 1);
  return { baseline: { script, byN, oneThread: 'error' in one ? null : one } };
}
