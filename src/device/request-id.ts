import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How a product's wire request ids reach the trace without the Device interface knowing about
 * request ids. A recorder runs each call inside `settleWithRequestIds`; a driver that sends the
 * call as one or more requests calls `reportRequestId(id)` from within it. Async context (rather
 * than a "last id" field) keeps ids right when products are pipelined and overlap.
 */

interface Slot {
  ids: number[];
}

const storage = new AsyncLocalStorage<Slot>();

export type Settled<T> =
  | { ok: true; value: T; requestIds: number[] }
  | { ok: false; error: unknown; requestIds: number[] };

/** Run `fn`; return its outcome (value or error) with the request ids a driver reported inside it. */
export async function settleWithRequestIds<T>(fn: () => Promise<T>): Promise<Settled<T>> {
  const slot: Slot = { ids: [] };
  try {
    const value = await storage.run(slot, fn);
    return { ok: true, value, requestIds: slot.ids };
  } catch (error) {
    return { ok: false, error, requestIds: slot.ids };
  }
}

/**
 * Called by a driver when it assigns the request id of (part of) the product being executed,
 * e.g. in SerialDevice.matmul for each max_batch chunk. A no-op outside a recorder. A retry
 * reuses its id; reporting it again changes nothing.
 */
export function reportRequestId(id: number): void {
  const slot = storage.getStore();
  if (slot && !slot.ids.includes(id)) slot.ids.push(id);
}

/**
 * The reporter of the product being executed now, bound to it: for a driver that learns of a
 * further id for the same product later, outside the caller's async context (e.g. a request
 * re-issued under a fresh id from a reply handler). Undefined outside a recorder.
 */
export function requestIdReporter(): ((id: number) => void) | undefined {
  const slot = storage.getStore();
  if (!slot) return undefined;
  return (id) => {
    if (!slot.ids.includes(id)) slot.ids.push(id);
  };
}
