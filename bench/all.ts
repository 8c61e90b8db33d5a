/**
 * Every target of issue 7 in one run, each as a ratio against its baseline: one JSON document on
 * stdout (progress on stderr). A benchmark, not a test: a slow figure is reported, never fatal.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/all.js [--quick] [--no-threads]
 *
 * Baselines measured here, in this run:
 * - BLAS: ../shared/tools/blas-peak.py (numpy, fp32, N = 1024, best of 10) at one thread and at
 *   the default thread count, twice, interleaved with our providers; each side keeps its best.
 * - The plain digital MLP (the same 784-256-128-10 network, analog 'none', same step) as the
 *   same-run counterpart of the noisy MLP.
 * Quoted (from issue 7, measured elsewhere, NOT re-measured): the 21,000 samples/s of plain
 * PyTorch (the noisy MLP's target) and the ConvNet step target of 176 img/s (2x the paper's 88).
 *
 * Targets (issue 7): best GEMM provider >= 0.85 of BLAS at one thread; noisy MLP >= 21,000
 * samples/s; ConvNet step >= 176 img/s; noise generation <= 20% of a step. Plus the profile of
 * a step (gemm, noise, device, host layer work, activations, optimizer, I/O) per case.
 *
 * Threads: the training cases run single-threaded (ANALOOP_BLAS_THREADS=1, like a sweep's
 * trials); the noisy MLP and ConvNet cases are run again with ANALOOP_BLAS_THREADS=auto (a single
 * interactive run with intra-op threads: BLAS and the addon's host kernels) unless --no-threads
 * or the machine has one core.
 *
 * The quoted targets are absolute figures from the machine, whose numpy reached ~130
 * GFLOP/s at its default threads. Machines differ (2-core machines of this workplace measured
 * 63-99 GFLOP/s at one thread in different sessions), so each target is also given scaled by
 * this run's blas-peak.py at default threads / 130 (`scaledTarget`, `metScaled`): the same share
 * of what this machine can do. `met` is always against the figure as quoted.
 */
import os from 'node:os';
import path from 'node:path';
import type { Kernels } from '../src/compute/kernels.js';
import { autoBlasThreads, type OpenblasKernels } from '../src/compute/openblas-kernels.js';
import { listKernelsProviders } from '../src/compute/registry.js';
import { parseCli } from './args.js';
import { blasPeak, repoRoot, round, type Peak } from './baseline.js';
import { chainSplit } from './chain-split.js';
import { trainBench } from './train.js';

const N = 1024;
const REPS = 10;

const QUOTED = {
  source: 'issue 7: measured elsewhere (PyTorch, 2 cores), quoted here, NOT re-measured',
  noisyMlpTargetSamplesPerSec: 21000,
  convnetTargetSamplesPerSec: 176,
  paperConvnetSamplesPerSec: 88,
  /** What the machine measured with blas-peak.py at its default threads ("~130"). */
  blasPeakDefaultThreadsGflops: 130,
} as const;
const TARGET = { gemmOfBlas1Thread: 0.85, noiseShareMax: 0.2 } as const;

const log = (s: string) => process.stderr.write(`[bench/all] ${s}\n`);

function randomMatrix(n: number, seed: number): Float32Array {
  const a = new Float32Array(n * n);
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
  return a;
}

/** Best-of-REPS GFLOP/s of a square product, as blas-peak.py measures. */
function bestGflops(k: Kernels, A: Float32Array, B: Float32Array, C: Float32Array): number {
  for (let r = 0; r < 3; r++) k.gemm(false, false, N, N, N, 1, A, B, 0, C);
  let best = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t = performance.now();
    k.gemm(false, false, N, N, N, 1, A, B, 0, C);
    best = Math.min(best, performance.now() - t);
  }
  return round((2 * N ** 3) / (best * 1e6), 1);
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b ? round(a / b, 3) : null;

type Case = {
  id: string;
  samplesPerSec: number;
  samplesPerSecByCpuTime: number;
  stepMs: { mean: number; cpuMean: number };
  profileByCpuTime: { msPerStep: Record<string, number>; shareOfStep: Record<string, number> };
  flop: { effectiveGflops: number; effectiveGflopsByCpuTime: number };
};

