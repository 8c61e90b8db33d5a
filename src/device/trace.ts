import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { DeviceInfo, ProductContext } from './device.js';
import { DeviceError } from './errors.js';

/**
 * The hardware trace: one JSON object per line. Line 1 is the header (the device's info); every
 * further line is one program() or matmul() call with its inputs and outputs, so a bench session
 * can be re-run bit-exactly in CI (`replay:` URI). Float arrays are base64 of little-endian
 * float32, so values round-trip exactly and a trace stays a fraction of the JSON-number size.
 *
 * Lines are written when a call settles, so with pipelined products they may appear out of
 * order; `seq` is the call order (1, 2, ...) and readers sort by it.
 */

export const TRACE_SCHEMA_ID = 'analoop.trace/1';

const RangeJson = z.tuple([z.number(), z.number()]);

// Loose: fields a newer DeviceInfo gains are kept, so replay's info() still equals the original.
const DeviceInfoJson = z.looseObject({
  kind: z.enum(['photonic', 'memristive', 'simulated', 'ideal']),
  model: z.string(),
  firmware: z.string(),
  serial: z.string(),
  rows: z.number().int(),
  cols: z.number().int(),
  inputBits: z.number(),
  outputBits: z.number(),
  weightBits: z.number(),
  inputRange: RangeJson,
  outputRange: RangeJson,
  weightRange: RangeJson,
  maxBatch: z.number().int(),
  profileId: z.string().optional(),
  inputConversion: z.enum(['per-element', 'per-source']).optional(),
});

const TraceHeaderSchema = z.object({
  type: z.literal('header'),
  schema: z.literal(TRACE_SCHEMA_ID),
  /** ISO time the recording started. */
  created: z.string(),
  /** What was recorded, e.g. the device URI; free text. */
  source: z.string().optional(),
  info: DeviceInfoJson,
});

/** A failed call is recorded too, so replay fails the same way at the same point. */
const TraceErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
});

const common = {
  /** Call order, from 1. */
  seq: z.number().int().positive(),
  /** Milliseconds since the Unix epoch when the call was made, and how long it took. */
  time: z.number(),
  durationMs: z.number(),
  tile: z.number().int().nonnegative(),
  /**
   * The wire request ids the driver used (several when it split the call), when the device is a
   * board behind a link and its driver reports them (request-id.ts).
   */
  requestIds: z.array(z.number().int().nonnegative()).optional(),
  error: TraceErrorSchema.optional(),
};

const ProgramEntrySchema = z.object({
  type: z.literal('program'),
  ...common,
  rows: z.number().int(),
  cols: z.number().int(),
  /** W, rows x cols, as given to program() (before any clamping). */
  inputs: z.string(),
});

const MatmulEntrySchema = z.object({
  type: z.literal('matmul'),
  ...common,
  batch: z.number().int(),
  /** Columns of X (X.length / batch; 0 when batch is 0). */
  cols: z.number().int(),
  /** Columns of Y; absent when the call failed. */
  rows: z.number().int().optional(),
  ctx: z
    .object({
      draw: z.number(),
      rowOffset: z.number(),
      /** ProductContext.inputSource as base64 of little-endian int32. */
      inputSource: z.string().optional(),
      sourceOffset: z.number().optional(),
      sourceTile: z.number().optional(),
    })
    .nullable(),
  inputs: z.string(),
  outputs: z.string().optional(),
});

const TraceEntrySchema = z.discriminatedUnion('type', [ProgramEntrySchema, MatmulEntrySchema]);

export type TraceHeader = z.output<typeof TraceHeaderSchema>;
export type TraceError = z.output<typeof TraceErrorSchema>;
export type ProgramEntry = z.output<typeof ProgramEntrySchema>;
export type MatmulEntry = z.output<typeof MatmulEntrySchema>;
export type TraceEntry = z.output<typeof TraceEntrySchema>;

export interface Trace {
  header: TraceHeader;
  /** Sorted by seq, contiguous from 1. */
  entries: TraceEntry[];
  /** Entries after a missing seq (a session killed mid-call), left out of `entries`. */
  ignored?: number;
}

