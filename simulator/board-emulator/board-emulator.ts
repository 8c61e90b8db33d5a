import {
  decodeEnvelope,
  encodeEnvelope,
  ErrorCode,
  DeviceKind,
  InputConversion,
  type Envelope,
  type EnvelopeInit,
  type ErrorCode as ErrorCodeT,
  type MatMulRequest,
  type ProbeRequest,
  type ProgramWeights,
} from '../../drivers/serial/codec.js';
import {
  checkCodeFits,
  codesToValues,
  packCodes,
  packedLength,
  unpackCodes,
  valuesToCodes,
  type CodeConversion,
} from '../../drivers/serial/codes.js';
import { encodeFrame, FrameDecoder } from '../../drivers/serial/framing.js';
import { PROTOCOL_VERSION, versionMismatchMessage } from '../../drivers/serial/version.js';
import type { ProductContext, TileId } from '../../src/device/device.js';
import { DeviceError } from '../../src/device/errors.js';
import type { Profile } from '../../src/profile/index.js';
import { SimDevice } from '../sim-device.js';
import { wireConverters, type WireConverters } from './converters.js';
import { FaultInjector, NO_FAULTS, type FaultSpec } from './faults.js';
import { ReplyCache } from './reply-cache.js';

export interface BoardEmulatorOptions {
  /** The calibration profile whose physics the board has. */
  profile: Profile;
  /** Overrides the profile's noise seed. */
  seed?: number;
  /** The board's transmit line: every reply frame's bytes go here. */
  send: (bytes: Uint8Array) => void;
  /**
   * Called when a disconnect or powerloss fault fires, after the emulator dropped its in-flight
   * state; the transport takes the link down and brings it back (see faults.ts).
   */
  onLinkFault?: (kind: 'disconnect' | 'powerloss') => void;
  /**
   * Called once per request actually executed (never for a duplicate answered from the cache),
   * with whether it succeeded: lets a test prove that no request was applied twice.
   */
  onExecute?: (requestId: number, kind: string, ok: boolean) => void;
  /** Milliseconds clock for uptime and the simulator's drift; default Date.now. */
  clock?: () => number;
  /** Requests the host may have outstanding (DeviceInfo.credit_window). Default 8. */
  creditWindow?: number;
  /** Request ids whose replies are kept for retries. Default 256. */
  cacheSize?: number;
  /** Tiles the board holds (DeviceInfo.tiles); tile ids must be below it. Default 65536. */
  tiles?: number;
  /** Unsolicited telemetry period once a host said Hello; 0 (default) = none. */
  telemetryIntervalMs?: number;
  faults?: FaultSpec;
  /** DeviceInfo.firmware / serial; defaults name the emulator and the profile id. */
  firmware?: string;
  serial?: string;
}

/** Most raw readings one ProbeRequest may ask for (bounds the reply). */
export const MAX_PROBE_REPEATS = 4096;

/** A request the board refuses, with the protocol's error code. */
class RequestError extends Error {
  constructor(
    readonly code: ErrorCodeT,
    message: string,
  ) {
    super(message);
  }
}

/** Board counters, as reported in Telemetry and for tests. */
export interface BoardCounters {
  /** Requests executed (not counting duplicates answered from the cache). */
  executed: number;
  duplicates: number;
  /** Frames whose CRC failed. */
  crcErrors: number;
  /** COBS errors, runts, oversize frames and CRC-valid frames that are no Envelope. */
  framingErrors: number;
  /** Replies dropped by fault injection, requests ignored by a stall or lost to a link fault. */
  droppedFrames: number;
  /** Requests refused with BUSY (queue beyond twice the credit window). */
  busy: number;
}

type Reply = Omit<EnvelopeInit, 'requestId'>;

/**
 * The board's side of the analoop protocol (docs/protocol.md), backed by the simulator's physics.
 * Transport-agnostic: bytes from the host go into receive(), reply bytes leave through
 * options.send, so it runs in memory in tests and on a pseudo-terminal in `analoop emulate`.
 *
 * Requests are executed one at a time in arrival order, as a board's firmware loop would. Every
 * successful reply is cached under its request id, and a request whose id is in the cache is
 * answered from it without executing again: host retries are idempotent. Codes are converted with the wire
 * converters of converters.ts, so on a quantised profile a product through the emulator equals
 * SimDevice's on the same profile and seed bit for bit (the MatMulRequest carries the noise
 * position, draw and row offset, and for a per-source profile the source map of the inputs).
 */
