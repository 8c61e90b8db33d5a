import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  attemptDeadlineMs,
  boardBudgetMs,
  framedBytes,
  wireMs,
} from '../../../drivers/serial/deadline.js';
import { LinkTimeoutError } from '../../../drivers/serial/errors.js';
import { Waitress } from '../../../drivers/serial/waitress.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A named function so the captured stack can be checked for it. */
function askTheBoard(w: Waitress<string>, id: number): Promise<string> {
  return w.add(id, 'matmulRequest');
}

describe('Waitress', () => {
  it('resolves by id, ignores unknown ids', async () => {
    const w = new Waitress<string>(() => undefined);
    const p = w.add(1, 'ping');
    w.arm(1, 100);
    expect(w.resolve(2, 'nope')).toBe(false);
    expect(w.resolve(1, 'pong')).toBe(true);
    await expect(p).resolves.toBe('pong');
    expect(w.size).toBe(0);
    expect(w.resolve(1, 'late')).toBe(false);
  });

  it('calls onExpire per attempt and leaves the retry decision to the caller', async () => {
    const expired: number[] = [];
    const w = new Waitress<string>((id) => expired.push(id));
    const p = w.add(7, 'ping');
    w.arm(7, 100);
    vi.advanceTimersByTime(99);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual([7]);
    w.arm(7, 100);
    expect(w.get(7)).toMatchObject({ attempts: 2, armed: true });
    w.resolve(7, 'ok');
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual([7]);
    await expect(p).resolves.toBe('ok');
  });

  it('times out with a LinkTimeoutError carrying kind, id, attempts, deadline and the caller stack', async () => {
    const w = new Waitress<string>((id) => w.timeout(id), '/dev/ttyUSB0');
    const p = askTheBoard(w, 42);
    w.arm(42, 250);
    vi.advanceTimersByTime(250);
    const err = (await p.catch((e: unknown) => e)) as LinkTimeoutError;
    expect(err).toBeInstanceOf(LinkTimeoutError);
    expect(err).toMatchObject({
      kind: 'matmulRequest',
      requestId: 42,
      attempts: 1,
      deadlineMs: 250,
    });
    expect(err.message).toMatch(
      /^matmulRequest #42: no reply from \/dev\/ttyUSB0 after 1 attempt \(deadline 250 ms each\)/,
    );
    expect(err.stack).toContain('askTheBoard');
    expect(err.stack).not.toMatch(/listOnTimeout|internal\/timers|waitress\.ts/);
  });

  it('disarm stops the clock; an uncounted arm does not add an attempt', () => {
    const expired: number[] = [];
    const w = new Waitress<string>((id) => expired.push(id));
    void w.add(1, 'ping');
    w.arm(1, 10);
    w.disarm(1);
    vi.advanceTimersByTime(100);
    expect(expired).toEqual([]);
    w.arm(1, 10, false);
    expect(w.get(1)!.attempts).toBe(1);
  });

  it('rename keeps the promise under a new id; rejectAll fails everything', async () => {
    const w = new Waitress<string>(() => undefined);
    const a = w.add(1, 'ping');
    const b = w.add(2, 'ping').catch((e: Error) => e.message);
    w.rename(1, 9);
    expect(w.has(1)).toBe(false);
    w.resolve(9, 'moved');
    await expect(a).resolves.toBe('moved');
    expect(() => w.add(2, 'ping')).toThrow(/already pending/);
    expect(w.rejectAll(new Error('closed'))).toBe(1);
    await expect(b).resolves.toBe('closed');
  });
});

describe('deadlines', () => {
  it('wire time is 10 bit times per byte', () => {
    expect(wireMs(11520, 115200)).toBe(1000);
    expect(wireMs(92160, 921600)).toBe(1000);
  });

  it('frames add CRC, delimiter and COBS overhead', () => {
    // payload + 4 CRC bytes, + 1 COBS code byte per started 254, + 1 delimiter.
    expect(framedBytes(0)).toBe(6);
    expect(framedBytes(249)).toBe(255);
    expect(framedBytes(250)).toBe(257);
  });

  it('a deadline is wire time both ways + board budget + margin + what is ahead', () => {
    // Frames of 1145 and 2 payload bytes: (1149 + 4 + 1 + 1) + (6 + 0 + 1 + 1) = 1163 bytes.
    const d = attemptDeadlineMs({
      requestBytes: 1145,
      replyBytes: 2,
      baud: 115200,
      boardMs: 10,
      marginMs: 100,
    });
    expect(d).toBe(Math.ceil((1163 * 10 * 1000) / 115200 + 110));
    expect(
      attemptDeadlineMs({
        requestBytes: 1145,
        replyBytes: 2,
        baud: 115200,
        boardMs: 10,
        marginMs: 100,
        aheadMs: 50,
      }),
    ).toBe(d + 50);
    expect(boardBudgetMs('programWeights', 1000)).toBe(100);
  });
});
