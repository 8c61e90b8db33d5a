import { Observable, Subject } from 'rxjs';
import {
  bodyKind,
  CodecError,
  decodeEnvelope,
  encodeEnvelope,
  ErrorCode,
  type BodyKind,
  type BodyTypes,
  type DeviceInfo,
  type Envelope,
  type EnvelopeInit,
  type MatMulResult,
  type ProbeResult,
  type ProgramAck,
  type Pong,
  type Telemetry,
} from './codec.js';
import { attemptDeadlineMs, boardBudgetMs, framedBytes, wireMs } from './deadline.js';
import {
  BoardError,
  LinkClosedError,
  LinkError,
  LinkProtocolError,
  LinkTimeoutError,
  ProtocolVersionError,
} from './errors.js';
import { requestIdReporter } from '../../src/device/request-id.js';
import type { FrameStats } from './transport.js';
import { PROTOCOL_VERSION } from './version.js';
import { Waitress } from './waitress.js';

/**
 * One conversation with one board over a frame link: the handshake, request ids, the credit
 * window, deadlines and retries, the heartbeat, and surviving a disconnect.
 *
 * - Every request gets a fresh id and waits in the one pending-request registry (Waitress). At
 *   most DeviceInfo.credit_window requests are on the wire; the rest queue in order.
 * - A request whose deadline passes is sent again with the SAME id and the same bytes (the board
 *   de-duplicates by id and answers again without re-executing), up to `retries` times; then the
 *   caller gets a LinkTimeoutError with its own stack.
 * - When the port goes away, the requests on the wire are held; the session reopens the port,
 *   handshakes again, re-programs every tile from the codes it last had acknowledged (the board
 *   may have reset), and then resends the held requests with their ids. Nothing is lost, and
 *   the board's de-duplication keeps anything from being applied twice.
 * - A board that reset on its own (the port stayed open, e.g. behind an FTDI bridge) answers
 *   NOT_PROGRAMMED; the session re-programs from the same host-side copy and retries once.
 */

/** What the session reports about the link, for logs, progress bars and tests. */
export type LinkEvent = { time: number } & (
  | { type: 'connected'; path: string }
  | { type: 'handshake'; info: DeviceInfo }
  | { type: 'retry'; kind: string; requestId: number; attempt: number; reason: 'timeout' | 'busy' }
  | { type: 'timeout'; kind: string; requestId: number; attempts: number; deadlineMs: number }
  | { type: 'disconnected'; reason: string }
  | { type: 'reconnected'; downMs: number; reprogrammed: number; resent: number }
  | { type: 'reprogram'; tiles: number; reason: 'reconnect' | 'board-reset' }
  | {
      type: 'frame-error';
      /** 'crc' | 'cobs' | 'oversize' | 'runt' from the decoder, or 'codec' (bad protobuf). */
      error: string;
      detail: string;
      stats: FrameStats;
      codecErrors: number;
    }
  | { type: 'unsolicited'; kind: string; detail?: string }
  | { type: 'warning'; message: string }
  | { type: 'closed'; reason: string }
);

/** The frame link the session talks over (SerialTransport; anything with the same shape). */
export interface FrameLink {
  readonly path: string;
  readonly baudRate: number;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  send(payload: Uint8Array): Promise<void>;
  on(event: 'frame', listener: (payload: Uint8Array) => void): unknown;
  on(
    event: 'frame-error',
    listener: (kind: string, detail: string, stats: FrameStats) => void,
  ): unknown;
  on(event: 'disconnected', listener: (error: Error) => void): unknown;
  on(event: 'warning', listener: (message: string) => void): unknown;
  removeAllListeners(): unknown;
}

