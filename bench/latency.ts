/**
 * Serial I/O latency while the host computes a training step (issue 7, item 3): a board emulator
 * in another process (`analoop emulate`, socat pty pair, 921600 baud) answers pings through the
 * real serial stack (SerialDevice -> Session -> transport) back to back, while this process runs
 * training steps of a model whose products go to a device answering through the event loop, as a
 * board does. Two modes, same steps: `sync` (net.forward and net.backward, what the trainer did
 * before) and `offload` (forwardOffloaded and backwardOffloaded: a turn of the event loop every
 * few milliseconds of work, between layers and between a conv's chunks, large products on the
 * thread pool; what the trainer now does when the device is remote). Also with no compute at all (`idle`). Reported: ping round
 * trips (median, p99, max), the event loop's worst delay, and the step time, so the price of
 * offloading (if any) is visible. A benchmark, not a test: one JSON document on stdout.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/latency.js [--model convnet|mlp] [--batch 128]
 *     [--steps 3] [--baud 921600]
 *
 * Without socat the pings are skipped and only the event-loop delay is reported.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { registerSerialDriver } from '../drivers/serial/register.js';
import type { SerialDevice } from '../drivers/serial/serial-device.js';
import { registerSimulator } from '../simulator/register.js';
import { LoopTurns } from '../src/compute/gemm-plan.js';
import { getKernels } from '../src/compute/registry.js';
import { makeSynthetic, batches, loadMnist, type Dataset } from '../src/data/index.js';
import type { Device, ProductContext, ProgramContext, TileId } from '../src/device/device.js';
import { openDevice } from '../src/device/registry.js';
import { parseActivation } from '../src/nn/activations.js';
import { softmaxCrossEntropy } from '../src/nn/losses.js';
import { modelParams, skipInputGradient } from '../src/nn/model.js';
import { buildModel } from '../src/nn/models/index.js';
import { tensor } from '../src/nn/tensor.js';
import { PROFILE_SCHEMA_ID } from '../src/profile/index.js';
import { createOptimizer, zeroGrad } from '../src/train/optimizers.js';
import { backwardOffloaded, forwardOffloaded } from '../src/train/trainer.js';
import { parseCli } from './args.js';
import { median, round } from './baseline.js';

const cli = parseCli(
  'bench/latency',
  'Serial ping round trips to a board emulator in another process while this process computes training steps (sync, offload, idle); one JSON document on stdout. Needs socat for the pings.',
  {
    model: {
      type: 'string',
      arg: 'convnet|mlp',
      default: 'convnet',
      help: 'the model whose training steps run',
    },
    batch: { type: 'string', arg: 'n', default: '128', help: 'batch size of the training steps' },
    steps: {
      type: 'string',
      arg: 'n',
      default: '3',
      help: 'timed training steps per mode and round',
    },
    baud: {
      type: 'string',
      arg: 'n',
      default: '921600',
      help: 'line rate the emulator throttles its pty to',
    },
  },
);
// Anything but 'mlp' used to run the convnet silently.
if (cli.values.model !== 'mlp' && cli.values.model !== 'convnet')
  cli.fail(`--model must be convnet or mlp, got '${cli.values.model}'`);
const MODEL = cli.values.model === 'mlp' ? 'mlp' : 'convnet';
const BATCH = cli.int('batch');
const STEPS = cli.int('steps');
const BAUD = cli.int('baud');

const log = (s: string) => process.stderr.write(`[bench/latency] ${s}\n`);

/** A tiny 8-bit board without noise: the pings, not the board's compute, are measured. */
const BOARD_PROFILE = {
  schema: PROFILE_SCHEMA_ID,
  name: 'latency-bench-16x16',
  array: { rows: 16, cols: 16, maxBatch: 16 },
  dac: { range: [-1, 1], precision: 127, conversion: 'per-element' },
  adc: { range: [-1, 1], precision: 127 },
  weights: { range: [-1, 1], precision: 127 },
  seed: 1,
};

/**
 * The simulator answering through the event loop, as a board's replies arrive: the product is
 * computed at once, its result delivered on a later turn. Stands in for a board in the training
 * step, so that forward passes are the same in both modes and only the backward differs.
 */
class ThroughTheLoop implements Device {
  constructor(private readonly inner: Device) {}
  get telemetry$() {
    return this.inner.telemetry$;
  }
  info() {
    return this.inner.info();
  }
  async program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void> {
    await this.inner.program(tile, W, rows, cols, ctx);
    await yieldToLoop();
  }
  async matmul(tile: TileId, X: Float32Array, batch: number, ctx?: ProductContext) {
    const y = await this.inner.matmul(tile, X, batch, ctx);
    await yieldToLoop();
    return y;
  }
  needsX(ctx: ProductContext) {
    return this.inner.needsX?.(ctx) ?? true;
  }
  close() {
    return this.inner.close();
  }
}

async function startEmulator(dir: string): Promise<{ child: ChildProcess; link: string }> {
  const profileFile = join(dir, 'board.json');
  const link = join(dir, 'board.tty');
  await writeFile(profileFile, JSON.stringify(BOARD_PROFILE));
  const cli = fileURLToPath(new URL('../bin/analoop.js', import.meta.url));
  const argv = [cli, 'emulate', '--profile', profileFile, '--link', link, '--baud', String(BAUD)];
  argv.push('--telemetry', '0');
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-2000)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr}`)), 20_000);
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('connect with')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}): ${stderr}`));
    });
  });
  return { child, link };
}

