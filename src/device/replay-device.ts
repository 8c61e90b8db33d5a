import { Subject } from 'rxjs';
import type { Device, DeviceInfo, ProductContext, Telemetry, TileId } from './device.js';
import { DeviceError, type DeviceErrorCode } from './errors.js';
import {
  contextForTrace,
  decodeFloats,
  encodeFloats,
  readTrace,
  type Trace,
  type TraceContext,
  type TraceEntry,
  type TraceError,
} from './trace.js';

/** A call that does not match the trace: the session being replayed has diverged. */
export class ReplayMismatchError extends Error {
  override readonly name = 'ReplayMismatchError';
  constructor(
    /** 1-based call number (the trace's seq). */
    readonly call: number,
    /** What differed: "kind", "tile", "rows", "cols", "batch", "ctx", "inputs", or "end". */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DEVICE_ERROR_CODES: readonly DeviceErrorCode[] = [
  'bad-uri',
  'unknown-scheme',
  'bad-parameter',
  'duplicate-scheme',
  'bad-shape',
  'not-programmed',
  'closed',
];

/** The error a recorded call failed with, raised again at the same point of the replay. */
function recordedError(e: TraceError, call: number): Error {
  const message = `${e.message} (recorded failure, trace call ${call})`;
  if (e.code && (DEVICE_ERROR_CODES as readonly string[]).includes(e.code)) {
    return new DeviceError(e.code as DeviceErrorCode, message);
  }
  const err = new Error(message);
  err.name = e.name;
  return err;
}

/** First index where two float32 arrays differ bit-wise, or -1. */
function firstBitDifference(a: Float32Array, b: Float32Array): number {
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (ua[i] !== ub[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Which ProductContext field differs between the recorded and the given context. */
function contextDifference(
  r: TraceContext | null,
  g: TraceContext | null,
): { field: string; recorded: string; got: string } {
  if (!r || !g) {
    const show = (c: TraceContext | null) => (c ? `draw ${c.draw}` : 'no context');
    return { field: 'present', recorded: show(r), got: show(g) };
  }
  for (const k of ['draw', 'rowOffset', 'inputSource', 'sourceOffset', 'sourceTile'] as const) {
    if (r[k] !== g[k]) {
      const show = (v: string | number | undefined) =>
        v === undefined
          ? 'none'
          : k === 'inputSource'
            ? `a map of ${Buffer.from(String(v), 'base64').length / 4} entries`
            : String(v);
      if (k === 'inputSource' && r[k] !== undefined && g[k] !== undefined) {
        const a = new Int32Array(new Uint8Array(Buffer.from(r[k]!, 'base64')).buffer);
        const b = new Int32Array(new Uint8Array(Buffer.from(g[k]!, 'base64')).buffer);
        let i = 0;
        while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
        if (a.length === b.length) {
          return { field: `inputSource[${i}]`, recorded: String(a[i]), got: String(b[i]) };
        }
      }
      return { field: k, recorded: show(r[k]), got: show(g[k]) };
    }
  }
  return { field: '?', recorded: JSON.stringify(r), got: JSON.stringify(g) };
}

/** Float32Array view that Uint32Array can alias (offset must be 4-aligned). */
function aligned(x: Float32Array): Float32Array {
  return x.byteOffset % 4 === 0 ? x : Float32Array.from(x);
}

/**
 * Answers program() and matmul() from a recorded trace, so a bench session re-runs exactly
 * without the board. Calls must arrive in the recorded order with the same tile, shape, product
 * context and bit-identical inputs; the first divergence is a ReplayMismatchError naming the
 * call and what differed, because a replay that silently drifted would prove nothing.
 */
export class ReplayDevice implements Device {
  readonly telemetry$ = new Subject<Telemetry>();
  private next = 0;
  private closed = false;

  constructor(
    private readonly trace: Trace,
    readonly source = 'replay',
  ) {}

  static async open(traceFile: string): Promise<ReplayDevice> {
    return new ReplayDevice(await readTrace(traceFile), `replay:${traceFile}`);
  }

  info(): DeviceInfo {
    const i = this.trace.header.info;
    return {
      ...i,
      inputRange: [i.inputRange[0], i.inputRange[1]],
      outputRange: [i.outputRange[0], i.outputRange[1]],
      weightRange: [i.weightRange[0], i.weightRange[1]],
    };
  }

  /** Calls answered so far, and how many the trace holds. */
  get position(): { answered: number; total: number } {
    return { answered: this.next, total: this.trace.entries.length };
  }

  private take(kind: TraceEntry['type'], describe: string): TraceEntry {
    if (this.closed) throw new DeviceError('closed', `${kind}: the device is closed`);
    const call = this.next + 1;
    const entry = this.trace.entries[this.next];
    if (!entry) {
      const extra = this.trace.ignored
        ? ` (${this.trace.ignored} later entries follow a missing call and were ignored)`
        : '';
      throw new ReplayMismatchError(
        call,
        'end',
        `${this.source}: call ${call} (${describe}) is past the end of the trace, which holds ${this.trace.entries.length} calls${extra}`,
      );
    }
    if (entry.type !== kind) {
      throw new ReplayMismatchError(
        call,
        'kind',
        `${this.source}: call ${call} is ${describe}, but the trace recorded a ${entry.type} on tile ${entry.tile}`,
      );
    }
    this.next++;
    return entry;
  }

  private mismatch(call: number, field: string, what: string, recorded: unknown, got: unknown) {
    return new ReplayMismatchError(
      call,
      field,
      `${this.source}: call ${call} (${what}) differs from the trace in ${field}: recorded ${String(recorded)}, got ${String(got)}`,
    );
  }

  private checkInputs(call: number, what: string, recorded: string, got: Float32Array): void {
    if (recorded === encodeFloats(got)) return;
    const r = decodeFloats(recorded);
    const i = firstBitDifference(r, aligned(got));
    const detail =
      r.length !== got.length
        ? `recorded ${r.length} values, got ${got.length}`
        : `first difference at index ${i}: recorded ${r[i]}, got ${got[i]}`;
    throw new ReplayMismatchError(
      call,
      'inputs',
      `${this.source}: call ${call} (${what}) differs from the trace in its inputs: ${detail}`,
    );
  }

  async program(tile: TileId, W: Float32Array, rows: number, cols: number): Promise<void> {
    const what = `program tile ${tile}, ${rows}x${cols}`;
    const e = this.take('program', what);
    if (e.type !== 'program') throw new Error('unreachable');
    const call = e.seq;
    if (e.tile !== tile) throw this.mismatch(call, 'tile', what, e.tile, tile);
    if (e.rows !== rows) throw this.mismatch(call, 'rows', what, e.rows, rows);
    if (e.cols !== cols) throw this.mismatch(call, 'cols', what, e.cols, cols);
    this.checkInputs(call, what, e.inputs, W);
    if (e.error) throw recordedError(e.error, call);
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    const what = `matmul tile ${tile}, batch ${batch}`;
    const e = this.take('matmul', what);
    if (e.type !== 'matmul') throw new Error('unreachable');
    const call = e.seq;
    if (e.tile !== tile) throw this.mismatch(call, 'tile', what, e.tile, tile);
    if (e.batch !== batch) throw this.mismatch(call, 'batch', what, e.batch, batch);
    const cols = batch > 0 ? X.length / batch : 0;
    if (e.cols !== cols) throw this.mismatch(call, 'cols', what, e.cols, cols);
    const rc = e.ctx;
    const gc = contextForTrace(ctx);
    if (JSON.stringify(rc) !== JSON.stringify(gc)) {
      const diff = contextDifference(rc, gc);
      throw this.mismatch(call, `ctx.${diff.field}`, what, diff.recorded, diff.got);
    }
    this.checkInputs(call, what, e.inputs, X);
    if (e.error) throw recordedError(e.error, call);
    if (e.outputs === undefined) {
      throw new DeviceError('bad-parameter', `${this.source}: call ${call} has no outputs`);
    }
    return decodeFloats(e.outputs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.telemetry$.complete();
  }
}
