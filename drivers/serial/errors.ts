import { versionMismatchMessage } from './version.js';
/**
 * Why a request over the serial link failed. Each cause is its own class so a caller (the
 * trainer deciding whether to resume from a checkpoint, a test) can tell them apart with
 * instanceof, and each message says what happened and what to do about it.
 */

/** Base class of every serial-link failure. */
export class LinkError extends Error {
  override name = 'LinkError';
}

/**
 * The board did not answer a request within its deadline, after every retry. The stack is the
 * caller's (captured when the request was made), not a timer's, so it points at whoever waited.
 */
export class LinkTimeoutError extends LinkError {
  override name = 'LinkTimeoutError';
  constructor(
    /** Request kind, e.g. 'matmulRequest'. */
    readonly kind: string,
    readonly requestId: number,
    /** How many times the request was sent. */
    readonly attempts: number,
    /** The per-attempt deadline of the last attempt, milliseconds. */
    readonly deadlineMs: number,
    readonly port = 'the board',
  ) {
    super(
      `${kind} #${requestId}: no reply from ${port} after ${attempts} attempt${attempts === 1 ? '' : 's'} ` +
        `(deadline ${deadlineMs} ms each); the board stopped answering: check the cable and power, ` +
        `raise timeout= or retries= in the device URI, then resume from the last checkpoint`,
    );
  }
}

/** The board answered with an Error message. */
export class BoardError extends LinkError {
  override name = 'BoardError';
  constructor(
    /** The protocol's ErrorCode number. */
    readonly code: number,
    /** Its name, e.g. 'OUT_OF_RANGE'. */
    readonly codeName: string,
    /** The board's own message. */
    readonly boardMessage: string,
    readonly kind: string,
    readonly requestId: number,
  ) {
    super(
      `${kind} #${requestId}: the board answered ${codeName}: ${boardMessage || '(no message)'}`,
    );
  }
}

/** Host and board speak different protocol versions. */
export class ProtocolVersionError extends LinkError {
  override name = 'ProtocolVersionError';
  constructor(
    /** The board's version, or undefined when it only said it does not speak ours. */
    readonly boardVersion: number | undefined,
    readonly hostVersion: number,
    detail?: string,
  ) {
    super(
      boardVersion === undefined
        ? `board does not speak analoop protocol ${hostVersion}${detail ? ` (it says: ${detail})` : ''}: update the board firmware or analoop`
        : versionMismatchMessage(hostVersion, boardVersion),
    );
  }
}

/** The board sent something the protocol does not allow here (e.g. the wrong reply kind). */
export class LinkProtocolError extends LinkError {
  override name = 'LinkProtocolError';
}

/** The link is closed (by close(), or because reconnecting gave up); the request was not sent or not answered. */
export class LinkClosedError extends LinkError {
  override name = 'LinkClosedError';
}
