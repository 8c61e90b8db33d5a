import { SerialPortMock } from 'serialport';
import {
  decodeEnvelope,
  DeviceKind,
  encodeEnvelope,
  ErrorCode,
  type Envelope,
  type EnvelopeInit,
} from '../../../drivers/serial/codec.js';
import { packCodes, unpackCodes } from '../../../drivers/serial/codes.js';
import { encodeFrame, FrameDecoder } from '../../../drivers/serial/framing.js';
import { versionMismatchMessage } from '../../../drivers/serial/version.js';

/**
 * A small board for unit tests, living on @serialport/binding-mock: it sees every byte the host
 * writes, answers with framing + codec like firmware would, and can misbehave on request (drop
 * replies, hold them, go silent, forget its tiles, be unplugged). Products are exact integer
 * arithmetic on codes so expected values can be worked out by hand.
 */

export const MockBinding = SerialPortMock.binding;
type MockPort = Awaited<ReturnType<typeof MockBinding.open>>;

export interface FakeConverter {
  bits: number;
  scale: number;
  range: { lo: number; hi: number };
}

export interface FakeInfo {
  protocolVersion: number;
  kind: number;
  model: string;
  firmware: string;
  serial: string;
  rows: number;
  cols: number;
  tiles: number;
  dac: FakeConverter;
  adc: FakeConverter;
  weight: FakeConverter;
  maxBatch: number;
  creditWindow: number;
  conductanceMinUs: number;
  conductanceMaxUs: number;
  /** InputConversion: 0 = PER_ELEMENT (absent), 1 = PER_SOURCE. */
  inputConversion?: number;
}

/** 8-bit DAC and weights at 64 codes per unit over [-1, 1]; 16-bit ADC at 256 per unit over [-64, 64]. */
export function defaultInfo(): FakeInfo {
  return {
    protocolVersion: 1,
    kind: DeviceKind.SIMULATED,
    model: 'fake-board',
    firmware: '0.0.1',
    serial: 'FAKE-1',
    rows: 4,
    cols: 3,
    tiles: 8,
    dac: { bits: 8, scale: 64, range: { lo: -1, hi: 1 } },
    adc: { bits: 16, scale: 256, range: { lo: -64, hi: 64 } },
    weight: { bits: 8, scale: 64, range: { lo: -1, hi: 1 } },
    maxBatch: 2,
    creditWindow: 2,
    conductanceMinUs: 0,
    conductanceMaxUs: 0,
  };
}

interface Tile {
  rows: number;
  cols: number;
  codes: Int32Array;
}

export class FakeBoard {
  info: FakeInfo = defaultInfo();
  /** Every request frame received, retries included, in order. */
  readonly received: Envelope[] = [];
  /** How many times each request id was executed (de-duplicated ids run once). */
  readonly executions = new Map<number, number>();
  readonly tiles = new Map<number, Tile>();
  /** Replies sent, by id (the de-duplication cache). */
  private readonly cache = new Map<number, Buffer>();
  private readonly decoder = new FrameDecoder();
  /** Ids received and not yet answered. */
  private readonly open = new Set<number>();
  maxOpen = 0;
  duplicates = 0;
  /** Never answer anything. */
  silent = false;
  /** Queue replies until release(). */
  holding = false;
  private held: { id: number; frame: Buffer }[] = [];
  /** Drop the replies (after executing) of the next n requests of a kind. */
  private drops = new Map<string, number>();
  /** Answer Hello with an Error instead of DeviceInfo when versions differ. */
  versionErrorReply = false;
  /** Clear tiles and the cache whenever the port is unplugged (a board that resets on disconnect). */
  resetOnUnplug = true;
  port: MockPort | undefined;
  private unplugReject: ((e: Error) => void) | undefined;

  /** A binding that opens MockBinding ports wired to this board. */
  readonly binding: typeof MockBinding = {
    ...MockBinding,
    open: async (options) => {
      const port = await MockBinding.open(options);
      this.attach(port);
      return port;
    },
  };

  constructor(readonly path = '/dev/fake0') {
    MockBinding.createPort(path, { echo: false, record: false });
  }

  dropNext(kind: string, n = 1): void {
    this.drops.set(kind, (this.drops.get(kind) ?? 0) + n);
  }

