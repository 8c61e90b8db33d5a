import {
  decodeEnvelope,
  encodeEnvelope,
  type Envelope,
  type EnvelopeInit,
} from '../../../drivers/serial/codec.js';
import { encodeFrame, FrameDecoder } from '../../../drivers/serial/framing.js';
import {
  BoardEmulator,
  type BoardEmulatorOptions,
} from '../../../simulator/board-emulator/board-emulator.js';

/** An emulator wired to an in-memory "host" that frames requests and decodes every reply. */
export function memoryBoard(options: Omit<BoardEmulatorOptions, 'send'>) {
  const sent: Uint8Array[] = [];
  const decoder = new FrameDecoder();
  const replies: Envelope[] = [];
  const board = new BoardEmulator({
    ...options,
    send: (bytes) => {
      sent.push(Uint8Array.from(bytes));
      for (const p of decoder.push(bytes)) replies.push(decodeEnvelope(p));
    },
  });
  /** Send one request and wait until the board handled everything. */
  const request = async (msg: EnvelopeInit): Promise<Envelope[]> => {
    const before = replies.length;
    board.receive(encodeFrame(encodeEnvelope(msg)));
    await board.idle();
    return replies.slice(before);
  };
  /** Send one request and return its single reply. */
  const ask = async (msg: EnvelopeInit): Promise<Envelope> => {
    const r = await request(msg);
    if (r.length !== 1) throw new Error(`expected one reply, got ${r.length}`);
    return r[0]!;
  };
  return { board, sent, replies, decoder, request, ask };
}
