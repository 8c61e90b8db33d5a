import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSerialDriver } from '../../../drivers/serial/register.js';
import { makeSynthetic } from '../../../src/data/index.js';
import { RecordingDevice } from '../../../src/device/recording-device.js';
import { openDevice } from '../../../src/device/registry.js';
import { readTrace } from '../../../src/device/trace.js';
import { modelParams } from '../../../src/nn/model.js';
import { paperProfile } from '../../../src/profile/index.js';
import type { TrainConfigInput } from '../../../src/train/config.js';
import { train } from '../../../src/train/trainer.js';
import { parseFaultSpec } from '../../../simulator/board-emulator/faults.js';
import { servePty } from '../../../simulator/board-emulator/serve-pty.js';

/**
 * The demo path: the trainer on `serial:` against the emulator on a real pty. A run with
 * injected faults must end with exactly the weights of a fault-free run (no product lost or
 * applied twice).
 */
const hasSocat = !spawnSync('socat', ['-V'], { stdio: 'ignore' }).error;
if (!hasSocat)
  console.warn(
    'skipping training over the emulator: socat is not installed (apt-get install socat)',
  );

const data = makeSynthetic({ n: 64, testN: 32, shape: [1, 4, 4], classes: 3 });
const profile = paperProfile({ p: 16, ep: 0.5, rows: 8, cols: 8, maxBatch: 16, seed: 2 });

beforeAll(() => registerSerialDriver());

async function trainOverPty(faults: string, traceFile?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'emu-train-'));
  const link = join(dir, 'board.tty');
  const server = await servePty({
    link,
    profile,
    faults: parseFaultSpec(faults),
    reconnectDelayMs: 200,
  });
  try {
    const config: TrainConfigInput = {
      model: 'mlp',
      modelOptions: { hidden: [10] },
      dataset: 'synthetic',
      device: `serial:${link}?timeout=300&heartbeat=0&telemetry=0`,
      activation: 'relu',
      epochs: 1,
      batchSize: 16,
      seed: 5,
    };
    const result = await train(config, {
      data,
      openDevice: async (uri) => {
        const dev = await openDevice(uri);
        return traceFile ? new RecordingDevice(dev, traceFile, { source: uri }) : dev;
      },
    });
    return { result, emulator: server.emulator };
  } finally {
    await server.stop();
  }
}

const weights = (r: Awaited<ReturnType<typeof train>>) =>
  modelParams(r.model).map((p) =>
    Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength).toString('hex'),
  );

describe.skipIf(!hasSocat)('training through serial: against the emulator', () => {
  it('trains an epoch; with drops, corruption and a pulled cable the weights are identical', async () => {
    const traceFile = join(await mkdtemp(join(tmpdir(), 'emu-trace-')), 'run.jsonl');
    const clean = await trainOverPty('', traceFile);
    expect(clean.result.history).toHaveLength(1);
    expect(Number.isFinite(clean.result.history[0]!.trainLoss)).toBe(true);
    const faulty = await trainOverPty('drop=0.03,corrupt=0.0003,disconnect@60,seed=9');
    expect(weights(faulty.result)).toEqual(weights(clean.result));
    const f = faulty.emulator.faultCounts;
    expect(f.disconnects).toBe(1);
    expect(f.droppedReplies + f.corruptedBytes).toBeGreaterThan(0);
    const trace = await readTrace(traceFile);
    expect(trace.header.info.kind).toBe('simulated');
    expect(trace.entries.length).toBeGreaterThan(10);
  });
});
