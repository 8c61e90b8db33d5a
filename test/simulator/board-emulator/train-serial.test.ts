import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinkTimeoutError } from '../../../drivers/serial/errors.js';
import { registerSerialDriver } from '../../../drivers/serial/register.js';
import type { SerialDevice } from '../../../drivers/serial/serial-device.js';
import { makeSynthetic } from '../../../src/data/index.js';
import { openDevice } from '../../../src/device/registry.js';
import { readTrace, type Trace } from '../../../src/device/trace.js';
import { modelParams } from '../../../src/nn/model.js';
import { paperProfile } from '../../../src/profile/index.js';
import { loadCheckpoint } from '../../../src/train/checkpoint.js';
import type { TrainConfigInput } from '../../../src/train/config.js';
import { train, type TrainResult } from '../../../src/train/trainer.js';
import { parseFaultSpec } from '../../../simulator/board-emulator/faults.js';
import { servePty } from '../../../simulator/board-emulator/serve-pty.js';

/**
 * The demo path and the fault claims of the hardware bridge: the trainer on `serial:` against
 * the emulator on a real pty. A run over a link with injected faults must end with exactly the
 * weights and metrics of a fault-free run, and its trace must show every product's request ids
 * once, each executed once by the board (no product lost or applied twice). A board that stops
 * answering fails the run with a LinkTimeoutError, and the run resumes from its checkpoint.
 */
const hasSocat = !spawnSync('socat', ['-V'], { stdio: 'ignore' }).error;
if (!hasSocat)
  console.warn(
    'skipping training over the emulator: socat is not installed (apt-get install socat)',
  );

const data = makeSynthetic({ n: 96, testN: 32, shape: [1, 4, 4], classes: 3 });
/** max_batch 8 < batch size 16: the layers cut every batch into max_batch products. */
const MAX_BATCH = 8;
const profile = paperProfile({ p: 16, ep: 0.5, rows: 8, cols: 8, maxBatch: MAX_BATCH, seed: 2 });
const QUIET = 'heartbeat=0&telemetry=0';

const config = (link: string, query: string, epochs = 1): TrainConfigInput => ({
  model: 'mlp',
  modelOptions: { hidden: [10] },
  dataset: 'synthetic',
  device: `serial:${link}?${query}`,
  activation: 'relu',
  epochs,
  batchSize: 16,
  seed: 5,
});

beforeAll(() => registerSerialDriver());

const tmp = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

interface Served {
  link: string;
  /** Request id -> how many times the board executed it. */
  executions: Map<number, number>;
  /** Ids of executed products (matmul requests) in execution order. */
  matmuls: number[];
  server: Awaited<ReturnType<typeof servePty>>;
}

async function serve(faults: string, link?: string): Promise<Served> {
  const at = link ?? join(await tmp('emu-train-'), 'board.tty');
  const executions = new Map<number, number>();
  const matmuls: number[] = [];
  const server = await servePty({
    link: at,
    profile,
    faults: parseFaultSpec(faults),
    reconnectDelayMs: 200,
    onExecute: (id, kind) => {
      executions.set(id, (executions.get(id) ?? 0) + 1);
      if (kind === 'matmulRequest') matmuls.push(id);
    },
  });
  return { link: at, executions, matmuls, server };
}

interface Run {
  result: TrainResult;
  trace: Trace;
  board: Served;
  serial: SerialDevice;
}

/** One epoch over a fresh emulator with `faults`, recorded with the trainer's recordTrace. */
async function trainOverPty(faults: string, query = `timeout=100&${QUIET}`): Promise<Run> {
  const board = await serve(faults);
  const traceFile = join(await tmp('emu-trace-'), 'run.jsonl');
  let serial: SerialDevice | undefined;
  try {
    const result = await train(config(board.link, query), {
      data,
      recordTrace: traceFile,
      openDevice: async (uri) => (serial = (await openDevice(uri)) as SerialDevice),
    });
    return { result, trace: await readTrace(traceFile), board, serial: serial! };
  } finally {
    await board.server.stop();
  }
}

let cleanRun: Promise<Run> | undefined;
const clean = () => (cleanRun ??= trainOverPty(''));

const weights = (r: TrainResult) =>
  modelParams(r.model).map((p) =>
    Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength).toString('hex'),
  );
const metrics = (r: TrainResult) => r.history.map(({ seconds: _, ...m }) => m);

/**
 * The trace proves no product was lost or applied twice: every call carries its wire ids (one
 * per max_batch chunk: a retry reused its id instead of adding one), no id belongs to two
 * calls, the board executed each exactly once, and it executed no product outside the trace.
 * Returns the number of ids checked.
 */
function checkOnceEach(run: Run): number {
  const seen = new Set<number>();
  for (const e of run.trace.entries) {
    expect(e.error, `call ${e.seq}`).toBeUndefined();
    const ids = e.requestIds ?? [];
    expect(ids.length, `ids of call ${e.seq}`).toBe(
      e.type === 'matmul' ? Math.ceil(e.batch / MAX_BATCH) : 1,
    );
    for (const id of ids) {
      expect(seen.has(id), `id ${id} in two calls`).toBe(false);
      seen.add(id);
      expect(run.board.executions.get(id), `executions of id ${id}`).toBe(1);
    }
  }
  const traced = run.trace.entries.filter((e) => e.type === 'matmul').flatMap((e) => e.requestIds!);
  expect([...run.board.matmuls].sort()).toEqual([...traced].sort());
  return seen.size;
}

