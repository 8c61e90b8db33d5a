import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkCodeFits,
  codeRange,
  codesToValues,
  packCodes,
  packedLength,
  unpackCodes,
  valuesToCodes,
} from '../../../drivers/serial/codes.js';
import { reducePrecision } from '../../../src/noise/quantise.js';
import { rng } from './rng.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('valuesToCodes / codesToValues', () => {
  const conv = { bits: 4, scale: 7, range: [-1, 1] as [number, number] };

  it('clips, scales and rounds ties toward zero', () => {
    const v = Float32Array.of(0.5, -1.2, 0.3, 1, 0, -0);
    expect(Array.from(valuesToCodes(v, conv))).toEqual([3, -7, 2, 7, 0, 0]);
    // Exact float32 ties at scale 4: 0.5, 1.5, 2.5 steps go toward zero.
    const quarter = { bits: 4, scale: 4, range: [-2, 2] as [number, number] };
    const ties = Float32Array.of(-0.125, 0.375, -0.625, 0.126, -0.376);
    expect(Array.from(valuesToCodes(ties, quarter))).toEqual([0, 1, -2, 1, -2]);
    expect(Object.is(valuesToCodes(Float32Array.of(-0.01), conv)[0], 0)).toBe(true);
  });

  it('agrees with the simulator RP on every value', () => {
    const r = rng(7);
    const p = 256;
    const c = { bits: 10, scale: p, range: [-1, 1] as [number, number] };
    const x = new Float32Array(20000);
    for (let i = 0; i < x.length; i++) {
      x[i] = i < 1000 ? Math.round((r.next() * 2 - 1) * 2 * p) / 2 / p : r.next() * 2 - 1;
    }
    const codes = valuesToCodes(x, c);
    const rp = reducePrecision(x, p, new Float32Array(x.length));
    expect(codesToValues(codes, c)).toEqual(rp);
  });

  it('names a non-finite value and a code that does not fit', () => {
    expect(() => valuesToCodes(Float32Array.of(0, NaN), conv)).toThrow(/value NaN at index 1/);
    expect(() => valuesToCodes(Float32Array.of(Infinity), conv)).toThrow(RangeError);
    expect(() =>
      valuesToCodes(Float32Array.of(1), { bits: 8, scale: 256, range: [-1, 1] }),
    ).toThrow(/code 256 does not fit in 8 bits/);
    expect(() => valuesToCodes(Float32Array.of(0), { ...conv, scale: 0 })).toThrow(/scale/);
  });

  it('maps codes back to code / scale', () => {
    expect(Array.from(codesToValues(Int32Array.of(-7, 0, 2), conv))).toEqual(
      Array.from(Float32Array.of(-1, 0, 2 / 7)),
    );
  });
});

describe('packCodes / unpackCodes', () => {
  it('reproduces the worked examples of docs/protocol.md', () => {
    expect(hex(packCodes(Int32Array.of(3, -7, 2, 7), 4))).toBe('9372');
    expect(hex(packCodes(Int32Array.of(3, -4, 1, -1, 2), 3))).toBe('632e');
    expect(Array.from(unpackCodes(Uint8Array.of(0x63, 0x2e), 3, 5))).toEqual([3, -4, 1, -1, 2]);
    expect(hex(packCodes(Int32Array.of(-2, 127, -128), 8))).toBe('fe7f80');
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    const conv = { bits: 4, scale: 7, range: [-1, 1] as [number, number] };
    const codes = valuesToCodes(Float32Array.of(0.5, -1.2, 0.3, 1.0), conv);
    expect(Array.from(codes)).toEqual([3, -7, 2, 7]);
    expect(doc).toContain(
      'DAC `{ bits: 4, scale: 7, range: [-1, 1] }`, input values\n`[0.5, -1.2, 0.3, 1.0]`',
    );
    expect(doc).toContain('code        3     -7     2     7 ');
    expect(doc).toContain(`packed      ${hex(packCodes(codes, 4)).replace(/(..)(?!$)/g, '$1 ')}\n`);
    expect(doc).toContain('Codes `[3, -4, 1, -1, 2]` at 3 bits');
    expect(doc).toContain(
      `packed  ${hex(packCodes(Int32Array.of(3, -4, 1, -1, 2), 3)).replace(/(..)(?!$)/g, '$1 ')}\n`,
    );
    expect(hex(packCodes(Int32Array.of(-2, 300), 16))).toBe('feff2c01');
  });

  it('round-trips every width 1..32 at the boundaries and at random', () => {
    const r = rng(3);
    for (let bits = 1; bits <= 32; bits++) {
      const [min, max] = codeRange(bits);
      for (const count of [0, 1, 2, 7, 8, 9, 33, 257]) {
        const codes = new Int32Array(count);
        for (let i = 0; i < count; i++) {
          codes[i] =
            i % 4 === 0 ? min : i % 4 === 1 ? max : min + Math.floor(r.next() * (max - min + 1));
        }
        const packed = packCodes(codes, bits);
        expect(packed.length).toBe(packedLength(count, bits));
        expect(unpackCodes(packed, bits, count)).toEqual(codes);
        // Padding bits of the last byte are zero.
        const used = (count * bits) % 8;
        if (used) expect(packed[packed.length - 1] >> used).toBe(0);
      }
      expect(unpackCodes(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff), bits, 1)[0]).toBe(-1);
    }
  });

  it('checks widths, fits and lengths', () => {
    expect(codeRange(1)).toEqual([-1, 0]);
    expect(codeRange(16)).toEqual([-32768, 32767]);
    expect(() => checkCodeFits(8, 4)).toThrow(
      /code 8 does not fit in 4 bits \(two's complement range -8\.\.7\)/,
    );
    expect(() => checkCodeFits(-9, 4)).toThrow(RangeError);
    expect(() => checkCodeFits(1.5, 4)).toThrow(RangeError);
    expect(() => packCodes(Int32Array.of(0, 128), 8)).toThrow(/code 128 does not fit in 8 bits/);
    expect(() => packCodes(Int32Array.of(1), 1)).toThrow(/code 1 does not fit in 1 bits/);
    expect(() => packCodes(Int32Array.of(1), 0)).toThrow(/1\.\.32/);
    expect(() => packCodes(Int32Array.of(1), 33)).toThrow(RangeError);
    expect(() => unpackCodes(Uint8Array.of(1), 3, 3)).toThrow(
      /3 codes of 3 bits need 2 bytes, got 1/,
    );
    expect(unpackCodes(Uint8Array.of(1, 2, 3), 8, 2)).toEqual(Int32Array.of(1, 2));
  });
});
