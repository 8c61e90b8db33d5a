import { EventEmitter } from 'node:events';
import { encodeFrame, FrameDecoder } from '../../drivers/serial/framing.js';
import { SerialDevice } from '../../drivers/serial/serial-device.js';
import { Session, type FrameLink } from '../../drivers/serial/session.js';
import { BoardEmulator } from '../../simulator/board-emulator/board-emulator.js';
import type { Profile } from '../../src/profile/index.js';

/**
 * The serial driver talking to the board emulator in memory: a FrameLink whose frames go
 * straight into BoardEmulator.receive and whose replies come back through a FrameDecoder. The
 * whole protocol runs (framing, CRC, codec, codes, credit window), only the pty is missing.
 */
class MemoryLink extends EventEmitter implements FrameLink {
  readonly path = 'memory:board';
  // Only used for deadlines: the wire time of a frame at this rate.
  readonly baudRate = 921_600;
  isOpen = false;
  board!: BoardEmulator;
  private readonly decoder = new FrameDecoder();

  deliver(bytes: Uint8Array): void {
    // Asynchronously, as a serial port would.
    setImmediate(() => {
      for (const p of this.decoder.push(bytes)) this.emit('frame', p);
    });
  }
  async open(): Promise<void> {
    this.isOpen = true;
  }
  async close(): Promise<void> {
    this.isOpen = false;
  }
  async send(payload: Uint8Array): Promise<void> {
    const frame = encodeFrame(payload);
    setImmediate(() => this.board.receive(frame));
  }
}

/** A SerialDevice on an in-memory emulated board running `profile` with the given clock. */
export async function memoryBoardDevice(
  profile: Profile,
  options: { clock?: () => number } = {},
): Promise<{ device: SerialDevice; board: BoardEmulator }> {
  const link = new MemoryLink();
  link.board = new BoardEmulator({
    profile,
    send: (bytes) => link.deliver(bytes),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const session = await Session.open(link, { heartbeatMs: 0, telemetryMs: 0, timeoutMs: 5000 });
  return { device: new SerialDevice(session), board: link.board };
}
