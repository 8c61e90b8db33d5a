/**
 * Frames on the serial line (docs/protocol.md, "Framing"):
 *
 *   frame = COBS(payload ++ CRC-32(payload) as 4 bytes little-endian) ++ 0x00
 *
 * CRC-32 is CRC-32/ISO-HDLC, the one zlib, Ethernet and PNG use (zlib.crc32 in Node >= 20.15).
 * COBS keeps 0x00 out of the frame body, so a receiver that lost sync (a corrupted, dropped or
 * inserted byte) only loses the frames the damage touches: everything up to the next 0x00 is
 * dropped and decoding resumes there. The CRC catches what COBS cannot (a flipped non-zero byte).
 */
import { crc32 } from 'node:zlib';
import { cobsDecode, cobsEncode, cobsMaxEncodedLength } from './cobs.js';

/** Bytes of CRC appended to every payload. */
export const CRC_BYTES = 4;
/** Frame delimiter. */
export const FRAME_DELIMITER = 0x00;
/** Default largest payload a FrameDecoder accepts (the envelope, before CRC and COBS). */
export const DEFAULT_MAX_PAYLOAD = 1 << 20;

/** Wire size of a frame carrying `payloadLength` bytes, worst case over payload contents. */
export function maxFrameLength(payloadLength: number): number {
  return cobsMaxEncodedLength(payloadLength + CRC_BYTES) + 1;
}

/** Encodes one payload (an encoded Envelope) as a complete frame, delimiter included. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const raw = new Uint8Array(payload.length + CRC_BYTES);
  raw.set(payload, 0);
  new DataView(raw.buffer).setUint32(payload.length, crc32(payload), true);
  const body = cobsEncode(raw);
  const frame = Buffer.allocUnsafe(body.length + 1);
  frame.set(body, 0);
  frame[body.length] = FRAME_DELIMITER;
  return frame;
}

/** Why a frame was dropped. 'runt': it decoded to fewer than 4 bytes, too short to hold a CRC. */
export type FrameErrorKind = 'crc' | 'cobs' | 'oversize' | 'runt';

export interface FrameDecoderStats {
  /** Good frames returned. */
  frames: number;
  crcErrors: number;
  cobsErrors: number;
  /** Frames longer than the limit (their bytes are skipped up to the next 0x00). */
  oversize: number;
  runts: number;
  /** Bytes thrown away with bad frames (delimiters not counted). */
  bytesDiscarded: number;
}

export interface FrameDecoderOptions {
  /** Largest payload accepted, in bytes (default 1 MiB); bounds the decoder's memory. */
  maxPayload?: number;
  /**
   * Called once per dropped frame, synchronously inside push(), for logging and link statistics.
   * An exception it throws is ignored: a diagnostics listener must not break the data path, and
   * push() never throws.
   */
  onError?: (kind: FrameErrorKind, detail: string) => void;
}

/**
 * Splits a byte stream into CRC-checked payloads. Chunks may split frames anywhere. Never throws,
 * does O(bytes) work per push, and buffers at most one frame of at most the size limit.
 * Empty frames (consecutive 0x00 delimiters, which a sender may use to flush a line) are skipped
 * silently. The first frame after attaching to a live line is usually a fragment and counts as
 * an error.
 */
export class FrameDecoder {
  readonly stats: FrameDecoderStats = {
    frames: 0,
    crcErrors: 0,
    cobsErrors: 0,
    oversize: 0,
    runts: 0,
    bytesDiscarded: 0,
  };
  readonly maxPayload: number;
  /** Largest encoded frame body (without delimiter) that can hold a maxPayload payload. */
  private readonly maxEncoded: number;
  private readonly onError?: (kind: FrameErrorKind, detail: string) => void;
  private buf = new Uint8Array(256);
  private len = 0;
  /** True after an oversize frame, until its delimiter. */
  private skipping = false;

