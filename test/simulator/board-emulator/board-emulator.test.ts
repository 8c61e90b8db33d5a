import { describe, expect, it, vi } from 'vitest';
import { encodeEnvelope, ErrorCode, DeviceKind } from '../../../drivers/serial/codec.js';
import {
  codesToValues,
  packCodes,
  unpackCodes,
  valuesToCodes,
  type CodeConversion,
} from '../../../drivers/serial/codes.js';
import { encodeFrame } from '../../../drivers/serial/framing.js';
import { PROTOCOL_VERSION } from '../../../drivers/serial/version.js';
import { paperProfile, parseProfile, type Profile } from '../../../src/profile/index.js';
import { bitsFor, wireConverters } from '../../../simulator/board-emulator/converters.js';
import { parseFaultSpec } from '../../../simulator/board-emulator/faults.js';
import { SimDevice } from '../../../simulator/sim-device.js';
import { memoryBoard } from './memory-host.js';
import { rand } from '../../helpers/rand.js';

const uniform = (n: number, r: () => number, lo = -1.2, hi = 1.2) =>
  Float32Array.from({ length: n }, () => lo + (hi - lo) * r());

const ROWS = 5;
const COLS = 7;
const paper = (seed = 3) =>
  paperProfile({ p: 16, ep: 0.5, rows: ROWS, cols: COLS, maxBatch: 8, seed });

/** A profile with everything the physics has: programming noise, gain, offset, nonlinearity. */
function physicsProfile(): Profile {
  const conv = { range: [-1, 1] as [number, number], precision: 64 };
  return parseProfile(
    {
      schema: 'analoop.profile/1',
      name: 'bench-like',
      array: { rows: ROWS, cols: COLS, maxBatch: 8 },
      dac: conv,
      adc: { range: [-2, 2], precision: 32 },
      weights: conv,
      noise: {
        programming: { model: 'gaussian', scale: 0.01 },
        weight: { model: 'gaussian', scale: 0.005 },
        input: { model: 'uniform', scale: 0.01 },
        read: { model: 'gaussian', ep: 0.3 },
      },
      channels: { gain: [1, 0.9, 1.1, 1, 0.95], offset: 0.02, gainDriftPerHour: 0 },
      nonlinearity: { kind: 'cubic', a3: -0.05 },
      seed: 11,
    },
    'test',
  );
}

const hello = (id = 1, version = PROTOCOL_VERSION) => ({
  requestId: id,
  hello: { protocolVersion: version, host: 'test' },
});
const programMsg = (
  id: number,
  tile: number,
  W: Float32Array,
  w: CodeConversion,
  verify = false,
) => ({
  requestId: id,
  programWeights: {
    tile,
    rows: ROWS,
    cols: COLS,
    codes: packCodes(valuesToCodes(W, w), w.bits),
    verify,
  },
});
const matmulMsg = (
  id: number,
  tile: number,
  X: Float32Array,
  batch: number,
  dac: CodeConversion,
  draw = 0,
  rowOffset = 0,
) => ({
  requestId: id,
  matmulRequest: {
    tile,
    batch,
    cols: COLS,
    inputCodes: packCodes(valuesToCodes(X, dac), dac.bits),
    draw,
    rowOffset,
  },
});

describe('wire converters', () => {
  it('use scale = precision and the narrowest width holding RP of both range ends', () => {
    const c = wireConverters(paper());
    expect(c.dac).toEqual({ bits: 6, scale: 16, range: [-1, 1] });
    expect(bitsFor(-16, 16)).toBe(6);
    expect(bitsFor(-128, 127)).toBe(8);
    expect(bitsFor(0, 1)).toBe(2);
    expect(wireConverters(paperProfile({ p: 127, ep: 0 })).adc.bits).toBe(8);
  });
});

