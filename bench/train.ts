/**
 * Training-step throughput and peak memory of the `mlp` (MNIST shape) and `convnet` (CIFAR shape)
 * presets at batch 128 on the simulated device `sim:paper?p=16&ep=0.5`, on `ideal:` and all
 * digital (analog 'none'), next to the machine's BLAS peak measured in the same run and to the
 * quoted reference figures of issue 7. A benchmark, not a test: prints one JSON document on
 * stdout, progress on stderr.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/train.js [--only mlp/sim,convnet/digital]
 *     [--mlp-steps N] [--convnet-steps N] [--convnet-compare-steps N] [--no-baseline]
 *   (--help lists every option with its default)
 *
 * Each case runs in its own child process (`--case <id>`, which prints that case's JSON), so its
 * peak RSS (process.resourceUsage().maxRSS) is its own and no case inherits another's heap or JIT
 * state. Cases run one after another, never alongside each other or the BLAS baseline.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observable } from 'rxjs';
import { IdealDevice } from '../simulator/ideal-device.js';
import { registerSimulator } from '../simulator/register.js';
import { SimDevice } from '../simulator/sim-device.js';
import type { Kernels } from '../src/compute/kernels.js';
import { BLAS_THREADS_ENV, parseBlasThreads } from '../src/compute/openblas-kernels.js';
import { getKernels } from '../src/compute/registry.js';
import { batches, loadMnist, makeSynthetic, type Batch, type Dataset } from '../src/data/index.js';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  ProgramContext,
  Telemetry,
  TileId,
} from '../src/device/device.js';
import { parseActivation } from '../src/nn/activations.js';
import type { Layer } from '../src/nn/layer.js';
import { softmaxCrossEntropy } from '../src/nn/losses.js';
import { modelParams, parameterCount, skipInputGradient, walkLayers } from '../src/nn/model.js';
import { paperProfile } from '../src/profile/index.js';
import { buildModel } from '../src/nn/models/index.js';
import { tensor } from '../src/nn/tensor.js';
import { createOptimizer, zeroGrad } from '../src/train/optimizers.js';
import { parseCli } from './args.js';
import { measureBaseline, round, type Baseline } from './baseline.js';

const BATCH = 128;
const SIM_URI = 'sim:paper?p=16&ep=0.5';
const SEED = 1;
const LR = 1e-3;
const ACTIVATION = 'relu';
/** blas-peak.py matrix size (the size bench/gemm quotes too). */
const BASELINE_N = 1024;

/** Issue 7's figures: measured elsewhere (PyTorch on a 2-core machine), quoted, not measured here. */
const QUOTED = {
  source: 'issue 7 (quoted figures from another run, NOT measured by this benchmark)',
  analogvnnNoisyMlp: {
    what: 'AnalogVNN on PyTorch, sample MLP, p=16, EP=0.5, batch 128',
    samplesPerSec: 3000,
  },
  pytorchPlainMlp: {
    what: 'the same MLP without noise in plain PyTorch, batch 128',
    samplesPerSec: 21000,
  },
  paperConvnetStep: { what: "the paper's ConvNet training step", samplesPerSec: 88 },
  targets: {
    noisyMlpSamplesPerSec: 21000,
    convnetSamplesPerSec: 176,
    noiseShareOfStep: 0.2,
  },
  numpyOpenblasGflops: 130,
} as const;

type ModelName = 'mlp' | 'convnet';
type Variant = 'sim' | 'ideal' | 'digital';

interface CaseSpec {
  id: string;
  model: ModelName;
  variant: Variant;
  device: string;
  analog: 'all' | 'none';
  /** What the case shows, one line for the report. */
  describe: string;
}

const CASES: CaseSpec[] = (['mlp', 'convnet'] as const).flatMap((model) => [
  {
    id: `${model}/sim`,
    model,
    variant: 'sim' as const,
    device: SIM_URI,
    analog: 'all' as const,
    describe: 'every weight product on the simulated noisy 4-bit device',
  },
  {
    id: `${model}/ideal`,
    model,
    variant: 'ideal' as const,
    device: 'ideal:',
    analog: 'all' as const,
    describe:
      "every weight product on the ideal device (no noise or quantisation; the simulator's float32 gemm product)",
  },
  {
    id: `${model}/digital`,
    model,
    variant: 'digital' as const,
    device: 'ideal:',
    analog: 'none' as const,
    describe: "all digital (analog 'none'): forward products through the Kernels provider",
  },
]);