export class BoardEmulator {
  readonly converters: WireConverters;
  readonly creditWindow: number;
  readonly tiles: number;
  private readonly profile: Profile;
  private readonly seed: number | undefined;
  private readonly clock: () => number;
  private readonly send: (bytes: Uint8Array) => void;
  private readonly onLinkFault?: (kind: 'disconnect' | 'powerloss') => void;
  private readonly onExecute?: (requestId: number, kind: string, ok: boolean) => void;
  private readonly decoder: FrameDecoder;
  private readonly cache: ReplyCache;
  private readonly faults: FaultInjector;
  private readonly telemetryIntervalMs: number;
  private readonly firmware: string;
  private readonly serial: string | undefined;
  private sim: SimDevice;
  /** rows x cols of every programmed tile (the board's own bookkeeping, for clear errors). */
  private programmed = new Map<TileId, { rows: number; cols: number }>();
  private bootTime: number;
  /** Bumped when the link drops: queued work of an older generation is discarded. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private telemetryTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private badEnvelopes = 0;
  private lostToLink = 0;
  private readonly counts = { executed: 0, duplicates: 0, busy: 0 };

  constructor(options: BoardEmulatorOptions) {
    this.profile = options.profile;
    this.seed = options.seed;
    this.clock = options.clock ?? Date.now;
    this.send = options.send;
    this.onLinkFault = options.onLinkFault;
    this.onExecute = options.onExecute;
    this.creditWindow = options.creditWindow ?? 8;
    this.tiles = options.tiles ?? 65536;
    this.telemetryIntervalMs = options.telemetryIntervalMs ?? 0;
    this.firmware = options.firmware ?? `analoop-emulator/${PROTOCOL_VERSION}`;
    this.serial = options.serial;
    this.converters = wireConverters(this.profile);
    this.sim = this.newSim();
    this.bootTime = this.clock();
    this.cache = new ReplyCache(options.cacheSize ?? 256);
    this.faults = new FaultInjector(options.faults ?? NO_FAULTS, this.clock);
    const info = this.sim.info();
    // The largest legitimate request: a full tile of weights, or a full batch of inputs with
    // (per-source boards) a source map of up to 5 varint bytes per input.
    const sourceMap = info.inputConversion === 'per-source' ? 5 * info.maxBatch * info.cols : 0;
    const maxPayload =
      Math.max(
        packedLength(info.rows * info.cols, this.converters.weight.bits),
        packedLength(info.maxBatch * info.cols, this.converters.dac.bits) + sourceMap,
      ) + 1024;
    this.decoder = new FrameDecoder({ maxPayload });
  }

  private newSim(): SimDevice {
    return new SimDevice(this.profile, {
      clock: this.clock,
      source: 'board-emulator',
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    });
  }

  /** The simulator behind the board (tests compare against a SimDevice of the same profile). */
  get device(): SimDevice {
    return this.sim;
  }

  get counters(): BoardCounters {
    const s = this.decoder.stats;
    const f = this.faults.counts;
    return {
      executed: this.counts.executed,
      duplicates: this.counts.duplicates,
      crcErrors: s.crcErrors,
      framingErrors: s.cobsErrors + s.runts + s.oversize + this.badEnvelopes,
      droppedFrames: f.droppedReplies + f.stalledRequests + this.lostToLink,
      busy: this.counts.busy,
    };
  }

  /** Requests received so far (every decoded request, retries included), as faults count them. */
  get requestCount(): number {
    return this.faults.requestCount;
  }

  /** The fault injector's own counts (bytes corrupted, replies dropped, ...). */
  get faultCounts(): FaultInjector['counts'] {
    return { ...this.faults.counts };
  }

  /** Bytes from the host. Never throws; bad frames are counted. */
  receive(chunk: Uint8Array): void {
    if (this.closed) return;
    const bytes = this.faults.corruptIncoming(chunk);
    for (const payload of this.decoder.push(bytes)) this.onPayload(payload);
  }

  /** Resolves once every request received so far has been handled. */
  async idle(): Promise<void> {
    let q: Promise<void>;
    do {
      q = this.queue;
      await q;
    } while (q !== this.queue);
  }