describe('BoardEmulator', () => {
  it('answers Hello with DeviceInfo derived from the profile', async () => {
    const { ask } = memoryBoard({ profile: paper() });
    const r = await ask(hello(7));
    expect(r.requestId).toBe(7);
    if (r.body !== 'deviceInfo') throw new Error(`got ${r.body}`);
    const d = r.deviceInfo;
    expect(d.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(d.kind).toBe(DeviceKind.SIMULATED);
    expect([d.rows, d.cols, d.maxBatch, d.creditWindow]).toEqual([ROWS, COLS, 8, 8]);
    for (const c of [d.dac, d.adc, d.weight]) {
      expect(c).toMatchObject({ bits: 6, scale: 16, range: { lo: -1, hi: 1 } });
    }
    expect(d.serial).toBe(new SimDevice(paper()).profileId);
  });

  it('rejects another protocol version, naming both', async () => {
    const { ask } = memoryBoard({ profile: paper() });
    const r = await ask(hello(1, PROTOCOL_VERSION + 1));
    if (r.body !== 'error') throw new Error(`got ${r.body}`);
    expect(r.error.code).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(r.error.message).toContain(`protocol ${PROTOCOL_VERSION + 1}`);
    expect(r.error.message).toContain(`board speaks ${PROTOCOL_VERSION}`);
  });

  it.each([
    ['paper p=16, EP=0.5', paper()],
    ['gain, offset, programming noise, nonlinearity', physicsProfile()],
  ])(
    'computes exactly what SimDevice computes on the same profile and seed (%s)',
    async (_, profile) => {
      const { ask, board } = memoryBoard({ profile });
      const ref = new SimDevice(profile);
      const { dac, adc, weight } = board.converters;
      const r = rand(1);
      for (const tile of [0, 3]) {
        const W = uniform(ROWS * COLS, r);
        const ack = await ask(programMsg(10 + tile, tile, W, weight));
        expect(ack.body).toBe('programAck');
        await ref.program(tile, W, ROWS, COLS);
      }
      let id = 100;
      for (const [tile, batch, draw, rowOffset] of [
        [0, 3, 0, 0],
        [3, 8, 1, 0],
        [0, 2, 1, 3],
        [3, 1, 5, 40],
      ] as const) {
        const X = uniform(batch * COLS, r);
        const res = await ask(matmulMsg(id++, tile, X, batch, dac, draw, rowOffset));
        if (res.body !== 'matmulResult') throw new Error(`got ${res.body}: ${JSON.stringify(res)}`);
        expect([res.matmulResult.tile, res.matmulResult.batch, res.matmulResult.rows]).toEqual([
          tile,
          batch,
          ROWS,
        ]);
        const got = codesToValues(
          unpackCodes(res.matmulResult.outputCodes, adc.bits, batch * ROWS),
          adc,
        );
        const want = await ref.matmul(tile, X, batch, { draw, rowOffset });
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    },
  );

  it('answers a repeated request id from its cache without executing it again', async () => {
    const { ask, board, sent } = memoryBoard({ profile: paper() });
    const { dac, weight } = board.converters;
    await ask(programMsg(1, 0, uniform(ROWS * COLS, rand(2)), weight));
    const spy = vi.spyOn(board.device, 'matmul');
    const msg = matmulMsg(2, 0, uniform(2 * COLS, rand(3)), 2, dac, 9);
    const first = await ask(msg);
    const frames = sent.length;
    const again = await ask(msg);
    expect(again).toEqual(first);
    expect(sent[frames]).toEqual(sent[frames - 1]);
    expect(spy).toHaveBeenCalledTimes(1);
    // A retried program is not re-applied either (it would draw new programming noise).
    const programSpy = vi.spyOn(board.device, 'program');
    await ask(programMsg(1, 0, uniform(ROWS * COLS, rand(2)), weight));
    expect(programSpy).not.toHaveBeenCalled();
    expect(board.counters).toMatchObject({ executed: 2, duplicates: 2 });
    const t = await ask({ requestId: 3, telemetryRequest: {} });
    if (t.body !== 'telemetry') throw new Error();
    expect(t.telemetry.duplicateRequests).toBe(2);
  });

  it('does not cache a refusal: the retry after fixing the cause executes', async () => {
    const { ask, board } = memoryBoard({ profile: paper() });
    const { dac, weight } = board.converters;
    const msg = matmulMsg(50, 1, uniform(COLS, rand(5)), 1, dac);
    expect((await ask(msg)).body).toBe('error');
    await ask(programMsg(51, 1, uniform(ROWS * COLS, rand(6)), weight));
    expect((await ask(msg)).body).toBe('matmulResult');
    expect(board.counters.duplicates).toBe(0);
  });

  it('counts bad frames of every kind and reports them in telemetry', async () => {
    const { ask, board, replies } = memoryBoard({ profile: paper() });
    const crcBad = Uint8Array.from(
      encodeFrame(encodeEnvelope({ requestId: 5, ping: { nonce: 1 } })),
    );
    crcBad[2] = crcBad[2]! ^ 1 || 2; // a payload byte changed (never to the delimiter)
    board.receive(crcBad);
    board.receive(Uint8Array.of(9, 1, 0)); // COBS block longer than the frame
    board.receive(Uint8Array.of(2, 1, 0)); // decodes to 1 byte: too short for a CRC
    board.receive(encodeFrame(Uint8Array.of(0x0f, 0xff, 0xff))); // CRC fine, not an Envelope
    await board.idle();
    expect(replies.map((e) => [e.requestId, e.body])).toEqual([[0, 'error']]);
    const t = await ask({ requestId: 7, telemetryRequest: {} });
    if (t.body !== 'telemetry') throw new Error();
    expect(t.telemetry.crcErrors).toBe(1);
    expect(t.telemetry.framingErrors).toBe(3);
    // And the link still works.
    expect((await ask({ requestId: 8, ping: { nonce: 3 } })).body).toBe('pong');
  });

  it('sends Error BAD_FRAME with request id 0 for an undecodable envelope', async () => {
    const { board, replies } = memoryBoard({ profile: paper() });
    board.receive(encodeFrame(Uint8Array.of(0x0f, 0xff, 0xff)));
    await board.idle();
    expect(replies).toHaveLength(1);
    const e = replies[0]!;
    if (e.body !== 'error') throw new Error();
    expect(e.requestId).toBe(0);
    expect(e.error.code).toBe(ErrorCode.BAD_FRAME);
    expect(board.counters.framingErrors).toBe(1);
  });

  it('answers Ping, Probe, verify readback, Reset and the error cases', async () => {
    let now = 1_000_000;
    const profile = paperProfile({ p: 16, ep: 0, rows: ROWS, cols: COLS, maxBatch: 4 });
    const { ask, board } = memoryBoard({ profile, clock: () => now, tiles: 4 });
    const { weight, adc } = board.converters;
    now += 1234;
    const pong = await ask({ requestId: 1, ping: { nonce: 77 } });
    expect(pong).toMatchObject({ body: 'pong', pong: { nonce: 77, uptimeMs: 1234 } });

    const W = uniform(ROWS * COLS, rand(4), -1, 1);
    const ack = await ask(programMsg(2, 1, W, weight, true));
    if (ack.body !== 'programAck') throw new Error();
    // Noise-free: the measured weights are the written codes (within ADC rounding, here exact).
    expect(unpackCodes(ack.programAck.readback, weight.bits, ROWS * COLS)).toEqual(
      valuesToCodes(W, weight),
    );

    const probe = await ask({
      requestId: 3,
      probeRequest: { tile: 1, inputIndex: 2, inputCode: 16, repeats: 3 },
    });
    if (probe.body !== 'probeResult') throw new Error();
    const raw = unpackCodes(probe.probeResult.rawOutputCodes, adc.bits, 3 * ROWS);
    const column = Array.from({ length: ROWS }, (_, r) => valuesToCodes(W, weight)[r * COLS + 2]);
    expect(Array.from(raw)).toEqual([...column, ...column, ...column]);

    const err = async (msg: Parameters<typeof ask>[0], code: number, text: RegExp) => {
      const e = await ask(msg);
      if (e.body !== 'error') throw new Error(`expected an error, got ${e.body}`);
      expect(e.error.code).toBe(code);
      expect(e.error.message).toMatch(text);
    };
    await err(
      matmulMsg(4, 0, new Float32Array(COLS), 1, board.converters.dac),
      ErrorCode.NOT_PROGRAMMED,
      /tile 0 was never programmed/,
    );
    await err(
      matmulMsg(5, 9, new Float32Array(COLS), 1, board.converters.dac),
      ErrorCode.OUT_OF_RANGE,
      /tiles 0\.\.3/,
    );
    await err(
      {
        requestId: 6,
        matmulRequest: { tile: 1, batch: 2, cols: COLS, inputCodes: new Uint8Array(3) },
      },
      ErrorCode.BAD_REQUEST,
      /14 codes of 6 bits take 11 bytes, got 3/,
    );
    await err(
      matmulMsg(7, 1, new Float32Array(5 * COLS), 5, board.converters.dac),
      ErrorCode.BAD_REQUEST,
      /exceeds maxBatch 4/,
    );
    await err({ requestId: 8, pong: {} }, ErrorCode.BAD_REQUEST, /a host does not send pong/);
    await err(
      { requestId: 9, probeRequest: { tile: 1, inputIndex: 0, inputCode: 40 } },
      ErrorCode.OUT_OF_RANGE,
      /does not fit in 6 bits/,
    );

    expect((await ask({ requestId: 10, reset: {} })).body).toBe('resetAck');
    await err(
      matmulMsg(11, 1, new Float32Array(COLS), 1, board.converters.dac),
      ErrorCode.NOT_PROGRAMMED,
      /never programmed/,
    );
    // The reset emptied the cache: an old id executes again (and fails: the tile is gone).
    await err(
      matmulMsg(3, 1, new Float32Array(COLS), 1, board.converters.dac),
      ErrorCode.NOT_PROGRAMMED,
      /never programmed/,
    );
  });

  it('sends unsolicited telemetry (request id 0) after a Hello', async () => {
    const { ask, replies, board } = memoryBoard({ profile: paper(), telemetryIntervalMs: 10 });
    await new Promise((r) => setTimeout(r, 40));
    expect(replies).toHaveLength(0);
    await ask(hello());
    // At a 10 ms interval two frames take ~20 ms; a loaded machine may delay timers, so wait
    // for them with a deadline rather than a fixed sleep.
    const telemetry = () => replies.filter((e) => e.body === 'telemetry');
    for (const end = Date.now() + 5000; telemetry().length < 2 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 10));
    const t = telemetry();
    expect(t.length, 'telemetry frames within 5 s of the Hello').toBeGreaterThanOrEqual(2);
    expect(t.every((e) => e.requestId === 0)).toBe(true);
    await board.close();
  });

  it('refuses requests beyond twice the credit window with BUSY', async () => {
    const { board, replies } = memoryBoard({ profile: paper(), creditWindow: 1 });
    for (let id = 1; id <= 4; id++)
      board.receive(encodeFrame(encodeEnvelope({ requestId: id, ping: { nonce: id } })));
    await board.idle();
    expect(replies.map((e) => [e.requestId, e.body])).toEqual([
      [3, 'error'],
      [4, 'error'],
      [1, 'pong'],
      [2, 'pong'],
    ]);
    expect(board.counters.busy).toBe(2);
  });
});

describe('BoardEmulator faults', () => {
  /** A fixed conversation: handshake, program, many products, with a retry of every request. */
  async function conversation(spec: string) {
    let now = 0;
    const h = memoryBoard({ profile: paper(), faults: parseFaultSpec(spec), clock: () => now });
    const { dac, weight } = h.board.converters;
    const r = rand(9);
    await h.request(hello(1));
    await h.request(programMsg(2, 0, uniform(ROWS * COLS, r), weight));
    for (let id = 3; id < 60; id++) {
      now += 5;
      const msg = matmulMsg(id, 0, uniform(2 * COLS, r), 2, dac, id);
      await h.request(msg);
      await h.request(msg);
    }
    return h;
  }
  const bytes = (h: { sent: Uint8Array[] }) => Buffer.concat(h.sent).toString('hex');

  it('are deterministic for a seed and differ for another', async () => {
    const spec = 'corrupt=0.002,drop=0.1,seed=7';
    const a = await conversation(spec);
    const b = await conversation(spec);
    const c = await conversation('corrupt=0.002,drop=0.1,seed=8');
    expect(bytes(a)).toBe(bytes(b));
    expect(a.board.counters).toEqual(b.board.counters);
    expect(bytes(c)).not.toBe(bytes(a));
    expect(a.board.faultCounts.droppedReplies).toBeGreaterThan(0);
    expect(a.board.faultCounts.corruptedBytes).toBeGreaterThan(0);
    // Nothing was executed twice: every retry that reached the board was a cache hit.
    expect(a.board.counters.executed).toBeLessThanOrEqual(59);
  });

  it('drop loses replies but never results: the retry gets the cached reply', async () => {
    const h = await conversation('drop=0.3,seed=1');
    const ok = new Map<number, string>();
    for (const e of h.replies) {
      if (e.body !== 'matmulResult') continue;
      const s = Buffer.from(e.matmulResult.outputCodes).toString('hex');
      if (ok.has(e.requestId)) expect(ok.get(e.requestId)).toBe(s);
      ok.set(e.requestId, s);
    }
    expect(h.board.counters.executed).toBe(59);
    expect(h.board.faultCounts.droppedReplies).toBeGreaterThan(10);
  });

  it('stall=N@K ignores requests K..K+N-1; stall=Tms@K ignores requests for T ms', async () => {
    const h = memoryBoard({ profile: paper(), faults: parseFaultSpec('stall=2@2') });
    const ping = (id: number) => h.request({ requestId: id, ping: { nonce: id } });
    expect(await ping(1)).toHaveLength(1);
    expect(await ping(2)).toHaveLength(0);
    expect(await ping(2)).toHaveLength(0);
    expect(await ping(2)).toHaveLength(1);
    expect(h.board.counters.droppedFrames).toBe(2);

    let now = 0;
    const t = memoryBoard({
      profile: paper(),
      faults: parseFaultSpec('stall=100ms@1'),
      clock: () => now,
    });
    expect(await t.request({ requestId: 1, ping: {} })).toHaveLength(0);
    now = 99;
    expect(await t.request({ requestId: 1, ping: {} })).toHaveLength(0);
    now = 100;
    expect(await t.request({ requestId: 1, ping: {} })).toHaveLength(1);
  });

  it('disconnect@K drops request K and keeps the tiles; powerloss@K loses them', async () => {
    for (const kind of ['disconnect', 'powerloss'] as const) {
      const faults: string[] = [];
      const h = memoryBoard({
        profile: paper(),
        faults: parseFaultSpec(`${kind}@3`),
        onLinkFault: (k) => faults.push(k),
      });
      const { dac, weight } = h.board.converters;
      await h.request(programMsg(1, 0, uniform(ROWS * COLS, rand(1)), weight));
      const msg = matmulMsg(2, 0, uniform(COLS, rand(2)), 1, dac);
      const first = await h.request(msg);
      expect(first).toHaveLength(1);
      const lost = matmulMsg(3, 0, uniform(COLS, rand(3)), 1, dac);
      expect(await h.request(lost)).toHaveLength(0);
      expect(faults).toEqual([kind]);
      const retry = await h.request(lost);
      expect(retry[0]!.body).toBe(kind === 'disconnect' ? 'matmulResult' : 'error');
      // After a cable pull the cache survives (id 2 is answered from it, not re-run); after a
      // power loss it is gone and id 2 runs again, on a board that lost its tiles.
      const spy = vi.spyOn(h.board.device, 'matmul');
      const again = await h.request(msg);
      if (kind === 'disconnect') {
        expect(again).toEqual(first);
        expect(spy).not.toHaveBeenCalled();
      } else {
        expect(again[0]).toMatchObject({
          body: 'error',
          error: { code: ErrorCode.NOT_PROGRAMMED },
        });
      }
    }
  });

  it('parses the spec and rejects a bad one with the syntax', () => {
    expect(
      parseFaultSpec('corrupt=0.001,drop=0.01,stall=20@5000,stall=300ms@10,disconnect@300,seed=7'),
    ).toEqual({
      corrupt: 0.001,
      drop: 0.01,
      stalls: [
        { at: 5000, requests: 20 },
        { at: 10, ms: 300 },
      ],
      disconnects: [300],
      powerlosses: [],
      seed: 7,
    });
    expect(parseFaultSpec('none').corrupt).toBe(0);
    expect(() => parseFaultSpec('corrupt=2')).toThrow(
      /"corrupt=2" needs a rate in \[0, 1\]; syntax: corrupt=/,
    );
    expect(() => parseFaultSpec('explode@3')).toThrow(/"explode@3" is not a fault/);
    expect(() => parseFaultSpec('disconnect@0')).toThrow(/request number >= 1/);
  });
});
