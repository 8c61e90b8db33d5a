import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeFrame } from '../../../drivers/serial/framing.js';
import { packCodes, unpackCodes } from '../../../drivers/serial/codes.js';
import {
  BoardError,
  LinkClosedError,
  LinkTimeoutError,
  ProtocolVersionError,
} from '../../../drivers/serial/errors.js';
import { Session, type LinkEvent, type SessionOptions } from '../../../drivers/serial/session.js';
import { SerialTransport } from '../../../drivers/serial/transport.js';
import { FakeBoard, flush, MockBinding } from './fake-board.js';

const sessions: Session[] = [];

async function start(board: FakeBoard, options: SessionOptions = {}) {
  const transport = new SerialTransport({
    path: board.path,
    baudRate: 115200,
    binding: board.binding,
  });
  const events: LinkEvent[] = [];
  const session = new Session(transport, {
    heartbeatMs: 0,
    telemetryMs: 0,
    timeoutMs: 50,
    reconnectDelayMs: 10,
    firstRequestId: 100,
    ...options,
  });
  session.link$.subscribe((e) => events.push(e));
  sessions.push(session);
  await session.start();
  return { session, events, transport };
}

/** 3 inputs -> 4 outputs, weight codes at 64 per unit. */
const W_CODES = Int32Array.from([64, 0, 0, 0, 64, 0, 0, 0, 64, 32, 32, -32]);

async function programTile0(session: Session) {
  await session.programWeights(0, 4, 3, packCodes(W_CODES, 8));
}

function matmulArgs(tile = 0) {
  // x = [0.5, -0.25, 1] -> codes [32, -16, 64]
  return { tile, batch: 1, cols: 3, inputCodes: packCodes(Int32Array.from([32, -16, 64]), 8) };
}

/** y = W x: [0.5, -0.25, 1, 0.5*0.5 - 0.25*0.5 - 0.5] = [0.5, -0.25, 1, -0.375] at 256 codes per unit. */
const Y_CODES = [128, -64, 256, -96];

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  MockBinding.reset();
});