/** Round trips of back-to-back pings until stop() (none when there is no board). */
function pinger(board: SerialDevice | undefined) {
  const rtts: number[] = [];
  let on = true;
  const done = (async () => {
    if (!board) return;
    while (on) {
      const t0 = performance.now();
      await board.session.ping();
      rtts.push(performance.now() - t0);
    }
  })();
  return {
    rtts,
    async stop() {
      on = false;
      await done;
    },
  };
}

function stats(xs: number[]) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return {
    count: xs.length,
    medianMs: round(median(s), 2),
    p99Ms: round(s[Math.min(s.length - 1, Math.floor(0.99 * s.length))]!, 2),
    maxMs: round(s[s.length - 1]!, 2),
  };
}

function loadData(): Dataset {
  if (MODEL === 'mlp') return loadMnist().train;
  return makeSynthetic({ n: 2 * BATCH, testN: 1, shape: [3, 32, 32], classes: 10, seed: 0 }).train;
}

async function main(): Promise<void> {
  registerSimulator();
  registerSerialDriver();
  const dir = await mkdtemp(join(os.tmpdir(), 'bench-latency-'));
  let emulator: ChildProcess | undefined;
  let board: SerialDevice | undefined;
  let boardReason: string | undefined;
  try {
    if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) {
      boardReason = 'socat is not installed: pings skipped (apt-get install socat)';
    } else {
      const emu = await startEmulator(dir);
      emulator = emu.child;
      board = (await openDevice(
        `serial:${emu.link}?baud=${BAUD}&heartbeat=0&telemetry=0`,
      )) as SerialDevice;
    }
    const kernels = await getKernels();
    const ds = loadData();
    const device = new ThroughTheLoop(await openDevice('sim:paper?p=16&ep=0.5'));
    const model = buildModel(MODEL, {
      runtime: { kernels, device },
      activation: parseActivation('relu'),
      inputShape: ds.shape,
      classes: ds.classes,
      seed: 1,
      analog: 'all',
      options: {},
    });
    skipInputGradient(model.net); // as the trainer does
    const params = modelParams(model);
    const optimizer = createOptimizer('adam', { momentum: 0.9, weightDecay: 0 });
    const data = batches(ds, BATCH, { seed: 1, epoch: 0, dropLast: true })[Symbol.iterator]();
    const first = data.next().value!;
    let draw = 0;
    const step = async (offload: boolean) => {
      zeroGrad(params);
      const ctx = { training: true, draw: draw++, rowOffset: 0, seed: 1 };
      const input = tensor([first.size, ...ds.shape], first.x);
      const turns = offload ? new LoopTurns() : undefined;
      const logits = turns
        ? await forwardOffloaded(model.net, input, ctx, turns)
        : await model.net.forward(input, ctx);
      const r = softmaxCrossEntropy(logits, first.y);
      if (turns) {
        await backwardOffloaded(model.net, r.grad, turns);
        await turns.maybe();
      } else {
        model.net.backward(r.grad);
      }
      optimizer.step(params, 1e-3);
    };

    /** Pings and loop delay during `work`. */
    const during = async (work: () => Promise<number[]>) => {
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const p = pinger(board);
      await yieldToLoop();
      const stepMs = await work();
      await p.stop();
      loop.disable();
      return {
        ...(stepMs.length
          ? { stepMs: { mean: round(stepMs.reduce((a, b) => a + b) / stepMs.length, 1) } }
          : {}),
        pingRoundTrip: stats(p.rtts),
        eventLoopDelay: {
          p99Ms: round(loop.percentile(99) / 1e6, 2),
          maxMs: round(loop.max / 1e6, 2),
        },
      };
    };
    const timed = (offload: boolean) => async () => {
      const ms: number[] = [];
      for (let i = 0; i < STEPS; i++) {
        const t0 = performance.now();
        await step(offload);
        ms.push(performance.now() - t0);
      }
      return ms;
    };
    log(`${MODEL} batch ${BATCH}: warm-up`);
    await step(false);
    await step(true);
    log('idle');
    const idle = await during(async () => {
      await new Promise((r) => setTimeout(r, 1000));
      return [];
    });
    // Interleaved, twice each, keeping both: the machine's load moves between runs.
    const runs: Record<string, unknown[]> = { sync: [], offload: [] };
    for (let round = 0; round < 2; round++) {
      for (const mode of ['sync', 'offload'] as const) {
        log(`${mode} (round ${round + 1}/2): ${STEPS} steps`);
        runs[mode]!.push(await during(timed(mode === 'offload')));
      }
    }
    process.stdout.write(
      JSON.stringify(
        {
          benchmark: 'serial ping round trips while the host computes training steps',
          date: new Date().toISOString(),
          cpu: { model: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
          loadAverage: os.loadavg().map((x) => round(x, 2)),
          settings: {
            model: MODEL,
            batch: BATCH,
            steps: STEPS,
            kernels: kernels.name,
            trainingDevice: 'sim:paper?p=16&ep=0.5, answering through the event loop',
            board: board
              ? `analoop emulate over a socat pty at ${BAUD} baud, one ping at a time`
              : null,
            ...(boardReason ? { boardReason } : {}),
          },
          idle,
          sync: runs.sync,
          offload: runs.offload,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await board?.close();
    emulator?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
