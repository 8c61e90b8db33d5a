import { hash32, randomUnit, splitmix32, type Rng } from '../../src/data/prng.js';

/**
 * Fault injection for the board emulator, from a spec such as
 *
 *   corrupt=0.001,drop=0.01,stall=20@5000,stall=2000ms@800,disconnect@300,powerloss@900,seed=7
 *
 * - corrupt=R      every byte on the line, both directions, is corrupted (XOR with a random
 *                  non-zero value) with probability R. Host -> board damage makes the board drop
 *                  the frame (a CRC error, counted), so the host must retry; board -> host damage
 *                  makes the host drop the reply.
 * - drop=R         each reply frame is executed but not sent, with probability R (counted as a
 *                  dropped frame): the host's retry must get the cached reply, not a re-execution.
 * - stall=N@K      the board hangs at request K: requests K .. K+N-1 (by arrival, retries
 *                  included) are neither executed nor answered.
 * - stall=Tms@K    from request K on, every request arriving within T milliseconds is ignored.
 * - disconnect@K   the link drops when request K arrives (like a pulled USB cable): the board end
 *                  closes, request K and everything queued is lost, then the link comes back on
 *                  the same path. The board keeps power: programmed tiles and the
 *                  de-duplication cache survive, so a retry of an executed request is not re-run.
 * - powerloss@K    like disconnect, but the board also loses its tiles, its cache and its uptime:
 *                  the host must re-program (its next matmul gets NOT_PROGRAMMED).
 * - seed=S         seed of the random faults (default 0). The same spec, seed and traffic give
 *                  the same faults, byte for byte.
 *
 * Requests are counted from 1 in arrival order (every decoded request, retries included).
 * stall, disconnect and powerloss may be given several times.
 */

export interface StallFault {
  at: number;
  /** Either a number of requests or a duration. */
  requests?: number;
  ms?: number;
}

export interface FaultSpec {
  corrupt: number;
  drop: number;
  stalls: StallFault[];
  disconnects: number[];
  powerlosses: number[];
  seed: number;
}

export const NO_FAULTS: FaultSpec = Object.freeze({
  corrupt: 0,
  drop: 0,
  stalls: [],
  disconnects: [],
  powerlosses: [],
  seed: 0,
}) as FaultSpec;

export const FAULT_SPEC_SYNTAX =
  'corrupt=<rate>,drop=<rate>,stall=<requests>@<request>|stall=<ms>ms@<request>,disconnect@<request>,powerloss@<request>,seed=<n>; e.g. corrupt=0.001,drop=0.01,stall=20@5000,disconnect@300,seed=7';

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

function bad(part: string, why: string): FaultSpecError {
  return new FaultSpecError(`fault spec: "${part}" ${why}; syntax: ${FAULT_SPEC_SYNTAX}`);
}

function rate(part: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw bad(part, 'needs a rate in [0, 1]');
  return n;
}

function requestNumber(part: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v)))
    throw bad(part, 'needs a request number >= 1 after "@"');
  return Number(v);
}

/** Parses a fault spec; "" or "none" is no faults. Errors quote the part and the syntax. */
export function parseFaultSpec(spec: string): FaultSpec {
  const out: FaultSpec = {
    corrupt: 0,
    drop: 0,
    stalls: [],
    disconnects: [],
    powerlosses: [],
    seed: 0,
  };
  const s = spec.trim();
  if (s === '' || s === 'none') return out;
  for (const raw of s.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^corrupt=(.*)$/.exec(part))) out.corrupt = rate(part, m[1]!);
    else if ((m = /^drop=(.*)$/.exec(part))) out.drop = rate(part, m[1]!);
    else if ((m = /^seed=(.*)$/.exec(part))) {
      if (!/^\d+$/.test(m[1]!) || Number(m[1]) > 0xffffffff)
        throw bad(part, 'needs an integer seed in 0..4294967295');
      out.seed = Number(m[1]);
    } else if ((m = /^stall=(\d+)(ms)?@(.*)$/.exec(part))) {
      const n = Number(m[1]);
      if (n < 1) throw bad(part, 'needs a stall length >= 1');
      const at = requestNumber(part, m[3]!);
      out.stalls.push(m[2] ? { at, ms: n } : { at, requests: n });
    } else if ((m = /^disconnect@(.*)$/.exec(part)))
      out.disconnects.push(requestNumber(part, m[1]!));
    else if ((m = /^powerloss@(.*)$/.exec(part))) out.powerlosses.push(requestNumber(part, m[1]!));
    else throw bad(part, 'is not a fault');
  }
  return out;
}