async function gemmPart(quick: boolean) {
  const root = repoRoot();
  const script = root ? path.resolve(root, '../shared/tools/blas-peak.py') : null;
  const A = randomMatrix(N, 1);
  const B = randomMatrix(N, 2);
  const C = new Float32Array(N * N);
  const loaded: { name: string; kernels: Kernels }[] = [];
  const failed: { name: string; reason: string }[] = [];
  for (const p of listKernelsProviders()) {
    // The JS reference is the correctness baseline, not a contender (~2 GFLOP/s).
    if (p.name === 'js') continue;
    try {
      loaded.push({ name: p.name, kernels: await p.load() });
    } catch (e) {
      failed.push({ name: p.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const blas = loaded.find((l) => l.name === 'openblas')?.kernels as OpenblasKernels | undefined;
  const cores = autoBlasThreads();
  let peak1: Peak | { error: string } | null = null;
  let peakAll: Peak | { error: string } | null = null;
  const best: Record<string, number> = {};
  const keep = (k: string, v: number) => (best[k] = Math.max(best[k] ?? 0, v));
  const better = (a: typeof peak1, b: Peak | { error: string }) =>
    a && 'gflops' in a && (!('gflops' in b) || a.gflops >= b.gflops) ? a : b;
  // Interleaved rounds, best of each side: a shared machine's load comes and goes.
  for (let round = 0; round < (quick ? 1 : 2); round++) {
    if (script) {
      log(`gemm round ${round + 1}: blas-peak.py ${N}, 1 thread and default threads`);
      peak1 = better(peak1, blasPeak(script, N, 1));
      peakAll = better(peakAll, blasPeak(script, N));
    }
    for (const { name, kernels } of loaded) {
      log(`gemm round ${round + 1}: ${name}`);
      blas?.setThreads(1);
      keep(name, bestGflops(kernels, A, B, C));
      if (kernels === blas && cores > 1) {
        blas.setThreads(cores);
        keep(`${name}@${cores}threads`, bestGflops(kernels, A, B, C));
        blas.setThreads(1);
      }
    }
  }
  const single = loaded.map((l) => ({ name: l.name, gflops: best[l.name]! }));
  const top = single.reduce<{ name: string; gflops: number } | null>(
    (a, b) => (a && a.gflops >= b.gflops ? a : b),
    null,
  );
  const p1 = peak1 && 'gflops' in peak1 ? peak1.gflops : null;
  const pAll = peakAll && 'gflops' in peakAll ? peakAll.gflops : null;
  const multi = blas && cores > 1 ? best[`openblas@${cores}threads`] : undefined;
  return {
    target: {
      what: 'best GEMM provider at one thread / BLAS (numpy) at one thread, N = 1024, best of 10',
      bestProvider: top?.name ?? null,
      gflops: top?.gflops ?? null,
      blasOneThreadGflops: p1,
      ratio: ratio(top?.gflops, p1),
      target: TARGET.gemmOfBlas1Thread,
      met: top && p1 ? top.gflops / p1 >= TARGET.gemmOfBlas1Thread : null,
    },
    providers: single.map((s) => ({ ...s, ofBlasOneThread: ratio(s.gflops, p1) })),
    ...(multi
      ? {
          intraOp: {
            threads: cores,
            openblasGflops: multi,
            blasDefaultThreadsGflops: pAll,
            ratio: ratio(multi, pAll),
          },
        }
      : {}),
    notLoaded: failed,
    baseline: { script, oneThread: peak1, defaultThreads: peakAll },
  };
}

async function main(): Promise<void> {
  const { values } = parseCli(
    'bench/all',
    "Issue 7's targets in one run, each as a ratio against a baseline measured in the same run; one JSON document on stdout.",
    {
      quick: {
        type: 'boolean',
        default: false,
        help: 'one gemm round instead of two, and fewer training steps (mlp 30, convnet 1)',
      },
      'no-threads': {
        type: 'boolean',
        default: false,
        help: 'skip the second run of the MLP and ConvNet cases with ANALOOP_BLAS_THREADS=auto',
      },
    },
  );
  const quick = values.quick ?? false;
  const started = performance.now();
  const loadStart = os.loadavg();

  const gemm = await gemmPart(quick);
  const steps = quick
    ? ['--mlp-steps', '30', '--convnet-steps', '1', '--convnet-compare-steps', '1']
    : ['--mlp-steps', '200', '--convnet-steps', '3', '--convnet-compare-steps', '2'];
  log('training steps, one thread (as a sweep trial)');
  const train = (await trainBench([...steps, '--no-baseline', '--threads', '1']))!;
  const cores = autoBlasThreads();
  const withThreads =
    values['no-threads'] || cores < 2
      ? undefined
      : (log(`MLP and ConvNet steps with ANALOOP_BLAS_THREADS=auto (${cores} threads)`),
        (await trainBench([
          ...steps,
          '--no-baseline',
          '--threads',
          'auto',
          '--only',
          'mlp/sim,mlp/digital,convnet/sim,convnet/digital',
        ]))!);

  log('noise generation vs quantisation in the chains');
  const split = chainSplit();

  const byId = (report: Record<string, unknown> | undefined) =>
    new Map(
      ((report?.cases ?? []) as Case[]).filter((c) => 'samplesPerSec' in c).map((c) => [c.id, c]),
    );
  const one = byId(train);
  const multi = byId(withThreads);
  const sps = (c: Case | undefined) =>
    c ? { samplesPerSec: c.samplesPerSec, samplesPerSecByCpuTime: c.samplesPerSecByCpuTime } : null;
  const peakAll = gemm.baseline.defaultThreads;
  const machineScale =
    peakAll && 'gflops' in peakAll ? peakAll.gflops / QUOTED.blasPeakDefaultThreadsGflops : null;
  const vs = (c: Case | undefined, target: number) =>
    c
      ? {
          ratio: ratio(c.samplesPerSec, target),
          ratioByCpuTime: ratio(c.samplesPerSecByCpuTime, target),
          met: c.samplesPerSec >= target,
          ...(machineScale
            ? {
                scaledTarget: round(target * machineScale, 0),
                ratioToScaled: ratio(c.samplesPerSec, target * machineScale),
                metScaled: c.samplesPerSec >= target * machineScale,
              }
            : {}),
        }
      : null;
  const noiseShare = (id: string) => one.get(id)?.profileByCpuTime.shareOfStep.noiseAndQuantisation;
  const noiseAlone = ratio(noiseShare('mlp/sim'), 1 / split.noiseFraction);
  const mlpSim = one.get('mlp/sim');
  const mlpDigital = one.get('mlp/digital');
  const peak1 = gemm.baseline.oneThread;
  const peak1Gflops = peak1 && 'gflops' in peak1 ? peak1.gflops : null;

  const targets = {
    machineScale: {
      what: "this run's blas-peak.py at default threads / the issue machine's ~130 GFLOP/s: scales the quoted targets",
      factor: machineScale === null ? null : round(machineScale, 3),
    },
    gemm: gemm.target,
    noisyMlp: {
      what: 'mlp 784-256-128-10 on sim:paper?p=16&ep=0.5, batch 128, Adam: samples/s (wall; by CPU time alongside)',
      ...sps(mlpSim),
      quotedTargetSamplesPerSec: QUOTED.noisyMlpTargetSamplesPerSec,
      vsQuotedTarget: vs(mlpSim, QUOTED.noisyMlpTargetSamplesPerSec),
      ...(withThreads
        ? {
            intraOpThreads: {
              threads: cores,
              ...sps(multi.get('mlp/sim')),
              vsQuotedTarget: vs(multi.get('mlp/sim'), QUOTED.noisyMlpTargetSamplesPerSec),
              plainMlp: sps(multi.get('mlp/digital')),
            },
          }
        : {}),
      sameRunPlainMlp: {
        what: "the same network and step all digital (analog 'none'), measured in this run",
        ...sps(mlpDigital),
        noisyOverPlain: ratio(mlpSim?.samplesPerSec, mlpDigital?.samplesPerSec),
        noisyOverPlainByCpuTime: ratio(
          mlpSim?.samplesPerSecByCpuTime,
          mlpDigital?.samplesPerSecByCpuTime,
        ),
      },
    },
    convnet: {
      what: "the paper's 6+3 ConvNet, 3x32x32, batch 128, Adam: images/s (wall; by CPU time alongside)",
      quotedTargetSamplesPerSec: QUOTED.convnetTargetSamplesPerSec,
      oneThread: Object.fromEntries(
        ['convnet/sim', 'convnet/digital'].map((id) => [
          id,
          {
            ...sps(one.get(id)),
            vsQuotedTarget: vs(one.get(id), QUOTED.convnetTargetSamplesPerSec),
          },
        ]),
      ),
      ...(withThreads
        ? {
            intraOpThreads: {
              threads: cores,
              ...Object.fromEntries(
                ['convnet/sim', 'convnet/digital'].map((id) => [
                  id,
                  {
                    ...sps(multi.get(id)),
                    vsQuotedTarget: vs(multi.get(id), QUOTED.convnetTargetSamplesPerSec),
                  },
                ]),
              ),
            },
          }
        : {}),
    },
    noiseShare: {
      what: 'time in the conversion chains (clamp, quantise, noise; fused) over the step, by CPU time',
      mlp: noiseShare('mlp/sim') ?? null,
      convnet: noiseShare('convnet/sim') ?? null,
      target: `<= ${TARGET.noiseShareMax}`,
      met: ['mlp/sim', 'convnet/sim'].every((id) => (noiseShare(id) ?? 1) <= TARGET.noiseShareMax),
      noiseGenerationAlone: {
        what: 'the chains also quantise: their noise part (bench/chain-split.ts, this run) times the MLP chain share, an estimate of noise generation alone over the step',
        mlp: noiseAlone,
        target: `<= ${TARGET.noiseShareMax} (the MLP by this estimate; the ConvNet by its whole chains, which stay below)`,
        met:
          noiseAlone !== null &&
          noiseAlone <= TARGET.noiseShareMax &&
          (noiseShare('convnet/sim') ?? 1) <= TARGET.noiseShareMax,
        chainSplit: split,
      },
    },
  };

  const profile = Object.fromEntries(
    [...one.values()].map((c) => [
      c.id,
      {
        stepCpuMs: c.stepMs.cpuMean,
        effectiveGflopsByCpuTime: c.flop.effectiveGflopsByCpuTime,
        ofBlasOneThread: ratio(c.flop.effectiveGflopsByCpuTime, peak1Gflops),
        ...c.profileByCpuTime,
      },
    ]),
  );

  const report = {
    benchmark: 'issue 7 targets, each against its baseline measured in this run',
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: { model: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
    loadAverage: {
      start: loadStart.map((x) => round(x, 2)),
      end: os.loadavg().map((x) => round(x, 2)),
      // The 1-minute figures at start and end: above the core count, other processes took CPU.
      note:
        Math.max(loadStart[0]!, os.loadavg()[0]!) > os.cpus().length
          ? 'above the core count: other processes took CPU from the measurement, prefer the by-CPU-time figures'
          : 'below the core count: the machine was otherwise idle enough for the wall-clock figures',
    },
    quoted: QUOTED,
    targets,
    profile: {
      what:
        'ms per step and share of the step by CPU time: gemm (all products, digital and the simulated device), ' +
        'noiseAndQuantisation (conversion chains), deviceOther (per-source gather/scatter, channel response, copies), ' +
        'weightLayersHost (im2col/col2im, layout changes, masks, bias), activations, otherLayers (pool, dropout, ' +
        'flatten), loss, optimizer, io (0: the device is in this process; see bench/latency for a board)',
      cases: profile,
    },
    deviceCost: train.deviceCost,
    details: { gemm, train, ...(withThreads ? { trainIntraOpThreads: withThreads } : {}) },
    wallSeconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

await main();
