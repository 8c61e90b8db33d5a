/**
 * Serial-link throughput and latency: the host's SerialDevice against the board emulator running
 * in another process (`analoop emulate`) on a real socat pty pair, throttled to 921600 baud
 * (8N1), with 8-bit DAC, ADC and weight codes. For each batch size it reports payload bytes per
 * second as a fraction of the line rate with requests pipelined through the credit window, and
 * the mean round-trip overhead per request beyond wire time with one request at a time.
 * A benchmark, not a test: prints one JSON document on stdout, progress on stderr.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/link.js [--baud 921600] [--array 64]
 *     [--batches 1,16,128] [--seconds 4] [--repeats 3] [--round-trips 40]
 *     [--credit-window n]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encodeFrame } from '../drivers/serial/framing.js';
import { registerSerialDriver } from '../drivers/serial/register.js';
import type { SerialDevice } from '../drivers/serial/serial-device.js';
import type { SerialTransport } from '../drivers/serial/transport.js';
import { openDevice } from '../src/device/registry.js';
import { PROFILE_SCHEMA_ID } from '../src/profile/index.js';
import { parseCli } from './args.js';
import { median, round } from './baseline.js';

const BITS_PER_BYTE = 10; // 8N1
const TILE = 0;

const cli = parseCli(
  'bench/link',
  'Serial-link throughput (as a fraction of the line rate) and round-trip overhead against the board emulator in another process on a socat pty pair; one JSON document on stdout. Needs socat.',
  {
    baud: {
      type: 'string',
      arg: 'n',
      default: '921600',
      help: 'line rate the emulator throttles its pty to',
    },
    array: {
      type: 'string',
      arg: 'n',
      default: '64',
      help: 'rows and columns of the square array',
    },
    batches: {
      type: 'string',
      arg: 'list',
      default: '1,16,128',
      help: 'comma-separated batch sizes to measure',
    },
    seconds: {
      type: 'string',
      arg: 's',
      default: '4',
      help: 'about how much line time each pipelined run takes',
    },
    'round-trips': {
      type: 'string',
      arg: 'n',
      default: '40',
      help: 'products sent one at a time per batch size, for the round-trip overhead',
    },
    repeats: { type: 'string', arg: 'n', default: '3', help: 'pipelined runs per batch size' },
    'credit-window': {
      type: 'string',
      arg: 'n',
      help: "the emulator's DeviceInfo.credit_window, 1 to 1024 (default: the emulator's, 8)",
    },
  },
);
const BAUD = cli.int('baud');
const N = cli.int('array');
const BATCHES = cli.ints('batches');
const SECONDS = cli.positive('seconds');
const ROUND_TRIPS = cli.int('round-trips');
// Checked here with analoop emulate's bounds (src/cli/emulate.ts): its own error came as a stack.
const CREDIT_WINDOW =
  cli.values['credit-window'] === undefined ? undefined : String(cli.int('credit-window', 1, 1024));
const REPEATS = cli.int('repeats');
/** Payload bytes one direction of the line carries per second at best. */
const LINE_BYTES_PER_SEC = BAUD / BITS_PER_BYTE;

/**
 * 8-bit codes everywhere: precision 127 on [-1, 1] gives codes -127..127, the smallest two's
 * complement width holding them is 8 (simulator/board-emulator/converters.ts). No noise: the
 * board's compute should cost as little as possible next to the line. Per-element conversion,
 * so no source map travels with the inputs. maxBatch 128: each batch is one request.
 */
const profile = {
  schema: PROFILE_SCHEMA_ID,
  name: `link-bench-${N}x${N}-8bit`,
  array: { rows: N, cols: N, maxBatch: Math.max(...BATCHES) },
  dac: { range: [-1, 1], precision: 127, conversion: 'per-element' },
  adc: { range: [-1, 1], precision: 127 },
  weights: { range: [-1, 1], precision: 127 },
  seed: 1,
};

const log = (s: string) => process.stderr.write(`bench/link: ${s}\n`);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

function randomValues(n: number, seed: number, scale = 1): Float32Array {
  const r = lcg(seed);
  return Float32Array.from({ length: n }, () => r() * scale);
}

/** Starts `analoop emulate` and resolves once it printed where to connect. */
async function startEmulator(
  profileFile: string,
  link: string,
): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const cli = fileURLToPath(new URL('../bin/analoop.js', import.meta.url));
  const argv = [cli, 'emulate', '--profile', profileFile, '--link', link, '--baud', String(BAUD)];
  // No unsolicited telemetry: every byte on the line is the benchmark's.
  argv.push('--telemetry', '0');
  if (CREDIT_WINDOW !== undefined) argv.push('--credit-window', CREDIT_WINDOW);
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr}`)), 20_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => {
      out += s;
      if (out.includes('connect with')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (code ${code}) before serving: ${stderr}`));
    });
  });
  return { child, exited };
}

