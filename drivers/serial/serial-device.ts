import { Subject, type Subscription } from 'rxjs';
import type {
  Device,
  DeviceInfo,
  DeviceKind,
  ProductContext,
  Telemetry,
  TileId,
} from '../../src/device/device.js';
import { DeviceError } from '../../src/device/errors.js';
import { inputCodes, outputValues, weightMapping, type WeightMapping } from '../boards/mapping.js';
import { checkConverter, type ConverterSpec } from '../boards/range-check.js';
import {
  DeviceKind as WireKind,
  InputConversion as WireConversion,
  type Converter,
  type DeviceInfo as WireInfo,
  type Telemetry as WireTelemetry,
} from './codec.js';
import { packCodes, unpackCodes } from './codes.js';
import { LinkProtocolError } from './errors.js';
import { Session, type LinkEvent, type SessionOptions } from './session.js';
import { SerialTransport, type SerialBinding } from './transport.js';

/**
 * A board on a serial port as a Device: the trainer uses it exactly like the simulator. It turns
 * values into converter codes (drivers/boards), sends them through a Session, and turns the ADC
 * codes that come back into values. One tile at a time: TiledMatrix already cut the matrix to
 * info().rows x cols. Batches above max_batch are split here, and the pieces are sent together
 * so the credit window keeps the line busy.
 */

export interface SerialDeviceOptions extends SessionOptions {
  baudRate: number;
  /** serialport binding (default native; tests pass the mock). */
  binding?: SerialBinding;
  /** Ask for FTDI low-latency mode (default true). */
  lowLatency?: boolean;
  /** Photonic boards: largest power-of-two weight scaling exponent (see boards/photonic.ts). Default 0. */
  weightExponent?: number;
  /** Telemetry source name (the device URI). */
  source?: string;
}

const KINDS: Record<number, DeviceKind> = {
  [WireKind.PHOTONIC]: 'photonic',
  [WireKind.MEMRISTIVE]: 'memristive',
  [WireKind.SIMULATED]: 'simulated',
};

function converterSpec(c: Converter | null, what: string): ConverterSpec {
  if (!c?.range) throw new LinkProtocolError(`the board declares no ${what} converter`);
  const spec: ConverterSpec = { bits: c.bits, scale: c.scale, range: [c.range.lo, c.range.hi] };
  checkConverter(spec, `board's ${what} converter`);
  return spec;
}

interface TileState {
  rows: number;
  cols: number;
  gain: number;
}

export class SerialDevice implements Device {
  private readonly telemetrySubject = new Subject<Telemetry>();
  readonly telemetry$ = this.telemetrySubject.asObservable();
  private readonly subs: Subscription[] = [];
  private readonly tileState = new Map<TileId, TileState>();
  private readonly source: string;
  private dac!: ConverterSpec;
  private adc!: ConverterSpec;
  private weights!: WeightMapping;
  private infoValue!: DeviceInfo;
  private closed = false;

  /** Open the port, handshake, and wrap the session. */
  static async open(path: string, options: SerialDeviceOptions): Promise<SerialDevice> {
    const transport = new SerialTransport({
      path,
      baudRate: options.baudRate,
      ...(options.binding ? { binding: options.binding } : {}),
      ...(options.lowLatency === undefined ? {} : { lowLatency: options.lowLatency }),
    });
    const session = await Session.open(transport, options);
    try {
      return new SerialDevice(session, options);
    } catch (e) {
      await session.close();
      throw e;
    }
  }

  constructor(
    readonly session: Session,
    private readonly options: Pick<SerialDeviceOptions, 'weightExponent' | 'source'> = {},
  ) {
    this.source = options.source ?? `serial:${session.link.path}`;
    this.adopt(session.info);
    this.subs.push(
      session.telemetry$.subscribe((t) => this.telemetrySubject.next(this.mapTelemetry(t))),
      session.link$.subscribe((e) => {
        // The session has already refused a board whose geometry or converters changed.
        if (e.type === 'handshake') {
          try {
            this.adopt(e.info);
          } catch {
            /* keep the declaration the trainer already relies on */
          }
        }
        const event = describeLinkEvent(e);
        if (event) this.telemetrySubject.next({ time: e.time, source: this.source, event });
      }),
    );
  }

  info(): DeviceInfo {
    return this.infoValue;
  }

