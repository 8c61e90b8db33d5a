import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Test-side encoders for the on-disk formats, so loaders are tested on files we control. */

/** An unsigned-byte IDX file: magic 0x0000 08 <ndims>, big-endian dims, then the bytes. */
export function encodeIdx(dims: number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x0800 | dims.length, 0);
  dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([header, Buffer.from(data)]);
}

/** CIFAR binary records: label byte(s), then 3072 pixel bytes (R, G, B planes). */
export function encodeCifar(records: { labels: number[]; pixels: Uint8Array }[]): Buffer {
  return Buffer.concat(
    records.map((r) => {
      if (r.pixels.length !== 3072) throw new Error('a CIFAR record has 3072 pixel bytes');
      return Buffer.concat([Buffer.from(r.labels), Buffer.from(r.pixels)]);
    }),
  );
}

export async function writeFiles(dir: string, files: Record<string, Uint8Array>, gzip = false) {
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(join(dir, name), gzip ? gzipSync(bytes) : bytes);
  }
}

/** A fresh temporary directory and its cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'analoop-data-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Deterministic test bytes: a cheap LCG, so fixtures differ per sample and per pixel. */
export function bytesFrom(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
