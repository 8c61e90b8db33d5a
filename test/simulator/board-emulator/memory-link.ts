import { EventEmitter } from 'node:events';
import { LinkClosedError } from '../../../drivers/serial/errors.js';
import { encodeFrame, FrameDecoder } from '../../../drivers/serial/framing.js';
import { SerialDevice } from '../../../drivers/serial/serial-device.js';
import { Session, type FrameLink, type SessionOptions } from '../../../drivers/serial/session.js';
import {
  BoardEmulator,
  type BoardEmulatorOptions,
} from '../../../simulator/board-emulator/board-emulator.js';

/**
 * A FrameLink with a BoardEmulator at its far end, in memory: the real Session and SerialDevice
 * over the real framing and emulator, without socat. Bytes cross on setImmediate (a port
 * delivers asynchronously too). A disconnect fault, or unplug(), takes the link away for
 * `downMs`: the host sees 'disconnected', reopening fails until the link is back, and bytes in
 * flight are lost.
 */
export class MemoryLink extends EventEmitter implements FrameLink {
  readonly path = 'memory:board';
  readonly baudRate: number;
  readonly board: BoardEmulator;
  private opened = false;
  private present = true;
  /** Bumped on every unplug; deliveries of an older epoch are dropped. */
  private epoch = 0;
  private readonly decoder = new FrameDecoder({
    onError: (kind, detail) => this.emit('frame-error', kind, detail, { ...this.decoder.stats }),
  });
  private readonly downMs: number;

  constructor(
    options: Omit<BoardEmulatorOptions, 'send' | 'onLinkFault'> & {
      baudRate?: number;
      downMs?: number;
    },
  ) {
    super();
    this.baudRate = options.baudRate ?? 921_600;
    this.downMs = options.downMs ?? 20;
    this.board = new BoardEmulator({
      ...options,
      send: (bytes) => {
        const e = this.epoch;
        const copy = Uint8Array.from(bytes);
        setImmediate(() => {
          if (e !== this.epoch || !this.opened) return;
          for (const f of this.decoder.push(copy)) this.emit('frame', f);
        });
      },
      onLinkFault: () => this.pull(),
    });
  }

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (!this.present) throw new Error(`${this.path}: no such device (unplugged)`);
    this.opened = true;
    this.decoder.reset();
  }

  async close(): Promise<void> {
    this.opened = false;
  }

  async send(payload: Uint8Array): Promise<void> {
    if (!this.opened) throw new LinkClosedError(`${this.path}: not open`);
    const bytes = encodeFrame(payload);
    const e = this.epoch;
    setImmediate(() => {
      if (e === this.epoch) this.board.receive(bytes);
    });
  }

  /** Pull the cable now (the board keeps power, as with a disconnect fault). */
  unplug(): void {
    this.board.linkLost('disconnect');
    this.pull();
  }

  private pull(): void {
    this.epoch++;
    this.present = false;
    const wasOpen = this.opened;
    this.opened = false;
    if (wasOpen) this.emit('disconnected', new Error('device unplugged'));
    setTimeout(() => (this.present = true), this.downMs);
  }
}

/** A SerialDevice on a MemoryLink: quiet (no heartbeat or telemetry) and quick to retry. */
export async function memorySerialDevice(
  options: ConstructorParameters<typeof MemoryLink>[0],
  session: SessionOptions = {},
): Promise<{ device: SerialDevice; link: MemoryLink }> {
  const link = new MemoryLink(options);
  const s = await Session.open(link, {
    heartbeatMs: 0,
    telemetryMs: 0,
    timeoutMs: 30,
    reconnectDelayMs: 10,
    ...session,
  });
  return { device: new SerialDevice(s, { source: 'serial:memory' }), link };
}
