import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Device, Telemetry } from '../../../src/device/device.js';
import { DeviceError } from '../../../src/device/errors.js';
import { RecordingDevice } from '../../../src/device/recording-device.js';
import { openDevice, unregisterDevice } from '../../../src/device/registry.js';
import { readTrace } from '../../../src/device/trace.js';
import { TiledMatrix, TileAllocator } from '../../../src/device/tiling.js';
import { DeviceKind, InputConversion } from '../../../drivers/serial/codec.js';
import { registerSerialDriver } from '../../../drivers/serial/register.js';
import { SerialDevice } from '../../../drivers/serial/serial-device.js';
import { FakeBoard, flush, MockBinding } from './fake-board.js';

const devices: Device[] = [];
const QUIET = 'baud=115200&timeout=50&heartbeat=0&telemetry=0';

async function open(board: FakeBoard, query = QUIET): Promise<SerialDevice> {
  registerSerialDriver({ binding: board.binding });
  const d = await openDevice(`serial:${board.path}?${query}`);
  devices.push(d);
  return d as SerialDevice;
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(devices.splice(0).map((d) => d.close()));
  MockBinding.reset();
  unregisterDevice('serial');
});

/** 4 x 3 weights; 2 clamps to 1. Codes at 64 per unit: 0.1 -> 6, 0.2 -> 13, 0.3 -> 19. */
const W = Float32Array.from([0.5, 0, -0.25, 1, 1, 1, 2, 0, 0, 0.1, 0.2, 0.3]);
/** 3 x 3 inputs; 5 clips to 1, 0.1 -> code 6 (0.09375). */
const X = Float32Array.from([1, 0.5, -1, 0.25, -0.5, 5, 0.1, 0, 0]);
/** Worked by hand from the codes (see the comments in the test). */
const Y = [
  [0.75, 0.5, 1, -0.1015625],
  [-0.125, 0.75, 0.25, 0.21875],
  [0.046875, 0.09375, 0.09375, 0.0078125],
].flat();