export interface SessionOptions {
  /** Resends after a missed deadline before giving up (default 3). */
  retries?: number;
  /** Margin added to every deadline on top of wire and board time, ms (default 1000). */
  timeoutMs?: number;
  /** Ping the board after this long without traffic, ms; 0 = never (default 3000). */
  heartbeatMs?: number;
  /** Ask for Telemetry this often, ms; 0 = never (default 10000). */
  telemetryMs?: number;
  /** Keep trying to reopen a lost port for this long, ms; 0 = fail at once (default 30000). */
  reconnectMs?: number;
  /** First wait between reopen attempts, ms; doubles up to 2 s (default 100). */
  reconnectDelayMs?: number;
  /** Sent in Hello (default "analoop"). */
  host?: string;
  /**
   * First request id. Default random: a board that still holds replies from an earlier host
   * process in its de-duplication cache must not answer a new request from them.
   */
  firstRequestId?: number;
}

/** One programmed tile as last acknowledged: enough to write it again. */
export interface TileImage {
  rows: number;
  cols: number;
  codes: Uint8Array;
}

export interface MatMulArgs {
  tile: number;
  batch: number;
  cols: number;
  inputCodes: Uint8Array;
  draw?: number;
  rowOffset?: number;
  /**
   * Per-source input conversion (MatMulRequest.input_source, source_offset, source_tile): only
   * for a board that declares PER_SOURCE; left off the wire when absent.
   */
  inputSource?: readonly number[];
  sourceOffset?: number;
  sourceTile?: number;
}

type Lane = 'control' | 'urgent' | 'normal';

interface Job {
  id: number;
  /** Issue order; resends keep it, so they go out in the order the caller asked. */
  seq: number;
  kind: BodyKind;
  expect: BodyKind;
  init: EnvelopeInit;
  bytes: Uint8Array;
  replyBytes: number;
  boardMs: number;
  lane: Lane;
  /** Internal traffic (ping, telemetry, re-programming): dropped rather than resent after a disconnect. */
  internal: boolean;
  /** The tile a matmul/probe needs programmed (for board-reset recovery). */
  tile?: number;
  /** Recovery epoch when sent; an older epoch's NOT_PROGRAMMED is already being repaired. */
  epoch: number;
  recovered: boolean;
  /** Next send does not count as an attempt (resend after a disconnect). */
  free: boolean;
  onSuccess?: (env: Envelope) => void;
  /** Adds an id to the trace entry of the caller's product (request-id.ts); caller's jobs only. */
  report?: (id: number) => void;
}

type State = 'idle' | 'handshaking' | 'ready' | 'down' | 'failed' | 'closed';

const REPLY_OVERHEAD = 24;
/** Wait before resending after BUSY, times the attempt number. */
const BUSY_BACKOFF_MS = 5;

/** Handshake and run a session on an opened or unopened link. */
export class Session {
  private readonly waitress: Waitress<Envelope>;
  private readonly lanes: Record<Lane, Job[]> = { control: [], urgent: [], normal: [] };
  private readonly onWire = new Map<number, Job>();
  private readonly tiles = new Map<number, TileImage>();
  private readonly telemetrySubject = new Subject<Telemetry>();
  private readonly linkSubject = new Subject<LinkEvent>();
  private deviceInfo: DeviceInfo | undefined;
  private state: State = 'idle';
  private failure: Error | undefined;
  private nextId: number;
  private seq = 0;
  private epoch = 0;
  private lastTraffic = 0;
  private codecErrors = 0;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private telemetryTimer: ReturnType<typeof setInterval> | undefined;
  private reconnecting: Promise<void> | undefined;
  /** The first handshake succeeded; before that a lost link is a failed open, not a reconnect. */
  private started = false;
  private readonly opts: Required<Omit<SessionOptions, 'firstRequestId'>>;

  /** Counters for diagnostics and tests. */
  readonly counters = {
    sent: 0,
    retries: 0,
    timeouts: 0,
    lateReplies: 0,
    reconnects: 0,
    /** Most requests ever on the wire at once (never above the credit window). */
    maxOutstanding: 0,
  };

  /** Telemetry from the board: unsolicited, and the answers to the periodic TelemetryRequest. */
  readonly telemetry$: Observable<Telemetry> = this.telemetrySubject.asObservable();
  /** Link events: connected, handshake, retry, timeout, disconnected, reconnected, frame-error... */
  readonly link$: Observable<LinkEvent> = this.linkSubject.asObservable();

