import { isDeepStrictEqual } from 'node:util';
import type { Kernels } from '../compute/kernels.js';
import { LoopTurns } from '../compute/gemm-plan.js';
import { getKernels } from '../compute/registry.js';
import type { Device, DeviceInfo } from '../device/device.js';
import { parseDeviceUri } from '../device/uri.js';
import { RecordingDevice } from '../device/recording-device.js';
import { monitorDevice } from '../calibrate/monitor.js';
import { loadProfile } from '../profile/index.js';
import { openDevice as openRegisteredDevice } from '../device/registry.js';
import {
  batches,
  batchCount,
  datasetInfo,
  loadDataset,
  take,
  type DataSplit,
  type Dataset,
} from '../data/index.js';
import { CIFAR_AUGMENT } from '../data/augment.js';
import { parseActivation, activationName } from '../nn/activations.js';
import { softmaxCrossEntropy } from '../nn/losses.js';
import {
  describeLayers,
  modelBuffers,
  modelParams,
  parameterCount,
  skipInputGradient,
  type Model,
} from '../nn/model.js';
import { buildModel } from '../nn/models/index.js';
import type { ForwardContext, Layer } from '../nn/layer.js';
import { Sequential } from '../nn/layers/sequential.js';
import { tensor, type Tensor } from '../nn/tensor.js';
import { loadCheckpoint, makeCheckpoint, restoreCheckpoint, saveCheckpoint } from './checkpoint.js';
import { clipGradNorm } from './clip.js';
import { resolveTrainConfig, type TrainConfig, type TrainConfigInput } from './config.js';
import type { BatchProgress, EpochMetrics, RunSummary } from './metrics.js';
import { createOptimizer, zeroGrad } from './optimizers.js';
import { RunDir } from './run-dir.js';
import { learningRate, parseSchedule } from './schedules.js';

/** Evaluation draws live far above any training step, so their noise never repeats a step's. */
const EVAL_DRAW_BASE = 0x40000000;

export interface TrainOptions {
  /** Where manifest, metrics and checkpoints go; omit for an in-memory run. */
  runDir?: string;
  /** Continue the run in runDir from its last checkpoint. */
  resume?: boolean;
  /** Pre-loaded data (compare shares one copy between its runs). */
  data?: DataSplit;
  kernels?: Kernels;
  openDevice?: (uri: string) => Promise<Device>;
  /**
   * Log every product of the training device to this trace file (RecordingDevice), so the
   * session re-runs exactly with `--device replay:<file>`. The ideal device of evalNoiseOff is
   * not recorded: it is digital and needs no replay.
   */
  recordTrace?: string;
  /**
   * Compare a sampled fraction of the training device's products with this calibration
   * profile's prediction and warn (log line + telemetry event) when they drift apart.
   */
  monitor?: { profile: string; fraction?: number; window?: number };
  /**
   * Keep the event loop turning during the host's compute (forwardOffloaded, backwardOffloaded:
   * a turn every few milliseconds of work, large products on the thread pool), so a board's
   * serial replies and heartbeats are handled while the batch computes. Same results, bit for
   * bit. Default: on when the device is outside this process (isRemoteDevice).
   */
  offload?: boolean;
  onProgress?: (event: BatchProgress | EpochMetrics) => void;
  /** Where warning lines go (e.g. a resume on another compute build). Default stderr. */
  log?: (line: string) => void;
  /** Aborting stops between batches; the last finished epoch's checkpoint stays valid. */
  signal?: AbortSignal;
}

export interface TrainResult {
  config: TrainConfig;
  summary: RunSummary;
  history: EpochMetrics[];
  model: Model;
}

/**
 * In-process devices never wait on I/O: the loops turn the event loop this often so that a
 * signal (Ctrl-C) is seen between batches. One turn costs microseconds.
 */
const SIGNAL_TURN_MS = 50;

export class TrainingInterrupted extends Error {
  override name = 'TrainingInterrupted';
}

function limit(ds: Dataset, n: number): Dataset {
  return n > 0 && n < ds.n ? take(ds, n) : ds;
}

