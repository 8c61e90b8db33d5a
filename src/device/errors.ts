/**
 * Why a device operation failed. One class with a machine-readable `code`, so callers (the CLI,
 * a trainer retrying a board) can branch on the cause while users read a message that says
 * what was wrong and how to write it correctly.
 */
export type DeviceErrorCode =
  /** The URI is not `scheme:target?params`. */
  | 'bad-uri'
  /** No factory is registered for the URI's scheme. */
  | 'unknown-scheme'
  /** A URI parameter is missing, unknown or has an invalid value. */
  | 'bad-parameter'
  /** A scheme was registered twice. */
  | 'duplicate-scheme'
  /** program()/matmul() got a shape that does not fit the tile or the data. */
  | 'bad-shape'
  /** matmul() on a tile that was never programmed. */
  | 'not-programmed'
  /** The device was closed. */
  | 'closed';

export class DeviceError extends Error {
  override readonly name = 'DeviceError';
  readonly code: DeviceErrorCode;
  /** The offending URI parameter, for `bad-parameter`. */
  readonly param?: string;

  constructor(
    code: DeviceErrorCode,
    message: string,
    options?: { param?: string; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.param !== undefined) this.param = options.param;
  }
}