  /**
   * The link went away (the transport noticed, or a fault): requests queued or executing are
   * lost (an executing one still lands in the cache). With `powerloss` the board also loses its
   * tiles, its cache and its uptime.
   */
  linkLost(kind: 'disconnect' | 'powerloss' = 'disconnect'): void {
    this.generation++;
    this.lostToLink += this.queued;
    this.queued = 0;
    this.decoder.reset();
    this.stopTelemetry();
    if (kind === 'powerloss') this.powerCycle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.generation++;
    this.stopTelemetry();
    await this.idle();
    await this.sim.close();
  }

  /** Reset: a fresh array (no tiles, noise counters from the start) and an empty cache. */
  private clearState(): void {
    void this.sim.close();
    this.sim = this.newSim();
    this.programmed.clear();
    this.cache.clear();
  }

  private powerCycle(): void {
    this.clearState();
    this.bootTime = this.clock();
  }

  private onPayload(payload: Uint8Array): void {
    let env: Envelope;
    try {
      env = decodeEnvelope(payload);
    } catch (e) {
      this.badEnvelopes++;
      this.emit(this.frame(0, errorReply(ErrorCode.BAD_FRAME, (e as Error).message)));
      return;
    }
    const fate = this.faults.onRequest();
    if (fate === 'stall') return;
    if (fate === 'disconnect' || fate === 'powerloss') {
      this.lostToLink++;
      this.linkLost(fate);
      this.onLinkFault?.(fate);
      return;
    }
    if (this.queued >= 2 * this.creditWindow) {
      // Not cached: the host's retry, once the queue drained, is served normally.
      this.counts.busy++;
      this.emit(
        this.frame(
          env.requestId,
          errorReply(
            ErrorCode.BUSY,
            `${this.queued} requests queued; keep at most credit_window = ${this.creditWindow} outstanding`,
          ),
        ),
      );
      return;
    }
    const gen = this.generation;
    this.queued++;
    this.queue = this.queue.then(async () => {
      try {
        await this.handle(env, gen);
      } finally {
        if (gen === this.generation) this.queued--;
      }
    });
  }

  private async handle(env: Envelope, gen: number): Promise<void> {
    if (gen !== this.generation) return;
    const id = env.requestId;
    const cached = id === 0 ? undefined : this.cache.get(id);
    if (cached) {
      this.counts.duplicates++;
      this.emit(cached);
      return;
    }
    let reply: Reply;
    let failed = false;
    try {
      reply = await this.execute(env);
    } catch (e) {
      reply = errorReply(...classify(e));
      failed = true;
    }
    this.counts.executed++;
    this.onExecute?.(id, env.body, !failed && reply.error == null);
    const frame = this.frame(id, reply);
    // Only successes are cached: a refused request changed nothing, and its retry (say, after
    // the host re-programmed a tile the board lost) deserves a fresh answer. Reset empties the
    // cache; its own ack is cached afterwards so a retried Reset is not re-run.
    if (id !== 0 && !failed && reply.error == null) this.cache.set(id, frame);
    if (gen !== this.generation) return; // executed, but the link dropped: the reply is lost
    this.emit(frame);
  }

  private frame(requestId: number, reply: Reply): Uint8Array {
    return encodeFrame(encodeEnvelope({ requestId, ...reply } as EnvelopeInit));
  }

  private emit(frame: Uint8Array): void {
    if (this.closed || this.faults.dropReply()) return;
    this.send(this.faults.corruptOutgoing(frame));
  }

  private async execute(env: Envelope): Promise<Reply> {
    switch (env.body) {
      case 'hello':
        return this.hello(env.hello.protocolVersion);
      case 'programWeights':
        return this.program(env.programWeights);
      case 'matmulRequest':
        return this.matmul(env.matmulRequest);
      case 'probeRequest':
        return this.probe(env.probeRequest);
      case 'ping':
        return { pong: { nonce: env.ping.nonce, uptimeMs: this.uptimeMs() } };
      case 'telemetryRequest':
        return { telemetry: this.telemetry() };
      case 'reset':
        this.clearState();
        return { resetAck: {} };
      default:
        throw new RequestError(
          ErrorCode.BAD_REQUEST,
          `a host does not send ${env.body}; requests are hello, programWeights, matmulRequest, probeRequest, ping, telemetryRequest, reset`,
        );
    }
  }