  async program(tile: TileId, W: Float32Array, rows: number, cols: number): Promise<void> {
    if (this.closed) throw new DeviceError('closed', 'program: the device is closed');
    const info = this.infoValue;
    this.checkTile(tile, 'program');
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows <= 0 || cols <= 0)
      throw new DeviceError(
        'bad-shape',
        `program(tile ${tile}): rows and cols must be positive integers, got ${rows} x ${cols}`,
      );
    if (rows > info.rows || cols > info.cols)
      throw new DeviceError(
        'bad-shape',
        `program(tile ${tile}): ${rows} x ${cols} does not fit the ${info.rows} x ${info.cols} array; use TiledMatrix`,
      );
    if (W.length !== rows * cols)
      throw new DeviceError(
        'bad-shape',
        `program(tile ${tile}): W has ${W.length} values, expected ${rows} x ${cols}`,
      );
    const mapped = this.weights.map(W);
    const packed = packCodes(mapped.codes, this.session.info.weight!.bits);
    await this.session.programWeights(tile, rows, cols, packed);
    this.tileState.set(tile, { rows, cols, gain: mapped.gain });
    this.telemetrySubject.next({
      time: Date.now(),
      source: this.source,
      event: `programmed tile ${tile} (${rows}x${cols})`,
    });
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    if (this.closed) throw new DeviceError('closed', 'matmul: the device is closed');
    this.checkTile(tile, 'matmul');
    const t = this.tileState.get(tile);
    if (!t) throw new DeviceError('not-programmed', `matmul: tile ${tile} was never programmed`);
    if (!Number.isInteger(batch) || batch < 0 || X.length !== batch * t.cols)
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): X has ${X.length} values, expected batch ${batch} x ${t.cols}`,
      );
    const draw = ctx?.draw ?? 0;
    const rowOffset = ctx?.rowOffset ?? 0;
    // Only a board converting per source gets the source map (a physical board has no use for it).
    const perSource = this.infoValue.inputConversion === 'per-source';
    const source = perSource ? ctx?.inputSource : undefined;
    const sourceOffset = perSource ? (ctx?.sourceOffset ?? 0) : 0;
    const sourceTile = perSource ? ctx?.sourceTile : undefined;
    if (source && source.length !== X.length)
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): inputSource has ${source.length} entries, expected ${X.length} (one per element of X)`,
      );
    const badSource = source?.find((s) => s < -1);
    if (badSource !== undefined)
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): inputSource entry ${badSource}; use a source index >= 0 or -1 (structural zero)`,
      );
    for (const [name, v] of [
      ['draw', draw],
      ['rowOffset', rowOffset],
      ['sourceOffset', sourceOffset],
      ['sourceTile', sourceTile ?? 0],
    ] as const) {
      if (!Number.isSafeInteger(v) || v < 0)
        throw new DeviceError(
          'bad-shape',
          `ProductContext.${name} must be a non-negative integer, got ${v}`,
        );
    }
    // Convert everything first: a NaN anywhere fails the call before anything is sent.
    const codes = inputCodes(X, this.dac);
    const Y = new Float32Array(batch * t.rows);
    const maxBatch = this.infoValue.maxBatch;
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < batch; start += maxBatch) {
      const n = Math.min(maxBatch, batch - start);
      const packed = packCodes(codes.subarray(start * t.cols, (start + n) * t.cols), this.dac.bits);
      jobs.push(
        this.session
          .matmul({
            tile,
            batch: n,
            cols: t.cols,
            inputCodes: packed,
            draw,
            rowOffset: rowOffset + start,
            ...(source
              ? rebaseSources(source.subarray(start * t.cols, (start + n) * t.cols), sourceOffset)
              : {}),
            ...(sourceTile === undefined ? {} : { sourceTile }),
          })
          .then((r) => {
            if (r.tile !== tile || r.batch !== n || r.rows !== t.rows) {
              throw new LinkProtocolError(
                `matmul(tile ${tile}): the board answered tile ${r.tile}, ${r.batch} x ${r.rows}; expected tile ${tile}, ${n} x ${t.rows}`,
              );
            }
            let out: Int32Array;
            try {
              out = unpackCodes(r.outputCodes, this.adc.bits, n * t.rows);
            } catch (e) {
              throw new LinkProtocolError(`matmul(tile ${tile}): ${(e as Error).message}`);
            }
            Y.set(outputValues(out, this.adc, t.gain), start * t.rows);
          }),
      );
    }
    await Promise.all(jobs);
    return Y;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.subs) s.unsubscribe();
    await this.session.close();
    this.telemetrySubject.complete();
  }

  private checkTile(tile: TileId, what: string): void {
    if (!Number.isInteger(tile) || tile < 0)
      throw new DeviceError(
        'bad-shape',
        `${what}: tile id must be a non-negative integer, got ${tile}`,
      );
    const held = this.session.info.tiles;
    if (held > 0 && tile >= held)
      throw new DeviceError(
        'bad-shape',
        `${what}: tile ${tile} does not exist; the board holds ${held} tiles (0..${held - 1})`,
      );
  }

  /** Take the board's DeviceInfo: converters, weight mapping, and the Device's declaration. */
  private adopt(w: WireInfo): void {
    const kind = KINDS[w.kind] ?? 'simulated';
    const dac = converterSpec(w.dac, 'DAC (input)');
    const adc = converterSpec(w.adc, 'ADC (output)');
    const weight = converterSpec(w.weight, 'weight');
    const maxExponent = this.options.weightExponent ?? 0;
    const weights = weightMapping(kind, weight, {
      maxExponent,
      conductance: { minUs: w.conductanceMinUs, maxUs: w.conductanceMaxUs },
    });
    // Photonic scaling multiplies outputs by up to 2^maxExponent after the ADC.
    const outGain = kind === 'photonic' ? 2 ** maxExponent : 1;
    this.dac = dac;
    this.adc = adc;
    this.weights = weights;
    this.infoValue = {
      kind,
      model: w.model,
      firmware: w.firmware,
      serial: w.serial,
      rows: w.rows,
      cols: w.cols,
      inputBits: dac.bits,
      outputBits: adc.bits,
      weightBits: weight.bits,
      inputRange: dac.range,
      outputRange: [adc.range[0] * outGain, adc.range[1] * outGain],
      weightRange: weights.range,
      maxBatch: w.maxBatch,
      inputConversion:
        w.inputConversion === WireConversion.PER_SOURCE ? 'per-source' : 'per-element',
    };
  }

  private mapTelemetry(t: WireTelemetry): Telemetry {
    const out: Telemetry = {
      time: Date.now(),
      source: this.source,
      temperatureC: t.temperatureC,
      uptimeS: t.uptimeMs / 1000,
      errors: {
        crc: t.crcErrors,
        framing: t.framingErrors,
        duplicates: t.duplicateRequests,
        dropped: t.droppedFrames,
        hostRetries: this.session.counters.retries,
        hostTimeouts: this.session.counters.timeouts,
        hostReconnects: this.session.counters.reconnects,
      },
    };
    if (this.infoValue.kind === 'photonic' || t.opticalPowerMw)
      out.opticalPowerMw = t.opticalPowerMw;
    if (this.infoValue.kind === 'memristive' || t.conductanceMeanUs)
      out.conductanceMeanUs = t.conductanceMeanUs;
    return out;
  }
}

/**
 * One chunk's source map, relative to its smallest source, and the offset moved up by as much:
 * the same sources (the board indexes noise by offset + entry), in fewer varint bytes.
 */
function rebaseSources(
  chunk: Int32Array,
  offset: number,
): { inputSource: number[]; sourceOffset: number } {
  let min = Infinity;
  for (const s of chunk) if (s >= 0 && s < min) min = s;
  if (min === Infinity) min = 0;
  const inputSource = Array.from(chunk, (s) => (s < 0 ? -1 : s - min));
  return { inputSource, sourceOffset: offset + min };
}

/** A one-line Telemetry event for the link events an operator should see; undefined for the rest. */
function describeLinkEvent(e: LinkEvent): string | undefined {
  switch (e.type) {
    case 'disconnected':
      return `link lost: ${e.reason}`;
    case 'reconnected':
      return `link back after ${e.downMs} ms: re-programmed ${e.reprogrammed} tiles, resent ${e.resent} requests`;
    case 'retry':
      return `retry ${e.kind} #${e.requestId} (attempt ${e.attempt}, ${e.reason})`;
    case 'timeout':
      return `timeout ${e.kind} #${e.requestId} after ${e.attempts} attempts`;
    case 'reprogram':
      return `re-programming ${e.tiles} tiles (${e.reason})`;
    case 'frame-error':
      return `bad frame (${e.error}): ${e.detail}`;
    case 'closed':
      return `link closed: ${e.reason}`;
    default:
      return undefined;
  }
}