  constructor(
    readonly link: FrameLink,
    options: SessionOptions = {},
  ) {
    this.opts = {
      retries: options.retries ?? 3,
      timeoutMs: options.timeoutMs ?? 1000,
      heartbeatMs: options.heartbeatMs ?? 3000,
      telemetryMs: options.telemetryMs ?? 10_000,
      reconnectMs: options.reconnectMs ?? 30_000,
      reconnectDelayMs: options.reconnectDelayMs ?? 100,
      host: options.host ?? 'analoop',
    };
    this.nextId = options.firstRequestId ?? 1 + Math.floor(Math.random() * 0x7fffffff);
    this.waitress = new Waitress<Envelope>((id) => this.expired(id), link.path);
    link.on('frame', (payload) => this.receive(payload));
    link.on('frame-error', (kind, detail, stats) =>
      this.emit({ type: 'frame-error', error: kind, detail, stats, codecErrors: this.codecErrors }),
    );
    link.on('disconnected', (err) => this.lost(err));
    link.on('warning', (message) => this.emit({ type: 'warning', message }));
  }

  /** Open the link and handshake. Rejects with ProtocolVersionError, LinkTimeoutError, or the OS's error. */
  static async open(link: FrameLink, options: SessionOptions = {}): Promise<Session> {
    const s = new Session(link, options);
    try {
      await s.start();
    } catch (e) {
      await s.close().catch(() => undefined);
      throw e;
    }
    return s;
  }

  /** Open the link (if needed), handshake, start the heartbeat and telemetry timers. */
  async start(): Promise<void> {
    if (!this.link.isOpen) await this.link.open();
    this.emit({ type: 'connected', path: this.link.path });
    await this.handshake(false);
    this.state = 'ready';
    this.started = true;
    this.startTimers();
    this.pump();
  }

  /** The board's DeviceInfo from the last handshake. */
  get info(): DeviceInfo {
    if (!this.deviceInfo) throw new LinkClosedError(`${this.link.path}: no handshake yet`);
    return this.deviceInfo;
  }

  /** Requests on the wire now. */
  get outstanding(): number {
    return this.onWire.size;
  }

  /** Requests waiting for a credit. */
  get queued(): number {
    return this.lanes.control.length + this.lanes.urgent.length + this.lanes.normal.length;
  }

  /** The host-side copy of every acknowledged tile (what a reconnect re-programs). */
  get programmedTiles(): ReadonlyMap<number, TileImage> {
    return this.tiles;
  }

  /** Write packed weight codes to a tile; remembered host-side once the board acknowledges. */
  programWeights(tile: number, rows: number, cols: number, codes: Uint8Array): Promise<ProgramAck> {
    return this.call(this.programJob(tile, { rows, cols, codes }, false), 'programAck');
  }

  /** One product on a programmed tile. */
  matmul(a: MatMulArgs): Promise<MatMulResult> {
    const rows = this.tiles.get(a.tile)?.rows ?? this.deviceInfo?.rows ?? 0;
    const adcBits = this.deviceInfo?.adc?.bits ?? 16;
    const job = this.job(
      {
        matmulRequest: {
          tile: a.tile,
          batch: a.batch,
          cols: a.cols,
          inputCodes: a.inputCodes,
          draw: a.draw ?? 0,
          rowOffset: a.rowOffset ?? 0,
          ...(a.inputSource?.length ? { inputSource: [...a.inputSource] } : {}),
          ...(a.sourceOffset ? { sourceOffset: a.sourceOffset } : {}),
          ...(a.sourceTile === undefined ? {} : { sourceTile: a.sourceTile }),
        },
      },
      'matmulResult',
      {
        replyBytes: Math.ceil((a.batch * rows * adcBits) / 8) + REPLY_OVERHEAD,
        elements: a.batch * (a.cols + rows),
        tile: a.tile,
      },
    );
    return this.call(job, 'matmulResult');
  }