/** What happens to one arriving request. */
export type RequestFate = 'serve' | 'stall' | 'disconnect' | 'powerloss';

/**
 * The faults in effect, with their own generators: one per direction for corruption and one
 * for drops, each keyed on (seed, purpose), so the faults in one direction do not depend on the
 * amount of traffic in the other.
 */
export class FaultInjector {
  private readonly rxRng: Rng;
  private readonly txRng: Rng;
  private readonly dropRng: Rng;
  private requests = 0;
  private stallUntil = -Infinity;
  /** Injected-fault counters, for telemetry and tests. */
  readonly counts = { corruptedBytes: 0, droppedReplies: 0, stalledRequests: 0, disconnects: 0 };

  constructor(
    readonly spec: FaultSpec = NO_FAULTS,
    private readonly now: () => number = Date.now,
  ) {
    this.rxRng = splitmix32(hash32(spec.seed, 1));
    this.txRng = splitmix32(hash32(spec.seed, 2));
    this.dropRng = splitmix32(hash32(spec.seed, 3));
  }

  get active(): boolean {
    const s = this.spec;
    return (
      s.corrupt > 0 ||
      s.drop > 0 ||
      s.stalls.length > 0 ||
      s.disconnects.length > 0 ||
      s.powerlosses.length > 0
    );
  }

  /** Requests seen so far. */
  get requestCount(): number {
    return this.requests;
  }

  /** Bytes arriving from the host, possibly corrupted (a copy when anything changed). */
  corruptIncoming(bytes: Uint8Array): Uint8Array {
    return this.corrupt(bytes, this.rxRng);
  }

  /** Bytes going to the host, possibly corrupted (a copy when anything changed). */
  corruptOutgoing(bytes: Uint8Array): Uint8Array {
    return this.corrupt(bytes, this.txRng);
  }

  private corrupt(bytes: Uint8Array, rng: Rng): Uint8Array {
    const r = this.spec.corrupt;
    if (r <= 0) return bytes;
    let out = bytes;
    for (let i = 0; i < bytes.length; i++) {
      if (randomUnit(rng) >= r) continue;
      if (out === bytes) out = Uint8Array.from(bytes);
      out[i] = out[i]! ^ (1 + (rng() % 255));
      this.counts.corruptedBytes++;
    }
    return out;
  }

  /** Whether to swallow this reply frame. */
  dropReply(): boolean {
    if (this.spec.drop <= 0 || randomUnit(this.dropRng) >= this.spec.drop) return false;
    this.counts.droppedReplies++;
    return true;
  }

  /** Counts an arriving request and decides its fate. */
  onRequest(): RequestFate {
    const n = ++this.requests;
    const s = this.spec;
    if (s.powerlosses.includes(n)) {
      this.counts.disconnects++;
      return 'powerloss';
    }
    if (s.disconnects.includes(n)) {
      this.counts.disconnects++;
      return 'disconnect';
    }
    for (const st of s.stalls) {
      if (st.ms !== undefined && n === st.at) this.stallUntil = this.now() + st.ms;
      const inCount = st.requests !== undefined && n >= st.at && n < st.at + st.requests;
      if (inCount) {
        this.counts.stalledRequests++;
        return 'stall';
      }
    }
    if (this.now() < this.stallUntil) {
      this.counts.stalledRequests++;
      return 'stall';
    }
    return 'serve';
  }
}
