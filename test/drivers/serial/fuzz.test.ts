/**
 * Fuzzing the frame decoder (issue 4, item 6): random bytes and mutated valid streams, fed in
 * random chunk splits. Every run is seeded. Properties: push never throws and returns promptly,
 * nothing but sent payloads ever comes out (in order, once), every non-empty delimited segment
 * is either a good frame or exactly one counted error, memory stays bounded, and a clean frame
 * is always recovered after the damage.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../../../drivers/serial/codec.js';
import { cobsMaxEncodedLength } from '../../../drivers/serial/cobs.js';
import { encodeFrame, FrameDecoder } from '../../../drivers/serial/framing.js';
import { rng } from './rng.js';

type Rng = ReturnType<typeof rng>;

/** Slowest single push allowed (ms): generous, so only a real hang or blow-up trips it. */
const PROMPT_MS = 250;

function errorsOf(d: FrameDecoder): number {
  const s = d.stats;
  return s.crcErrors + s.cobsErrors + s.oversize + s.runts;
}

/** Non-empty segments closed by a 0x00 in `stream` (what a decoder must account for). */
function closedSegments(stream: Uint8Array): number {
  let n = 0;
  let run = 0;
  for (const b of stream) {
    if (b === 0) {
      if (run > 0) n++;
      run = 0;
    } else run++;
  }
  return n;
}

/** Feeds `stream` to `dec` in random chunks of 0..maxChunk bytes, timing every push. */
function feed(dec: FrameDecoder, stream: Uint8Array, r: Rng, maxChunk: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos < stream.length) {
    const n = r.int(maxChunk + 1);
    const t0 = performance.now();
    out.push(...dec.push(stream.subarray(pos, pos + n)));
    expect(performance.now() - t0).toBeLessThan(PROMPT_MS);
    pos += n;
  }
  return out;
}

function randomPayload(r: Rng, i: number): Uint8Array {
  switch (r.int(4)) {
    case 0:
      return encodeEnvelope({ requestId: i + 1, ping: { nonce: r.int(2 ** 31) } });
    case 1:
      return encodeEnvelope({
        requestId: i + 1,
        matmulRequest: { tile: r.int(4), batch: 4, cols: 64, inputCodes: r.bytes(r.int(300)) },
      });
    case 2: {
      // Zero-heavy, the hard case for COBS.
      const p = r.bytes(r.int(600));
      for (let k = 0; k < p.length; k++) if (r.next() < 0.5) p[k] = 0;
      return p;
    }
    default:
      return r.bytes(r.int(40));
  }
}

type Mutation = 'flip' | 'drop' | 'insert' | 'truncate';
const MUTATIONS: Mutation[] = ['flip', 'drop', 'insert', 'truncate'];

/** Damages a frame (its delimiter included); returns the new bytes. */
function mutate(frame: Uint8Array, kind: Mutation, r: Rng): Uint8Array {
  const b = Array.from(frame);
  const times = 1 + r.int(3);
  for (let t = 0; t < times && b.length > 0; t++) {
    if (kind === 'flip') b[r.int(b.length)] ^= 1 << r.int(8);
    else if (kind === 'drop') b.splice(r.int(b.length), 1);
    else if (kind === 'insert') b.splice(r.int(b.length + 1), 0, r.next() < 0.2 ? 0 : r.int(256));
    else b.length = r.int(b.length);
  }
  return Uint8Array.from(b);
}

