/**
 * A serial line's speed, imposed on a link that has none (a pseudo-terminal moves bytes as fast
 * as the kernel copies them). Each chunk is delivered when its last byte would have arrived on
 * an 8N1 UART: 10 bit times per byte, back to back after the previous chunk. Due times
 * accumulate from when the line frees up, not from the timer firing, so timer granularity
 * (about 1 ms) shifts single chunks but not the long-run byte rate. One direction per instance.
 */
export class LineRate {
  private freeAt = 0;
  private readonly pending: { due: number; run: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `baud` 0 or undefined: no throttling, chunks are delivered synchronously. */
  constructor(
    readonly baud: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds the line needs for `bytes` bytes. */
  wireTimeMs(bytes: number): number {
    return this.baud ? (bytes * 10 * 1000) / this.baud : 0;
  }

  /** Runs `deliver` once `bytes` bytes would have crossed the line. */
  schedule(bytes: number, deliver: () => void): void {
    if (!this.baud) {
      deliver();
      return;
    }
    const t = this.now();
    this.freeAt = Math.max(t, this.freeAt) + this.wireTimeMs(bytes);
    this.pending.push({ due: this.freeAt, run: deliver });
    this.arm();
  }

  /** Forgets everything not yet delivered (the link dropped). */
  clear(): void {
    this.pending.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.freeAt = 0;
  }

  private arm(): void {
    if (this.timer || this.pending.length === 0) return;
    const wait = Math.max(0, this.pending[0]!.due - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    // Half a millisecond of slack: setTimeout fires on whole milliseconds.
    const t = this.now() + 0.5;
    while (this.pending.length && this.pending[0]!.due <= t) this.pending.shift()!.run();
    this.arm();
  }
}