interface StepPlan {
  warmupSteps: number;
  /** Batch size of the warm-up steps (smaller for convnet: it only has to warm the JIT). */
  warmupBatch: number;
  steps: number;
}

// ---------------------------------------------------------------------------------------------
// Instrumentation: a Kernels and a Device that time every call (wall clock and process CPU time)
// and count its FLOPs. CPU time is what a busy machine cannot inflate: other processes taking the
// cores lengthen the wall time of a step, not its CPU time (the step is single-threaded).

/** Wall-clock and process CPU milliseconds. */
interface Span {
  wall: number;
  cpu: number;
}

function clock(): Span {
  const c = process.cpuUsage();
  return { wall: performance.now(), cpu: (c.user + c.system) / 1000 };
}

/**
 * Off during the steps whose throughput is reported: the meters' clock reads (process.cpuUsage
 * is a system call, several microseconds on a loaded machine) would otherwise cost a small
 * step (the MLP's, ~10 ms) several percent. On during the steps that give the breakdown.
 */
let metering = true;
const NO_SPAN: Span = { wall: 0, cpu: 0 };

function now(): Span {
  return metering ? clock() : NO_SPAN;
}

/** Adds the time since `from` to `acc`. */
function addSince(acc: Span, from: Span): void {
  if (!metering) return;
  const t = clock();
  acc.wall += t.wall - from.wall;
  acc.cpu += t.cpu - from.cpu;
}

type Phase = 'forward' | 'loss' | 'backward' | 'optimizer';
const PARTS = [
  'step',
  'forward',
  'loss',
  'backward',
  'optimizer',
  'deviceMatmul',
  'deviceProgram',
  'gemmForward',
  'gemmBackward',
  /** The simulator's product (gemm calls made inside Device.matmul). */
  'deviceGemm',
  /** The simulator's conversion chains (clamp, quantise, noise), inside matmul and program. */
  'chainsMatmul',
  'chainsProgram',
  /** Leaf layers' forward + backward by kind (they contain the device and gemm calls). */
  'layerWeight',
  'layerActivation',
  'layerOther',
] as const;
type Part = (typeof PARTS)[number];

class Meter {
  phase: Phase = 'forward';
  /** Inside Device.matmul / program (gemm and chain calls there belong to the device). */
  inDevice: 'matmul' | 'program' | undefined;
  time = {} as Record<Part, Span>;
  gemmFlopForward = 0;
  gemmFlopBackward = 0;
  gemmCalls = 0;
  deviceFlop = 0;
  deviceMatmulCalls = 0;
  deviceProgramCalls = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    for (const p of PARTS) this.time[p] = { wall: 0, cpu: 0 };
    this.gemmFlopForward = 0;
    this.gemmFlopBackward = 0;
    this.gemmCalls = 0;
    this.deviceFlop = 0;
    this.deviceMatmulCalls = 0;
    this.deviceProgramCalls = 0;
  }
}

function meteredKernels(inner: Kernels, m: Meter): Kernels {
  return {
    name: inner.name,
    gemm(transA, transB, M, N, K, alpha, A, B, beta, C) {
      const t0 = now();
      inner.gemm(transA, transB, M, N, K, alpha, A, B, beta, C);
      if (m.inDevice) {
        // The simulator's product: counted with the device (its FLOPs as the device's).
        addSince(m.time.deviceGemm, t0);
        return;
      }
      // The loss and the optimiser call no gemm; anything outside forward counts as backward.
      const forward = m.phase === 'forward';
      addSince(m.time[forward ? 'gemmForward' : 'gemmBackward'], t0);
      if (forward) m.gemmFlopForward += 2 * M * N * K;
      else m.gemmFlopBackward += 2 * M * N * K;
      m.gemmCalls++;
    },
    ...(inner.blockedProduct
      ? {
          // The simulator's blocked product (openblas runs it natively): the device's gemm.
          blockedProduct(X, W, batch, rows, cols, rowOffset, blockRows, out) {
            const t0 = now();
            inner.blockedProduct!(X, W, batch, rows, cols, rowOffset, blockRows, out);
            addSince(m.time.deviceGemm, t0);
          },
        }
      : {}),
  };
}

/** Delegates to a device, timing program() and matmul() (for a board: including its I/O). */
class MeteredDevice implements Device {
  private readonly shapes = new Map<TileId, { rows: number; cols: number }>();