  /** Calibration probe: raw ADC codes for one input set to one code. */
  probe(
    tile: number,
    inputIndex: number,
    inputCode: number,
    repeats: number,
  ): Promise<ProbeResult> {
    const rows = this.tiles.get(tile)?.rows ?? this.deviceInfo?.rows ?? 0;
    const adcBits = this.deviceInfo?.adc?.bits ?? 16;
    const job = this.job(
      { probeRequest: { tile, inputIndex, inputCode, repeats } },
      'probeResult',
      {
        replyBytes: Math.ceil((repeats * rows * adcBits) / 8) + REPLY_OVERHEAD,
        elements: repeats * rows,
        tile,
      },
    );
    return this.call(job, 'probeResult');
  }

  /** Round trip to the board. */
  ping(nonce = 0): Promise<Pong> {
    return this.call(this.job({ ping: { nonce } }, 'pong', {}), 'pong');
  }

  /** Ask for one Telemetry message (it is also emitted on telemetry$). */
  requestTelemetry(): Promise<Telemetry> {
    return this.call(this.job({ telemetryRequest: {} }, 'telemetry', {}), 'telemetry');
  }

  /** Clear every tile on the board; the host forgets its copies too. */
  async reset(): Promise<void> {
    const job = this.job({ reset: {} }, 'resetAck', {});
    job.onSuccess = () => this.tiles.clear();
    await this.call(job, 'resetAck');
  }

  /** Stop everything; pending requests fail with LinkClosedError. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    const wasFailed = this.state === 'failed';
    this.state = 'closed';
    this.stopTimers();
    this.dropAll(new LinkClosedError(`${this.link.path}: the session was closed`));
    this.link.removeAllListeners();
    await this.link.close().catch(() => undefined);
    if (!wasFailed) this.emit({ type: 'closed', reason: 'close()' });
    this.telemetrySubject.complete();
    this.linkSubject.complete();
  }

  // ---- requests ----------------------------------------------------------------------------

  private job(
    init: EnvelopeInit,
    expect: BodyKind,
    o: { replyBytes?: number; elements?: number; tile?: number; lane?: Lane; internal?: boolean },
  ): Job {
    const id = this.takeId();
    const full = { ...init, requestId: id } as EnvelopeInit;
    const kind = bodyKind(full);
    const bytes = encodeEnvelope(full);
    return {
      id,
      seq: this.seq++,
      kind,
      expect,
      init,
      bytes,
      replyBytes: o.replyBytes ?? REPLY_OVERHEAD,
      boardMs: boardBudgetMs(kind, o.elements ?? 0),
      lane: o.lane ?? 'normal',
      internal: o.internal ?? false,
      ...(o.tile === undefined ? {} : { tile: o.tile }),
      epoch: this.epoch,
      recovered: false,
      free: false,
    };
  }

  private programJob(tile: number, image: TileImage, internal: boolean): Job {
    const job = this.job(
      { programWeights: { tile, rows: image.rows, cols: image.cols, codes: image.codes } },
      'programAck',
      {
        elements: image.rows * image.cols,
        lane: internal ? 'urgent' : 'normal',
        internal,
      },
    );
    job.onSuccess = () => this.tiles.set(tile, image);
    return job;
  }

  /**
   * Queue `job` and wait for its reply body. Registered in the waitress here, synchronously in
   * the caller's call, so a timeout's stack shows the caller.
   */
  private async call<K extends BodyKind>(job: Job, expect: K): Promise<BodyTypes[K]> {
    if (this.state === 'closed' || this.state === 'failed') {
      throw this.failure ?? new LinkClosedError(`${this.link.path}: the session is closed`);
    }
    const reply = this.waitress.add(job.id, job.kind);
    if (!job.internal) {
      // Still in the caller's async context: a recorder around it learns the wire id. A retry
      // reuses the id, so the trace lists each request once however often it was sent.
      job.report = requestIdReporter();
      job.report?.(job.id);
    }
    this.enqueue(job);
    const env = await reply;
    return (env as unknown as Record<K, BodyTypes[K]>)[expect];
  }

