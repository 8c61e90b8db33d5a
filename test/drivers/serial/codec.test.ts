import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BODY_KINDS,
  bodyKind,
  CodecError,
  decodeEnvelope,
  DeviceKind,
  encodeEnvelope,
  ErrorCode,
  InputConversion,
  UINT64_FIELDS,
  v1,
  type BodyKind,
  type Envelope,
  type EnvelopeInit,
} from '../../../drivers/serial/codec.js';
import { PROTOCOL_VERSION, versionMismatchMessage } from '../../../drivers/serial/version.js';
import { rng } from './rng.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

/** One envelope per body kind, with every field set to something other than its default. */
const SAMPLES: Record<BodyKind, EnvelopeInit> = {
  hello: { requestId: 1, hello: { protocolVersion: PROTOCOL_VERSION, host: 'analoop/0.1.0' } },
  deviceInfo: {
    requestId: 1,
    deviceInfo: {
      protocolVersion: 1,
      kind: DeviceKind.MEMRISTIVE,
      model: 'xbar-64',
      firmware: '1.2.3',
      serial: 'SN0042',
      rows: 64,
      cols: 64,
      tiles: 4,
      dac: { bits: 8, scale: 127, range: { lo: -1, hi: 1 } },
      adc: { bits: 12, scale: 256, range: { lo: -8, hi: 7.99609375 } },
      weight: { bits: 6, scale: 31, range: { lo: -1, hi: 1 } },
      maxBatch: 128,
      creditWindow: 4,
      conductanceMinUs: 1.5,
      conductanceMaxUs: 100,
      inputConversion: InputConversion.PER_SOURCE,
    },
  },
  programWeights: {
    requestId: 2,
    programWeights: { tile: 3, rows: 2, cols: 2, codes: bytes(1, 0, 255, 7), verify: true },
  },
  programAck: { requestId: 2, programAck: { tile: 3, readback: bytes(1, 0, 254, 7) } },
  matmulRequest: {
    requestId: 4_000_000_000,
    matmulRequest: {
      tile: 1,
      batch: 2,
      cols: 2,
      inputCodes: bytes(0x80, 0x7f, 0, 1),
      draw: 2 ** 53 - 1,
      rowOffset: 123_456_789_012,
      inputSource: [-1, 0, 70_000, 3],
      sourceOffset: 2 ** 50 + 3,
      sourceTile: 0,
    },
  },
  matmulResult: {
    requestId: 5,
    matmulResult: { tile: 1, batch: 2, rows: 2, outputCodes: bytes(9, 8, 7, 6, 5, 4) },
  },
  telemetry: {
    requestId: 0,
    telemetry: {
      temperatureC: 31.25,
      opticalPowerMw: 0.5,
      conductanceMeanUs: 40,
      conductanceStdUs: 2.5,
      uptimeMs: 86_400_000_123,
      crcErrors: 1,
      framingErrors: 2,
      duplicateRequests: 3,
      droppedFrames: 4,
    },
  },
  probeRequest: {
    requestId: 6,
    probeRequest: { tile: 2, inputIndex: 17, inputCode: -100, repeats: 8 },
  },
  probeResult: {
    requestId: 6,
    probeResult: { tile: 2, repeats: 8, rows: 1, rawOutputCodes: bytes(1, 2, 3) },
  },
  ping: { requestId: 7, ping: { nonce: 2 ** 40 + 5 } },
  pong: { requestId: 7, pong: { nonce: 2 ** 40 + 5, uptimeMs: 1000 } },
  reset: { requestId: 8, reset: {} },
  resetAck: { requestId: 8, resetAck: {} },
  error: {
    requestId: 9,
    error: { code: ErrorCode.UNSUPPORTED_VERSION, message: versionMismatchMessage(2, 1) },
  },
  telemetryRequest: { requestId: 10, telemetryRequest: {} },
};

/**
 * `x` read through the keys of `shape` (decoded messages keep defaults on their prototypes), with
 * bytes as arrays, so a decoded message compares equal to the plain object it was encoded from.
 */
