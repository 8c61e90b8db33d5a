import { EventEmitter } from 'node:events';
import { SerialPort, type SerialPortMock } from 'serialport';
import { LinkClosedError } from './errors.js';
import {
  encodeFrame,
  FrameDecoder,
  type FrameDecoderStats,
  type FrameErrorKind,
} from './framing.js';

/**
 * Bytes in and out of one serial port, as frames. Everything about "which port, which OS" is the
 * binding's business (serialport's split: the stream moves bytes, a binding reaches the OS or a
 * mock), so tests pass `@serialport/binding-mock` and production uses the native default.
 *
 * The transport knows nothing of requests: it frames outgoing payloads, feeds every received
 * byte to one FrameDecoder, emits whole payloads, and reports when the port went away. It can be
 * opened again after a disconnect (a fresh port object each time), which is how the session
 * reconnects.
 */

/** Frame decoder counters (see framing.ts). */
export type FrameStats = FrameDecoderStats;

export interface TransportEvents {
  /** One complete, CRC-checked payload. */
  frame: [payload: Uint8Array];
  /** A bad frame was discarded; `stats` are the decoder's running counts (a copy). */
  'frame-error': [kind: FrameErrorKind, detail: string, stats: FrameStats];
  /** The port closed without close() being called (unplugged, read/write error, EOF). */
  disconnected: [error: Error];
  /** Something non-fatal, e.g. modem-control lines or low-latency mode not available on a pty. */
  warning: [message: string];
}

/**
 * A serialport binding: the native one (default) or the mock. Any object implementing serialport's
 * BindingInterface works at run time; the union keeps the types available (the interface package
 * ships no types for ESM imports).
 */
export type SerialBinding = typeof SerialPort.binding | typeof SerialPortMock.binding;

export interface TransportOptions {
  path: string;
  baudRate: number;
  /** serialport binding; default the native one. Tests pass MockBinding. */
  binding?: SerialBinding;
  /** Ask for the FTDI low-latency mode (reads are otherwise delayed up to 16 ms). Default true. */
  lowLatency?: boolean;
}

type Port = SerialPort;

export class SerialTransport extends EventEmitter<TransportEvents> {
  private port: Port | undefined;
  private readonly decoder = new FrameDecoder({
    onError: (kind, detail) => this.emit('frame-error', kind, detail, { ...this.decoder.stats }),
  });
  private closing = false;
  /** Non-fatal problems met while opening, newest last (also emitted as 'warning'). */
  readonly warnings: string[] = [];

  constructor(readonly options: TransportOptions) {
    super();
  }

  get path(): string {
    return this.options.path;
  }

  get baudRate(): number {
    return this.options.baudRate;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** The decoder's counters since the transport was created (they survive reconnects). */
  get stats(): FrameStats {
    return this.decoder.stats;
  }

  /** The serialport stream while open (tests use it to simulate an unplug). */
  get stream(): Port | undefined {
    return this.port;
  }

  /** Open the port; rejects with the OS's reason (no such port, permission, locked). */
  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    this.closing = false;
    const { path, baudRate, binding } = this.options;
    // serialport's typings omit `binding`, but the constructor honours it (it spreads the options
    // over its default binding); that is the documented way to swap in a mock.
    const port = new SerialPort({
      path,
      baudRate,
      autoOpen: false,
      ...(binding ? { binding } : {}),
    } as ConstructorParameters<typeof SerialPort>[0]);
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(err) : resolve())),
    );
    this.port = port;
    // A frame cut in half by a disconnect must not be glued to the first bytes after it.
    this.decoder.reset();
    port.on('data', (chunk: Buffer) => this.receive(chunk));
    port.on('close', (err: Error | null) => this.lost(port, err ?? new Error('port closed')));
    port.on('end', () => this.lost(port, new Error('end of stream')));
    // After open, errors also surface as 'close' with a DisconnectedError; a listener is needed so
    // an 'error' event never crashes the process.
    port.on('error', (err: Error) => {
      if (!port.isOpen) this.lost(port, err);
      else this.warn(`serial port error: ${err.message}`);
    });
    await this.modemControl(port);
  }

  /** Write one payload as a frame. Resolves when the port took it, after 'drain' if its buffer was full. */
  async send(payload: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new LinkClosedError(`${this.path}: cannot send, the port is not open`);
    const frame = encodeFrame(payload);
    await new Promise<void>((resolve, reject) => {
      let written = false;
      let drained = true;
      const done = () => {
        if (written && drained) resolve();
      };
      const ok = port.write(frame, (err) => {
        if (err) return reject(err);
        written = true;
        done();
      });
      if (!ok) {
        drained = false;
        port.once('drain', () => {
          drained = true;
          done();
        });
      }
    });
  }

  /** Close the port on purpose; no 'disconnected' event follows. */
  async close(): Promise<void> {
    this.closing = true;
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private receive(chunk: Buffer): void {
    for (const f of this.decoder.push(chunk)) this.emit('frame', f);
  }

  private lost(port: Port, err: Error): void {
    if (this.port !== port) return; // an old port, or closed on purpose
    this.port = undefined;
    port.removeAllListeners('data');
    if (port.isOpen) port.close(() => undefined);
    if (!this.closing) this.emit('disconnected', err);
  }

  /**
   * Assert DTR/RTS and ask for low-latency mode. Both fail on a pseudo-terminal ("Inappropriate
   * ioctl") and on some adapters; neither is needed to move bytes, so failures are warnings.
   */
  private async modemControl(port: Port): Promise<void> {
    const set = (opts: Record<string, boolean>) =>
      new Promise<Error | null>((resolve) =>
        port.set(opts as Parameters<Port['set']>[0], (err) => resolve(err ?? null)),
      );
    const dtr = await set({ dtr: true, rts: true });
    if (dtr) this.warn(`${this.path}: cannot set DTR/RTS (${dtr.message}); continuing without`);
    if (this.options.lowLatency ?? true) {
      const ll = await set({ dtr: true, rts: true, lowLatency: true });
      if (ll) this.warn(`${this.path}: low-latency mode not available (${ll.message}); continuing`);
    }
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.emit('warning', message);
  }
}
