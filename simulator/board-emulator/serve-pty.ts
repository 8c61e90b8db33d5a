import { SerialPort } from 'serialport';
import { FRAME_DELIMITER } from '../../drivers/serial/framing.js';
import type { Profile } from '../../src/profile/index.js';
import { BoardEmulator } from './board-emulator.js';
import { NO_FAULTS, type FaultSpec } from './faults.js';
import { LineRate } from './line-rate.js';
import { openPtyPair, type PtyPair } from './pty-pair.js';

export interface PtyServeOptions {
  /** Host end of the pty pair (what `serial:` opens); the board end is `<link>.board`. */
  link: string;
  profile: Profile;
  seed?: number;
  /** Throttle both directions to this line rate; undefined = as fast as the pty goes. */
  baud?: number;
  faults?: FaultSpec;
  telemetryIntervalMs?: number;
  creditWindow?: number;
  /** How long a disconnect or powerloss fault keeps the link down. Default 1000 ms. */
  reconnectDelayMs?: number;
  /** See BoardEmulatorOptions.onExecute. */
  onExecute?: (requestId: number, kind: string, ok: boolean) => void;
  log?: (line: string) => void;
}

export interface PtyServer {
  readonly hostPath: string;
  readonly boardPath: string;
  readonly emulator: BoardEmulator;
  /** Resolves when stop() finished; rejects if the link could not be brought back. */
  readonly closed: Promise<void>;
  stop(): Promise<void>;
}

async function openPort(path: string, baudRate: number): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

/**
 * A read from the pty holds whatever the host wrote since the last one, often several frames.
 * Cut it after every frame delimiter so each frame reaches the board when its own last byte
 * would have crossed the line, as on a UART; delivered whole, the first frame would wait for
 * the last (up to a credit window of requests) and the board would idle meanwhile.
 */
function framePieces(chunk: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  let start = 0;
  for (
    let i = chunk.indexOf(FRAME_DELIMITER);
    i !== -1;
    i = chunk.indexOf(FRAME_DELIMITER, i + 1)
  ) {
    pieces.push(chunk.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < chunk.length) pieces.push(chunk.subarray(start));
  return pieces;
}

/**
 * Serves a BoardEmulator on a socat pty pair until stop(). A disconnect fault (or socat dying)
 * takes the whole pair down, so the host sees its port vanish as with a pulled USB cable, and
 * brings a new pair up on the same paths after reconnectDelayMs. A serialport host may only
 * notice at its next write (EIO): a read after the hangup gets EOF, which serialport retries.
 */
export async function servePty(options: PtyServeOptions): Promise<PtyServer> {
  const log = options.log ?? (() => undefined);
  const rx = new LineRate(options.baud);
  const tx = new LineRate(options.baud);
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  let pair: PtyPair | undefined;
  let port: SerialPort | undefined;
  /** Bumped whenever the link goes down; deliveries scheduled for an older link are dropped. */
  let epoch = 0;
  let stopping = false;
  let stopped = false;
  let bouncing: Promise<void> | undefined;
  /** Ends a bounce's reconnect delay early, so stop() need not wait it out. */
  let wake: (() => void) | undefined;
  let resolveClosed!: () => void;
  let rejectClosed!: (e: Error) => void;
  const closed = new Promise<void>((res, rej) => {
    resolveClosed = res;
    rejectClosed = rej;
  });

  const emulator = new BoardEmulator({
    profile: options.profile,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    faults: options.faults ?? NO_FAULTS,
    ...(options.telemetryIntervalMs === undefined
      ? {}
      : { telemetryIntervalMs: options.telemetryIntervalMs }),
    ...(options.creditWindow === undefined ? {} : { creditWindow: options.creditWindow }),
    ...(options.onExecute ? { onExecute: options.onExecute } : {}),
    send: (bytes) => {
      const e = epoch;
      tx.schedule(bytes.length, () => {
        if (e === epoch && port?.isOpen) port.write(Buffer.from(bytes));
      });
    },
    onLinkFault: (kind) => {
      log(
        `fault: ${kind} at request ${emulator.requestCount}; link down for ${reconnectDelayMs} ms`,
      );
      void bounce(kind === 'powerloss' ? 'power loss' : 'disconnect', reconnectDelayMs);
    },
  });

  async function attach(): Promise<void> {
    const p = await openPtyPair(options.link);
    let b: SerialPort;
    try {
      b = await openPort(p.boardPath, options.baud ?? 921600);
    } catch (e) {
      await p.close();
      throw e;
    }
    pair = p;
    port = b;
    const e = epoch;
    b.on('data', (chunk: Buffer) => {
      for (const piece of framePieces(chunk)) {
        rx.schedule(piece.length, () => {
          if (e === epoch) emulator.receive(piece);
        });
      }
    });
    b.on('error', (err) => log(`board end: ${err.message}`));
    b.on('close', () => {
      if (e === epoch && !stopping) void bounce('board end closed', 0);
    });
    void p.exited.then(() => {
      if (e === epoch && !stopping) void bounce('socat exited', 0);
    });
  }

  async function detach(): Promise<void> {
    epoch++;
    rx.clear();
    tx.clear();
    const b = port;
    const p = pair;
    port = undefined;
    pair = undefined;
    if (b?.isOpen) await new Promise<void>((r) => b.close(() => r()));
    await p?.close();
  }

  /** Takes the link down and brings it back after `delayMs` (one bounce at a time). */
  function bounce(why: string, delayMs: number): Promise<void> {
    bouncing ??= (async () => {
      try {
        if (why !== 'disconnect' && why !== 'power loss') {
          log(`${why}; restarting the pty pair`);
          emulator.linkLost();
        }
        await detach();
        if (!stopping) {
          await new Promise<void>((r) => {
            const t = setTimeout(r, delayMs);
            wake = () => {
              clearTimeout(t);
              r();
            };
          });
          wake = undefined;
        }
        if (stopping) return;
        await attach();
        log(`link up again on ${options.link}`);
      } catch (err) {
        stopping = true;
        await emulator.close();
        rejectClosed(new Error(`cannot bring the link back: ${(err as Error).message}`));
      } finally {
        bouncing = undefined;
      }
    })();
    return bouncing;
  }

  await attach();
  return {
    hostPath: options.link,
    boardPath: `${options.link}.board`,
    emulator,
    closed,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      wake?.();
      await bouncing;
      await emulator.close();
      await detach();
      resolveClosed();
    },
  };
}