describe('SerialDevice', () => {
  it('declares the board from its DeviceInfo', async () => {
    const d = await open(new FakeBoard());
    expect(d.info()).toEqual({
      kind: 'simulated',
      model: 'fake-board',
      firmware: '0.0.1',
      serial: 'FAKE-1',
      rows: 4,
      cols: 3,
      inputBits: 8,
      outputBits: 16,
      weightBits: 8,
      inputRange: [-1, 1],
      outputRange: [-64, 64],
      weightRange: [-1, 1],
      maxBatch: 2,
      inputConversion: 'per-element',
    });
  });

  it('programs codes, splits batches above max_batch, clips inputs, and returns values', async () => {
    const board = new FakeBoard();
    const d = await open(board);
    await d.program(0, W, 4, 3);
    expect([...board.tiles.get(0)!.codes]).toEqual([32, 0, -16, 64, 64, 64, 64, 0, 0, 6, 13, 19]);
    const y = await d.matmul(0, X, 3, { draw: 7, rowOffset: 10 });
    expect([...y]).toEqual(Y);
    const reqs = board.requests('matmulRequest').map((e) => e.matmulRequest!);
    expect(reqs.map((r) => [r.batch, r.draw, r.rowOffset])).toEqual([
      [2, 7, 10],
      [1, 7, 12],
    ]);
    // Inputs: 5 was clipped to the DAC's 1.0 (code 64) before it was sent.
    expect([...reqs[0]!.inputCodes]).toEqual([64, 32, 256 - 64, 16, 256 - 32, 64]);
  });

  it('rejects NaN inputs and non-finite weights before anything is sent', async () => {
    const board = new FakeBoard();
    const d = await open(board);
    await expect(d.program(0, Float32Array.from([NaN, 0, 0]), 1, 3)).rejects.toThrow(RangeError);
    await expect(d.program(0, Float32Array.from([Infinity, 0, 0]), 1, 3)).rejects.toThrow(
      /not finite/,
    );
    await d.program(0, W, 4, 3);
    await expect(d.matmul(0, Float32Array.from([0, NaN, 0]), 1)).rejects.toThrow(
      'inputs: value NaN at index 1 is not a number',
    );
    expect(board.requests('matmulRequest')).toHaveLength(0);
    // Infinite inputs are just large: clipped like any other.
    const y = await d.matmul(0, Float32Array.from([-Infinity, 0, 0]), 1);
    expect([...y]).toEqual([-0.5, -1, -1, -0.09375]);
  });

  it('checks shapes and tiles like the simulator does', async () => {
    const d = await open(new FakeBoard());
    await expect(d.matmul(0, new Float32Array(3), 1)).rejects.toMatchObject({
      code: 'not-programmed',
    });
    await expect(d.program(0, new Float32Array(15), 5, 3)).rejects.toMatchObject({
      code: 'bad-shape',
    });
    await expect(d.program(8, new Float32Array(3), 1, 3)).rejects.toThrow(
      /the board holds 8 tiles/,
    );
    await d.program(0, W, 4, 3);
    await expect(d.matmul(0, new Float32Array(4), 1)).rejects.toMatchObject({ code: 'bad-shape' });
    expect(await d.matmul(0, new Float32Array(0), 0)).toHaveLength(0);
  });

  it('works under TiledMatrix, like any device', async () => {
    const d = await open(new FakeBoard());
    const m = new TiledMatrix(d, new TileAllocator(d), 4, 3);
    await m.program(W);
    expect([...(await m.matmul(X, 3, { draw: 0, rowOffset: 0 }))]).toEqual(Y);
  });

  it('maps board telemetry and link events onto telemetry$', async () => {
    const board = new FakeBoard();
    const d = await open(board);
    const seen: Telemetry[] = [];
    d.telemetry$.subscribe((t) => seen.push(t));
    board.push({ telemetry: { temperatureC: 40, uptimeMs: 2000, crcErrors: 3 } });
    await flush();
    expect(seen[0]).toMatchObject({
      source: `serial:${board.path}?${QUIET}`,
      temperatureC: 40,
      uptimeS: 2,
      errors: { crc: 3, framing: 0, hostRetries: 0 },
    });
    await d.program(1, W, 4, 3);
    expect(seen.at(-1)!.event).toBe('programmed tile 1 (4x3)');
  });

  it('survives an unplug: reconnects, re-programs, and the next product is right', async () => {
    const board = new FakeBoard();
    const d = await open(board);
    const events: string[] = [];
    d.telemetry$.subscribe((t) => t.event && events.push(t.event));
    await d.program(0, W, 4, 3);
    board.unplug();
    expect(board.tiles.size).toBe(0);
    const p = d.matmul(0, X, 3, { draw: 0, rowOffset: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect([...(await p)]).toEqual(Y);
    expect(board.tiles.size).toBe(1);
    expect(events.some((e) => e.startsWith('link lost'))).toBe(true);
    expect(events.some((e) => e.startsWith('link back after'))).toBe(true);
  });

  it("reports each product's wire request ids to a recorder: once, retries included", async () => {
    const board = new FakeBoard();
    const file = join(await mkdtemp(join(tmpdir(), 'serial-ids-')), 'trace.jsonl');
    const d = new RecordingDevice(await open(board), file);
    await d.program(0, W, 4, 3);
    // Batch 3 at max_batch 2: two requests. The first one's reply is lost, so it is resent.
    board.dropNext('matmulRequest');
    const p = d.matmul(0, X, 3, { draw: 0, rowOffset: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect([...(await p)]).toEqual(Y);
    // The board lost its tiles: NOT_PROGRAMMED, re-program, and the product goes again under a
    // fresh id (the old one's refusal may be cached); both ids belong to this product.
    board.forget();
    const q = d.matmul(0, X.subarray(0, 3), 1);
    await vi.advanceTimersByTimeAsync(500);
    await q;
    await d.close();
    const ids = (kind: string) => board.requests(kind).map((e) => e.requestId);
    expect(ids('matmulRequest')).toHaveLength(5); // 2 + 1 retry + 1 refused + 1 re-issued
    const t = await readTrace(file);
    expect(t.entries.map((e) => e.requestIds)).toEqual([
      ids('programWeights').slice(0, 1),
      [...new Set(ids('matmulRequest').slice(0, 3))],
      ids('matmulRequest').slice(3),
    ]);
    expect(t.entries[1]!.requestIds).toHaveLength(2);
    // The re-programming after the reset is the driver's own traffic, not a product.
    expect(ids('programWeights')).toHaveLength(2);
  });

  it('sends the source map only to a board that converts per source, rebased per request', async () => {
    const board = new FakeBoard();
    board.info.inputConversion = InputConversion.PER_SOURCE;
    const d = await open(board);
    expect(d.info().inputConversion).toBe('per-source');
    await d.program(0, W, 4, 3);
    // Three rows copying sources 5.. of a map with padding (-1); rows 0-1 go in one request.
    const inputSource = Int32Array.from([5, 6, -1, 7, 8, 9, -1, 12, 13]);
    const X3 = Float32Array.from([0.1, 0.2, 0, 0.3, 0.4, 0.5, 0, 0.6, 0.7]);
    await d.matmul(0, X3, 3, {
      draw: 1,
      rowOffset: 0,
      inputSource,
      sourceOffset: 100,
      sourceTile: 0,
    });
    const reqs = board.requests('matmulRequest').map((e) => e.matmulRequest!);
    expect(reqs.map((r) => [r.inputSource, r.sourceOffset, r.sourceTile])).toEqual([
      [[0, 1, -1, 2, 3, 4], 105, 0],
      [[-1, 0, 1], 112, 0],
    ]);
    await expect(
      d.matmul(0, X3, 3, { draw: 1, rowOffset: 0, inputSource: inputSource.subarray(1) }),
    ).rejects.toThrow(/inputSource has 8 entries, expected 9/);

    MockBinding.reset();
    const plain = new FakeBoard('/dev/fake1');
    const e = await open(plain);
    expect(e.info().inputConversion).toBe('per-element');
    await e.program(0, W, 4, 3);
    await e.matmul(0, X3, 3, {
      draw: 1,
      rowOffset: 0,
      inputSource,
      sourceOffset: 100,
      sourceTile: 2,
    });
    const r = plain.requests('matmulRequest').map((x) => x.matmulRequest!);
    expect(r.map((x) => [x.inputSource, x.sourceOffset, x.sourceTile])).toEqual([
      [[], 0, null],
      [[], 0, null],
    ]);
  });

  it('photonic: weights beyond |w| <= 1 are scaled by a power of two and undone after the ADC', async () => {
    const board = new FakeBoard();
    board.info.kind = DeviceKind.PHOTONIC;
    const d = await open(board, `${QUIET}&wexp=1`);
    expect(d.info().weightRange).toEqual([-2, 2]);
    expect(d.info().outputRange).toEqual([-128, 128]);
    // [1.5, -0.5, 3 -> clamped 2] / 2 = [0.75, -0.25, 1] on the mesh.
    await d.program(0, Float32Array.from([1.5, -0.5, 3]), 1, 3);
    expect([...board.tiles.get(0)!.codes]).toEqual([48, -16, 64]);
    // Mesh: 0.75 - 0.25 + 1 = 1.5; times 2 = 3 = 1.5 - 0.5 + 2.
    expect([...(await d.matmul(0, Float32Array.from([1, 1, 1]), 1))]).toEqual([3]);
  });

  it('memristive: a board without a conductance range is refused at open', async () => {
    const board = new FakeBoard();
    board.info.kind = DeviceKind.MEMRISTIVE;
    await expect(open(board)).rejects.toThrow(/conductance range \[0, 0\] uS/);
    MockBinding.reset();
    const ok = new FakeBoard('/dev/fake1');
    ok.info.kind = DeviceKind.MEMRISTIVE;
    ok.info.conductanceMinUs = 1;
    ok.info.conductanceMaxUs = 101;
    const d = await open(ok);
    expect(d.info().kind).toBe('memristive');
    await d.program(0, Float32Array.from([-1, 0.5, 0]), 1, 3);
    expect([...ok.tiles.get(0)!.codes]).toEqual([-64, 32, 0]);
  });
});

describe('serial: URI', () => {
  it('validates parameters with the common messages', async () => {
    registerSerialDriver({ binding: MockBinding });
    await expect(openDevice('serial:/dev/x?retries=99')).rejects.toThrow(
      /parameter "retries" = "99" is invalid .*valid form: retries=<0..20>/,
    );
    await expect(openDevice('serial:/dev/x?baud=fast')).rejects.toMatchObject({
      code: 'bad-parameter',
      param: 'baud',
    });
    await expect(openDevice('serial:/dev/x?speed=9600')).rejects.toThrow(
      /unknown parameter "speed"/,
    );
    const e = await openDevice('serial:?baud=9600').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeviceError);
    expect((e as DeviceError).code).toBe('bad-uri');
  });

  it('registering without options is idempotent', () => {
    registerSerialDriver();
    registerSerialDriver();
  });
});