/** CPU seconds a process used so far (Linux /proc; undefined elsewhere). */
function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks; the command name may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Counts bytes on the host's side of the line (framed, as they cross the wire). */
function meterLink(device: SerialDevice): { tx: number; rx: number } {
  const m = { tx: 0, rx: 0 };
  const transport = device.session.link as SerialTransport;
  const send = transport.send.bind(transport);
  transport.send = (payload: Uint8Array) => {
    m.tx += encodeFrame(payload).length;
    return send(payload);
  };
  transport.stream!.on('data', (c: Buffer) => (m.rx += c.length));
  return m;
}

interface PipelinedRun {
  requests: number;
  seconds: number;
  /** Payload bytes per second per direction, steady state (from the first reply to the last). */
  payloadBytesPerSec: number;
  /** That over the line's byte rate. */
  fractionOfLineRate: number;
  /** All bytes on the wire (envelope, CRC, COBS, delimiter too) over the line rate, steady state. */
  wireFractionOfLineRate: { hostToBoard: number; boardToHost: number };
  /** Payload over the line rate for the whole run, pipeline fill and drain included. */
  wholeRunFractionOfLineRate: number;
  maxOutstanding: number;
  hostCpuSecondsPerSecond: number;
  emulatorCpuSecondsPerSecond: number | null;
  /** The host's worst event-loop stall: a loaded machine shows up here first. */
  hostEventLoopDelayMaxMs: number;
}

