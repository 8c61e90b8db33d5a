import { describe, expect, it } from 'vitest';
import {
  cobsDecode,
  cobsEncode,
  cobsMaxEncodedLength,
  CobsError,
} from '../../../drivers/serial/cobs.js';
import { rng } from './rng.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const seq = (n: number, from = 1): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => ((from - 1 + i) % 255) + 1);

function roundTrip(data: Uint8Array): Uint8Array {
  const enc = cobsEncode(data);
  expect(enc.includes(0)).toBe(false);
  expect(enc.length).toBeLessThanOrEqual(cobsMaxEncodedLength(data.length));
  expect(cobsDecode(enc)).toEqual(data);
  return enc;
}

describe('COBS', () => {
  it('matches the published examples', () => {
    expect(hex(roundTrip(Uint8Array.of()))).toBe('01');
    expect(hex(roundTrip(Uint8Array.of(0)))).toBe('0101');
    expect(hex(roundTrip(Uint8Array.of(0, 0)))).toBe('010101');
    expect(hex(roundTrip(Uint8Array.of(0, 0x11, 0)))).toBe('01021101');
    expect(hex(roundTrip(Uint8Array.of(0x11, 0x22, 0, 0x33)))).toBe('0311220233');
    expect(hex(roundTrip(Uint8Array.of(0x11, 0x22, 0x33, 0x44)))).toBe('0511223344');
    expect(hex(roundTrip(Uint8Array.of(0x11, 0, 0, 0)))).toBe('0211010101');
  });

  it('handles runs of 254 and 255 non-zero bytes', () => {
    const r254 = roundTrip(seq(254));
    expect(r254.length).toBe(255);
    expect(r254[0]).toBe(0xff);
    const r255 = roundTrip(seq(255));
    expect(hex(r255.subarray(0, 1))).toBe('ff');
    expect(hex(r255.subarray(255))).toBe('02ff');
    const z254 = roundTrip(Uint8Array.of(0, ...seq(254)));
    expect(hex(z254.subarray(0, 2))).toBe('01ff');
    expect(z254.length).toBe(256);
    roundTrip(Uint8Array.of(...seq(254), 0));
    roundTrip(Uint8Array.of(...seq(254), 0, ...seq(254)));
    roundTrip(seq(254 * 3));
    roundTrip(seq(254 * 3 + 1));
    // The variant with an empty trailing block after a full one decodes the same.
    expect(cobsDecode(Uint8Array.of(...r254, 0x01))).toEqual(seq(254));
  });

  it('handles all-zero input', () => {
    for (const n of [1, 2, 253, 254, 255, 1000]) {
      const enc = roundTrip(new Uint8Array(n));
      expect(enc).toEqual(new Uint8Array(n + 1).fill(1));
    }
  });

  it('round-trips random data', () => {
    const r = rng(1);
    for (let t = 0; t < 500; t++) {
      const n = r.int(t < 250 ? 600 : 5);
      const d = r.bytes(n);
      if (t % 3 === 0) for (let i = 0; i < n; i++) if (r.next() < 0.9) d[i] = d[i] || 1;
      roundTrip(d);
    }
  });

  it('rejects malformed input', () => {
    expect(() => cobsDecode(Uint8Array.of())).toThrow(CobsError);
    expect(() => cobsDecode(Uint8Array.of(0x03, 0x11))).toThrow(/needs 2 bytes/);
    expect(() => cobsDecode(Uint8Array.of(0x02, 0x00))).toThrow(/zero byte at offset 1/);
    expect(() => cobsDecode(Uint8Array.of(0x00))).toThrow(/zero byte at offset 0/);
    expect(() => cobsDecode(Uint8Array.of(0xff, ...seq(200)))).toThrow(CobsError);
  });
});
