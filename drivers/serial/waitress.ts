import { LinkTimeoutError } from './errors.js';

/**
 * The one registry of requests waiting for a reply: request id -> deferred. A request is added
 * when the caller asks (its stack is captured then), armed each time it is put on the wire (each
 * attempt has its own deadline) and settled by the matching reply, an error, or the final
 * timeout. Timers use the global setTimeout, so tests drive them with fake timers.
 *
 * Retrying is the session's decision, not the registry's: when an attempt's deadline passes the
 * registry calls `onExpire(id)`, and the session either re-sends and re-arms, or calls
 * `timeout(id)` to fail it.
 */

interface Entry<T> {
  id: number;
  readonly kind: string;
  /** Sends so far (arm() calls that counted). */
  attempts: number;
  /** Deadline of the current or last attempt, ms. */
  deadlineMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The caller's stack, captured in add(). */
  readonly origin: { stack?: string };
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

/** A read-only view of one pending request. */
export interface PendingInfo {
  readonly id: number;
  readonly kind: string;
  readonly attempts: number;
  readonly deadlineMs: number;
  /** Whether an attempt's timer is running. */
  readonly armed: boolean;
}

export class Waitress<T> {
  private readonly entries = new Map<number, Entry<T>>();

  constructor(
    /** Called when an attempt's deadline passes; the entry is still pending. */
    private readonly onExpire: (id: number) => void,
    /** Names the far end in timeout messages, e.g. the port path. */
    private readonly peer = 'the board',
  ) {}

  /**
   * Register request `id` of `kind` and return the promise its reply settles. The stack of the
   * code calling add() (minus the registry's own frames) becomes the stack of a later timeout.
   */
  add(id: number, kind: string): Promise<T> {
    if (this.entries.has(id)) throw new Error(`request id ${id} is already pending`);
    const origin: { stack?: string } = {};
    Error.captureStackTrace(origin, this.add);
    return new Promise<T>((resolve, reject) => {
      this.entries.set(id, {
        id,
        kind,
        attempts: 0,
        deadlineMs: 0,
        timer: undefined,
        origin,
        resolve,
        reject,
      });
    });
  }

  /**
   * Start an attempt: its deadline runs from now. `count` = false re-arms without counting an
   * attempt (a resend after a reconnect is not the board's fault).
   */
  arm(id: number, deadlineMs: number, count = true): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.timer !== undefined) clearTimeout(e.timer);
    if (count) e.attempts++;
    e.deadlineMs = deadlineMs;
    e.timer = setTimeout(() => {
      e.timer = undefined;
      if (this.entries.get(id) === e) this.onExpire(id);
    }, deadlineMs);
  }

  /** Stop the current attempt's clock without settling (e.g. while the link is down). */
  disarm(id: number): void {
    const e = this.entries.get(id);
    if (e?.timer !== undefined) {
      clearTimeout(e.timer);
      e.timer = undefined;
    }
  }

  /**
   * Move a pending request to a new id (its attempt clock stopped), keeping the caller's promise
   * and stack: for a request that must be re-issued as a new request, not retried.
   */
  rename(from: number, to: number): void {
    const e = this.entries.get(from);
    if (!e) return;
    if (this.entries.has(to)) throw new Error(`request id ${to} is already pending`);
    if (e.timer !== undefined) clearTimeout(e.timer);
    e.timer = undefined;
    this.entries.delete(from);
    e.id = to;
    this.entries.set(to, e);
  }

  /** Settle with a reply. Returns false when nothing waits for `id` (a late or duplicate reply). */
  resolve(id: number, value: T): boolean {
    const e = this.take(id);
    if (!e) return false;
    e.resolve(value);
    return true;
  }

  /** Fail one request with `error`. */
  reject(id: number, error: Error): boolean {
    const e = this.take(id);
    if (!e) return false;
    e.reject(error);
    return true;
  }

  /** Fail one request with a LinkTimeoutError whose stack is the caller's. */
  timeout(id: number): boolean {
    const e = this.take(id);
    if (!e) return false;
    const err = new LinkTimeoutError(e.kind, e.id, e.attempts, e.deadlineMs, this.peer);
    const frames = e.origin.stack?.split('\n').slice(1).join('\n');
    if (frames) err.stack = `${err.name}: ${err.message}\n${frames}`;
    e.reject(err);
    return true;
  }

  /** Fail everything pending (close, or reconnecting gave up). Returns how many were failed. */
  rejectAll(error: Error): number {
    const ids = [...this.entries.keys()];
    for (const id of ids) this.reject(id, error);
    return ids.length;
  }

  has(id: number): boolean {
    return this.entries.has(id);
  }

  get(id: number): PendingInfo | undefined {
    const e = this.entries.get(id);
    return (
      e && {
        id: e.id,
        kind: e.kind,
        attempts: e.attempts,
        deadlineMs: e.deadlineMs,
        armed: e.timer !== undefined,
      }
    );
  }

  get size(): number {
    return this.entries.size;
  }

  private take(id: number): Entry<T> | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.timer !== undefined) clearTimeout(e.timer);
    this.entries.delete(id);
    return e;
  }
}