interface BatchResult {
  batch: number;
  /** Code bytes per request (host to board) and per reply (board to host): batch x 64 x 1 byte. */
  payloadBytes: number;
  /** Mean frame sizes on the wire, measured. */
  requestFrameBytes: number;
  replyFrameBytes: number;
  /** Median over the runs, and the spread. */
  fractionOfLineRate: { median: number; min: number; max: number };
  runs: PipelinedRun[];
  roundTrip: {
    requests: number;
    wireMs: number;
    meanMs: number;
    medianMs: number;
    overheadMeanMs: number;
    overheadMedianMs: number;
    overheadMaxMs: number;
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const perLine = (bytesPerSec: number) => round(bytesPerSec / LINE_BYTES_PER_SEC, 4);

/** Requests issued as fast as the credit window takes them, for about SECONDS. */
async function pipelined(
  device: SerialDevice,
  meter: { tx: number; rx: number },
  X: Float32Array,
  batch: number,
  emulatorPid: number | undefined,
): Promise<PipelinedRun> {
  const session = device.session;
  const payload = batch * N;
  const requests = Math.max(
    4 * session.info.creditWindow,
    Math.ceil((SECONDS * LINE_BYTES_PER_SEC) / payload),
  );
  // Twice the credit window of calls open, so the session always has the next one queued.
  const depth = 2 * session.info.creditWindow;
  session.counters.maxOutstanding = 0;
  const done: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const tx0 = meter.tx;
  const rx0 = meter.rx;
  const cpu0 = process.cpuUsage();
  const emuCpu0 = processCpuSeconds(emulatorPid);
  const t0 = performance.now();
  let issued = 0;
  const worker = async () => {
    while (issued < requests) {
      issued++;
      await device.matmul(TILE, X, batch);
      done.push(performance.now());
    }
  };
  await Promise.all(Array.from({ length: depth }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const emuCpu1 = processCpuSeconds(emulatorPid);
  loop.disable();
  const txBytes = meter.tx - tx0;
  const rxBytes = meter.rx - rx0;
  // From the first reply on, both directions are busy. The first request's trip (fill) and the
  // last reply with nothing left to overlap (drain) are a fixed cost per run, not a rate: left
  // in, they would make the figure depend on how long the run is.
  const steady = (done[done.length - 1]! - done[0]!) / 1000;
  const steadyRequests = done.length - 1;
  const rate = (steadyRequests * payload) / steady;
  return {
    requests,
    seconds: round(seconds, 3),
    payloadBytesPerSec: round(rate, 0),
    fractionOfLineRate: perLine(rate),
    wireFractionOfLineRate: {
      hostToBoard: perLine(((txBytes / requests) * steadyRequests) / steady),
      boardToHost: perLine(((rxBytes / requests) * steadyRequests) / steady),
    },
    wholeRunFractionOfLineRate: perLine((requests * payload) / seconds),
    maxOutstanding: session.counters.maxOutstanding,
    hostCpuSecondsPerSecond: round((cpu.user + cpu.system) / 1e6 / seconds, 3),
    emulatorCpuSecondsPerSecond:
      emuCpu0 === undefined || emuCpu1 === undefined
        ? null
        : round((emuCpu1 - emuCpu0) / seconds, 3),
    hostEventLoopDelayMaxMs: round(loop.max / 1e6, 1),
  };
}

async function measureBatch(
  device: SerialDevice,
  meter: { tx: number; rx: number },
  batch: number,
  emulatorPid: number | undefined,
): Promise<BatchResult> {
  const X = randomValues(batch * N, 100 + batch);
  // Warm-up: JIT on both sides.
  for (let i = 0; i < 4; i++) await device.matmul(TILE, X, batch);

  // One at a time: the round trip minus the time its two frames need on the line.
  const tx0 = meter.tx;
  const rx0 = meter.rx;
  const rtts: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t0 = performance.now();
    await device.matmul(TILE, X, batch);
    rtts.push(performance.now() - t0);
  }
  const requestFrame = (meter.tx - tx0) / ROUND_TRIPS;
  const replyFrame = (meter.rx - rx0) / ROUND_TRIPS;
  const wireMs = ((requestFrame + replyFrame) * BITS_PER_BYTE * 1000) / BAUD;
  const overheads = rtts.map((t) => t - wireMs);

  const runs: PipelinedRun[] = [];
  for (let r = 0; r < REPEATS; r++) {
    runs.push(await pipelined(device, meter, X, batch, emulatorPid));
  }
  const fractions = runs.map((r) => r.fractionOfLineRate);
  return {
    batch,
    payloadBytes: batch * N,
    requestFrameBytes: round(requestFrame, 1),
    replyFrameBytes: round(replyFrame, 1),
    fractionOfLineRate: {
      median: round(median(fractions), 4),
      min: Math.min(...fractions),
      max: Math.max(...fractions),
    },
    runs,
    roundTrip: {
      requests: ROUND_TRIPS,
      wireMs: round(wireMs, 3),
      meanMs: round(mean(rtts), 3),
      medianMs: round(median(rtts), 3),
      overheadMeanMs: round(mean(overheads), 3),
      overheadMedianMs: round(median(overheads), 3),
      overheadMaxMs: round(Math.max(...overheads), 3),
    },
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) {
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'link', skipped: 'socat is not installed (apt-get install socat)' }, null, 2)}\n`,
    );
    return;
  }
  const dir = await mkdtemp(join(os.tmpdir(), 'bench-link-'));
  const profileFile = join(dir, 'profile.json');
  const link = join(dir, 'board.tty');
  await writeFile(profileFile, JSON.stringify(profile));
  const load0 = os.loadavg();
  const emu = await startEmulator(profileFile, link);
  let device: SerialDevice | undefined;
  try {
    registerSerialDriver();
    device = (await openDevice(
      `serial:${link}?baud=${BAUD}&heartbeat=0&telemetry=0`,
    )) as SerialDevice;
    const meter = meterLink(device);
    await device.program(TILE, randomValues(N * N, 7, 0.9), N, N);
    const results: BatchResult[] = [];
    for (const batch of BATCHES) {
      log(`batch ${batch}`);
      results.push(await measureBatch(device, meter, batch, emu.child.pid));
    }
    const info = device.session.info;
    const c = device.session.counters;
    const doc = {
      benchmark: 'link',
      settings: {
        baud: BAUD,
        lineBytesPerSecPerDirection: LINE_BYTES_PER_SEC,
        framing: '8N1 (10 bit times per byte)',
        array: `${N}x${N}`,
        codeBits: { dac: info.dac!.bits, adc: info.adc!.bits, weight: info.weight!.bits },
        creditWindow: info.creditWindow,
        maxBatch: info.maxBatch,
        emulator: 'analoop emulate in another process, socat pty pair, --baud throttle',
        payload: 'code bytes only: input codes host to board, output codes board to host',
        secondsPerRun: SECONDS,
        repeats: REPEATS,
        roundTrips: ROUND_TRIPS,
      },
      loadAverage: {
        start: load0.map((x) => round(x, 2)),
        end: os.loadavg().map((x) => round(x, 2)),
      },
      summary: Object.fromEntries(
        results.map((r) => [
          `batch${r.batch}`,
          {
            fractionOfLineRate: r.fractionOfLineRate.median,
            roundTripOverheadMs: r.roundTrip.overheadMeanMs,
          },
        ]),
      ),
      target: {
        what: 'payload >= 90% of the line rate at batch 16 and above (median of the runs)',
        met: results.filter((r) => r.batch >= 16).every((r) => r.fractionOfLineRate.median >= 0.9),
      },
      meanRoundTripOverheadMs: round(
        results.reduce((a, r) => a + r.roundTrip.overheadMeanMs, 0) / results.length,
        3,
      ),
      batches: results,
      hostCounters: {
        sent: c.sent,
        retries: c.retries,
        timeouts: c.timeouts,
        lateReplies: c.lateReplies,
      },
      wallSeconds: round((performance.now() - started) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    await device?.close().catch(() => undefined);
    emu.child.kill('SIGINT');
    const code = await emu.exited;
    if (code !== 0) log(`emulator exited with code ${code}`);
    if (existsSync(link)) log(`emulator left ${link} behind`);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