/** Mean loss and accuracy over a dataset, with the device's noise on (draw = an eval draw). */
export async function evaluate(
  model: Model,
  ds: Dataset,
  batchSize: number,
  draw: number,
  seed: number,
  signal?: AbortSignal,
  programDraw?: number,
): Promise<{ loss: number; accuracy: number }> {
  let loss = 0;
  let correct = 0;
  const turns = new LoopTurns(SIGNAL_TURN_MS);
  for (const b of batches(ds, batchSize, { shuffle: false })) {
    await turns.maybe();
    if (signal?.aborted) throw new TrainingInterrupted('interrupted during evaluation');
    const ctx = { training: false, draw, rowOffset: b.offset, seed, programDraw };
    const logits = await model.net.forward(tensor([b.size, ...ds.shape], b.x), ctx);
    const r = softmaxCrossEntropy(logits, b.y);
    loss += r.loss * b.size;
    correct += r.correct;
  }
  return { loss: loss / ds.n, accuracy: correct / ds.n };
}

function copyWeights(from: Model, to: Model): void {
  const src = modelParams(from);
  const dst = modelParams(to);
  src.forEach((p, i) => {
    dst[i].value.set(p.value);
    dst[i].version++;
  });
  const sb = modelBuffers(from);
  modelBuffers(to).forEach((b, i) => b.value.set(sb[i].value));
}

/** Device URI schemes served inside this process (no I/O to keep flowing). */
const IN_PROCESS_SCHEMES = new Set(['sim', 'ideal', 'replay']);

/**
 * Whether the device answers from outside this process (a board on a serial port, anything but
 * the simulator, the ideal device and a replayed trace), so the host's compute must leave the
 * event loop free for its I/O.
 */
export function isRemoteDevice(uri: string, info: DeviceInfo): boolean {
  if (info.kind === 'photonic' || info.kind === 'memristive') return true;
  try {
    return !IN_PROCESS_SCHEMES.has(parseDeviceUri(uri).scheme);
  } catch {
    return false;
  }
}

/**
 * net.forward(x, ctx), but letting the event loop turn between the layers of a Sequential (a
 * layer that computes on the host resolves without a turn), whenever `turns` says a slice of
 * work is used up. Same result: Sequential.forward is this loop.
 */
export async function forwardOffloaded(
  net: Layer,
  x: Tensor,
  ctx: ForwardContext,
  turns: LoopTurns = new LoopTurns(),
): Promise<Tensor> {
  if (!(net instanceof Sequential)) return net.forward(x, ctx);
  let y = x;
  for (const layer of net.layers) {
    y = await forwardOffloaded(layer, y, ctx, turns);
    await turns.maybe();
  }
  return y;
}

/**
 * net.backward(dy), but letting the event loop turn between layers and inside layers that offer
 * backwardAsync (Linear, Conv2d: between chunks, and large products on the thread pool), whenever
 * `turns` says a slice of work is used up. Sequential containers are walked layer by layer, as
 * their backward would; other layers run whole. Same result, bit for bit. The longest stretch
 * without a turn is then about one host layer's work or one chunk of a conv, not the whole pass.
 */
export async function backwardOffloaded(
  net: Layer,
  dy: Tensor,
  turns: LoopTurns = new LoopTurns(),
): Promise<Tensor> {
  if (net instanceof Sequential) {
    let d = dy;
    for (let i = net.layers.length - 1; i >= 0; i--) {
      d = await backwardOffloaded(net.layers[i]!, d, turns);
    }
    return d;
  }
  const withAsync = net as Layer & {
    backwardAsync?: (dy: Tensor, turns?: LoopTurns) => Promise<Tensor>;
  };
  if (typeof withAsync.backwardAsync === 'function') return withAsync.backwardAsync(dy, turns);
  const d = net.backward(dy);
  await turns.maybe();
  return d;
}

/**
 * Trains a model with its forward products on a Device and everything else digital.
 * Reproducible: data order, dropout, augmentation and simulated noise are all keyed on the seed
 * and (epoch, step), so a resumed run reaches the same weights as an uninterrupted one.
 */
