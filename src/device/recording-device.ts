import type { Observable } from 'rxjs';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  ProgramContext,
  Telemetry,
  TileId,
} from './device.js';
import { settleWithRequestIds } from './request-id.js';
import {
  contextForTrace,
  encodeFloats,
  errorForTrace,
  traceHeader,
  TraceWriter,
  type MatmulEntry,
  type ProgramEntry,
} from './trace.js';

export interface RecordingOptions {
  /** Free text stored in the trace header, e.g. the inner device's URI. */
  source?: string;
}

/**
 * A Device wrapper that logs every product to a trace (see trace.ts) and otherwise passes
 * everything through unchanged, so the session can later be answered by `replay:`.
 * Failed calls are logged with their error and rethrown.
 */
export class RecordingDevice implements Device {
  readonly telemetry$: Observable<Telemetry>;
  private readonly writer: TraceWriter;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly inner: Device,
    readonly traceFile: string,
    options: RecordingOptions = {},
  ) {
    this.telemetry$ = inner.telemetry$;
    this.writer = new TraceWriter(traceFile, traceHeader(inner.info(), options.source));
  }

  info(): DeviceInfo {
    return this.inner.info();
  }

  /** How many calls have been recorded (started) so far. */
  get calls(): number {
    return this.seq;
  }

  async program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void> {
    // Inputs are captured before the call: a caller may reuse the buffer once it resolves.
    const entry: ProgramEntry = {
      type: 'program',
      seq: ++this.seq,
      time: Date.now(),
      durationMs: 0,
      tile,
      rows,
      cols,
      inputs: encodeFloats(W),
    };
    const t0 = performance.now();
    const r = await settleWithRequestIds(() => this.inner.program(tile, W, rows, cols, ctx));
    entry.durationMs = performance.now() - t0;
    if (r.requestIds.length) entry.requestIds = r.requestIds;
    if (!r.ok) entry.error = errorForTrace(r.error);
    this.writer.write(entry);
    if (!r.ok) throw r.error;
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    const entry: MatmulEntry = {
      type: 'matmul',
      seq: ++this.seq,
      time: Date.now(),
      durationMs: 0,
      tile,
      batch,
      cols: batch > 0 ? X.length / batch : 0,
      ctx: contextForTrace(ctx),
      inputs: encodeFloats(X),
    };
    const t0 = performance.now();
    const r = await settleWithRequestIds(() => this.inner.matmul(tile, X, batch, ctx));
    entry.durationMs = performance.now() - t0;
    if (r.requestIds.length) entry.requestIds = r.requestIds;
    if (r.ok) {
      entry.rows = batch > 0 ? r.value.length / batch : 0;
      entry.outputs = encodeFloats(r.value);
    } else {
      entry.error = errorForTrace(r.error);
    }
    this.writer.write(entry);
    if (!r.ok) throw r.error;
    return r.value;
  }

  /** Closes the inner device, then the trace file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.inner.close();
    } finally {
      this.writer.close();
    }
  }
}
