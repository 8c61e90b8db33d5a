/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): removes every 0x00 from a byte
 * string at a cost of at most one byte per 254, so 0x00 can delimit frames on the serial line and
 * a receiver resynchronises at the next 0x00 whatever garbage came before.
 *
 * Encoding: the output is a sequence of blocks, each a code byte c (1..255) followed by c - 1
 * non-zero data bytes; a block with c < 255 stands for its data followed by one 0x00, except the
 * last block of the input; c = 255 means 254 data bytes and no 0x00. The encoder emits no empty
 * trailing block after a final 255 block; the decoder accepts both forms.
 */

/** Largest encoded size of n bytes: one code byte per started run of 254, plus one. */
export function cobsMaxEncodedLength(n: number): number {
  return n + Math.floor(n / 254) + 1;
}

/** Encodes `data`; the result contains no 0x00 (the caller appends the delimiter). */
export function cobsEncode(data: Uint8Array): Uint8Array {
  const n = data.length;
  const out = new Uint8Array(cobsMaxEncodedLength(n));
  let codeAt = 0;
  let o = 1;
  let code = 1;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) {
      out[codeAt] = code;
      codeAt = o++;
      code = 1;
    } else {
      out[o++] = b;
      code++;
      // A full block carries no implied zero; open the next one only if input remains.
      if (code === 0xff && i + 1 < n) {
        out[codeAt] = code;
        codeAt = o++;
        code = 1;
      }
    }
  }
  out[codeAt] = code;
  return out.subarray(0, o);
}

/** Thrown by cobsDecode on input no encoder could have produced. */
export class CobsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CobsError';
  }
}

/**
 * Decodes one COBS-encoded block sequence (without its 0x00 delimiter). Throws a CobsError when the
 * input is empty, contains 0x00, or a code byte promises more bytes than remain.
 */
export function cobsDecode(data: Uint8Array): Uint8Array {
  const n = data.length;
  if (n === 0) throw new CobsError('COBS: empty input (an encoding has at least one code byte)');
  const out = new Uint8Array(n - 1);
  let o = 0;
  let i = 0;
  while (i < n) {
    const code = data[i];
    if (code === 0) throw new CobsError(`COBS: zero byte at offset ${i}`);
    const end = i + code;
    if (end > n) {
      throw new CobsError(
        `COBS: code ${code} at offset ${i} needs ${code - 1} bytes but only ${n - i - 1} remain`,
      );
    }
    for (i++; i < end; i++) {
      const b = data[i];
      if (b === 0) throw new CobsError(`COBS: zero byte at offset ${i}`);
      out[o++] = b;
    }
    if (code !== 0xff && i < n) out[o++] = 0;
  }
  return out.subarray(0, o);
}