  private enqueue(job: Job): void {
    this.lanes[job.lane].push(job);
    this.pump();
  }

  private takeId(): number {
    const id = this.nextId;
    this.nextId = this.nextId >= 0xffffffff ? 1 : this.nextId + 1;
    return id;
  }

  /** Send queued jobs while credits last: control lane only while handshaking. */
  private pump(): void {
    const window = this.state === 'ready' ? Math.max(1, this.deviceInfo?.creditWindow ?? 1) : 1;
    const lanes: Lane[] =
      this.state === 'ready'
        ? ['control', 'urgent', 'normal']
        : this.state === 'handshaking'
          ? ['control']
          : [];
    for (const lane of lanes) {
      const q = this.lanes[lane];
      while (q.length > 0 && this.onWire.size < window) this.transmit(q.shift()!);
    }
  }

  private transmit(job: Job): void {
    this.onWire.set(job.id, job);
    this.counters.maxOutstanding = Math.max(this.counters.maxOutstanding, this.onWire.size);
    job.epoch = this.epoch;
    this.arm(job, !job.free);
    job.free = false;
    this.write(job);
  }

  /** Deadline: this job's wire and board time, plus that of everything ahead of it, plus the margin. */
  private arm(job: Job, count: boolean): void {
    let aheadMs = 0;
    for (const other of this.onWire.values()) {
      if (other === job) continue;
      aheadMs +=
        wireMs(
          framedBytes(other.bytes.length) + framedBytes(other.replyBytes),
          this.link.baudRate,
        ) + other.boardMs;
    }
    const deadline = attemptDeadlineMs({
      requestBytes: job.bytes.length,
      replyBytes: job.replyBytes,
      baud: this.link.baudRate,
      boardMs: job.boardMs,
      marginMs: this.opts.timeoutMs,
      aheadMs,
    });
    this.waitress.arm(job.id, deadline, count);
  }

  private write(job: Job): void {
    this.counters.sent++;
    this.lastTraffic = Date.now();
    // A failed write means the port went away; the transport reports it and the job is resent.
    this.link.send(job.bytes).catch(() => undefined);
  }

  /** An attempt's deadline passed: send again with the same id, or give up. */
  private expired(id: number): void {
    const job = this.onWire.get(id);
    const info = this.waitress.get(id);
    if (!job || !info) return;
    if (info.attempts <= this.opts.retries) {
      this.counters.retries++;
      this.emit({
        type: 'retry',
        kind: job.kind,
        requestId: id,
        attempt: info.attempts + 1,
        reason: 'timeout',
      });
      this.arm(job, true);
      this.write(job);
      return;
    }
    this.onWire.delete(id);
    this.counters.timeouts++;
    this.emit({
      type: 'timeout',
      kind: job.kind,
      requestId: id,
      attempts: info.attempts,
      deadlineMs: info.deadlineMs,
    });
    this.waitress.timeout(id);
    if (job.kind === 'ping' && job.internal && this.state === 'ready') {
      // A board that misses every heartbeat is as good as unplugged: reopen and re-handshake.
      this.lost(new Error(`no answer to ${info.attempts} heartbeat pings`), true);
    }
    this.pump();
  }

  // ---- replies -----------------------------------------------------------------------------

  private receive(payload: Uint8Array): void {
    let env: Envelope;
    try {
      env = decodeEnvelope(payload);
    } catch (e) {
      if (!(e instanceof CodecError)) throw e;
      this.codecErrors++;
      this.emit({
        type: 'frame-error',
        error: 'codec',
        detail: e.message,
        stats: { frames: 0, crcErrors: 0, cobsErrors: 0, oversize: 0, runts: 0, bytesDiscarded: 0 },
        codecErrors: this.codecErrors,
      });
      return;
    }
    this.lastTraffic = Date.now();
    if (env.requestId === 0) return this.unsolicited(env);
    const job = this.onWire.get(env.requestId);
    if (!job) {
      // A reply to a request that already timed out, or a second answer to a retried one.
      this.counters.lateReplies++;
      return;
    }
    this.onWire.delete(job.id);
    try {
      this.settle(job, env);
    } finally {
      this.pump();
    }
  }

