import { maxFrameLength } from './framing.js';

/**
 * How long one attempt of a request may take before it is retried: the time its bytes and its
 * reply's bytes need on the wire, plus the board's time to do the work, plus a margin for USB
 * latency and scheduling. A fixed timeout would be wrong both ways: too short for a 128-row batch
 * at 115200 baud (seconds on the wire), too long to notice a dead board behind a ping.
 */

/** A UART byte costs 10 bit times on 8N1 (start bit + 8 data bits + stop bit). */
export const BITS_PER_BYTE = 10;

/** Wire size of a frame carrying `payloadBytes`: CRC, delimiter and COBS's worst-case overhead. */
export function framedBytes(payloadBytes: number): number {
  return maxFrameLength(payloadBytes);
}

/** Milliseconds `bytes` take on a line at `baud` (8N1). */
export function wireMs(bytes: number, baud: number): number {
  return (bytes * BITS_PER_BYTE * 1000) / baud;
}

/**
 * The board's own time for one request of `kind` with `elements` values (weights written, or
 * input plus output values of a product). Generous on purpose: the margin catches scheduling
 * noise, this catches real work (a memristive write-verify loop is tens of microseconds a cell).
 */
export function boardBudgetMs(kind: string, elements = 0): number {
  switch (kind) {
    case 'programWeights':
      return 50 + elements * 0.05;
    case 'matmulRequest':
    case 'probeRequest':
      return 10 + elements * 0.001;
    case 'hello':
    case 'reset':
      return 200;
    default:
      return 10;
  }
}

export interface DeadlineInput {
  /** Envelope bytes of the request (before framing). */
  requestBytes: number;
  /** Expected envelope bytes of the reply (before framing). */
  replyBytes: number;
  baud: number;
  /** The board's time budget for this request, ms (boardBudgetMs). */
  boardMs: number;
  /** Fixed margin, ms (the URI's timeout=). */
  marginMs: number;
  /** Wire and board time of requests sent before this one and not yet answered, ms. */
  aheadMs?: number;
}

/** The deadline of one attempt, whole milliseconds. */
export function attemptDeadlineMs(d: DeadlineInput): number {
  const wire = wireMs(framedBytes(d.requestBytes) + framedBytes(d.replyBytes), d.baud);
  return Math.ceil(wire + d.boardMs + d.marginMs + (d.aheadMs ?? 0));
}
