/**
 * The board's de-duplication cache: the encoded reply frames of the last `capacity` request
 * ids. A host that timed out resends a request with the same id; the board answers it from
 * here instead of executing it again, so a retried matmul or program is never applied twice.
 * Insertion order is eviction order (a Map iterates in insertion order).
 */
export class ReplyCache {
  private readonly replies = new Map<number, Uint8Array>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ReplyCache: capacity must be a positive integer, got ${capacity}`);
    }
  }

  get size(): number {
    return this.replies.size;
  }

  get(requestId: number): Uint8Array | undefined {
    return this.replies.get(requestId);
  }

  set(requestId: number, frame: Uint8Array): void {
    this.replies.delete(requestId);
    this.replies.set(requestId, frame);
    while (this.replies.size > this.capacity) {
      this.replies.delete(this.replies.keys().next().value!);
    }
  }

  clear(): void {
    this.replies.clear();
  }
}