  private settle(job: Job, env: Envelope): void {
    if (env.body === 'error') {
      const err = env.error;
      const info = this.waitress.get(job.id);
      if (err.code === ErrorCode.BUSY && info && info.attempts <= this.opts.retries) {
        // The board did not take it; the same id again after the queue ahead of it.
        this.counters.retries++;
        this.emit({
          type: 'retry',
          kind: job.kind,
          requestId: job.id,
          attempt: info.attempts + 1,
          reason: 'busy',
        });
        this.waitress.disarm(job.id);
        const t = setTimeout(() => {
          if (this.state === 'closed' || this.state === 'failed' || !this.waitress.has(job.id))
            return;
          this.lanes.urgent.push(job);
          this.lanes.urgent.sort((a, b) => a.seq - b.seq);
          this.pump();
        }, BUSY_BACKOFF_MS * info.attempts);
        t.unref?.();
        return;
      }
      if (err.code === ErrorCode.NOT_PROGRAMMED && this.recoverTile(job)) return;
      if (job.kind === 'hello' && err.code === ErrorCode.UNSUPPORTED_VERSION) {
        const m = /board speaks (?:protocol )?v?(\d+)/i.exec(err.message);
        this.waitress.reject(
          job.id,
          new ProtocolVersionError(
            m ? Number(m[1]) : undefined,
            PROTOCOL_VERSION,
            m ? undefined : err.message,
          ),
        );
        return;
      }
      this.waitress.reject(
        job.id,
        new BoardError(
          err.code,
          ErrorCode[err.code] ?? `code ${err.code}`,
          err.message,
          job.kind,
          job.id,
        ),
      );
      return;
    }
    if (env.body !== job.expect) {
      this.waitress.reject(
        job.id,
        new LinkProtocolError(
          `${job.kind} #${job.id}: the board answered ${env.body}, expected ${job.expect}`,
        ),
      );
      return;
    }
    if (env.body === 'telemetry') this.telemetrySubject.next(env.telemetry);
    job.onSuccess?.(env);
    this.waitress.resolve(job.id, env);
  }

  /**
   * NOT_PROGRAMMED on a tile the host has a copy of: the board lost its tiles (a reset the port
   * did not see). Re-program every tile once per such event and retry the request under a new id
   * (the old id's error may sit in the board's de-duplication cache). Returns false when it
   * cannot help (no copy, or already retried).
   */
  private recoverTile(job: Job): boolean {
    if (job.tile === undefined || !this.tiles.has(job.tile) || job.recovered) return false;
    if (job.epoch === this.epoch) {
      this.epoch++;
      this.emit({ type: 'reprogram', tiles: this.tiles.size, reason: 'board-reset' });
      this.queueReprogram();
    }
    job.recovered = true;
    const fresh = this.takeId();
    this.waitress.rename(job.id, fresh);
    job.id = fresh;
    job.report?.(fresh);
    job.bytes = encodeEnvelope({ ...job.init, requestId: fresh } as EnvelopeInit);
    job.free = false;
    this.lanes.urgent.push(job);
    return true;
  }

  private queueReprogram(): number {
    for (const [tile, image] of this.tiles) {
      const job = this.programJob(tile, image, true);
      this.waitress.add(job.id, job.kind).catch(() => undefined);
      this.lanes.urgent.push(job);
    }
    return this.tiles.size;
  }

  private unsolicited(env: Envelope): void {
    if (env.body === 'telemetry') {
      this.telemetrySubject.next(env.telemetry);
      return;
    }
    const detail =
      env.body === 'error'
        ? `${ErrorCode[env.error.code] ?? env.error.code}: ${env.error.message}`
        : undefined;
    this.emit({ type: 'unsolicited', kind: env.body, ...(detail === undefined ? {} : { detail }) });
  }