export async function train(
  input: TrainConfigInput,
  opts: TrainOptions = {},
): Promise<TrainResult> {
  const config = resolveTrainConfig(input);
  const activation = parseActivation(config.activation);
  const schedule = parseSchedule(config.schedule);
  const open = opts.openDevice ?? openRegisteredDevice;
  const split = opts.data ?? (await loadDataset(config.dataset, { grey: config.grey }));
  const trainSet = limit(split.train, config.trainLimit);
  const testSet = limit(split.test, config.testLimit);
  const kernels = opts.kernels ?? (await getKernels());
  let device = await open(config.device);
  if (opts.monitor) {
    try {
      const profile = await loadProfile(opts.monitor.profile);
      device = monitorDevice(device, profile, {
        fraction: opts.monitor.fraction,
        window: opts.monitor.window,
        source: config.device,
      });
    } catch (e) {
      await device.close();
      throw e;
    }
  }
  if (opts.recordTrace) {
    try {
      device = new RecordingDevice(device, opts.recordTrace, { source: config.device });
    } catch (e) {
      await device.close();
      throw e;
    }
  }
  let idealDevice: Device | undefined;
  try {
    const build = (dev: Device, noiseFree = false) =>
      buildModel(config.model, {
        runtime: { kernels, device: dev },
        activation,
        inputShape: trainSet.shape,
        classes: trainSet.classes,
        seed: config.seed,
        analog: config.analog,
        options: config.modelOptions,
        noiseFree,
      });
    const model = build(device);
    // Nothing reads the network's input gradient: its first weight layer skips that product.
    skipInputGradient(model.net);
    let noiseOffModel: Model | undefined;
    if (config.evalNoiseOff) {
      idealDevice = await open('ideal:');
      noiseOffModel = build(idealDevice, true);
    }
    const params = modelParams(model);
    const buffers = modelBuffers(model);
    const offload = opts.offload ?? isRemoteDevice(config.device, device.info());
    const optimizer = createOptimizer(config.optimizer, {
      momentum: config.momentum,
      weightDecay: config.weightDecay,
    });

    const run = opts.runDir ? new RunDir(opts.runDir) : undefined;
    let history: EpochMetrics[] = [];
    let step = 0;
    let startEpoch = 0;
    if (run && opts.resume) {
      const manifest = await run.readManifest();
      if (
        !isDeepStrictEqual(manifest.config, {
          ...config,
          epochs: (manifest.config as TrainConfig).epochs,
        })
      ) {
        throw new Error(
          `${run.manifestFile}: the run was started with a different configuration; resume with the same options (only --epochs may grow)`,
        );
      }
      const ckpt = await loadCheckpoint(run.checkpointFile);
      restoreCheckpoint(ckpt, params, buffers, optimizer);
      history = ckpt.history;
      step = ckpt.step;
      startEpoch = ckpt.epochs;
      // The digital products' last bits depend on the build: say so rather than let a resumed
      // run quietly differ from an uninterrupted one.
      const build = kernels.build?.() ?? null;
      const before = manifest.kernelsBuild;
      if (typeof before === 'string' && before !== build) {
        (opts.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(
          `analoop: warning: ${run.path} was computed with ${before}; it resumes with ${build ?? kernels.name}, so its results may differ in the last bits from an uninterrupted run (same build: same bits)`,
        );
      }
      await run.append({
        event: 'resume',
        epoch: startEpoch,
        step,
        kernelsBuild: build,
        time: new Date().toISOString(),
      });
    } else if (run) {
      if (run.hasCheckpoint()) {
        throw new Error(
          `${run.path} already holds a run; pass --resume to continue it, or choose another run directory`,
        );
      }
      await run.create();
    }
    if (run) {
      const info = device.info();
      const previous = opts.resume ? await run.readManifest() : undefined;
      await run.writeManifest({
        format: 'analoop-run/1',
        created: previous?.created ?? new Date().toISOString(),
        ...(previous
          ? { resumed: [...((previous.resumed as string[]) ?? []), new Date().toISOString()] }
          : {}),
        node: process.versions.node,
        config,
        activation: activationName(activation),
        device: info,
        calibrationProfileId: info.profileId ?? null,
        kernels: kernels.name,
        kernelsBuild: kernels.build?.() ?? null,
        model: {
          preset: model.preset,
          parameters: parameterCount(model),
          layers: describeLayers(model),
        },
        data: { train: datasetInfo(trainSet), test: datasetInfo(testSet) },
      });
      if (!opts.resume) await run.append({ event: 'start', time: new Date().toISOString() });
    }

    const itersPerEpoch = batchCount(trainSet.n, config.batchSize);
    const signalTurns = new LoopTurns(SIGNAL_TURN_MS);
    const interruptedIn = (epoch: number) =>
      new TrainingInterrupted(
        `interrupted in epoch ${epoch + 1}; ${run ? `resume with --resume (from the end of epoch ${epoch})` : 'nothing was saved'}`,
      );
    const evaluateOrStop = (m: Model, epoch: number) =>
      evaluate(
        m,
        testSet,
        config.batchSize,
        EVAL_DRAW_BASE + epoch,
        config.seed,
        opts.signal,
        step,
      ).catch((e: unknown) => {
        throw e instanceof TrainingInterrupted ? interruptedIn(epoch) : e;
      });
    let stoppedEarly: string | null = null;
    for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
      const t0 = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let lr = config.lr;
      let iteration = 0;
      for (const b of batches(trainSet, config.batchSize, {
        seed: config.seed,
        epoch,
        augment: config.augment ? CIFAR_AUGMENT : undefined,
      })) {
        // An in-process device never waits on I/O, so without a turn of the event loop a
        // Ctrl-C (a signal event) would be seen only at the epoch's end.
        await signalTurns.maybe();
        if (opts.signal?.aborted) throw interruptedIn(epoch);
        lr = learningRate(schedule, config.lr, {
          epoch,
          iteration,
          itersPerEpoch,
          epochs: config.epochs,
        });
        zeroGrad(params);
        const ctx = {
          training: true,
          draw: step,
          rowOffset: 0,
          seed: config.seed,
          programDraw: step,
        };
        const input = tensor([b.size, ...trainSet.shape], b.x);
        const turns = offload ? new LoopTurns() : undefined;
        const logits = turns
          ? await forwardOffloaded(model.net, input, ctx, turns)
          : await model.net.forward(input, ctx);
        const r = softmaxCrossEntropy(logits, b.y);
        if (!Number.isFinite(r.loss)) {
          stoppedEarly = `loss became ${r.loss} at epoch ${epoch + 1}, step ${step}: lower --lr or add --clip-norm`;
          break;
        }
        if (turns) {
          await backwardOffloaded(model.net, r.grad, turns);
          await turns.maybe();
        } else {
          model.net.backward(r.grad);
        }
        if (config.clipNorm > 0) clipGradNorm(params, config.clipNorm);
        optimizer.step(params, lr);
        step++;
        iteration++;
        lossSum += r.loss * b.size;
        correct += r.correct;
        seen += b.size;
        opts.onProgress?.({
          event: 'batch',
          epoch: epoch + 1,
          batch: iteration,
          batches: itersPerEpoch,
          loss: r.loss,
          accuracy: r.correct / b.size,
        });
      }
      if (stoppedEarly) break;
      const test = await evaluateOrStop(model, epoch);
      let testAccuracyNoiseOff: number | undefined;
      if (noiseOffModel) {
        copyWeights(model, noiseOffModel);
        testAccuracyNoiseOff = (await evaluateOrStop(noiseOffModel, epoch)).accuracy;
      }
      const metrics: EpochMetrics = {
        event: 'epoch',
        epoch: epoch + 1,
        step,
        lr,
        trainLoss: lossSum / seen,
        trainAccuracy: correct / seen,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        ...(testAccuracyNoiseOff !== undefined ? { testAccuracyNoiseOff } : {}),
        seconds: (performance.now() - t0) / 1000,
      };
      history.push(metrics);
      opts.onProgress?.(metrics);
      if (run) {
        await run.append(metrics);
        await saveCheckpoint(
          run.checkpointFile,
          makeCheckpoint(epoch + 1, step, params, buffers, optimizer, history),
        );
      }
      if (config.patience > 0) {
        const best = Math.max(...history.map((h) => h.testAccuracy));
        const bestEpoch = history.findIndex((h) => h.testAccuracy === best) + 1;
        if (epoch + 1 - bestEpoch >= config.patience) {
          stoppedEarly = `no test-accuracy gain for ${config.patience} epochs (best ${best.toFixed(4)} at epoch ${bestEpoch})`;
          break;
        }
      }
    }
    const summary = summarise(history, stoppedEarly);
    if (run) await run.append(summary);
    skipInputGradient(model.net, false); // the caller gets an ordinary model back
    return { config, summary, history, model };
  } finally {
    await device.close();
    await idealDevice?.close();
  }
}

function summarise(history: EpochMetrics[], stoppedEarly: string | null): RunSummary {
  let best = -1;
  let bestEpoch = 0;
  for (const h of history) {
    if (h.testAccuracy > best) {
      best = h.testAccuracy;
      bestEpoch = h.epoch;
    }
  }
  const last = history.at(-1);
  return {
    event: 'end',
    epochs: history.length,
    maxTestAccuracy: Math.max(best, 0),
    bestEpoch,
    finalTrainLoss: last?.trainLoss ?? NaN,
    finalTestLoss: last?.testLoss ?? NaN,
    stoppedEarly,
  };
}