describe('Session', () => {
  it('handshakes: Hello with protocol v1, DeviceInfo adopted, link events', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board);
    expect(board.requests('hello')[0]!.hello!.protocolVersion).toBe(1);
    expect(session.info.rows).toBe(4);
    expect(session.info.creditWindow).toBe(2);
    expect(events.map((e) => e.type)).toEqual(['connected', 'handshake']);
  });

  it('rejects a board speaking another version, naming both versions', async () => {
    const board = new FakeBoard();
    board.info.protocolVersion = 2;
    const err = await start(board).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolVersionError);
    expect((err as Error).message).toBe(
      'protocol version mismatch: host speaks analoop protocol 1, board speaks 2; update the host (analoop)',
    );
  });

  it('turns an UNSUPPORTED_VERSION error reply into a ProtocolVersionError', async () => {
    const board = new FakeBoard();
    board.info.protocolVersion = 3;
    board.versionErrorReply = true;
    const err = (await start(board).catch((e: unknown) => e)) as ProtocolVersionError;
    expect(err).toBeInstanceOf(ProtocolVersionError);
    expect(err.boardVersion).toBe(3);
    expect(err.message).toContain('host speaks analoop protocol 1, board speaks 3');
  });

  it('matmul round trip returns the board codes', async () => {
    const board = new FakeBoard();
    const { session } = await start(board);
    await programTile0(session);
    const r = await session.matmul(matmulArgs());
    expect(r.rows).toBe(4);
    expect([...unpackCodes(r.outputCodes, 16, 4)]).toEqual(Y_CODES);
    expect(session.programmedTiles.get(0)!.rows).toBe(4);
  });

  it('never has more than credit_window requests outstanding at the board', async () => {
    const board = new FakeBoard();
    const { session } = await start(board);
    board.holding = true;
    const pings = Array.from({ length: 5 }, (_, i) => session.ping(i));
    await flush();
    expect(board.requests('ping')).toHaveLength(2);
    expect(session.outstanding).toBe(2);
    expect(session.queued).toBe(3);
    board.release(1);
    await flush();
    expect(board.requests('ping')).toHaveLength(3);
    board.holding = false;
    board.release();
    await flush();
    board.release();
    await Promise.all(pings);
    expect(board.maxOpen).toBe(2);
    expect(session.counters.maxOutstanding).toBe(2);
    expect(board.requests('ping').map((e) => e.ping!.nonce)).toEqual([0, 1, 2, 3, 4]);
  });

  it('retries a dropped reply with the same request id; the board answers from its cache', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board);
    await programTile0(session);
    board.dropNext('matmulRequest');
    const p = session.matmul(matmulArgs());
    await flush();
    expect(board.requests('matmulRequest')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    const r = await p;
    expect([...unpackCodes(r.outputCodes, 16, 4)]).toEqual(Y_CODES);
    const sent = board.requests('matmulRequest');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    expect(board.executions.get(sent[0]!.requestId)).toBe(1);
    expect(board.duplicates).toBe(1);
    const retry = events.find((e) => e.type === 'retry');
    expect(retry).toMatchObject({
      kind: 'matmulRequest',
      requestId: sent[0]!.requestId,
      attempt: 2,
    });
  });

  it('gives a LinkTimeoutError naming the request after the retries, with the caller stack', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board, { retries: 2 });
    board.silent = true;
    const p = session.ping(7).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000);
    const err = (await p) as LinkTimeoutError;
    expect(err).toBeInstanceOf(LinkTimeoutError);
    const pings = board.requests('ping');
    expect(pings).toHaveLength(3);
    expect(new Set(pings.map((e) => e.requestId)).size).toBe(1);
    expect(err.kind).toBe('ping');
    expect(err.requestId).toBe(pings[0]!.requestId);
    expect(err.attempts).toBe(3);
    expect(err.message).toContain(
      `ping #${pings[0]!.requestId}: no reply from /dev/fake0 after 3 attempts`,
    );
    expect(err.stack).toContain('session.test.ts');
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'timeout', kind: 'ping', attempts: 3 });
  });

  it('reports the board error code and message', async () => {
    const board = new FakeBoard();
    const { session } = await start(board);
    const err = (await session.matmul(matmulArgs(5)).catch((e: unknown) => e)) as BoardError;
    expect(err).toBeInstanceOf(BoardError);
    expect(err.codeName).toBe('NOT_PROGRAMMED');
    expect(err.message).toContain('the board answered NOT_PROGRAMMED: tile 5 is empty');
  });

  it('reconnects after the port is lost, re-programs, and resends the interrupted product', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board);
    await programTile0(session);
    board.holding = true;
    const p = session.matmul(matmulArgs());
    await flush();
    const id = board.requests('matmulRequest')[0]!.requestId;
    board.unplug(); // the board resets: tiles and de-duplication cache are gone
    await vi.advanceTimersByTimeAsync(50);
    board.holding = false;
    board.release();
    await vi.advanceTimersByTimeAsync(50);
    const r = await p;
    expect([...unpackCodes(r.outputCodes, 16, 4)]).toEqual(Y_CODES);
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'disconnected',
        'connected',
        'handshake',
        'reprogram',
        'reconnected',
      ]),
    );
    expect(types.indexOf('reconnected')).toBeGreaterThan(types.indexOf('disconnected'));
    // After the second Hello: the tile again, then the product with its original id.
    const after = board.received.slice(board.received.findLastIndex((e) => e.body === 'hello') + 1);
    expect(after.map((e) => e.body)).toEqual(['programWeights', 'matmulRequest']);
    expect(after[1]!.requestId).toBe(id);
    expect(session.counters.reconnects).toBe(1);
  });

  it('a product the board already ran before the disconnect is answered from its cache, not run twice', async () => {
    const board = new FakeBoard();
    board.resetOnUnplug = false;
    const { session } = await start(board);
    await programTile0(session);
    board.holding = true;
    const p = session.matmul(matmulArgs());
    await flush();
    const id = board.requests('matmulRequest')[0]!.requestId;
    board.unplug();
    board.holding = false;
    await vi.advanceTimersByTimeAsync(100);
    await p;
    expect(board.requests('matmulRequest').filter((e) => e.requestId === id)).toHaveLength(2);
    expect(board.executions.get(id)).toBe(1);
  });

  it('re-programs from the host copy when the board reset on its own (NOT_PROGRAMMED)', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board);
    await programTile0(session);
    board.forget();
    const r = await session.matmul(matmulArgs());
    expect([...unpackCodes(r.outputCodes, 16, 4)]).toEqual(Y_CODES);
    expect(events.find((e) => e.type === 'reprogram')).toMatchObject({
      reason: 'board-reset',
      tiles: 1,
    });
    const m = board.requests('matmulRequest');
    expect(m).toHaveLength(2);
    expect(m[1]!.requestId).not.toBe(m[0]!.requestId);
  });

  it('fails pending requests with LinkClosedError when reconnecting gives up', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board, { reconnectMs: 100 });
    board.holding = true;
    const p = session.ping().catch((e: unknown) => e);
    await flush();
    MockBinding.reset(); // the port is gone for good
    board.unplug();
    await vi.advanceTimersByTimeAsync(500);
    const err = (await p) as Error;
    expect(err).toBeInstanceOf(LinkClosedError);
    expect(err.message).toContain('could not be re-established within 100 ms');
    expect(events.at(-1)!.type).toBe('closed');
    await expect(session.ping()).rejects.toBeInstanceOf(LinkClosedError);
  });

  it('emits unsolicited and requested telemetry on telemetry$', async () => {
    const board = new FakeBoard();
    const { session } = await start(board, { telemetryMs: 1000 });
    const seen: number[] = [];
    session.telemetry$.subscribe((t) => seen.push(t.temperatureC));
    board.push({ telemetry: { temperatureC: 40 } });
    await flush();
    expect(seen).toEqual([40]);
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(board.requests('telemetryRequest')).toHaveLength(1);
    expect(seen).toEqual([40, 31.5]);
  });

  it('pings when idle, not while busy', async () => {
    const board = new FakeBoard();
    await start(board, { heartbeatMs: 500 });
    await vi.advanceTimersByTimeAsync(400);
    expect(board.requests('ping')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1100);
    expect(board.requests('ping').length).toBeGreaterThanOrEqual(2);
  });

  it('reports bad frames on link$ with the decoder counts, and keeps working', async () => {
    const board = new FakeBoard();
    const { session, events } = await start(board);
    const good = encodeFrame(new Uint8Array([8, 1]));
    const bad = Buffer.from(good);
    bad[1] = bad[1]! ^ 0x40; // flip a bit inside the frame
    board.emitRaw(bad);
    await flush();
    const fe = events.find((e) => e.type === 'frame-error');
    expect(fe).toMatchObject({ error: 'crc', stats: { crcErrors: 1 } });
    await expect(session.ping(1)).resolves.toMatchObject({ nonce: 1 });
  });

  it('close() fails what is pending with LinkClosedError', async () => {
    const board = new FakeBoard();
    const { session } = await start(board);
    board.holding = true;
    const p = session.ping().catch((e: unknown) => e);
    await flush();
    await session.close();
    expect(await p).toBeInstanceOf(LinkClosedError);
  });
});