function like(x: unknown, shape: unknown): unknown {
  if (shape instanceof Uint8Array) return x instanceof Uint8Array ? Array.from(x) : x;
  if (shape && typeof shape === 'object') {
    if (!x || typeof x !== 'object') return x;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(shape)) o[k] = like((x as Record<string, unknown>)[k], v);
    return o;
  }
  return x;
}

describe('codec', () => {
  it('round-trips every body kind with every field set', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...BODY_KINDS].sort());
    for (const kind of BODY_KINDS) {
      const msg = SAMPLES[kind];
      const env = decodeEnvelope(encodeEnvelope(msg));
      expect(env.body).toBe(kind);
      expect(bodyKind(env)).toBe(kind);
      expect(bodyKind(msg)).toBe(kind);
      expect(env.requestId).toBe(msg.requestId ?? 0);
      expect(like(env, msg), kind).toEqual(like(msg, msg));
    }
  });

  it('gives source_tile explicit presence: absent is null, tile 0 is 0', () => {
    const base = { tile: 5, batch: 1, cols: 1, inputCodes: bytes(1) };
    const absent = decodeEnvelope(encodeEnvelope({ matmulRequest: base }));
    const zero = decodeEnvelope(encodeEnvelope({ matmulRequest: { ...base, sourceTile: 0 } }));
    if (absent.body !== 'matmulRequest' || zero.body !== 'matmulRequest') throw new Error();
    expect(absent.matmulRequest.sourceTile ?? null).toBeNull();
    expect([absent.matmulRequest.inputSource, absent.matmulRequest.sourceOffset]).toEqual([[], 0]);
    expect(zero.matmulRequest.sourceTile).toBe(0);
  });

  it('fills proto3 defaults and turns 64-bit fields into numbers', () => {
    const env = decodeEnvelope(encodeEnvelope({ pong: {} }));
    expect(env.requestId).toBe(0);
    if (env.body !== 'pong') throw new Error('expected pong');
    expect(env.pong.nonce).toBe(0);
    expect(env.pong.uptimeMs).toBe(0);
    const mm = decodeEnvelope(encodeEnvelope(SAMPLES.matmulRequest));
    if (mm.body !== 'matmulRequest') throw new Error('expected matmulRequest');
    expect(typeof mm.matmulRequest.draw).toBe('number');
    expect(mm.matmulRequest.draw).toBe(2 ** 53 - 1);
    expect(mm.matmulRequest.tile).toBe(1);
    const info = decodeEnvelope(encodeEnvelope({ requestId: 1, deviceInfo: { rows: 8 } }));
    if (info.body !== 'deviceInfo') throw new Error('expected deviceInfo');
    expect(info.deviceInfo.dac).toBeNull();
    expect(info.deviceInfo.cols).toBe(0);
  });

  it('narrows the decoded type on body', () => {
    const env = decodeEnvelope(encodeEnvelope(SAMPLES.matmulResult));
    expectTypeOf(env.body).toEqualTypeOf<BodyKind>();
    expectTypeOf(env.requestId).toEqualTypeOf<number>();
    switch (env.body) {
      case 'matmulResult':
        expectTypeOf(env.matmulResult.outputCodes).toEqualTypeOf<Uint8Array>();
        expectTypeOf(env.matmulResult.rows).toEqualTypeOf<number>();
        expect(env.matmulResult.rows).toBe(2);
        break;
      case 'deviceInfo':
        expectTypeOf(env.deviceInfo.dac).toMatchTypeOf<{ bits: number } | null>();
        break;
      default:
        throw new Error(`unexpected ${env.body}`);
    }
    expectTypeOf<Envelope['pong']>().toMatchTypeOf<{ nonce: number } | null | undefined>();
  });

  it('rejects 64-bit values beyond 2^53 - 1 rather than rounding them', () => {
    // Ping{nonce = 2^53} by hand: field 19 (tag 0x9a 0x01), then Ping field 1 varint.
    const nonce = [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
    const raw = bytes(0x9a, 0x01, nonce.length, ...nonce);
    expect(() => decodeEnvelope(raw)).toThrow(/ping\.nonce: 64-bit value beyond 2\^53 - 1/);
  });

  it('keeps the 64-bit field table in step with proto/analoop.proto', () => {
    const proto = readFileSync(new URL('../../../proto/analoop.proto', import.meta.url), 'utf8');
    const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const found: Record<string, string[]> = {};
    let message = '';
    for (const line of proto.split('\n')) {
      const m = /^\s*message\s+(\w+)/.exec(line);
      if (m) message = m[1];
      const f = /^\s*(u?int64|sint64|s?fixed64)\s+(\w+)\s*=/.exec(line);
      if (f) (found[message] ??= []).push(camel(f[2]));
    }
    const byMessage: Record<string, readonly string[]> = {};
    for (const [kind, fields] of Object.entries(UINT64_FIELDS)) {
      byMessage[
        kind === 'matmulRequest' ? 'MatMulRequest' : kind[0].toUpperCase() + kind.slice(1)
      ] = fields;
    }
    expect(byMessage).toEqual(found);
  });

  it('refuses to encode an envelope with no body or a mistyped field', () => {
    expect(() => encodeEnvelope({ requestId: 1 })).toThrow(CodecError);
    expect(() => encodeEnvelope({ requestId: 1 })).toThrow(/no body/);
    expect(() => encodeEnvelope({ requestId: 1.5, ping: {} })).toThrow(/requestId/);
    expect(() => encodeEnvelope({ ping: { nonce: 'x' as unknown as number } })).toThrow(CodecError);
    expect(() => bodyKind({ requestId: 3 })).toThrow(CodecError);
  });

  it('decodes an envelope with no body or an unknown body as a CodecError', () => {
    expect(() => decodeEnvelope(new Uint8Array(0))).toThrow(/has no body/);
    expect(() => decodeEnvelope(bytes(0x08, 0x05))).toThrow(/request id 5/);
    // Field 99 (a body member from a newer version): skipped, so no body.
    expect(() => decodeEnvelope(bytes(0x9a, 0x06, 0x00))).toThrow(CodecError);
  });

  it('throws only CodecError on random and mutated bytes', () => {
    const r = rng(99);
    const valid = BODY_KINDS.map((k) => encodeEnvelope(SAMPLES[k]));
    let ok = 0;
    let bad = 0;
    for (let t = 0; t < 20_000; t++) {
      let b: Uint8Array;
      if (t % 2 === 0) {
        b = r.bytes(r.int(64));
      } else {
        b = Uint8Array.from(valid[r.int(valid.length)]);
        const flips = 1 + r.int(3);
        for (let k = 0; k < flips && b.length > 0; k++) b[r.int(b.length)] = r.int(256);
        if (r.next() < 0.3) b = b.subarray(0, r.int(b.length + 1));
      }
      try {
        const env = decodeEnvelope(b);
        expect(BODY_KINDS).toContain(env.body);
        ok++;
      } catch (e) {
        if (!(e instanceof CodecError)) throw e;
        bad++;
      }
    }
    expect(ok).toBeGreaterThan(100);
    expect(bad).toBeGreaterThan(1000);
  });

  it('exposes the generated classes', () => {
    expect(v1.Envelope.decode(encodeEnvelope(SAMPLES.ping)).body).toBe('ping');
  });
});

describe('version', () => {
  it('is 1 and names both versions on a mismatch', () => {
    expect(PROTOCOL_VERSION).toBe(1);
    expect(versionMismatchMessage(1, 2)).toBe(
      'protocol version mismatch: host speaks analoop protocol 1, board speaks 2; update the host (analoop)',
    );
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    expect(doc).toContain(versionMismatchMessage(9, 8).replace('9', 'H').replace('8', 'B'));
    expect(doc).toContain('`update the host (analoop)` when H < B');
    expect(versionMismatchMessage(2, 1)).toMatch(
      /host speaks analoop protocol 2, board speaks 1; update the board firmware/,
    );
  });
});
