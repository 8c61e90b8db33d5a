import { Command, InvalidArgumentError } from 'commander';
import {
  loadProfile,
  paperProfile,
  type PaperProfileOptions,
  type Profile,
} from '../profile/index.js';
import { UsageError } from './errors.js';
import { integer, positiveNumber } from './parse.js';

/**
 * `analoop emulate`: serve the board protocol on a pseudo-terminal with the simulator's physics,
 * so `analoop train --device serial:./board.tty` runs against a "board" with no hardware.
 *
 * The emulator lives in simulator/, which src/ must not import; like device schemes it is
 * plugged in from bin/ with setEmulatorServer() (simulator/board-emulator/register.ts).
 */

export interface EmulateRequest {
  profile: Profile;
  /** Where the host end appears (a symlink to the pty); the board end is `<link>.board`. */
  link: string;
  baud?: number;
  seed?: number;
  /** Fault spec, parsed by the emulator (e.g. "drop=0.01,seed=7"). */
  faults?: string;
  telemetryIntervalMs: number;
  creditWindow?: number;
  reconnectDelayMs: number;
  /** Progress and fault events, one line each (stderr). */
  log: (line: string) => void;
}

export interface EmulatorHandle {
  /** Resolves when the server stops by itself (a fatal error rejects). */
  closed: Promise<void>;
  stop(): Promise<void>;
}

export type EmulatorServer = (request: EmulateRequest) => Promise<EmulatorHandle>;

let server: EmulatorServer | undefined;

/** Plugs in the board emulator (called once from bin/). */
export function setEmulatorServer(s: EmulatorServer): void {
  server = s;
}

const PAPER_KEYS = ['p', 'ep', 'model', 'seed', 'rows', 'cols', 'maxBatch'] as const;
const PAPER_FORM =
  'paper:p=<precision>,ep=<error probability>[,model=gaussian][,rows=..,cols=..,maxBatch=..][,seed=n]';

/** `paper:p=16,ep=0.5[,...]` -> the paper preset; anything else is a profile file. */
export async function resolveProfileSpec(spec: string): Promise<Profile> {
  if (!spec.startsWith('paper:')) return loadProfile(spec);
  const o: Record<string, string> = {};
  for (const part of spec.slice('paper:'.length).split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m || !(PAPER_KEYS as readonly string[]).includes(m[1]!)) {
      throw new UsageError(
        `--profile ${spec}: "${part}" is not one of ${PAPER_KEYS.join(', ')}; write ${PAPER_FORM}`,
      );
    }
    o[m[1]!] = m[2]!;
  }
  const num = (k: string): number | undefined => {
    if (o[k] === undefined) return undefined;
    const n = Number(o[k]);
    if (o[k] === '' || !Number.isFinite(n))
      throw new UsageError(`--profile ${spec}: ${k}=${o[k]} is not a number; write ${PAPER_FORM}`);
    return n;
  };
  const p = num('p');
  const ep = num('ep');
  if (p === undefined || ep === undefined)
    throw new UsageError(`--profile ${spec}: give p and ep; write ${PAPER_FORM}`);
  const opts: PaperProfileOptions = { p, ep };
  if (o.model !== undefined) opts.model = o.model as PaperProfileOptions['model'];
  for (const k of ['rows', 'cols', 'maxBatch', 'seed'] as const) {
    const v = num(k);
    if (v !== undefined) opts[k] = v;
  }
  return paperProfile(opts);
}

/** The device URI a host uses to reach the emulator. */
export function connectUri(link: string, baud?: number): string {
  return `serial:${link}${baud ? `?baud=${baud}` : ''}`;
}

function milliseconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected milliseconds >= 0, got "${value}"`);
  return n;
}

interface EmulateCliOptions {
  profile: string;
  link: string;
  baud?: number;
  seed?: number;
  faults?: string;
  telemetry: number;
  creditWindow?: number;
  reconnectDelay: number;
}

export function emulateCommand(): Command {
  return new Command('emulate')
    .description(
      "Serve the board protocol on a pseudo-terminal with the simulator's physics (needs socat); " +
        'connect with --device serial:<link>. Runs until Ctrl-C.',
    )
    .requiredOption('--profile <spec>', `calibration profile: a JSON file, or ${PAPER_FORM}`)
    .requiredOption('--link <path>', 'where the host end of the pty appears, e.g. ./board.tty')
    .option(
      '--baud <rate>',
      'throttle both directions to this line rate (8N1); default unthrottled',
      integer(1),
    )
    .option('--seed <n>', "noise seed (overrides the profile's)", integer(0, 0xffffffff))
    .option(
      '--faults <spec>',
      'inject faults: corrupt=<rate>,drop=<rate>,stall=<n>@<req>|stall=<ms>ms@<req>,disconnect@<req>,powerloss@<req>,seed=<n>',
    )
    .option(
      '--telemetry <seconds>',
      'unsolicited telemetry period after a Hello; 0 = off',
      positiveOrZero,
      5,
    )
    .option('--credit-window <n>', 'requests the host may keep outstanding', integer(1, 1024))
    .option(
      '--reconnect-delay <ms>',
      'how long a disconnect fault keeps the link down',
      milliseconds,
      1000,
    )
    .action(async (o: EmulateCliOptions) => {
      if (!server) {
        throw new Error(
          'the board emulator is not plugged into this build: bin/analoop.ts must call registerBoardEmulator() from simulator/board-emulator',
        );
      }
      const profile = await resolveProfileSpec(o.profile);
      const log = (line: string) => process.stderr.write(`analoop emulate: ${line}\n`);
      const handle = await server({
        profile,
        link: o.link,
        log,
        telemetryIntervalMs: o.telemetry * 1000,
        reconnectDelayMs: o.reconnectDelay,
        ...(o.baud === undefined ? {} : { baud: o.baud }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
        ...(o.faults === undefined ? {} : { faults: o.faults }),
        ...(o.creditWindow === undefined ? {} : { creditWindow: o.creditWindow }),
      });
      process.stdout.write(
        `board emulator (${profile.name}) on ${o.link}${o.baud ? ` at ${o.baud} baud` : ''}; connect with: analoop train --device ${connectUri(o.link, o.baud)}\n`,
      );
      let signalled: NodeJS.Signals | undefined;
      const stopped = new Promise<void>((resolve) => {
        const onSignal = (s: NodeJS.Signals) => {
          signalled = s;
          resolve();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        handle.closed
          .finally(() => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          })
          .catch(() => undefined);
      });
      await Promise.race([stopped, handle.closed]);
      if (signalled) log(`${signalled}: stopping`);
      await handle.stop();
      await handle.closed;
    });
}

function positiveOrZero(value: string): number {
  if (value.trim() === '0') return 0;
  return positiveNumber(value);
}