  /** Send every held reply now. */
  release(count = Infinity): void {
    const out = this.held.splice(0, count);
    for (const h of out) this.transmit(h.id, h.frame);
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Send an unsolicited message (request id 0). */
  push(msg: EnvelopeInit): void {
    this.port?.emitData(encodeFrame(encodeEnvelope({ ...msg, requestId: 0 } as EnvelopeInit)));
  }

  /** Write raw bytes to the host. */
  emitRaw(bytes: Buffer): void {
    this.port?.emitData(bytes);
  }

  /** Lose every tile and the de-duplication cache, as a board reset does. */
  forget(): void {
    this.tiles.clear();
    this.cache.clear();
    this.open.clear();
    this.held = [];
  }

  /** The cable is pulled: the host's next read fails as a USB disconnect does. */
  unplug(): void {
    this.unplugReject?.(Object.assign(new Error('device unplugged'), { disconnect: true }));
    this.unplugReject = undefined;
    if (this.resetOnUnplug) this.forget();
  }

  requests(kind: string): Envelope[] {
    return this.received.filter((e) => e.body === kind);
  }

  private attach(port: MockPort): void {
    this.port = port;
    this.open.clear();
    const unplugged = new Promise<never>((_, reject) => {
      this.unplugReject = reject;
    });
    unplugged.catch(() => undefined);
    const read = port.read.bind(port);
    port.read = (buffer, offset, length) => Promise.race([read(buffer, offset, length), unplugged]);
    const write = port.write.bind(port);
    port.write = async (buffer) => {
      await write(buffer);
      for (const payload of this.decoder.push(buffer)) this.handle(payload);
    };
  }

  private handle(payload: Uint8Array): void {
    const env = decodeEnvelope(payload);
    this.received.push(env);
    if (this.silent) return;
    const id = env.requestId;
    const cached = this.cache.get(id);
    if (cached) {
      this.duplicates++;
      this.send(id, cached, env.body);
      return;
    }
    this.executions.set(id, (this.executions.get(id) ?? 0) + 1);
    this.open.add(id);
    this.maxOpen = Math.max(this.maxOpen, this.open.size);
    const reply = this.execute(env);
    const frame = encodeFrame(encodeEnvelope({ ...reply, requestId: id } as EnvelopeInit));
    this.cache.set(id, frame);
    this.send(id, frame, env.body);
  }

  private send(id: number, frame: Buffer, kind: string): void {
    const drop = this.drops.get(kind) ?? 0;
    if (drop > 0) {
      this.drops.set(kind, drop - 1);
      return;
    }
    if (this.holding) this.held.push({ id, frame });
    else this.transmit(id, frame);
  }

  private transmit(id: number, frame: Buffer): void {
    this.open.delete(id);
    if (this.port?.isOpen) this.port.emitData(frame);
  }

  private execute(env: Envelope): EnvelopeInit {
    const info = this.info;
    switch (env.body) {
      case 'hello':
        if (env.hello.protocolVersion !== info.protocolVersion && this.versionErrorReply) {
          return {
            error: {
              code: ErrorCode.UNSUPPORTED_VERSION,
              message: versionMismatchMessage(env.hello.protocolVersion, info.protocolVersion),
            },
          };
        }
        return { deviceInfo: info };
      case 'programWeights': {
        const p = env.programWeights;
        const codes = unpackCodes(p.codes, info.weight.bits, p.rows * p.cols);
        this.tiles.set(p.tile, { rows: p.rows, cols: p.cols, codes });
        return { programAck: { tile: p.tile } };
      }
      case 'matmulRequest': {
        const m = env.matmulRequest;
        const t = this.tiles.get(m.tile);
        if (!t)
          return { error: { code: ErrorCode.NOT_PROGRAMMED, message: `tile ${m.tile} is empty` } };
        const x = unpackCodes(m.inputCodes, info.dac.bits, m.batch * m.cols);
        const out = new Int32Array(m.batch * t.rows);
        const { lo, hi } = info.adc.range;
        for (let b = 0; b < m.batch; b++) {
          for (let r = 0; r < t.rows; r++) {
            let y = 0;
            for (let c = 0; c < t.cols; c++)
              y +=
                (x[b * m.cols + c]! / info.dac.scale) *
                (t.codes[r * t.cols + c]! / info.weight.scale);
            y = Math.min(hi, Math.max(lo, y));
            out[b * t.rows + r] = Math.round(y * info.adc.scale);
          }
        }
        return {
          matmulResult: {
            tile: m.tile,
            batch: m.batch,
            rows: t.rows,
            outputCodes: packCodes(out, info.adc.bits),
          },
        };
      }
      case 'ping':
        return { pong: { nonce: env.ping.nonce, uptimeMs: 1234 } };
      case 'telemetryRequest':
        return {
          telemetry: {
            temperatureC: 31.5,
            uptimeMs: 5000,
            crcErrors: 1,
            duplicateRequests: this.duplicates,
          },
        };
      case 'reset':
        this.tiles.clear();
        return { resetAck: {} };
      default:
        return { error: { code: ErrorCode.BAD_REQUEST, message: `unexpected ${env.body}` } };
    }
  }
}

/** Let queued I/O (nextTick chains of the mock binding and the stream) run. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => process.nextTick(r));
}