  // ---- handshake ---------------------------------------------------------------------------

  private async handshake(again: boolean): Promise<void> {
    this.state = 'handshaking';
    const job = this.job(
      { hello: { protocolVersion: PROTOCOL_VERSION, host: this.opts.host } },
      'deviceInfo',
      { replyBytes: 160, lane: 'control', internal: true },
    );
    const info = await this.call(job, 'deviceInfo');
    if (info.protocolVersion !== PROTOCOL_VERSION) {
      throw new ProtocolVersionError(info.protocolVersion, PROTOCOL_VERSION);
    }
    checkDeviceInfo(info, this.link.path);
    if (again && this.deviceInfo) {
      const changed = boardChange(this.deviceInfo, info);
      if (changed) {
        throw new LinkProtocolError(
          `${this.link.path}: a different board answered after reconnecting (${changed}); reopen the device`,
        );
      }
    }
    this.deviceInfo = info;
    this.emit({ type: 'handshake', info });
  }

  // ---- disconnect and reconnect ------------------------------------------------------------

  /** The port went away (or, with `closeFirst`, the board stopped answering): hold requests and reconnect. */
  private lost(err: Error, closeFirst = false): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    if (!this.started) {
      this.emit({ type: 'disconnected', reason: err.message });
      return this.fail(
        new LinkClosedError(`${this.link.path}: the link was lost while opening (${err.message})`),
      );
    }
    const wasUp = this.state === 'ready' || this.state === 'handshaking';
    this.state = 'down';
    if (wasUp) this.emit({ type: 'disconnected', reason: err.message });
    this.stopTimers();
    // Hold what was on the wire; internal traffic is redone from scratch after the handshake.
    for (const job of [...this.onWire.values()]) {
      this.onWire.delete(job.id);
      this.waitress.disarm(job.id);
      if (job.internal) this.waitress.reject(job.id, new LinkClosedError('link lost'));
      else {
        job.free = true;
        this.lanes.urgent.push(job);
      }
    }
    for (const lane of ['control', 'urgent'] as const) {
      this.lanes[lane] = this.lanes[lane].filter((job) => {
        if (!job.internal) return true;
        this.waitress.reject(job.id, new LinkClosedError('link lost'));
        return false;
      });
    }
    this.lanes.urgent.sort((a, b) => a.seq - b.seq);
    if (!this.reconnecting) {
      this.reconnecting = this.reconnect(err, closeFirst).finally(() => {
        this.reconnecting = undefined;
      });
    }
  }

  private async reconnect(cause: Error, closeFirst: boolean): Promise<void> {
    const start = Date.now();
    if (closeFirst) await this.link.close().catch(() => undefined);
    let delay = this.opts.reconnectDelayMs;
    let last: Error = cause;
    while (this.state === 'down') {
      if (Date.now() - start >= this.opts.reconnectMs) {
        return this.fail(
          new LinkClosedError(
            `${this.link.path}: the link was lost (${cause.message}) and could not be re-established within ${this.opts.reconnectMs} ms (last error: ${last.message}); check the cable, then resume from the last checkpoint`,
            { cause: last },
          ),
        );
      }
      try {
        if (!this.link.isOpen) await this.link.open();
        if (this.state !== 'down') {
          if (this.state === 'closed') await this.link.close().catch(() => undefined);
          return;
        }
        this.emit({ type: 'connected', path: this.link.path });
        await this.handshake(true);
        if ((this.state as State) === 'closed') return;
        this.counters.reconnects++;
        const resent = this.lanes.urgent.length;
        const held = this.lanes.urgent;
        this.lanes.urgent = [];
        const reprogrammed = this.queueReprogram();
        this.lanes.urgent.push(...held);
        this.epoch++;
        if (reprogrammed > 0)
          this.emit({ type: 'reprogram', tiles: reprogrammed, reason: 'reconnect' });
        this.emit({ type: 'reconnected', downMs: Date.now() - start, reprogrammed, resent });
        this.state = 'ready';
        this.startTimers();
        this.pump();
        return;
      } catch (e) {
        last = e as Error;
        if (e instanceof ProtocolVersionError || e instanceof LinkProtocolError)
          return this.fail(e);
        if ((this.state as State) === 'closed') return;
        this.state = 'down';
        await this.link.close().catch(() => undefined);
        await sleep(delay);
        delay = Math.min(2000, delay * 2);
      }
    }
  }

  /** The link is beyond repair: fail everything now and later with `err`. */
  private fail(err: Error): void {
    if (this.state === 'closed') return;
    this.state = 'failed';
    this.failure = err;
    this.stopTimers();
    this.dropAll(err);
    this.link.close().catch(() => undefined);
    this.emit({ type: 'closed', reason: err.message });
  }

  private dropAll(err: Error): void {
    for (const lane of ['control', 'urgent', 'normal'] as const) this.lanes[lane] = [];
    this.onWire.clear();
    this.waitress.rejectAll(err);
  }

  // ---- heartbeat and telemetry -------------------------------------------------------------

  private startTimers(): void {
    this.stopTimers();
    this.lastTraffic = Date.now();
    const { heartbeatMs, telemetryMs } = this.opts;
    if (heartbeatMs > 0) {
      this.heartbeatTimer = setInterval(() => this.heartbeat(), heartbeatMs);
      this.heartbeatTimer.unref?.();
    }
    if (telemetryMs > 0) {
      this.telemetryTimer = setInterval(() => {
        if (this.state !== 'ready') return;
        const job = this.job({ telemetryRequest: {} }, 'telemetry', { internal: true });
        this.call(job, 'telemetry').catch(() => undefined);
      }, telemetryMs);
      this.telemetryTimer.unref?.();
    }
  }

  private heartbeat(): void {
    if (this.state !== 'ready' || this.onWire.size > 0 || this.queued > 0) return;
    if (Date.now() - this.lastTraffic < this.opts.heartbeatMs) return;
    const job = this.job({ ping: { nonce: this.seq } }, 'pong', { internal: true });
    this.call(job, 'pong').catch(() => undefined);
  }

  private stopTimers(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.telemetryTimer) clearInterval(this.telemetryTimer);
    this.heartbeatTimer = undefined;
    this.telemetryTimer = undefined;
  }

  private emit(e: DistributiveOmit<LinkEvent, 'time'>): void {
    this.linkSubject.next({ time: Date.now(), ...e } as LinkEvent);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** DeviceInfo fields the driver cannot work without. */
function checkDeviceInfo(info: DeviceInfo, path: string): void {
  const bad = (what: string) =>
    new LinkProtocolError(`${path}: the board's DeviceInfo is unusable: ${what}`);
  if (!(info.rows > 0 && info.cols > 0)) throw bad(`array size ${info.rows} x ${info.cols}`);
  if (!(info.maxBatch > 0)) throw bad(`max_batch ${info.maxBatch}`);
  for (const name of ['dac', 'adc', 'weight'] as const) {
    const c = info[name];
    if (!c || !c.range) throw bad(`no ${name} converter`);
  }
}

/** Why `b` is not the board `a` was (undefined when it is), compared on what the host relies on. */
function boardChange(a: DeviceInfo, b: DeviceInfo): string | undefined {
  const pick = (i: DeviceInfo) =>
    JSON.stringify({
      kind: i.kind,
      serial: i.serial,
      rows: i.rows,
      cols: i.cols,
      dac: i.dac,
      adc: i.adc,
      weight: i.weight,
      inputConversion: i.inputConversion,
    });
  if (a.serial !== b.serial) return `serial ${a.serial} -> ${b.serial}`;
  if (pick(a) !== pick(b)) return 'array size or converters changed';
  return undefined;
}

export { LinkError, LinkTimeoutError };