  private hello(version: number): Reply {
    if (version !== PROTOCOL_VERSION) {
      return errorReply(
        ErrorCode.UNSUPPORTED_VERSION,
        versionMismatchMessage(version, PROTOCOL_VERSION),
      );
    }
    this.startTelemetry();
    const info = this.sim.info();
    const conv = (c: CodeConversion) => ({
      bits: c.bits,
      scale: c.scale,
      range: { lo: c.range[0], hi: c.range[1] },
    });
    return {
      deviceInfo: {
        protocolVersion: PROTOCOL_VERSION,
        kind: DeviceKind.SIMULATED,
        model: info.model,
        firmware: this.firmware,
        serial: this.serial ?? info.serial,
        rows: info.rows,
        cols: info.cols,
        tiles: this.tiles,
        dac: conv(this.converters.dac),
        adc: conv(this.converters.adc),
        weight: conv(this.converters.weight),
        maxBatch: info.maxBatch,
        creditWindow: this.creditWindow,
        inputConversion:
          info.inputConversion === 'per-source'
            ? InputConversion.PER_SOURCE
            : InputConversion.PER_ELEMENT,
      },
    };
  }

  private checkTile(tile: number): void {
    if (tile >= this.tiles) {
      throw new RequestError(
        ErrorCode.OUT_OF_RANGE,
        `tile ${tile} does not exist; this board holds tiles 0..${this.tiles - 1}`,
      );
    }
  }

  private tileShape(tile: number): { rows: number; cols: number } {
    this.checkTile(tile);
    const t = this.programmed.get(tile);
    if (!t) throw new RequestError(ErrorCode.NOT_PROGRAMMED, `tile ${tile} was never programmed`);
    return t;
  }

  private codes(bytes: Uint8Array, conv: CodeConversion, count: number, what: string): Int32Array {
    const need = packedLength(count, conv.bits);
    if (bytes.length !== need) {
      throw new RequestError(
        ErrorCode.BAD_REQUEST,
        `${what}: ${count} codes of ${conv.bits} bits take ${need} bytes, got ${bytes.length}`,
      );
    }
    return unpackCodes(bytes, conv.bits, count);
  }

  private async program(m: ProgramWeights): Promise<Reply> {
    this.checkTile(m.tile);
    const info = this.sim.info();
    if (m.rows < 1 || m.cols < 1 || m.rows > info.rows || m.cols > info.cols) {
      throw new RequestError(
        ErrorCode.BAD_REQUEST,
        `programWeights: ${m.rows} x ${m.cols} does not fit the ${info.rows} x ${info.cols} array`,
      );
    }
    const w = this.converters.weight;
    const W = codesToValues(this.codes(m.codes, w, m.rows * m.cols, 'programWeights'), w);
    await this.sim.program(m.tile, W, m.rows, m.cols);
    this.programmed.set(m.tile, { rows: m.rows, cols: m.cols });
    if (!m.verify) return { programAck: { tile: m.tile } };
    return { programAck: { tile: m.tile, readback: await this.readback(m.tile, m.rows, m.cols) } };
  }

  /**
   * Verify: the weights measured through the array itself, column by column (input c driven at
   * the largest in-range value up to 1, the others at 0), so the readback carries what a board's
   * would: programming error, gain, offset, read noise and ADC quantisation. Uses the
   * simulator's context-free draws, which never collide with the host's products.
   */
  private async readback(tile: TileId, rows: number, cols: number): Promise<Uint8Array> {
    const dac = this.converters.dac;
    const [lo, hi] = dac.range;
    const v = codesToValues(
      valuesToCodes(Float32Array.of(hi > 0 ? Math.min(1, hi) : Math.max(-1, lo)), dac),
      dac,
    )[0]!;
    const W = new Float32Array(rows * cols);
    if (v !== 0) {
      const maxBatch = this.sim.info().maxBatch;
      for (let start = 0; start < cols; start += maxBatch) {
        const n = Math.min(maxBatch, cols - start);
        const X = new Float32Array(n * cols);
        for (let b = 0; b < n; b++) X[b * cols + start + b] = v;
        const Y = await this.sim.matmul(tile, X, n);
        for (let b = 0; b < n; b++)
          for (let r = 0; r < rows; r++) W[r * cols + start + b] = Y[b * rows + r]! / v;
      }
    }
    const w = this.converters.weight;
    return packCodes(valuesToCodes(W, w), w.bits);
  }