  constructor(options: FrameDecoderOptions = {}) {
    const maxPayload = options.maxPayload ?? DEFAULT_MAX_PAYLOAD;
    if (!Number.isSafeInteger(maxPayload) || maxPayload < 0) {
      throw new RangeError(
        `FrameDecoder: maxPayload must be a non-negative integer, got ${maxPayload}`,
      );
    }
    this.maxPayload = maxPayload;
    this.maxEncoded = cobsMaxEncodedLength(maxPayload + CRC_BYTES);
    this.onError = options.onError;
  }

  /** Bytes held for a frame not yet delimited (for diagnostics). */
  get pending(): number {
    return this.len;
  }

  /** Feeds received bytes; returns the payloads of the frames they completed, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    let pos = 0;
    const n = chunk.length;
    while (pos < n) {
      const zero = chunk.indexOf(FRAME_DELIMITER, pos);
      this.take(chunk, pos, zero < 0 ? n : zero);
      if (zero < 0) break;
      if (this.skipping) this.skipping = false;
      else if (this.len > 0) this.finish(out);
      this.len = 0;
      pos = zero + 1;
    }
    return out;
  }

  /** Drops any partial frame, e.g. after the link was reopened. */
  reset(): void {
    if (this.len > 0 && !this.skipping) this.stats.bytesDiscarded += this.len;
    this.len = 0;
    this.skipping = false;
  }

  /** Appends chunk[from, to) to the current frame, or starts skipping if it grows too long. */
  private take(chunk: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (count === 0) return;
    if (this.skipping) {
      this.stats.bytesDiscarded += count;
      return;
    }
    const need = this.len + count;
    if (need > this.maxEncoded) {
      this.stats.bytesDiscarded += need;
      this.len = 0;
      this.skipping = true;
      this.fail(
        'oversize',
        `frame exceeds ${this.maxEncoded} encoded bytes (max payload ${this.maxPayload})`,
        'oversize',
      );
      return;
    }
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.min(this.maxEncoded, Math.max(need, this.buf.length * 2)));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk.subarray(from, to), this.len);
    this.len = need;
  }

  /** Decodes the buffered frame body and appends its payload to `out` if it checks out. */
  private finish(out: Uint8Array[]): void {
    const body = this.buf.subarray(0, this.len);
    let raw: Uint8Array;
    try {
      raw = cobsDecode(body);
    } catch (e) {
      this.stats.bytesDiscarded += this.len;
      this.fail('cobs', (e as Error).message, 'cobsErrors');
      return;
    }
    if (raw.length < CRC_BYTES) {
      this.stats.bytesDiscarded += this.len;
      this.fail(
        'runt',
        `frame of ${raw.length} bytes cannot hold a ${CRC_BYTES}-byte CRC`,
        'runts',
      );
      return;
    }
    const payloadLength = raw.length - CRC_BYTES;
    if (payloadLength > this.maxPayload) {
      // Possible when zeros made the encoding shorter than the worst-case bound checked on input.
      this.stats.bytesDiscarded += this.len;
      this.fail(
        'oversize',
        `payload of ${payloadLength} bytes exceeds ${this.maxPayload}`,
        'oversize',
      );
      return;
    }
    const payload = raw.subarray(0, payloadLength);
    const sent = new DataView(raw.buffer, raw.byteOffset + payloadLength, CRC_BYTES).getUint32(
      0,
      true,
    );
    const got = crc32(payload);
    if (sent !== got) {
      this.stats.bytesDiscarded += this.len;
      this.fail(
        'crc',
        `CRC mismatch on a ${payloadLength}-byte payload: frame says 0x${hex32(sent)}, computed 0x${hex32(got)}`,
        'crcErrors',
      );
      return;
    }
    this.stats.frames++;
    out.push(payload);
  }

  private fail(
    kind: FrameErrorKind,
    detail: string,
    counter: 'crcErrors' | 'cobsErrors' | 'oversize' | 'runts',
  ): void {
    this.stats[counter]++;
    if (!this.onError) return;
    try {
      this.onError(kind, detail);
    } catch {
      // Deliberately ignored; see FrameDecoderOptions.onError.
    }
  }
}

function hex32(x: number): string {
  return x.toString(16).padStart(8, '0');
}