describe('FrameDecoder fuzzing', () => {
  it('takes 10,000 random chunks without throwing, and accounts for every segment', () => {
    const r = rng(2024);
    const big = new FrameDecoder();
    const small = new FrameDecoder({ maxPayload: 64 });
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 10_000; i++) {
      const n = r.int(i % 10 === 0 ? 4096 : 256);
      const c = r.bytes(n);
      // Every 50th chunk has no zeros at all, to drive frames past the size limit.
      if (i % 50 === 0) for (let k = 0; k < n; k++) c[k] ||= 1;
      chunks.push(c);
    }
    let outBig = 0;
    let outSmall = 0;
    let maxPush = 0;
    for (const c of chunks) {
      const t0 = performance.now();
      outBig += big.push(c).length;
      outSmall += small.push(c).length;
      maxPush = Math.max(maxPush, performance.now() - t0);
      expect(small.pending).toBeLessThanOrEqual(cobsMaxEncodedLength(64 + 4));
    }
    expect(maxPush).toBeLessThan(PROMPT_MS);
    const stream = Buffer.concat(chunks);
    // Segments closed by the stream itself, plus the one a final delimiter will close.
    const segments = closedSegments(stream) + (stream[stream.length - 1] === 0 ? 0 : 1);
    expect(segments).toBeGreaterThan(1000);
    // Random bytes pass a CRC-32 with probability 2^-32: nothing comes out.
    expect(outBig).toBe(0);
    expect(outSmall).toBe(0);
    const nonZero = stream.length - stream.filter((b) => b === 0).length;
    expect(big.stats.bytesDiscarded + big.pending).toBe(nonZero);
    // After the garbage: a delimiter closes the partial frame, and a clean frame comes through.
    const marker = Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0);
    const flush = Buffer.concat([Buffer.of(0), encodeFrame(marker)]);
    for (const d of [big, small]) {
      expect(d.push(flush)).toEqual([marker]);
      expect(d.pending).toBe(0);
      // Every non-empty segment was either a good frame or exactly one counted error.
      expect(d.stats.frames + errorsOf(d)).toBe(segments + 1);
    }
    expect(small.stats.oversize).toBeGreaterThan(0);
  });

  it('recovers from bit flips, dropped, inserted bytes and truncation in random chunk splits', () => {
    const r = rng(77);
    let damagedTotal = 0;
    for (let round = 0; round < 300; round++) {
      const count = 5 + r.int(40);
      const payloads = Array.from({ length: count }, (_, i) => randomPayload(r, i));
      const damaged = payloads.map(() => r.next() < 0.3);
      const parts = payloads.map((p, i) => {
        const f = encodeFrame(p);
        return damaged[i] ? mutate(f, MUTATIONS[r.int(MUTATIONS.length)], r) : f;
      });
      // Sometimes the line dies mid-frame: cut the whole stream short.
      let stream: Uint8Array = Buffer.concat(parts);
      if (r.next() < 0.2) stream = stream.subarray(0, r.int(stream.length + 1));
      // Where each frame's bytes ended up in the (possibly cut) stream.
      const complete: boolean[] = [];
      const present: boolean[] = [];
      let at = 0;
      for (const part of parts) {
        const seen = stream.subarray(at, Math.min(at + part.length, stream.length));
        complete.push(at + part.length <= stream.length);
        present.push(seen.some((b) => b !== 0));
        at += part.length;
      }

      const dec = new FrameDecoder({ maxPayload: 1024 });
      const got = feed(dec, stream, r, 1 + r.int(700));
      expect(dec.pending).toBeLessThanOrEqual(cobsMaxEncodedLength(1024 + 4));
      // A delimiter ends whatever is pending (it may complete a frame cut just before its 0x00),
      // and a clean frame after it always comes through.
      const marker = Uint8Array.of(round & 0xff, 0x5a, 0xa5);
      const flush = Buffer.concat([Buffer.of(0), encodeFrame(marker)]);
      got.push(...dec.push(flush));
      expect(got[got.length - 1]).toEqual(marker);
      got.pop();

      // Only sent payloads, in order, each at most once (the CRC guarantees it).
      let next = 0;
      const delivered = new Set<number>();
      for (const g of got) {
        while (next < count && !equal(payloads[next], g)) next++;
        expect(next).toBeLessThan(count);
        delivered.add(next++);
      }
      // Every intact frame after an intact one gets through.
      for (let i = 0; i < count; i++) {
        if (!damaged[i] && (i === 0 || !damaged[i - 1]) && complete[i])
          expect(delivered.has(i)).toBe(true);
      }
      // Each run of lost frames that the decoder has seen the end of is at least one counted error.
      // (A frame cut away entirely leaves nothing to count.)
      let lostRuns = 0;
      let inRun = false;
      let runSeen = false;
      for (let i = 0; i <= count; i++) {
        if (i < count && !delivered.has(i)) {
          inRun = true;
          runSeen ||= present[i];
          continue;
        }
        if (inRun && runSeen) lostRuns++;
        inRun = false;
        runSeen = false;
      }
      expect(errorsOf(dec)).toBeGreaterThanOrEqual(lostRuns);
      expect(dec.stats.frames + errorsOf(dec)).toBe(closedSegments(Buffer.concat([stream, flush])));
      damagedTotal += damaged.filter(Boolean).length;
    }
    expect(damagedTotal).toBeGreaterThan(1000);
  });
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