  private async matmul(m: MatMulRequest): Promise<Reply> {
    const t = this.tileShape(m.tile);
    if (m.cols !== t.cols) {
      throw new RequestError(
        ErrorCode.BAD_REQUEST,
        `matmulRequest: tile ${m.tile} is programmed with ${t.cols} columns, the request has ${m.cols}`,
      );
    }
    const dac = this.converters.dac;
    const adc = this.converters.adc;
    const X = codesToValues(this.codes(m.inputCodes, dac, m.batch * m.cols, 'matmulRequest'), dac);
    const ctx: ProductContext = { draw: m.draw, rowOffset: m.rowOffset };
    // The per-source conversion's map (docs/protocol.md); the simulator ignores it unless its
    // profile converts per source, as a physical board would.
    if (m.inputSource.length > 0) {
      if (m.inputSource.length !== X.length) {
        throw new RequestError(
          ErrorCode.BAD_REQUEST,
          `matmulRequest: input_source has ${m.inputSource.length} entries, expected batch x cols = ${X.length}`,
        );
      }
      ctx.inputSource = Int32Array.from(m.inputSource);
    }
    if (m.sourceOffset !== 0) ctx.sourceOffset = m.sourceOffset;
    if (m.sourceTile != null) ctx.sourceTile = m.sourceTile;
    const Y = await this.sim.matmul(m.tile, X, m.batch, ctx);
    return {
      matmulResult: {
        tile: m.tile,
        batch: m.batch,
        rows: t.rows,
        outputCodes: packCodes(valuesToCodes(Y, adc), adc.bits),
      },
    };
  }

  private async probe(m: ProbeRequest): Promise<Reply> {
    const t = this.tileShape(m.tile);
    const repeats = Math.max(1, m.repeats);
    if (repeats > MAX_PROBE_REPEATS) {
      throw new RequestError(
        ErrorCode.OUT_OF_RANGE,
        `probeRequest: repeats ${repeats} exceeds ${MAX_PROBE_REPEATS}; split the probe`,
      );
    }
    if (m.inputIndex >= t.cols) {
      throw new RequestError(
        ErrorCode.OUT_OF_RANGE,
        `probeRequest: input ${m.inputIndex} does not exist; tile ${m.tile} has inputs 0..${t.cols - 1}`,
      );
    }
    const dac = this.converters.dac;
    try {
      checkCodeFits(m.inputCode, dac.bits);
    } catch (e) {
      throw new RequestError(ErrorCode.OUT_OF_RANGE, `probeRequest: ${(e as Error).message}`);
    }
    const X = new Float32Array(t.cols);
    X[m.inputIndex] = codesToValues(Int32Array.of(m.inputCode), dac)[0]!;
    const out = new Float32Array(repeats * t.rows);
    // One product per repeat: each reading is a fresh draw of every noise source.
    for (let r = 0; r < repeats; r++) out.set(await this.sim.matmul(m.tile, X, 1), r * t.rows);
    const adc = this.converters.adc;
    return {
      probeResult: {
        tile: m.tile,
        repeats,
        rows: t.rows,
        rawOutputCodes: packCodes(valuesToCodes(out, adc), adc.bits),
      },
    };
  }

  private uptimeMs(): number {
    return Math.max(0, Math.round(this.clock() - this.bootTime));
  }

  private telemetry(): NonNullable<EnvelopeInit['telemetry']> {
    const c = this.counters;
    return {
      temperatureC: 25,
      uptimeMs: this.uptimeMs(),
      crcErrors: c.crcErrors,
      framingErrors: c.framingErrors,
      duplicateRequests: c.duplicates,
      droppedFrames: c.droppedFrames,
    };
  }

  private startTelemetry(): void {
    if (this.telemetryIntervalMs <= 0 || this.telemetryTimer || this.closed) return;
    this.telemetryTimer = setInterval(() => {
      this.emit(this.frame(0, { telemetry: this.telemetry() }));
    }, this.telemetryIntervalMs);
    this.telemetryTimer.unref();
  }

  private stopTelemetry(): void {
    if (this.telemetryTimer) clearInterval(this.telemetryTimer);
    this.telemetryTimer = undefined;
  }
}

function errorReply(code: ErrorCodeT, message: string): Reply {
  return { error: { code, message } };
}

/** Maps a failure inside a request to the protocol's error code. */
function classify(e: unknown): [ErrorCodeT, string] {
  if (e instanceof RequestError) return [e.code, e.message];
  if (e instanceof DeviceError) {
    if (e.code === 'not-programmed') return [ErrorCode.NOT_PROGRAMMED, e.message];
    if (e.code === 'bad-shape') return [ErrorCode.BAD_REQUEST, e.message];
  }
  if (e instanceof RangeError) return [ErrorCode.OUT_OF_RANGE, e.message];
  return [ErrorCode.INTERNAL, e instanceof Error ? e.message : String(e)];
}
