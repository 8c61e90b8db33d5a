import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../../drivers/serial/codec.js';
import {
  encodeFrame,
  FrameDecoder,
  maxFrameLength,
  type FrameErrorKind,
} from '../../../drivers/serial/framing.js';
import { rng } from './rng.js';

const hex = (b: Uint8Array): string =>
  Buffer.from(b)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/ /g, ''), 'hex'));

describe('encodeFrame', () => {
  it('uses CRC-32/ISO-HDLC (zlib), check value 0xcbf43926', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  // The worked examples of docs/protocol.md, "Worked example frames".
  it('reproduces the worked examples of docs/protocol.md', () => {
    const ping = encodeEnvelope({ requestId: 1, ping: { nonce: 42 } });
    expect(hex(ping)).toBe('08 01 9a 01 02 08 2a');
    expect(crc32(ping)).toBe(0x56338dd8);
    expect(hex(encodeFrame(ping))).toBe('0c 08 01 9a 01 02 08 2a d8 8d 33 56 00');

    const tel = encodeEnvelope({ requestId: 0, telemetry: { temperatureC: 25, uptimeMs: 1000 } });
    expect(hex(tel)).toBe('82 01 08 0d 00 00 c8 41 28 e8 07');
    expect(crc32(tel)).toBe(0x4f458618);
    expect(hex(encodeFrame(tel))).toBe('05 82 01 08 0d 01 0a c8 41 28 e8 07 18 86 45 4f 00');

    const mm = encodeEnvelope({
      requestId: 3,
      matmulRequest: { tile: 0, batch: 1, cols: 4, inputCodes: Uint8Array.of(0x93, 0x72) },
    });
    expect(hex(mm)).toBe('08 03 72 08 10 01 18 04 22 02 93 72');
    expect(hex(encodeFrame(mm))).toBe('11 08 03 72 08 10 01 18 04 22 02 93 72 96 47 4e 80 00');
  });

  it('agrees with every example frame written in docs/protocol.md', () => {
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    const examples = [
      encodeEnvelope({ requestId: 1, ping: { nonce: 42 } }),
      encodeEnvelope({ requestId: 0, telemetry: { temperatureC: 25, uptimeMs: 1000 } }),
      encodeEnvelope({
        requestId: 3,
        matmulRequest: { tile: 0, batch: 1, cols: 4, inputCodes: Uint8Array.of(0x93, 0x72) },
      }),
    ];
    for (const p of examples) {
      expect(doc).toContain(`payload  ${hex(p)}\n`);
      expect(doc).toContain(`frame    ${hex(encodeFrame(p))}\n`);
    }
    expect(doc).toContain('CRC32    0x56338dd8  ->  d8 8d 33 56');
    expect(doc).toContain('CRC32    0x4f458618  ->  18 86 45 4f');
    // The Pong frame was built by a C board (nanopb + the reference code in the doc).
    const pong = '0f 08 01 a2 01 05 08 2a 10 e8 07 9b 0d ee 12 00';
    expect(doc).toContain(`frame    ${pong}\n`);
    const [payload] = new FrameDecoder().push(unhex(pong));
    const env = decodeEnvelope(payload);
    expect(env.requestId).toBe(1);
    expect(env.body === 'pong' && [env.pong.nonce, env.pong.uptimeMs]).toEqual([42, 1000]);
    expect(
      hex(encodeFrame(encodeEnvelope({ requestId: 1, pong: { nonce: 42, uptimeMs: 1000 } }))),
    ).toBe(pong);
  });

  it('bounds the frame length', () => {
    for (const n of [0, 1, 250, 251, 1000]) {
      expect(encodeFrame(new Uint8Array(n).fill(7)).length).toBeLessThanOrEqual(maxFrameLength(n));
    }
  });
});

describe('FrameDecoder', () => {
  it('round-trips frames, whole or byte by byte, ignoring empty frames', () => {
    const r = rng(11);
    const payloads = Array.from({ length: 50 }, (_, i) => r.bytes(i * 13));
    const stream = Buffer.concat([Buffer.of(0, 0), ...payloads.map((p) => encodeFrame(p))]);
    const whole = new FrameDecoder();
    expect(whole.push(stream)).toEqual(payloads);
    const bytewise = new FrameDecoder();
    const got: Uint8Array[] = [];
    for (const b of stream) got.push(...bytewise.push(Uint8Array.of(b)));
    expect(got).toEqual(payloads);
    expect(bytewise.stats).toEqual({
      frames: 50,
      crcErrors: 0,
      cobsErrors: 0,
      oversize: 0,
      runts: 0,
      bytesDiscarded: 0,
    });
  });

  it('counts a CRC error and still decodes the next good frame', () => {
    const errors: [FrameErrorKind, string][] = [];
    const dec = new FrameDecoder({ onError: (k, d) => errors.push([k, d]) });
    const bad = encodeFrame(Uint8Array.of(1, 2, 3, 4, 5));
    bad[2] ^= 0x40;
    const good = Uint8Array.of(9, 8, 7);
    expect(dec.push(Buffer.concat([bad, encodeFrame(good)]))).toEqual([good]);
    expect(dec.stats.crcErrors).toBe(1);
    expect(dec.stats.frames).toBe(1);
    expect(dec.stats.bytesDiscarded).toBe(bad.length - 1);
    expect(errors).toHaveLength(1);
    expect(errors[0][0]).toBe('crc');
    expect(errors[0][1]).toMatch(/CRC mismatch on a 5-byte payload/);
  });

  it('counts COBS errors and runts', () => {
    const dec = new FrameDecoder();
    // 0x05 promises 4 more bytes before the delimiter; 0x02 0x11 decodes to one byte.
    expect(dec.push(Uint8Array.of(0x05, 0x11, 0x00, 0x02, 0x11, 0x00))).toEqual([]);
    expect(dec.stats.cobsErrors).toBe(1);
    expect(dec.stats.runts).toBe(1);
    expect(dec.stats.bytesDiscarded).toBe(4);
  });

  it('skips an oversize frame to the next delimiter and recovers', () => {
    const dec = new FrameDecoder({ maxPayload: 100 });
    const big = encodeFrame(new Uint8Array(500).fill(3));
    const ok = new Uint8Array(100).fill(5);
    const got: Uint8Array[] = [];
    for (let i = 0; i < big.length; i += 37) got.push(...dec.push(big.subarray(i, i + 37)));
    got.push(...dec.push(encodeFrame(ok)));
    expect(got).toEqual([ok]);
    expect(dec.stats.oversize).toBe(1);
    expect(dec.stats.bytesDiscarded).toBe(big.length - 1);
    expect(dec.pending).toBe(0);
    // A zero-heavy payload just over the limit is caught after decoding.
    const zeros = new FrameDecoder({ maxPayload: 300 });
    expect(zeros.push(encodeFrame(new Uint8Array(301)))).toEqual([]);
    expect(zeros.stats.oversize).toBe(1);
  });

  it('survives a throwing onError', () => {
    let calls = 0;
    const dec = new FrameDecoder({
      onError: () => {
        calls++;
        throw new Error('listener bug');
      },
    });
    const good = Uint8Array.of(1);
    const stream = Buffer.concat([Buffer.of(0x05, 0x00), encodeFrame(good), Buffer.of(0x05, 0x00)]);
    expect(dec.push(stream)).toEqual([good]);
    expect(calls).toBe(2);
    expect(dec.stats.cobsErrors).toBe(2);
  });

  it('rejects a bad maxPayload', () => {
    expect(() => new FrameDecoder({ maxPayload: -1 })).toThrow(RangeError);
  });

  it('decodes the documented hex stream', () => {
    const dec = new FrameDecoder();
    expect(dec.push(unhex('0c 08 01 9a 01 02 08 2a d8 8d 33 56 00'))).toEqual([
      unhex('08 01 9a 01 02 08 2a'),
    ]);
  });
});