/** float32 values -> base64 of their little-endian bytes. */
export function encodeFloats(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** base64 of little-endian float32 bytes -> a fresh Float32Array (aligned copy). */
export function decodeFloats(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) {
    throw new RangeError(`float32 data of ${bytes.length} bytes is not a multiple of 4`);
  }
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export type TraceContext = NonNullable<MatmulEntry['ctx']>;

/** A ProductContext as stored in a trace (all its fields, so replay can compare them). */
export function contextForTrace(ctx: ProductContext | undefined): TraceContext | null {
  if (!ctx) return null;
  const c: TraceContext = { draw: ctx.draw, rowOffset: ctx.rowOffset };
  if (ctx.inputSource !== undefined) {
    const s = ctx.inputSource;
    c.inputSource = Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64');
  }
  if (ctx.sourceOffset !== undefined) c.sourceOffset = ctx.sourceOffset;
  if (ctx.sourceTile !== undefined) c.sourceTile = ctx.sourceTile;
  return c;
}

export function traceHeader(info: DeviceInfo, source?: string): TraceHeader {
  const h: TraceHeader = {
    type: 'header',
    schema: TRACE_SCHEMA_ID,
    created: new Date().toISOString(),
    info: {
      ...info,
      inputRange: [info.inputRange[0], info.inputRange[1]],
      outputRange: [info.outputRange[0], info.outputRange[1]],
      weightRange: [info.weightRange[0], info.weightRange[1]],
    },
  };
  if (source !== undefined) h.source = source;
  return h;
}

export function errorForTrace(err: unknown): TraceError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: err.name, message: err.message, code }
      : { name: err.name, message: err.message };
  }
  return { name: 'Error', message: String(err) };
}

/**
 * Appends trace lines with synchronous writes: a line is on disk as soon as its call settles,
 * so a crashed or killed session still leaves a usable trace up to that point.
 */
export class TraceWriter {
  private fd: number | undefined;

  constructor(
    readonly file: string,
    header: TraceHeader,
  ) {
    // A run directory may not exist yet when its device (and so its trace) is opened.
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
    this.line(header);
  }

  write(entry: TraceEntry): void {
    this.line(entry);
  }

  private line(obj: unknown): void {
    if (this.fd === undefined) throw new Error(`trace ${this.file} is closed`);
    writeSync(this.fd, JSON.stringify(obj) + '\n');
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

function traceError(file: string, line: number, message: string): DeviceError {
  return new DeviceError('bad-parameter', `trace ${file}, line ${line}: ${message}`);
}

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0]!;
  return `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`;
}

/** Parse trace text; errors name the file and line. */
export function parseTrace(text: string, file = '(trace)'): Trace {
  const lines = text.split('\n');
  let header: TraceHeader | undefined;
  const entries: TraceEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      // A session killed mid-write leaves a torn last line: ignore only that one.
      if (lines.slice(i + 1).every((l) => l.trim() === '')) break;
      throw traceError(file, i + 1, `not JSON (${(e as Error).message})`);
    }
    if (!header) {
      const h = TraceHeaderSchema.safeParse(json);
      if (!h.success) {
        throw traceError(
          file,
          i + 1,
          `expected the header {"type":"header","schema":"${TRACE_SCHEMA_ID}",...}: ${firstIssue(h.error)}`,
        );
      }
      header = h.data;
      continue;
    }
    const e = TraceEntrySchema.safeParse(json);
    if (!e.success) throw traceError(file, i + 1, `bad entry: ${firstIssue(e.error)}`);
    entries.push(e.data);
  }
  if (!header) throw traceError(file, 1, 'empty trace: no header line');
  entries.sort((a, b) => a.seq - b.seq);
  // A session killed with products in flight can leave a gap: keep the complete prefix.
  let n = 0;
  while (n < entries.length && entries[n]!.seq === n + 1) n++;
  const ignored = entries.length - n;
  entries.length = n;
  return ignored ? { header, entries, ignored } : { header, entries };
}

export async function readTrace(file: string): Promise<Trace> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DeviceError('bad-parameter', `cannot read trace ${file}: ${(e as Error).message}`);
  }
  return parseTrace(text, file);
}
