/**
 * Converter codes on the wire (docs/protocol.md, "Codes and packing"). Values never travel as
 * float32: the host turns them into the signed integer codes a DAC would see, packs them at the
 * converter's bit depth, and the board answers with packed ADC codes.
 *
 * value -> code: clip to [lo, hi], then code = sign(g) ceil(|g| - 1/2) with g = value * scale,
 * i.e. round to nearest with ties toward zero, the simulator's RP (src/noise/quantise.ts), so a
 * board and the simulator agree on every code. code -> value: code / scale.
 */

/** A converter as DeviceInfo describes it (Converter message): code width, codes per unit, range. */
export interface CodeConversion {
  /** Code width in bits, 1..32 (two's complement). */
  bits: number;
  /** Codes per unit value (precision p): value = code / scale. */
  scale: number;
  /** Values are clipped to [lo, hi] before rounding. */
  range: readonly [number, number];
}

/** Throws unless bits is an integer in 1..32. */
export function checkBits(bits: number): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > 32) {
    throw new RangeError(`code width must be an integer number of bits in 1..32, got ${bits}`);
  }
}

/** The codes a `bits`-wide two's complement field holds: [-2^(bits-1), 2^(bits-1) - 1]. */
export function codeRange(bits: number): [number, number] {
  checkBits(bits);
  const half = 2 ** (bits - 1);
  return [-half, half - 1];
}

/** Throws a RangeError naming the code and the width if `code` does not fit in `bits`. */
export function checkCodeFits(code: number, bits: number): void {
  const [min, max] = codeRange(bits);
  if (!(Number.isInteger(code) && code >= min && code <= max)) {
    throw new RangeError(
      `code ${code} does not fit in ${bits} bits (two's complement range ${min}..${max})`,
    );
  }
}

function checkConversion(conv: CodeConversion): void {
  checkBits(conv.bits);
  if (!(Number.isFinite(conv.scale) && conv.scale > 0)) {
    throw new RangeError(`code scale must be finite and > 0, got ${conv.scale}`);
  }
  const [lo, hi] = conv.range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(`code range must be finite [lo, hi] with lo <= hi, got [${lo}, ${hi}]`);
  }
}

/**
 * Values to codes: clip, scale, round (ties toward zero). Throws a RangeError naming the value
 * and its index if a value is NaN or infinite, and one naming the code if the converter's range
 * times its scale does not fit its bit width (a misdescribed board, caught before any write).
 */
export function valuesToCodes(values: Float32Array, conv: CodeConversion): Int32Array {
  checkConversion(conv);
  const [lo, hi] = conv.range;
  const { scale, bits } = conv;
  const [min, max] = codeRange(bits);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`value ${v} at index ${i} is not finite`);
    const g = (v < lo ? lo : v > hi ? hi : v) * scale;
    const r = Math.ceil(Math.abs(g) - 0.5);
    const code = g < 0 ? -r : r;
    if (code < min || code > max) checkCodeFits(code, bits);
    codes[i] = code;
  }
  return codes;
}

/** Codes to values: code / scale (no clipping: the board's ADC range already bounds them). */
export function codesToValues(codes: Int32Array, conv: CodeConversion): Float32Array {
  checkConversion(conv);
  const values = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) values[i] = codes[i] / conv.scale;
  return values;
}

/** Bytes that `count` codes of `bits` bits occupy when packed. */
export function packedLength(count: number, bits: number): number {
  checkBits(bits);
  return Math.ceil((count * bits) / 8);
}

/**
 * Packs codes as a little-endian bit stream: bit j of code i is bit (i * bits + j) of the stream,
 * and stream bit k is bit k mod 8 of byte floor(k / 8). No padding between codes; the last byte
 * is zero-padded. At 8 bits this is an int8 array, at 16 bits an int16 little-endian array.
 * Throws a RangeError (naming code and width) if a code does not fit.
 */
export function packCodes(codes: Int32Array, bits: number): Uint8Array {
  const [min, max] = codeRange(bits);
  const out = new Uint8Array(packedLength(codes.length, bits));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < min || c > max) checkCodeFits(c, bits);
  }
  if (bits === 8) {
    for (let i = 0; i < codes.length; i++) out[i] = codes[i] & 0xff;
    return out;
  }
  if (bits === 16) {
    for (let i = 0, o = 0; i < codes.length; i++, o += 2) {
      out[o] = codes[i] & 0xff;
      out[o + 1] = (codes[i] >> 8) & 0xff;
    }
    return out;
  }
  // General case: an accumulator of at most 39 bits, kept as a float64 so 32-bit codes fit.
  const span = 2 ** bits;
  let acc = 0;
  let accBits = 0;
  let o = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    acc += (c < 0 ? c + span : c) * 2 ** accBits;
    accBits += bits;
    while (accBits >= 8) {
      out[o++] = acc % 256;
      acc = Math.floor(acc / 256);
      accBits -= 8;
    }
  }
  if (accBits > 0) out[o] = acc;
  return out;
}

/**
 * Unpacks `count` codes of `bits` bits (the inverse of packCodes), sign-extending each. Throws a
 * RangeError if `bytes` is shorter than packedLength(count, bits); extra bytes are ignored (the
 * session checks exact lengths against the message's shape).
 */
export function unpackCodes(bytes: Uint8Array, bits: number, count: number): Int32Array {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`code count must be a non-negative integer, got ${count}`);
  }
  const need = packedLength(count, bits);
  if (bytes.length < need) {
    throw new RangeError(`${count} codes of ${bits} bits need ${need} bytes, got ${bytes.length}`);
  }
  const codes = new Int32Array(count);
  if (bits === 8) {
    for (let i = 0; i < count; i++) codes[i] = (bytes[i] << 24) >> 24;
    return codes;
  }
  if (bits === 16) {
    for (let i = 0, p = 0; i < count; i++, p += 2)
      codes[i] = ((bytes[p] | (bytes[p + 1] << 8)) << 16) >> 16;
    return codes;
  }
  const span = 2 ** bits;
  const half = span / 2;
  let acc = 0;
  let accBits = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    while (accBits < bits) {
      acc += bytes[p++] * 2 ** accBits;
      accBits += 8;
    }
    const u = acc % span;
    acc = Math.floor(acc / span);
    accBits -= bits;
    codes[i] = u >= half ? u - span : u;
  }
  return codes;
}