/** The products themselves: same calls, inputs and outputs as the fault-free run, bit for bit. */
function sameProducts(a: Trace, b: Trace): void {
  const strip = (t: Trace) =>
    t.entries.map(({ time: _t, durationMs: _d, requestIds: _r, ...rest }) => rest);
  expect(strip(a)).toEqual(strip(b));
}

describe.skipIf(!hasSocat)('training through serial: against the emulator', () => {
  it('an epoch over corrupted bytes, dropped replies, a stall and a pulled cable equals a fault-free one', async () => {
    const faulty = await trainOverPty('corrupt=0.0003,drop=0.03,stall=3@40,disconnect@120,seed=9');
    const ok = await clean();
    expect(ok.result.history).toHaveLength(1);
    expect(Number.isFinite(ok.result.history[0]!.trainLoss)).toBe(true);
    expect(weights(faulty.result)).toEqual(weights(ok.result));
    expect(metrics(faulty.result)).toEqual(metrics(ok.result));
    sameProducts(faulty.trace, ok.trace);

    // Every kind of fault happened, and the host had to work for it.
    const f = faulty.board.server.emulator.faultCounts;
    expect(f.corruptedBytes).toBeGreaterThan(0);
    expect(f.droppedReplies).toBeGreaterThan(0);
    expect(f.stalledRequests).toBe(3);
    expect(f.disconnects).toBe(1);
    const host = faulty.serial.session.counters;
    expect(host.retries).toBeGreaterThanOrEqual(3);
    expect(host.reconnects).toBe(1);
    // Retries of executed requests were answered from the board's cache, not run again.
    expect(faulty.board.server.emulator.counters.duplicates).toBeGreaterThan(0);

    expect(checkOnceEach(faulty)).toBeGreaterThan(100);
    expect(checkOnceEach(ok)).toBe(checkOnceEach(faulty));
    expect(ok.trace.header.info).toMatchObject({
      kind: 'simulated',
      inputConversion: 'per-source',
    });
  });

  it('survives two pulled cables mid-epoch with the same result', async () => {
    const unplugged = await trainOverPty('disconnect@30,disconnect@100');
    const ok = await clean();
    expect(unplugged.board.server.emulator.faultCounts.disconnects).toBe(2);
    expect(unplugged.serial.session.counters.reconnects).toBe(2);
    expect(weights(unplugged.result)).toEqual(weights(ok.result));
    expect(metrics(unplugged.result)).toEqual(metrics(ok.result));
    sameProducts(unplugged.trace, ok.trace);
    checkOnceEach(unplugged);
  });

  it('a board that stops answering fails the run with a LinkTimeoutError; it resumes from the checkpoint', async () => {
    const query = `timeout=40&retries=2&${QUIET}`;
    // Epoch 1 takes about 150 requests; from request 200 on the board never answers again.
    const dead = await serve('stall=1000000@200');
    const runDir = join(await tmp('emu-run-'), 'run');
    const traceFile = join(runDir, 'trace.jsonl');
    const cfg = config(dead.link, query, 2);
    const err = await train(cfg, { data, runDir, recordTrace: traceFile }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await dead.server.stop();
    expect(err).toBeInstanceOf(LinkTimeoutError);
    const t = err as LinkTimeoutError;
    expect(t.attempts).toBe(3); // the first send and retries=2
    expect(t.message).toMatch(
      new RegExp(
        `^(matmulRequest|programWeights) #${t.requestId}: no reply from .*board\\.tty after 3 attempts`,
      ),
    );
    expect(t.message).toMatch(/resume from the last checkpoint/);
    expect(dead.executions.has(t.requestId)).toBe(false);
    // The trace holds the failed call with its error, under the same request id.
    const trace = await readTrace(traceFile);
    const failed = trace.entries.find((e) => e.requestIds?.includes(t.requestId));
    expect(failed?.error).toMatchObject({ name: 'LinkTimeoutError', message: t.message });

    // The last checkpoint (end of epoch 1) is intact and nothing half-written is left.
    const ckpt = await loadCheckpoint(join(runDir, 'checkpoint.json'));
    expect([ckpt.epochs, ckpt.history.length]).toEqual([1, 1]);
    expect((await readdir(runDir)).filter((f) => f.includes('.tmp'))).toEqual([]);

    // A working board on the same port: resume, and reach the uninterrupted run's weights.
    const fixed = await serve('', dead.link);
    let resumed: TrainResult;
    try {
      resumed = await train(cfg, { data, runDir, resume: true });
    } finally {
      await fixed.server.stop();
    }
    const ref = await serve('');
    let whole: TrainResult;
    try {
      whole = await train(config(ref.link, query, 2), { data });
    } finally {
      await ref.server.stop();
    }
    expect(resumed.history).toHaveLength(2);
    expect(weights(resumed)).toEqual(weights(whole));
    expect(metrics(resumed)).toEqual(metrics(whole));
  });
});