  constructor(
    private readonly inner: Device,
    private readonly m: Meter,
  ) {}

  get telemetry$(): Observable<Telemetry> {
    return this.inner.telemetry$;
  }

  info(): DeviceInfo {
    return this.inner.info();
  }

  async program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void> {
    const t0 = now();
    this.m.inDevice = 'program';
    try {
      await this.inner.program(tile, W, rows, cols, ctx);
    } finally {
      this.m.inDevice = undefined;
    }
    addSince(this.m.time.deviceProgram, t0);
    this.m.deviceProgramCalls++;
    this.shapes.set(tile, { rows, cols });
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    const t0 = now();
    this.m.inDevice = 'matmul';
    let y: Float32Array;
    try {
      y = await this.inner.matmul(tile, X, batch, ctx);
    } finally {
      this.m.inDevice = undefined;
    }
    addSince(this.m.time.deviceMatmul, t0);
    this.m.deviceMatmulCalls++;
    const s = this.shapes.get(tile);
    if (s) this.m.deviceFlop += 2 * batch * s.rows * s.cols;
    return y;
  }

  /** Timing reads no X: the inner device's answer. */
  needsX(ctx: ProductContext): boolean {
    return this.inner.needsX?.(ctx) ?? true;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * Times every conversion chain of a SimDevice (a benchmark-only peek at its private `chains`):
 * clamp, quantise and noise, fused, as matmul and program run them.
 */
function timeChains(d: SimDevice, m: Meter): void {
  type ApplyFn = (x: Float32Array, key: unknown, start: number, out?: Float32Array) => Float32Array;
  const chains = (d as unknown as { chains: Record<string, { apply: ApplyFn }> }).chains;
  for (const name of Object.keys(chains)) {
    const apply = chains[name]!.apply.bind(chains[name]);
    chains[name] = {
      apply: (x, key, start, out) => {
        const t0 = now();
        const y = apply(x, key, start, out);
        addSince(m.inDevice === 'program' ? m.time.chainsProgram : m.time.chainsMatmul, t0);
        return y;
      },
    };
  }
}

/** Times forward and backward of every leaf layer by kind (weight layers, activations, rest). */
function timeLayers(net: Layer, m: Meter): void {
  for (const { layer } of walkLayers(net)) {
    if (layer.children) continue;
    const part: Part =
      layer.kind === 'conv2d' || layer.kind === 'linear'
        ? 'layerWeight'
        : layer.kind === 'activation'
          ? 'layerActivation'
          : 'layerOther';
    const forward = layer.forward.bind(layer);
    const backward = layer.backward.bind(layer);
    const l = layer as { forward: Layer['forward']; backward: Layer['backward'] };
    l.forward = async (x, ctx) => {
      const t0 = now();
      const y = await forward(x, ctx);
      addSince(m.time[part], t0);
      return y;
    };
    l.backward = (dy) => {
      const t0 = now();
      const dx = backward(dy);
      addSince(m.time[part], t0);
      return dx;
    };
  }
}

// ---------------------------------------------------------------------------------------------
// One case, in a child process.

function log(msg: string): void {
  process.stderr.write(`[bench/train] ${msg}\n`);
}

function mb(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}

function loadData(model: ModelName): Dataset {
  if (model === 'mlp') return loadMnist().train;
  // CIFAR-10 is not embedded: synthetic data of its shape (the step's cost depends on the shape only).
  return makeSynthetic({ n: 4 * BATCH, testN: 1, shape: [3, 32, 32], classes: 10, seed: 0 }).train;
}

/** Endless full batches of `size`, epoch after epoch. */
function* endless(ds: Dataset, size: number): Generator<Batch, never, undefined> {
  for (let epoch = 0; ; epoch++) {
    for (const b of batches(ds, size, { seed: SEED, epoch, dropLast: true })) yield b;
  }
}

/** Where a step's time went, in ms per step, from the meter's totals in wall or CPU time. */
function breakdown(m: Meter, n: number, k: keyof Span) {
  const t = (p: Part) => m.time[p][k];
  const per = (x: number) => round(x / n, 2);
  const share = (x: number) => round(x / t('step'), 3);
  const fwdOther = t('forward') - t('deviceMatmul') - t('deviceProgram') - t('gemmForward');
  const bwdOther = t('backward') - t('gemmBackward');
  // Where the step's time goes, by what does the work (each part counted once).
  const gemm = t('gemmForward') + t('gemmBackward') + t('deviceGemm');
  const chains = t('chainsMatmul') + t('chainsProgram');
  const device = t('deviceMatmul') + t('deviceProgram');
  const parts = {
    gemm,
    noiseAndQuantisation: chains,
    deviceOther: device - t('deviceGemm') - chains,
    weightLayersHost: t('layerWeight') - device - t('gemmForward') - t('gemmBackward'),
    activations: t('layerActivation'),
    otherLayers: t('layerOther'),
    loss: t('loss'),
    optimizer: t('optimizer'),
    io: 0,
  };
  const accounted = Object.values(parts).reduce((a, b) => a + b, 0);
  const profile = {
    msPerStep: Object.fromEntries(
      [...Object.entries(parts), ['unaccounted', t('step') - accounted]].map(([k, v]) => [
        k,
        per(v as number),
      ]),
    ),
    shareOfStep: Object.fromEntries(
      [...Object.entries(parts), ['unaccounted', t('step') - accounted]].map(([k, v]) => [
        k,
        share(v as number),
      ]),
    ),
  };
  return {
    profile,
    msPerStep: {
      step: per(t('step')),
      forward: {
        total: per(t('forward')),
        deviceMatmul: per(t('deviceMatmul')),
        deviceProgram: per(t('deviceProgram')),
        digitalGemm: per(t('gemmForward')),
        other: per(fwdOther),
      },
      loss: per(t('loss')),
      backward: {
        total: per(t('backward')),
        digitalGemm: per(t('gemmBackward')),
        other: per(bwdOther),
      },
      optimizer: per(t('optimizer')),
    },
    shareOfStep: {
      deviceMatmul: share(t('deviceMatmul')),
      deviceProgram: share(t('deviceProgram')),
      digitalGemm: share(t('gemmForward') + t('gemmBackward')),
      forwardOther: share(fwdOther),
      loss: share(t('loss')),
      backwardOther: share(bwdOther),
      optimizer: share(t('optimizer')),
    },
  };
}

async function runCase(spec: CaseSpec, plan: StepPlan) {
  const rssAtStart = process.memoryUsage().rss;
  registerSimulator();
  const inner = await getKernels();
  const meter = new Meter();
  const kernels = meteredKernels(inner, meter);
  // Built here rather than from the URI, so that the simulator's and the ideal device's gemm
  // products go through the metered kernels. Same devices as `sim:paper?p=16&ep=0.5` and
  // `ideal:`, except that the ideal device uses the simulator's float32 gemm product (its
  // default is an exact float64 product, ~30x slower): sim minus ideal is then noise and
  // quantisation alone.
  const rawDevice =
    spec.variant === 'sim'
      ? new SimDevice(paperProfile({ p: 16, ep: 0.5 }), { kernels, source: SIM_URI })
      : new IdealDevice({ product: 'gemm', kernels });
  if (rawDevice instanceof SimDevice) timeChains(rawDevice, meter);
  const device = new MeteredDevice(rawDevice, meter);
  try {
    const ds = loadData(spec.model);
    const model = buildModel(spec.model, {
      runtime: { kernels, device },
      activation: parseActivation(ACTIVATION),
      inputShape: ds.shape,
      classes: ds.classes,
      seed: SEED,
      analog: spec.analog,
      options: {},
    });
    skipInputGradient(model.net); // as the trainer does
    timeLayers(model.net, meter);
    const params = modelParams(model);
    const optimizer = createOptimizer('adam', { momentum: 0.9, weightDecay: 0 });
    const rssReady = process.memoryUsage().rss;

    let rssPeak = rssReady;
    let abPeak = process.memoryUsage().arrayBuffers;
    const sample = () => {
      // process.memoryUsage() costs ~0.1 ms: sampled in the metered steps only.
      if (!metering) return;
      const u = process.memoryUsage();
      if (u.rss > rssPeak) rssPeak = u.rss;
      if (u.arrayBuffers > abPeak) abPeak = u.arrayBuffers;
    };

    let draw = 0;
    /** One training step; returns its loss and wall/CPU time. */
    const step = async (b: Batch): Promise<{ loss: number; wall: number; cpu: number }> => {
      const time = meter.time;
      const t0 = now();
      meter.phase = 'optimizer';
      let t = now();
      zeroGrad(params);
      addSince(time.optimizer, t);
      meter.phase = 'forward';
      t = now();
      const ctx = { training: true, draw: draw++, rowOffset: 0, seed: SEED };
      const logits = await model.net.forward(tensor([b.size, ...ds.shape], b.x), ctx);
      addSince(time.forward, t);
      sample();
      meter.phase = 'loss';
      t = now();
      const r = softmaxCrossEntropy(logits, b.y);
      addSince(time.loss, t);
      meter.phase = 'backward';
      t = now();
      model.net.backward(r.grad);
      addSince(time.backward, t);
      sample();
      meter.phase = 'optimizer';
      t = now();
      optimizer.step(params, LR);
      addSince(time.optimizer, t);
      const before = { ...time.step };
      addSince(time.step, t0);
      sample();
      return {
        loss: r.loss,
        wall: time.step.wall - before.wall,
        cpu: time.step.cpu - before.cpu,
      };
    };

    const warm = endless(ds, plan.warmupBatch);
    for (let i = 0; i < plan.warmupSteps; i++) {
      const r = await step(warm.next().value);
      log(
        `${spec.id}: warm-up ${i + 1}/${plan.warmupSteps} (batch ${plan.warmupBatch}) ` +
          `${r.wall.toFixed(0)} ms (cpu ${r.cpu.toFixed(0)} ms)`,
      );
    }
    const data = endless(ds, BATCH);
    // One untimed step at the timed batch size: layers size their reused buffers on it (the
    // warm-up may use a smaller batch), as every training run does on its first step.
    metering = false;
    await step(data.next().value);
    // Timed steps with the meters off (the throughput), then as many with them on (the breakdown).
    const walls: number[] = [];
    const cpus: number[] = [];
    const losses: number[] = [];
    for (let i = 0; i < plan.steps; i++) {
      const c0 = clock();
      const r = await step(data.next().value);
      const c1 = clock();
      walls.push(c1.wall - c0.wall);
      cpus.push(c1.cpu - c0.cpu);
      losses.push(r.loss);
      if (plan.steps <= 10 || (i + 1) % 10 === 0 || i + 1 === plan.steps) {
        log(
          `${spec.id}: step ${i + 1}/${plan.steps} ${walls[i]!.toFixed(0)} ms ` +
            `(cpu ${cpus[i]!.toFixed(0)} ms), loss ${r.loss.toFixed(3)}`,
        );
      }
    }
    metering = true;
    meter.reset();
    for (let i = 0; i < plan.steps; i++) await step(data.next().value);
    log(`${spec.id}: ${plan.steps} profiled steps`);

    const n = walls.length;
    const wall = walls.reduce((a, b) => a + b, 0);
    const cpu = cpus.reduce((a, b) => a + b, 0);
    const gemmFlop = meter.gemmFlopForward + meter.gemmFlopBackward;
    const flopPerStep = (meter.deviceFlop + gemmFlop) / n;
    /** GFLOP/s of `flop` done in `ms`, or null when nothing ran. */
    const gflops = (flop: number, ms: number) =>
      ms > 0 && flop > 0 ? round(flop / (ms * 1e6), 3) : null;
    const gemmTime = (k: keyof Span) => meter.time.gemmForward[k] + meter.time.gemmBackward[k];
    const wallBreakdown = breakdown(meter, n, 'wall');
    const cpuBreakdown = breakdown(meter, n, 'cpu');
    return {
      id: spec.id,
      model: spec.model,
      parameters: parameterCount(model),
      data: `${ds.name} ${ds.shape.join('x')}, ${ds.classes} classes (${ds.source})`,
      device: spec.device,
      analog: spec.analog,
      describe: spec.describe,
      kernels: inner.name,
      batch: BATCH,
      warmup: { steps: plan.warmupSteps, batch: plan.warmupBatch },
      timedSteps: n,
      samplesPerSec: round((BATCH * n) / (wall / 1000), 1),
      samplesPerSecByCpuTime: round((BATCH * n) / (cpu / 1000), 1),
      stepMs: {
        mean: round(wall / n, 2),
        min: round(Math.min(...walls), 2),
        max: round(Math.max(...walls), 2),
        cpuMean: round(cpu / n, 2),
        profiledCpuMean: round(meter.time.step.cpu / n, 2),
      },
      lossFirstLast: [round(losses[0] ?? NaN, 4), round(losses[n - 1] ?? NaN, 4)],
      breakdownMsPerStep: wallBreakdown.msPerStep,
      breakdownCpuMsPerStep: cpuBreakdown.msPerStep,
      shareOfStepByCpuTime: cpuBreakdown.shareOfStep,
      profileByCpuTime: cpuBreakdown.profile,
      callsPerStep: {
        deviceMatmul: meter.deviceMatmulCalls / n,
        deviceProgram: meter.deviceProgramCalls / n,
        gemm: meter.gemmCalls / n,
      },
      flop: {
        perStep: flopPerStep,
        deviceMatmulPerStep: meter.deviceFlop / n,
        gemmForwardPerStep: meter.gemmFlopForward / n,
        gemmBackwardPerStep: meter.gemmFlopBackward / n,
        effectiveGflops: gflops(flopPerStep * n, wall) ?? 0,
        effectiveGflopsByCpuTime: gflops(flopPerStep * n, cpu) ?? 0,
        deviceMatmulGflopsByCpuTime: gflops(meter.deviceFlop, meter.time.deviceMatmul.cpu),
        gemmGflopsByCpuTime: gflops(gemmFlop, gemmTime('cpu')),
      },
      memory: {
        maxRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
        rssSampledPeakMB: mb(rssPeak),
        rssAtStartMB: mb(rssAtStart),
        rssModelReadyMB: mb(rssReady),
        arrayBuffersSampledPeakMB: mb(abPeak),
      },
    };
  } finally {
    await device.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The parent: baseline, then every case in its own process, then ratios.

/** What a case process prints. */
type CaseResult = Awaited<ReturnType<typeof runCase>>;

function ratio(a: number, b: number | null | undefined): number | null {
  return b ? round(a / b, 4) : null;
}

function quotedFor(
  spec: CaseSpec,
  sps: number,
  spsCpu: number,
): {
  reference: string;
  quotedSamplesPerSec: number;
  ratio: number | null;
  ratioByCpuTime: number | null;
}[] {
  const q = (what: string, v: number) => ({
    reference: `${what} (quoted from issue 7, not measured here)`,
    quotedSamplesPerSec: v,
    ratio: ratio(sps, v),
    ratioByCpuTime: ratio(spsCpu, v),
  });
  if (spec.model === 'mlp') {
    return spec.variant === 'sim'
      ? [
          q(QUOTED.analogvnnNoisyMlp.what, QUOTED.analogvnnNoisyMlp.samplesPerSec),
          q('target: noisy MLP at plain-PyTorch speed', QUOTED.targets.noisyMlpSamplesPerSec),
        ]
      : [q(QUOTED.pytorchPlainMlp.what, QUOTED.pytorchPlainMlp.samplesPerSec)];
  }
  return [
    q(QUOTED.paperConvnetStep.what, QUOTED.paperConvnetStep.samplesPerSec),
    q('target: ConvNet step at 2x the paper', QUOTED.targets.convnetSamplesPerSec),
  ];
}

function planFor(
  spec: CaseSpec,
  o: { mlpSteps: number; convSteps: number; convCompareSteps: number },
): StepPlan {
  // The MLP's step is ~3 ms, so V8 is still compiling its code after a few steps: 5 warm-up and
  // 30 timed steps read 4.1-4.8 ms of CPU per step where 50 and 200 read 3.3-3.6 (same machine,
  // back to back). The ConvNet's ~1 s steps warm up in one.
  if (spec.model === 'mlp') return { warmupSteps: 50, warmupBatch: BATCH, steps: o.mlpSteps };
  return {
    warmupSteps: 1,
    warmupBatch: 16,
    steps: spec.variant === 'sim' ? o.convSteps : o.convCompareSteps,
  };
}

/**
 * The benchmark: with `--case`, one case (child mode, printed here, returns undefined);
 * otherwise every selected case in its own child process, returned as the report.
 */
export async function trainBench(argv: string[]): Promise<Record<string, unknown> | undefined> {
  // bench/all.ts calls this with its own flags (--mlp-steps, --no-baseline, --threads, --only).
  const caseIds = CASES.map((c) => c.id).join(', ');
  const cli = parseCli(
    'bench/train',
    'Training-step throughput of the mlp and convnet cases, each case in its own child process; one JSON document on stdout.',
    {
      only: {
        type: 'string',
        arg: 'list',
        help: `comma-separated cases, models or variants to run (${caseIds}; mlp, convnet; sim, ideal, digital)`,
      },
      'mlp-steps': {
        type: 'string',
        arg: 'n',
        default: '200',
        help: 'timed steps of the mlp cases',
      },
      'convnet-steps': {
        type: 'string',
        arg: 'n',
        default: '3',
        help: 'timed steps of convnet/sim',
      },
      'convnet-compare-steps': {
        type: 'string',
        arg: 'n',
        default: '2',
        help: 'timed steps of convnet/ideal and convnet/digital',
      },
      'no-baseline': { type: 'boolean', default: false, help: 'skip the blas-peak.py baseline' },
      threads: {
        type: 'string',
        arg: 'n|auto',
        help: `${BLAS_THREADS_ENV} for the case processes (default: the environment's, else 1)`,
      },
      case: {
        type: 'string',
        arg: 'id',
        help: 'internal: run one case in this process and print its JSON line (the parent does this per case)',
      },
      steps: { type: 'string', arg: 'n', default: '1', help: 'with --case: timed steps' },
      'warmup-steps': {
        type: 'string',
        arg: 'n',
        default: '1',
        help: 'with --case: warm-up steps',
      },
      'warmup-batch': {
        type: 'string',
        arg: 'n',
        default: String(BATCH),
        help: 'with --case: batch size of the warm-up steps',
      },
    },
    argv,
  );
  const { values } = cli;
  if (values.threads !== undefined) {
    // A bad count would otherwise fail in every case process, each with its own stack.
    try {
      parseBlasThreads(values.threads, '--threads');
    } catch (e) {
      cli.fail((e as Error).message);
    }
  }
  // Children get the BLAS thread count in ANALOOP_BLAS_THREADS (default 1, the provider's own).
  const threads = values.threads ?? process.env[BLAS_THREADS_ENV] ?? '1';

  if (values.case) {
    // Child mode: one case; the parent passes its plan explicitly.
    const spec = CASES.find((c) => c.id === values.case);
    if (!spec) return cli.fail(`unknown case '${values.case}'; valid: ${caseIds}`);
    const plan: StepPlan = {
      warmupSteps: cli.int('warmup-steps', 0),
      warmupBatch: cli.int('warmup-batch'),
      steps: cli.int('steps'),
    };
    process.stdout.write(JSON.stringify(await runCase(spec, plan)) + '\n');
    return undefined;
  }

  const opts = {
    mlpSteps: cli.int('mlp-steps'),
    convSteps: cli.int('convnet-steps'),
    convCompareSteps: cli.int('convnet-compare-steps'),
  };
  const wanted = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const selected = wanted
    ? CASES.filter((c) => wanted.some((w) => c.id === w || c.model === w || c.variant === w))
    : CASES;
  if (selected.length === 0) {
    cli.fail(
      `--only ${values.only} matches no case; valid: ${caseIds} (or a model or variant name)`,
    );
  }

  const started = Date.now();
  const loadStart = os.loadavg();
  let baseline: Baseline | null = null;
  let baselineReason: string | undefined;
  if (values['no-baseline']) {
    baselineReason = '--no-baseline';
  } else {
    log(`BLAS baseline: blas-peak.py ${BASELINE_N} (default threads, then 1 thread)`);
    ({ baseline, reason: baselineReason } = measureBaseline([BASELINE_N], BASELINE_N));
    if (baseline) {
      log(
        `BLAS peak ${baseline.byN[BASELINE_N].gflops} GFLOP/s (default threads), ${baseline.oneThread?.gflops ?? '?'} GFLOP/s (1 thread)`,
      );
    } else {
      log(`no BLAS baseline: ${baselineReason}`);
    }
  }
  const peakAll = baseline?.byN[BASELINE_N]?.gflops ?? null;
  const peakOne = baseline?.oneThread?.gflops ?? null;

  const script = fileURLToPath(import.meta.url);
  /** What the report lists (results with ratios, or errors); `byId` keeps the results. */
  const cases: object[] = [];
  const byId = new Map<string, CaseResult>();
  for (const spec of selected) {
    const plan = planFor(spec, opts);
    log(
      `${spec.id}: ${spec.device} analog=${spec.analog}, ${plan.warmupSteps} warm-up + ${plan.steps} timed steps`,
    );
    const args = [
      script,
      '--case', spec.id,
      '--steps', String(plan.steps),
      '--warmup-steps', String(plan.warmupSteps),
      '--warmup-batch', String(plan.warmupBatch),
    ]; // prettier-ignore
    const r = spawnSync(process.execPath, args, {
      env: { ...process.env, [BLAS_THREADS_ENV]: threads },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    });
    const line = r.stdout?.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      const why = r.error?.message ?? `exited with ${r.status ?? r.signal}`;
      cases.push({ id: spec.id, error: `case process ${why}` });
      log(`${spec.id}: FAILED (${why})`);
      continue;
    }
    const res = JSON.parse(line) as CaseResult;
    byId.set(res.id, res);
    const g = res.flop.effectiveGflops;
    const gc = res.flop.effectiveGflopsByCpuTime;
    cases.push({
      ...res,
      vsBlasPeak: {
        effectiveGflops: g,
        ofPeak1Thread: ratio(g, peakOne),
        ofPeakDefaultThreads: ratio(g, peakAll),
        effectiveGflopsByCpuTime: gc,
        ofPeak1ThreadByCpuTime: ratio(gc, peakOne),
      },
      vsQuotedReferences: quotedFor(spec, res.samplesPerSec, res.samplesPerSecByCpuTime),
    });
    log(`${spec.id}: ${res.samplesPerSec} samples/s, ${res.memory.maxRssMB} MB max RSS`);
  }

  // What the device costs: sim vs ideal vs all-digital, per model.

  const costs: Record<string, unknown> = {};
  for (const model of ['mlp', 'convnet'] as const) {
    const sim = byId.get(`${model}/sim`);
    const ideal = byId.get(`${model}/ideal`);
    const digital = byId.get(`${model}/digital`);
    if (!sim && !ideal && !digital) continue;
    // CPU time: the ratios should not depend on what else the machine was doing.
    // Both devices compute the product as the same float32 gemm, so what the simulator spends
    // beyond the ideal device is conversion: the chains (clamp, quantise, noise) and the
    // per-source gather and scatter.
    const devMs = (c: CaseResult | undefined) =>
      c
        ? c.breakdownCpuMsPerStep.forward.deviceMatmul +
          c.breakdownCpuMsPerStep.forward.deviceProgram
        : undefined;
    const simDev = devMs(sim);
    const idealDev = devMs(ideal);
    const noise = simDev !== undefined && idealDev !== undefined ? simDev - idealDev : undefined;
    const chains = sim?.profileByCpuTime.msPerStep.noiseAndQuantisation;
    costs[model] = {
      basis: 'process CPU time per step',
      chainsMsPerStep: chains ?? null,
      chainsShareOfSimStep: sim?.profileByCpuTime.shareOfStep.noiseAndQuantisation ?? null,
      stepSimOverIdeal: sim && ideal ? ratio(sim.stepMs.cpuMean, ideal.stepMs.cpuMean) : null,
      stepIdealOverDigital:
        ideal && digital ? ratio(ideal.stepMs.cpuMean, digital.stepMs.cpuMean) : null,
      stepSimOverDigital: sim && digital ? ratio(sim.stepMs.cpuMean, digital.stepMs.cpuMean) : null,
      noiseAndQuantisationMsPerStep: noise !== undefined ? round(noise, 2) : null,
      noiseAndQuantisationShareOfSimStep:
        sim && noise !== undefined ? round(noise / sim.stepMs.profiledCpuMean, 3) : null,
    };
  }

  const report = {
    benchmark:
      'training step (zero grad, forward, softmax cross-entropy, backward, Adam) at batch 128; ' +
      'samples/s over the timed steps after warm-up; one child process per case',
    date: new Date().toISOString(),
    node: process.versions.node,
    cpu: { model: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
    loadAverage: {
      start: loadStart.map((x) => round(x, 2)),
      end: os.loadavg().map((x) => round(x, 2)),
    },
    settings: {
      batch: BATCH,
      activation: ACTIVATION,
      optimizer: `adam lr ${LR}`,
      seed: SEED,
      simDevice: SIM_URI,
      mlpSteps: opts.mlpSteps,
      convnetSteps: opts.convSteps,
      convnetCompareSteps: opts.convCompareSteps,
      blasThreads: threads,
    },
    baseline,
    ...(baselineReason ? { baselineReason } : {}),
    quotedReferences: QUOTED,
    cases,
    deviceCost: costs,
    wallSeconds: round((Date.now() - started) / 1000, 1),
  };
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await trainBench(process.argv.slice(2));
  if (report) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}
