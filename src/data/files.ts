import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DatasetError } from './errors.js';

const gunzipAsync = promisify(gunzip);

/** True when the buffer starts with the gzip magic bytes 0x1f 0x8b. */
export function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** A dataset file's (decompressed) contents. */
export interface DataFile {
  file: string;
  bytes: Buffer;
  /** The file on disk was gzip-compressed; `bytes` is the decompressed content. */
  gzipped: boolean;
}

/**
 * Reads a dataset file whole, transparently gunzipping it when it starts with the gzip magic
 * (whatever its name says). Failures name the file and what it was supposed to hold.
 */
export async function readDataFile(file: string, expected: string): Promise<DataFile> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? String(err)})`;
    throw new DatasetError(`${why}; expected ${expected}`, file, { cause: err });
  }
  if (!isGzip(buf)) return { file, bytes: buf, gzipped: false };
  try {
    return { file, bytes: await gunzipAsync(buf), gzipped: true };
  } catch (err) {
    throw new DatasetError(
      `starts with the gzip magic 0x1f8b but does not decompress (${(err as Error).message}); ` +
        `expected gzip-compressed ${expected}`,
      file,
      { cause: err },
    );
  }
}

/** Fails with a message naming `dir` unless it is an existing directory. */
export async function requireDirectory(dir: string, expected: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (err) {
    throw new DatasetError(`directory not found; expected ${expected}`, dir, { cause: err });
  }
  if (!isDir) throw new DatasetError(`is not a directory; expected ${expected}`, dir);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first of `names` present in `dir`. When none is, the error names the first (canonical)
 * file and lists the alternatives tried.
 */
export async function findFile(
  dir: string,
  names: readonly string[],
  expected: string,
): Promise<string> {
  for (const name of names) {
    const file = join(dir, name);
    if (await exists(file)) return file;
  }
  const others = names.slice(1);
  const tried = others.length ? ` (also tried ${others.join(', ')})` : '';
  throw new DatasetError(`file not found${tried}; expected ${expected}`, join(dir, names[0]));
}
